#include "store/durable_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

namespace leda::store {
namespace {

[[noreturn]] void fail(std::string_view what, const std::string& path) {
  throw std::runtime_error(fmt::format("{}: {}: {}", path, what, std::strerror(errno)));
}

void fsync_open(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) fail("cannot open", path);
  if (::fsync(fd) != 0 && errno != EINVAL) {  // EINVAL: the file system cannot sync (tmpfs)
    int saved = errno;
    ::close(fd);
    errno = saved;
    fail("fsync failed", path);
  }
  ::close(fd);
}

}  // namespace

void fsync_file(const std::string& path) {
  fsync_open(path, O_RDONLY);
}

void fsync_dir(const std::string& dir) {
  fsync_open(dir, O_RDONLY | O_DIRECTORY);
}

std::string parent_dir(const std::string& path) {
  auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

void write_atomically(const std::string& path, std::string_view content,
                      const std::string& temp_path) {
  int fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("cannot create", temp_path);
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int saved = errno;
      ::close(fd);
      ::unlink(temp_path.c_str());
      errno = saved;
      fail("write failed", temp_path);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 && errno != EINVAL) {
    int saved = errno;
    ::close(fd);
    ::unlink(temp_path.c_str());
    errno = saved;
    fail("fsync failed", temp_path);
  }
  ::close(fd);
  if (std::rename(temp_path.c_str(), path.c_str()) != 0) {
    int saved = errno;
    ::unlink(temp_path.c_str());
    errno = saved;
    fail("cannot rename into place", path);
  }
  fsync_dir(parent_dir(path));
}

}  // namespace leda::store
