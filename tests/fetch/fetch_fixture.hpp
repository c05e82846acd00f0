// fetch_fixture.hpp — what the fetch and mock-api tests share: temp directories, source accounts
// of small gzip files, API key files, test certificates made with openssl, and running the real
// `leda` binary as a child process.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "fetch/oauth.hpp"

namespace leda::test {

inline constexpr const char* kAccount = "75555851";
inline constexpr std::int64_t kHourMs = 3600000;
inline constexpr std::int64_t kDayMs = 86400000;
/// 2024-05-01T00:00:00Z, the start of the fixed test days.
inline constexpr std::int64_t kDay0 = 1714521600000;

/// A fresh directory under /tmp, removed with everything in it at destruction.
struct TempDir {
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string path;
  std::string operator/(const std::string& name) const { return path + "/" + name; }
};

/// `text` compressed as one gzip member (zlib).
std::string gzip_bytes(const std::string& text);
/// `n` lines of JSON records with pseudo-random padding (compresses poorly), seeded by `seed`.
std::string ndjson_records(int n, std::uint64_t seed, std::size_t pad = 40);

/// Writes `bytes` to `path` (creating parent folders) with `mode`.
void write_file(const std::string& path, const std::string& bytes, unsigned mode = 0644);
/// The whole content of `path` (throws when missing).
std::string read_bytes(const std::string& path);
bool exists(const std::string& path);

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

/// Path of the `leda` executable ($LEDA_BIN, else the build tree's).
std::string leda_bin();

/// A finished child process.
struct RunResult {
  int exit_code = -1;  ///< exit status, or 128 + signal
  std::string out, err;
  double seconds = 0;
};

/// A running child process whose stdout and stderr go to files.
struct Child {
  pid_t pid = -1;
  std::string out_path, err_path;
};

/// Starts `argv` (argv[0] found on PATH) with stdout and stderr captured in `dir`.
Child spawn_command(const std::vector<std::string>& argv, const std::string& dir);
/// Starts `leda args...` with stdout and stderr captured in `dir`.
Child spawn_leda(const std::vector<std::string>& args, const std::string& dir);
/// Waits for `child` (killing it after `timeout_s`) and collects its output; a sanitizer report
/// in its stderr fails the running test.
RunResult wait_child(Child& child, int timeout_s = 60);
/// spawn_leda + wait_child.
RunResult run_leda(const std::vector<std::string>& args, const std::string& dir,
                   int timeout_s = 60);

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
