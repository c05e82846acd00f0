// fetch_scenario.hpp — the setting of a `leda fetch` end-to-end test: a source account served by
// the emulator on 127.0.0.1 (in-process), a store, a keys file, and the real `leda fetch` run
// against them.
//
//   leda::test::Scenario s;                                   // or Scenario(true, options): TLS
//   leda::test::add_source_file(s.source, "survey", leda::test::kDay0);
//   auto r = s.fetch(leda::test::days(kDay0, kDay0 + kDayMs));
//   CHECK(r.exit_code == 0);
//   CHECK(s.stored_files() == s.source_files());
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fetch_fixture.hpp"
#include "mockapi/mock_api.hpp"
#include "store/manifest.hpp"

namespace leda::test {

struct Scenario {
  /// Starts the emulator (over https with a private CA when `tls`) on an empty source account.
  explicit Scenario(bool tls = false, mockapi::MockApiOptions options = {});

  TempDir dir;
  std::string source, store, keys;
  std::optional<Certs> certs;
  std::unique_ptr<mockapi::MockApi> api;

  /// The emulator's port, as text.
  std::string port() const;
  /// `leda fetch` arguments for this scenario (back-off base 1 ms, no progress), then `extra`.
  std::vector<std::string> args(const std::vector<std::string>& extra) const;
  /// Runs `leda fetch` with args(extra); its output is shown when a later check fails.
  RunResult fetch(const std::vector<std::string>& extra = {}, int timeout_s = 60) const;

  std::string account_dir() const { return store + "/" + kAccount; }
  std::map<std::string, std::string> source_files() const;
  std::map<std::string, std::string> stored_files() const;
  store::Manifest manifest() const;
  /// Files left in the store's .leda/tmp.
  std::size_t temp_files() const;
};

/// "--from FROM --to TO" in epoch ms.
std::vector<std::string> days(std::int64_t from, std::int64_t to);

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace leda::test
