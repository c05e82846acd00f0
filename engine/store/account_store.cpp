#include "store/account_store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "store/layout.hpp"
#include "store/sha256.hpp"
#include "util/atomic_file.hpp"
#include "util/gzip.hpp"

namespace leda::store {
namespace fs = std::filesystem;
namespace {

std::string errno_text() {
  return std::strerror(errno);
}

// Creates `dir` if missing; returns true when it was created.
bool make_dir(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0755) == 0) return true;
  if (errno == EEXIST) {
    struct stat st;
    if (::stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return false;
    throw StoreError(fmt::format("{}: exists and is not a directory", dir));
  }
  throw StoreError(fmt::format("{}: cannot create directory: {}", dir, errno_text()));
}

void make_dirs(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw StoreError(fmt::format("{}: cannot create directory: {}", dir, ec.message()));
}

}  // namespace

AccountStore::AccountStore(const std::string& root, const std::string& account)
    : dir_(root + "/" + account), meta_dir_(dir_ + "/.leda"), tmp_dir_(meta_dir_ + "/tmp") {
  if (!is_account_id(account))
    throw StoreError(fmt::format("'{}' is not an account id (decimal digits)", account));
  make_dirs(dir_);
  make_dir(meta_dir_);
  make_dir(tmp_dir_);

  const std::string lock_path = meta_dir_ + "/lock";
  lock_fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock_fd_ < 0) throw StoreError(fmt::format("{}: cannot open: {}", lock_path, errno_text()));
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    const bool busy = errno == EWOULDBLOCK;
    const std::string why = errno_text();
    ::close(lock_fd_);
    lock_fd_ = -1;
    throw StoreError(busy ? fmt::format("{}: another leda fetch is writing this store", dir_)
                          : fmt::format("{}: cannot lock: {}", lock_path, why));
  }

  // Whatever is in tmp/ belongs to a run that died: it was never verified, so it goes.
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(tmp_dir_, ec)) {
    std::error_code rm;
    fs::remove_all(entry.path(), rm);
    if (!rm) ++stale_removed_;
  }
  util::remove_stale_temp_files(manifest_path());  // a manifest save cut short

  const std::string path = manifest_path();
  std::string text;
  if (::access(path.c_str(), F_OK) == 0) {
    try {
      leda::util::read_file(path, text);
      manifest_ = Manifest::parse(text, path);
    } catch (const std::exception& e) {
      ::close(lock_fd_);
      lock_fd_ = -1;
      throw StoreError(fmt::format("{} (move it away to rebuild the store)", e.what()));
    }
    if (manifest_.account != account) {
      ::close(lock_fd_);
      lock_fd_ = -1;
      throw StoreError(
          fmt::format("{}: belongs to account {}, not {}", path, manifest_.account, account));
    }
  }
  manifest_.account = account;
  last_save_ = std::chrono::steady_clock::now();
}

AccountStore::~AccountStore() {
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the flock
}

std::string AccountStore::manifest_path() const {
  return meta_dir_ + "/manifest.json";
}

std::string AccountStore::new_temp_path() {
  std::lock_guard lock(mutex_);
  return fmt::format("{}/download-{}-{}.part", tmp_dir_, ::getpid(), ++temp_counter_);
}

bool AccountStore::verified(const std::string& type, const std::string& name) const {
  ManifestEntry entry;
  {
    std::lock_guard lock(mutex_);
    const ManifestEntry* e = manifest_.find(type, name);
    if (!e) return false;
    entry = *e;
  }
  const std::string path = dir_ + "/" + entry.path;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<std::uint64_t>(st.st_size) != entry.size)
    return false;
  std::string bytes;
  try {
    leda::util::read_file(path, bytes);
  } catch (const std::exception&) {
    return false;
  }
  return bytes.size() == entry.size && sha256_hex(bytes) == entry.sha256;
}

void AccountStore::commit(const std::string& temp_path, const std::string& file_name,
                          ManifestEntry entry) {
  auto discard = [&](const std::string& why) {
    ::unlink(temp_path.c_str());
    throw StoreError(why);
  };
  if (!is_data_type(entry.type)) discard("unknown data type " + entry.type);
  if (!is_safe_file_name(file_name)) discard(fmt::format("unsafe file name '{}'", file_name));
  const std::string folder = dir_ + "/" + entry.type;
  try {
    util::fsync_file(temp_path);
    if (make_dir(folder)) util::fsync_dir(dir_);
  } catch (const std::exception& e) {
    discard(e.what());
  }
  const std::string final_path = folder + "/" + file_name;
  if (std::rename(temp_path.c_str(), final_path.c_str()) != 0)
    discard(fmt::format("{}: cannot rename into place: {}", final_path, errno_text()));
  try {
    util::fsync_dir(folder);
  } catch (const std::exception& e) {
    throw StoreError(e.what());
  }
  entry.path = entry.type + "/" + file_name;
  std::lock_guard lock(mutex_);
  if (const ManifestEntry* old = manifest_.find(entry.type, entry.name);
      old && old->path != entry.path)
    ::unlink((dir_ + "/" + old->path).c_str());  // the same file, stored under its other suffix
  manifest_.put(std::move(entry));
  dirty_ = true;
  if (std::chrono::steady_clock::now() - last_save_ >= save_interval_) save_locked();
}

std::optional<std::int64_t> AccountStore::checkpoint(const std::string& type) const {
  std::lock_guard lock(mutex_);
  return manifest_.checkpoint(type);
}

void AccountStore::set_checkpoint(const std::string& type, std::int64_t ms) {
  std::lock_guard lock(mutex_);
  manifest_.set_checkpoint(type, ms);
  dirty_ = true;
}

void AccountStore::save() {
  std::lock_guard lock(mutex_);
  save_locked();
}

void AccountStore::save_locked() {
  try {
    util::write_file_atomically(manifest_path(), manifest_.serialize(), util::kSyncFolder);
  } catch (const std::exception& e) {
    throw StoreError(e.what());
  }
  dirty_ = false;
  last_save_ = std::chrono::steady_clock::now();
}

Manifest AccountStore::manifest() const {
  std::lock_guard lock(mutex_);
  return manifest_;
}

}  // namespace leda::store
