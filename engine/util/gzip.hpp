// util/gzip.hpp — whole-buffer gzip decoding (libdeflate), for Data Access files.
//
// Data Access files are hourly and bounded, so a file is decoded in one go, which is several
// times faster than streaming. A file may hold several gzip members back to back; all are
// decoded. A buffer that does not start with the gzip magic (1F 8B) is plain text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace leda::util {

/// True when `bytes` starts with the gzip magic number.
bool is_gzip(std::string_view bytes);

/// Result of decoding: `ok` false means `error` says what was wrong and `out` holds the bytes
/// of the members decoded before the bad one (a caller may still use them).
struct GunzipResult {
  bool ok = true;
  std::string error;           ///< e.g. "gzip member 2 at byte 1834: bad CRC"
  std::size_t bad_offset = 0;  ///< compressed byte offset of the member that failed
};

/// Appends the decoded content of every gzip member in `gz` to `out`.
GunzipResult gunzip(std::string_view gz, std::string& out);

/// Reads a whole file into `out`. Throws std::runtime_error naming the file on failure.
void read_file(const std::string& path, std::string& out);

}  // namespace leda::util
