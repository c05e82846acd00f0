// util/atomic_file.hpp — writing a whole file or nothing, and making it survive a crash.
//
//   leda::util::write_file_atomically("out/report.html", html);
//   leda::util::write_file_atomically(".leda/manifest.json", text, leda::util::kSyncFolder);
//   leda::util::fsync_file(download);                // before renaming a file into place
//
// The content goes to a temporary file in the target's folder (`.<name>.tmp-...`), is written
// and flushed to disk (fsync), then renamed over the target: a reader sees the old file or the
// complete new one, never half of it, and a failed write leaves no temporary file behind. With
// kSyncFolder the folder is flushed after the rename as well, so the new file is still there
// after a power loss (the store needs that; a report does not). A temporary file is left behind
// only when the process dies mid-write; remove_stale_temp_files() removes those.
//
// Every function throws std::runtime_error naming the path, the step that failed and the
// system's reason ("out/report.html: cannot create a temporary file in out: No such file or
// directory"). A file system that cannot flush at all (EINVAL, as tmpfs) is not an error.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace leda::util {

/// Whether write_file_atomically also flushes the folder after the rename.
enum SyncFolder : bool { kNoFolderSync = false, kSyncFolder = true };

/// Writes `content` to `path` atomically (see above). The new file has the mode an ordinary
/// file would get (0666 minus the umask). Safe to call from several threads for different
/// paths; two writers of the same path at once each leave a complete file, the last one wins.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           SyncFolder sync_folder = kNoFolderSync);

/// Removes the temporary files that interrupted write_file_atomically(`path`, ...) calls left
/// in `path`'s folder; returns how many. Call only while no one else writes `path`.
std::size_t remove_stale_temp_files(const std::filesystem::path& path);

/// Flushes the file at `path` to stable storage (open + fsync).
void fsync_file(const std::filesystem::path& path);

/// Flushes the folder `dir`, making renames and creations inside it durable.
void fsync_dir(const std::filesystem::path& dir);

}  // namespace leda::util
