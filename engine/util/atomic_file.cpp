// util/atomic_file.cpp — see atomic_file.hpp.
#include "util/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace leda::util {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const fs::path& path, std::string_view step, int err) {
  throw std::runtime_error(fmt::format("{}: {}: {}", path.string(), step, std::strerror(err)));
}

fs::path folder_of(const fs::path& path) {
  return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

std::string temp_prefix(const fs::path& path) {
  return "." + path.filename().string() + ".tmp-";
}

// Creates a new temporary file beside `path` (O_EXCL, so never someone else's); the kernel
// applies the umask to its mode as for any new file.
int create_temp(const fs::path& path, std::string& temp) {
  static std::atomic<unsigned> counter{0};
  const fs::path dir = folder_of(path);
  for (int attempt = 0;; ++attempt) {
    temp = (dir / fmt::format("{}{}-{}", temp_prefix(path), ::getpid(), counter++)).string();
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) return fd;
    if (errno != EEXIST || attempt == 100)
      fail(path, "cannot create a temporary file in " + dir.string(), errno);
  }
}

bool write_all(int fd, std::string_view content) {
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

// fsync, where EINVAL means the file system cannot flush (tmpfs): nothing to do.
bool flushed(int fd) {
  return ::fsync(fd) == 0 || errno == EINVAL;
}

void fsync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) fail(path, "cannot open", errno);
  if (!flushed(fd)) {
    const int err = errno;
    ::close(fd);
    fail(path, "fsync failed", err);
  }
  ::close(fd);
}

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view content, SyncFolder sync_folder) {
  std::string temp;
  const int fd = create_temp(path, temp);
  const auto give_up = [&](std::string_view step, int err) {
    ::unlink(temp.c_str());
    fail(path, step, err);
  };
  if (!write_all(fd, content)) {
    const int err = errno;
    ::close(fd);
    give_up("write failed", err);
  }
  const int synced = flushed(fd) ? 0 : errno;
  const int closed = ::close(fd) == 0 ? 0 : errno;
  if (synced != 0 || closed != 0) give_up("fsync failed", synced != 0 ? synced : closed);
  if (std::rename(temp.c_str(), path.c_str()) != 0) give_up("cannot rename into place", errno);
  if (sync_folder) fsync_dir(folder_of(path));
}

std::size_t remove_stale_temp_files(const fs::path& path) {
  const std::string prefix = temp_prefix(path);
  std::size_t removed = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder_of(path), ec)) {
    if (entry.path().filename().string().rfind(prefix, 0) != 0) continue;
    std::error_code rm;
    if (fs::remove(entry.path(), rm)) ++removed;
  }
  return removed;
}

void fsync_file(const fs::path& path) {
  fsync_path(path, O_RDONLY);
}

void fsync_dir(const fs::path& dir) {
  fsync_path(dir, O_RDONLY | O_DIRECTORY);
}

}  // namespace leda::util
