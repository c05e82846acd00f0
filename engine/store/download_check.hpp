// store/download_check.hpp — the check every download passes before it may enter the store.
//
//   leda::store::DownloadCheck c = leda::store::check_download(tmp_path, content_length);
//   if (!c.ok) retry_or_report(c.error);   // e.g. "gzip member 1 at byte 0: bad CRC"
//
// A body is accepted when its length equals the Content-Length the server announced (when it
// announced one) and, if it starts with the gzip magic, every gzip member decompresses to its
// end with a correct CRC and length. A body that is not gzip is plain JSON text, kept as is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace leda::store {

struct DownloadCheck {
  bool ok = false;
  std::string error;       ///< why the body was refused (empty when ok)
  bool gzip = false;       ///< the body is gzip (else plain text)
  std::uint64_t size = 0;  ///< bytes in the file
  std::string sha256;      ///< of the file's bytes (set when ok)
};

/// Reads and checks the file at `path`. `expected_length` is the announced Content-Length.
DownloadCheck check_download(const std::string& path, std::optional<std::uint64_t> expected_length);

}  // namespace leda::store
