// store/durable_file.hpp — writing files so that a crash (even kill -9 or power loss) leaves
// either the old complete file or the new complete file, never a mix.
//
//   leda::store::write_atomically(".leda/manifest.json", text, ".leda/tmp/manifest.json.tmp");
//
// All functions throw std::runtime_error naming the path and the system error.
#pragma once

#include <string>
#include <string_view>

namespace leda::store {

/// Flushes the file at `path` to stable storage (open + fsync).
void fsync_file(const std::string& path);

/// Flushes the directory `dir`, making renames and creations inside it durable.
void fsync_dir(const std::string& dir);

/// Writes `content` to `temp_path`, fsyncs it, renames it over `path` and fsyncs the directory of
/// `path`. Both paths must be on the same file system. On failure the temp file is removed.
void write_atomically(const std::string& path, std::string_view content,
                      const std::string& temp_path);

/// The directory part of `path` ("." when it has none).
std::string parent_dir(const std::string& path);

}  // namespace leda::store
