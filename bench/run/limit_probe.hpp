// bench/run/limit_probe.hpp — the physical limit of reading an account: every file read,
// gunzipped with libdeflate and parsed by a RapidJSON SAX reader whose handler does nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace leda::bench {

/// What one probe pass read.
struct ProbeResult {
  std::uint64_t files = 0;
  std::uint64_t compressed_bytes = 0;
  std::uint64_t json_bytes = 0;   ///< uncompressed
  std::uint64_t json_values = 0;  ///< top-level JSON values parsed (records)
  double seconds = 0;
};

/// Every regular file under `dir` (recursively, names starting with '.' skipped), sorted.
std::vector<std::filesystem::path> account_files(const std::filesystem::path& dir);

/// Reads, gunzips and SAX-parses `files` on `threads` threads. Throws std::runtime_error for a
/// file that is not valid gzip or JSON (the probe is only meaningful on good data).
ProbeResult run_probe(const std::vector<std::filesystem::path>& files, unsigned threads);

}  // namespace leda::bench
