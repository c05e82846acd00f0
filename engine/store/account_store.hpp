// store/account_store.hpp — one account's folder in a local store, written by `leda fetch`.
//
//   leda::store::AccountStore store("store", "75555851");   // locks it, cleans stale temp files
//   if (!store.verified("survey", key)) {
//     std::string tmp = store.new_temp_path();
//     ... download into tmp, check it ...
//     store.commit(tmp, "Survey.1.2.part-00000-0.gz", entry);  // fsync, rename, record
//   }
//   store.set_checkpoint("survey", end_ms);
//   store.save();
//
// Crash safety: files enter their folder only by rename after the caller verified them and they
// were fsync'ed, so the store holds only complete files whatever moment the process dies at. The
// manifest is rewritten whole (temp + rename) at most once per save interval and on save(); a
// file renamed into place but not yet recorded is simply fetched again by the next run.
//
// Thread-safety: verified(), new_temp_path(), commit() and the checkpoint calls may be called
// from several threads at once. One process at a time holds a store (an flock on .leda/lock).
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>

#include "store/manifest.hpp"

namespace leda::store {

/// The store could not be opened or written (message names the path and the reason).
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class AccountStore {
 public:
  /// Opens (creating as needed) `root`/`account`, takes its lock, removes temp files left by a
  /// run that died, and reads the manifest. Throws StoreError when the folder cannot be made,
  /// another process holds the lock, or the manifest is unreadable.
  AccountStore(const std::string& root, const std::string& account);
  ~AccountStore();
  AccountStore(const AccountStore&) = delete;
  AccountStore& operator=(const AccountStore&) = delete;

  /// The account folder, `root`/`account`.
  const std::string& dir() const { return dir_; }
  /// Path of the manifest file.
  std::string manifest_path() const;
  /// Number of stale temp files removed when the store was opened.
  std::size_t stale_removed() const { return stale_removed_; }

  /// A fresh path under .leda/tmp for a download (the file does not exist yet).
  std::string new_temp_path();

  /// True when (`type`, `name`) is recorded and the file on disk still has the recorded size and
  /// SHA-256 (the file is read and hashed).
  bool verified(const std::string& type, const std::string& name) const;

  /// Moves the verified download `temp_path` into place as `entry.type`/`file_name`, durably,
  /// and records `entry` (its `path` is set here). Throws StoreError on a file-system error (the
  /// temp file is then removed).
  void commit(const std::string& temp_path, const std::string& file_name, ManifestEntry entry);

  /// Checkpoint of `type` (end of the last fully stored span), if any.
  std::optional<std::int64_t> checkpoint(const std::string& type) const;
  void set_checkpoint(const std::string& type, std::int64_t ms);

  /// Writes the manifest now (atomically). Throws StoreError on failure.
  void save();

  /// The longest time commit() lets recorded entries wait before the manifest is rewritten.
  void set_save_interval(std::chrono::milliseconds interval) { save_interval_ = interval; }

  /// A copy of the manifest (for reports and tests).
  Manifest manifest() const;

 private:
  void save_locked();

  std::string dir_, meta_dir_, tmp_dir_;
  int lock_fd_ = -1;
  std::size_t stale_removed_ = 0;
  mutable std::mutex mutex_;
  Manifest manifest_;
  std::uint64_t temp_counter_ = 0;
  bool dirty_ = false;
  std::chrono::milliseconds save_interval_{1000};
  std::chrono::steady_clock::time_point last_save_;
};

}  // namespace leda::store
