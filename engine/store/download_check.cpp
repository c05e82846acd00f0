#include "store/download_check.hpp"

#include <fmt/format.h>

#include "store/sha256.hpp"
#include "util/gzip.hpp"

namespace leda::store {

DownloadCheck check_download(const std::string& path,
                             std::optional<std::uint64_t> expected_length) {
  DownloadCheck check;
  std::string bytes;
  try {
    leda::util::read_file(path, bytes);
  } catch (const std::exception& e) {
    check.error = e.what();
    return check;
  }
  check.size = bytes.size();
  if (expected_length && *expected_length != bytes.size()) {
    check.error = fmt::format("incomplete body: {} of {} bytes", bytes.size(), *expected_length);
    return check;
  }
  check.gzip = leda::util::is_gzip(bytes);
  if (check.gzip) {
    std::string out;
    auto r = leda::util::gunzip(bytes, out);
    if (!r.ok) {
      check.error = r.error;
      return check;
    }
  }
  check.sha256 = sha256_hex(bytes);
  check.ok = true;
  return check;
}

}  // namespace leda::store
