// `leda fetch` end to end: the real binary against the emulator on 127.0.0.1 (in-process).
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/stat.h>

#include <filesystem>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "fetch/time_args.hpp"
#include "fetch_fixture.hpp"
#include "fetch_scenario.hpp"
#include "mockapi/mock_api.hpp"
#include "store/manifest.hpp"
#include "store/sha256.hpp"

using namespace leda;
using leda::test::contains;
using leda::test::days;
using leda::test::kDay0;
using leda::test::kDayMs;
using leda::test::kHourMs;
using leda::test::Scenario;
using leda::test::TempDir;

namespace {

// A spread of files over three days and all four types.
std::size_t add_three_days(const std::string& source) {
  std::size_t n = 0;
  for (int h : {1, 2, 13, 30, 60}) {
    test::add_source_file(source, "agentActivity", kDay0 + h * kHourMs);
    ++n;
  }
  test::add_source_file(source, "agentActivity", kDay0 + 2 * kHourMs, 20, 1);  // a second part
  ++n;
  for (int h : {0, 25, 26, 71}) {
    test::add_source_file(source, "webSession", kDay0 + h * kHourMs, 40);
    ++n;
  }
  for (int h : {5, 50}) {
    test::add_source_file(source, "engagement", kDay0 + h * kHourMs);
    ++n;
  }
  test::add_source_file(source, "survey", kDay0 + 40 * kHourMs);
  return n + 1;
}

}  // namespace

TEST_CASE(
    "fetch: a full fetch over https (private CA) is byte-identical, a second downloads "
    "nothing",
    "[fetch][e2e]") {
  Scenario s(/*tls=*/true);
  // Returned hrefs name "localhost" while the client was given 127.0.0.1: each download must be
  // signed for the href's own host, or the emulator answers 401.
  s.api->set_public_url("https://localhost:" + s.port());
  const std::size_t n = add_three_days(s.source);

  auto first = s.fetch(days(kDay0, kDay0 + 3 * kDayMs));
  CHECK(first.exit_code == 0);
  CHECK(contains(first.out, fmt::format("{} new, 0 skipped, 0 failed", n)));
  CHECK(s.stored_files() == s.source_files());
  CHECK(s.api->stats().downloads == n);
  CHECK(s.api->stats().unauthorized == 0);
  CHECK(s.api->stats().accept_encoding == 0);  // bodies arrive as served, never re-encoded
  // The base resource, 4 * 3 listings and n downloads over reused connections: one to
  // 127.0.0.1 for the base resource, then at most --parallel (4) to the hrefs' "localhost".
  CHECK(s.api->stats().requests == 1 + 12 + n);
  CHECK(s.api->stats().connections <= 1 + 4);

  auto m = s.manifest();
  CHECK(m.size() == n);
  for (const auto* e : m.entries()) {
    const std::string bytes = test::read_file(s.account_dir() + "/" + e->path);
    CHECK(e->size == bytes.size());
    CHECK(e->sha256 == store::sha256_hex(bytes));
    CHECK(e->href.rfind("https://localhost:" + s.port() + "/", 0) == 0);
    CHECK(e->scope_end_ms - e->scope_start_ms == kHourMs);
  }
  for (const char* type : {"agentActivity", "webSession", "engagement", "survey"})
    CHECK(m.checkpoint(type) == kDay0 + 3 * kDayMs);

  auto second = s.fetch(days(kDay0, kDay0 + 3 * kDayMs));
  CHECK(second.exit_code == 0);
  CHECK(contains(second.out, fmt::format("0 new, {} skipped, 0 failed", n)));
  CHECK(s.api->stats().downloads == n);  // nothing downloaded again
  CHECK(s.stored_files() == s.source_files());

  // Secrets appear nowhere: not in the output, not in the store.
  const auto keys = test::test_keys();
  const std::string manifest_text = test::read_file(s.account_dir() + "/.leda/manifest.json");
  for (const auto& secret : {keys.consumer_secret, keys.token_secret}) {
    CHECK_FALSE(contains(first.out + first.err + second.out + second.err, secret));
    CHECK_FALSE(contains(manifest_text, secret));
  }
}

TEST_CASE("fetch: certificate verification is always on", "[fetch][e2e]") {
  Scenario s(/*tls=*/true);
  test::add_source_file(s.source, "survey", kDay0);
  auto args = s.args(days(kDay0, kDay0 + kDayMs));
  args.erase(args.end() - 6, args.end() - 4);  // drop --ca-file CA
  auto r = test::run_leda(args);
  INFO(r.err);
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "certificate"));
  CHECK(s.api->stats().requests == 0);  // the TLS handshake failed before any request
}

TEST_CASE(
    "fetch: 20% 5xx, 10% 429 and 10% truncated downloads still store every file once, "
    "intact",
    "[fetch][e2e]") {
  mockapi::MockApiOptions o;
  o.fail_rate = 0.2;
  o.throttle_rate = 0.1;
  o.truncate_rate = 0.1;
  o.seed = 7;
  o.retry_after_s = 0;
  Scenario s(false, o);
  std::size_t n = add_three_days(s.source);
  for (int h = 3; h < 70; h += 5) {
    test::add_source_file(s.source, "engagement", kDay0 + h * kHourMs, 60, 2);
    ++n;
  }
  auto r = s.fetch([&] {
    auto a = days(kDay0, kDay0 + 3 * kDayMs);
    for (const char* x : {"--retries", "15", "--window", "12h", "--parallel", "4"})
      a.push_back(x);
    return a;
  }());
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, fmt::format("{} new, 0 skipped, 0 failed", n)));
  CHECK(s.stored_files() == s.source_files());
  CHECK(s.manifest().size() == n);
  CHECK(s.temp_files() == 0);
  auto stats = s.api->stats();
  CHECK(stats.failed + stats.throttled + stats.truncated > 0);
  CHECK(stats.downloads == n);  // whole bodies: exactly one per file was accepted
}

TEST_CASE("fetch: a corrupt file never enters the store, the checkpoint stops before it",
          "[fetch][e2e]") {
  Scenario s;
  test::add_source_file(s.source, "webSession", kDay0 + 1 * kHourMs);
  const std::string bad = test::add_source_file(s.source, "webSession", kDay0 + 30 * kHourMs, 50);
  test::add_source_file(s.source, "webSession", kDay0 + 31 * kHourMs);
  test::add_source_file(s.source, "webSession", kDay0 + 50 * kHourMs);
  const std::string bad_path = s.source + "/" + test::kAccount + "/webSession/" + bad;
  const std::string good_bytes = test::read_file(bad_path);
  std::string corrupt = good_bytes;
  corrupt[corrupt.size() - 7] ^= 0x20;  // the CRC-32 in the trailer
  test::write_file(bad_path, corrupt);

  auto r = s.fetch([] {
    auto a = days(kDay0, kDay0 + 3 * kDayMs);
    a.insert(a.end(), {"--types", "webSession", "--retries", "3"});
    return a;
  }());
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "3 new, 0 skipped, 1 failed"));
  const std::string key = bad.substr(0, bad.size() - 3);
  CHECK(
      contains(r.err, "webSession/" + key + ": download failed its check: gzip member 1 at byte"));
  CHECK(contains(r.err, "bad CRC (after 3 attempts)"));
  CHECK(s.api->stats().downloads == 3 + 3);  // the bad one was fetched again, up to the limit
  auto stored = s.stored_files();
  CHECK(stored.size() == 3);
  CHECK(stored.count("webSession/" + bad) == 0);
  CHECK(s.temp_files() == 0);
  auto m = s.manifest();
  CHECK(m.size() == 3);
  CHECK(m.find("webSession", key) == nullptr);
  CHECK(m.checkpoint("webSession") == kDay0 + kDayMs);  // the window holding the bad file

  // Once the server serves it intact, the next run completes the job.
  test::write_file(bad_path, good_bytes);
  auto again = s.fetch([] {
    auto a = days(kDay0, kDay0 + 3 * kDayMs);
    a.insert(a.end(), {"--types", "webSession"});
    return a;
  }());
  CHECK(again.exit_code == 0);
  CHECK(contains(again.out, "1 new, 3 skipped, 0 failed"));
  CHECK(s.stored_files() == s.source_files());
  CHECK(s.manifest().checkpoint("webSession") == kDay0 + 3 * kDayMs);
}

TEST_CASE("fetch: bodies cut short every time are reported and never stored", "[fetch][e2e]") {
  mockapi::MockApiOptions o;
  o.truncate_rate = 1.0;
  Scenario s(false, o);
  test::add_source_file(s.source, "survey", kDay0, 200);
  test::add_source_file(s.source, "survey", kDay0 + kHourMs, 200);
  auto r = s.fetch([] {
    auto a = days(kDay0, kDay0 + kDayMs);
    a.insert(a.end(), {"--retries", "4"});
    return a;
  }());
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "0 new, 0 skipped, 2 failed"));
  CHECK(contains(r.err, "(after 4 attempts)"));
  CHECK(s.stored_files().empty());
  CHECK(s.temp_files() == 0);
  CHECK(s.api->stats().truncated == 8);
  CHECK_FALSE(s.manifest().checkpoint("survey"));
}

TEST_CASE("fetch: a wrong secret gives a clear 401 message and exit code 3", "[fetch][e2e]") {
  Scenario s;
  test::add_source_file(s.source, "survey", kDay0);
  const std::string wrong = test::write_keys(s.dir / "wrong.json", test::wrong_secret_keys());
  auto args = s.args(days(kDay0, kDay0 + kDayMs));
  args[6] = wrong;  // --keys
  auto r = test::run_leda(args);
  INFO(r.err);
  CHECK(r.exit_code == 3);
  CHECK(
      contains(r.err, "401 Unauthorized request (internalCode 10): check the API key in " + wrong));
  CHECK(s.api->stats().requests == 1);  // 401 is not retried
  for (const auto& secret : {test::wrong_secret_keys().consumer_secret,
                             test::test_keys().consumer_secret, test::test_keys().token_secret})
    CHECK_FALSE(contains(r.out + r.err, secret));
  CHECK(s.stored_files().empty());
}

TEST_CASE("fetch: 429 Retry-After is honoured", "[fetch][e2e]") {
  mockapi::MockApiOptions o;
  o.throttle_rate = 1.0;
  o.retry_after_s = 1;
  Scenario s(false, o);
  auto r = s.fetch([] {
    auto a = days(kDay0, kDay0 + kDayMs);
    a.insert(a.end(), {"--retries", "2"});  // back-off itself is 1 ms (--retry-base 1ms)
    return a;
  }());
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "429"));
  CHECK(contains(r.err, "(after 2 attempts)"));
  CHECK(r.seconds >= 1.0);
  CHECK(s.api->stats().throttled == 2);
}

TEST_CASE(
    "fetch: killed with SIGKILL mid-download, the store holds only complete files, the "
    "next run finishes",
    "[fetch][e2e]") {
  mockapi::MockApiOptions o;
  o.bytes_per_second = 20000;  // each file takes about a second
  Scenario s(false, o);
  for (int h = 0; h < 6; ++h)
    test::add_source_file(s.source, "agentActivity", kDay0 + h * kHourMs, 700);
  const auto source = s.source_files();
  for (const auto& [name, bytes] : source)
    REQUIRE(bytes.size() > 15000);

  test::Child child = test::spawn_leda(s.args([] {
    auto a = days(kDay0, kDay0 + kDayMs);
    a.insert(a.end(), {"--parallel", "2"});
    return a;
  }()));
  const std::string tmp = s.account_dir() + "/.leda/tmp";
  // Some files stored, and a download early in its body (under 8000 of its > 15000 bytes at
  // 20000 B/s): the kill lands well inside that download.
  auto mid_download = [&] {
    std::error_code ec;
    bool early = false;
    for (auto& e : std::filesystem::directory_iterator(tmp, ec)) {
      const auto size = std::filesystem::file_size(e.path(), ec);
      early = early || (!ec && size > 0 && size < 8000);
    }
    return early && !s.stored_files().empty();
  };
  REQUIRE(test::eventually(mid_download, 20000));
  ::kill(child.pid, SIGKILL);
  auto killed = test::wait_child(child);
  CHECK(killed.exit_code == 128 + SIGKILL);

  // Only complete, verified files are in the store; the unfinished download is in .leda/tmp.
  auto stored = s.stored_files();
  CHECK(stored.size() < source.size());
  for (const auto& [name, bytes] : stored)
    CHECK(bytes == source.at(name));
  CHECK(s.temp_files() >= 1);

  s.api->set_bytes_per_second(0);
  auto r = s.fetch(days(kDay0, kDay0 + kDayMs));
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "unfinished download(s) left by an earlier run"));
  CHECK(s.stored_files() == source);
  CHECK(s.manifest().size() == source.size());
  CHECK(s.temp_files() == 0);
  CHECK(s.manifest().checkpoint("agentActivity") == kDay0 + kDayMs);
}

TEST_CASE("fetch: a listing of one file (a bare object) and empty windows", "[fetch][e2e]") {
  Scenario s;
  const std::string name = test::add_source_file(s.source, "survey", kDay0 + 30 * kHourMs);
  auto r = s.fetch([] {
    auto a = days(kDay0, kDay0 + 3 * kDayMs);
    a.insert(a.end(), {"--types", "survey"});
    return a;
  }());
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "1 new, 0 skipped, 0 failed"));
  CHECK(s.stored_files() == s.source_files());
  CHECK(s.api->stats().listings == 3);  // two said "No Available Files"
  auto m = s.manifest();
  CHECK(m.checkpoint("survey") == kDay0 + 3 * kDayMs);
  CHECK_FALSE(m.checkpoint("agentActivity"));
}

TEST_CASE("fetch: without --from, the last 30 days, then from the checkpoint minus 6 hours",
          "[fetch][e2e]") {
  Scenario s;
  const std::int64_t now = fetch::now_ms();
  test::add_source_file(s.source, "agentActivity", now - 40 * kDayMs);  // past retention
  test::add_source_file(s.source, "agentActivity", now - 10 * kDayMs);
  test::add_source_file(s.source, "agentActivity", now - 2 * kDayMs);
  auto first = s.fetch({"--types", "agentActivity"});
  CHECK(first.exit_code == 0);
  CHECK(contains(first.out, "2 new, 0 skipped, 0 failed"));
  CHECK(s.api->stats().listings == 30);
  auto cp = s.manifest().checkpoint("agentActivity");
  REQUIRE(cp);
  CHECK(*cp >= now);
  CHECK(*cp <= fetch::now_ms());

  // Files that arrive late: 3 h before the checkpoint is re-listed, 8 h before is not.
  const std::string late = test::add_source_file(s.source, "agentActivity", *cp - 3 * kHourMs);
  const std::string too_late = test::add_source_file(s.source, "agentActivity", *cp - 8 * kHourMs);
  auto second = s.fetch({"--types", "agentActivity"});
  CHECK(second.exit_code == 0);
  CHECK(contains(second.out, "1 new, 0 skipped, 0 failed"));
  auto stored = s.stored_files();
  CHECK(stored.count("agentActivity/" + late) == 1);
  CHECK(stored.count("agentActivity/" + too_late) == 0);
  CHECK(*s.manifest().checkpoint("agentActivity") >= *cp);
}

TEST_CASE("fetch: a --to in the future never moves the checkpoint past the run's start",
          "[fetch][e2e]") {
  Scenario s;
  const std::int64_t now = fetch::now_ms();
  test::add_source_file(s.source, "survey", now - 5 * kHourMs);
  auto r = s.fetch({"--types", "survey,survey", "--from", std::to_string(now - kDayMs), "--to",
                    std::to_string(now + 2 * kDayMs)});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "1 new, 0 skipped, 0 failed"));
  CHECK(s.api->stats().listings == 3);  // "survey" once, in three windows
  auto cp = s.manifest().checkpoint("survey");
  REQUIRE(cp);
  CHECK(*cp >= now);
  CHECK(*cp <= fetch::now_ms());
}

TEST_CASE("fetch: a keys file readable by others is refused before any request", "[fetch][e2e]") {
  Scenario s;
  ::chmod(s.keys.c_str(), 0644);
  auto r = s.fetch(days(kDay0, kDay0 + kDayMs));
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "mode 0644"));
  CHECK(contains(r.err, "chmod 600 " + s.keys));
  CHECK(s.api->stats().requests == 0);
}

TEST_CASE("fetch: plain http to a non-loopback host is refused", "[fetch][e2e]") {
  TempDir dir;
  const std::string keys = test::write_keys(dir / "keys.json", test::test_keys());
  for (const char* host : {"http://192.0.2.10:8080", "http://example.com"}) {
    auto r = test::run_leda({"fetch", "--account", test::kAccount, "--host", host, "--keys", keys,
                             "--store", dir / "store", "--no-progress"},
                            {.timeout_s = 20});
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK(contains(r.err, "plain http is allowed only to a loopback host"));
    CHECK(r.seconds < 5);
  }
}

TEST_CASE("fetch: usage errors exit 2", "[fetch][e2e]") {
  TempDir dir;
  auto r = test::run_leda({"fetch", "--account", "1", "--keys", "k", "--store", "s"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "exactly one of --region and --host"));
  r = test::run_leda({"fetch", "--account", "1", "--region", "eu", "--keys", "k", "--store", "s"});
  CHECK(r.exit_code == 2);
  r = test::run_leda({"fetch", "--account", "1", "--region", "us", "--keys", "k", "--store", "s",
                      "--from", "1714521600"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "epoch seconds"));
  r = test::run_leda({"fetch", "--help"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "--ca-file"));
  CHECK_FALSE(contains(r.out, "retry-base-ms"));
}
