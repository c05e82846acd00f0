// fetch_fixture.hpp — what the fetch and mock-api tests share: source accounts of small gzip
// files, API key files and test certificates made with openssl. Temp folders, files, gzip and
// running the real `leda` binary come from tests/support.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "fetch/oauth.hpp"
#include "support/files.hpp"
#include "support/gzip.hpp"
#include "support/run_leda.hpp"
#include "support/temp_dir.hpp"

namespace leda::test {

inline constexpr const char* kAccount = "75555851";
inline constexpr std::int64_t kHourMs = 3600000;
inline constexpr std::int64_t kDayMs = 86400000;
/// 2024-05-01T00:00:00Z, the start of the fixed test days.
inline constexpr std::int64_t kDay0 = 1714521600000;

/// `n` lines of JSON records with pseudo-random padding (compresses poorly), seeded by `seed`.
std::string ndjson_records(int n, std::uint64_t seed, std::size_t pad = 40);

/// "<Prefix>.<start>.<start+1h>.part-0000<part>-0.gz"
std::string file_name(const std::string& prefix, std::int64_t start_ms, int part = 0);

/// Adds a gzip file of `records` lines to the source account `dir`/<kAccount>/`type`; returns
/// its file name.
std::string add_source_file(const std::string& dir, const std::string& type, std::int64_t start_ms,
                            int records = 20, int part = 0);

/// Every regular file under `dir` (recursively) by relative path, skipping names starting
/// with '.'.
std::map<std::string, std::string> tree_files(const std::string& dir);

/// The API key the tests sign with, and one with a wrong consumer secret.
fetch::OAuthCredentials test_keys();
fetch::OAuthCredentials wrong_secret_keys();
/// Writes `keys` as a keys file with `mode`; returns the path.
std::string write_keys(const std::string& path, const fetch::OAuthCredentials& keys,
                       unsigned mode = 0600);

/// A private CA and a server certificate for localhost and 127.0.0.1 signed by it (openssl).
struct Certs {
  std::string ca, cert, key;
};
Certs make_certs(const std::string& dir);

/// Polls `condition` every 10 ms for up to `timeout_ms`; returns its last value.
template <class F>
bool eventually(F&& condition, int timeout_ms = 10000);

}  // namespace leda::test

#include <chrono>
#include <thread>

template <class F>
bool leda::test::eventually(F&& condition, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}
