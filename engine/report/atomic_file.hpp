// report/atomic_file.hpp — writes a whole file or nothing.
//
//   leda::report::write_file_atomically("out/report.html", html);
//
// The text goes to a temporary file in the same folder, is flushed to disk, then renamed over
// the target: a reader sees the old file or the complete new one, never half of it, and a
// failed write leaves no temporary file behind.
#pragma once

#include <filesystem>
#include <string_view>

namespace leda::report {

/// Writes `content` to `path` atomically. Throws std::runtime_error naming `path` and the
/// system's reason when the folder is missing, not writable or the disk is full.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace leda::report
