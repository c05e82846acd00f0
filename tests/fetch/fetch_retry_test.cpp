// `leda fetch` on a bad day: transient failures retried within a time budget and a second pass,
// permanent ones (404 for a listed file, a refused key, a full disk) not retried at all.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <regex>

#include <fmt/format.h>

#include "fetch/data_access_api.hpp"
#include "fetch/signed_client.hpp"
#include "fetch_fixture.hpp"
#include "fetch_scenario.hpp"
#include "mockapi/mock_api.hpp"

using namespace leda;
using leda::test::contains;
using leda::test::days;
using leda::test::kDay0;
using leda::test::kDayMs;
using leda::test::kHourMs;
using leda::test::Scenario;

namespace {

constexpr const char* kTypes[] = {"agentActivity", "webSession", "engagement", "survey"};

// The number in "(after N attempts)" of the line about `what` in `err`, or 1 when there is none.
int attempts_in(const std::string& err, const std::string& what) {
  std::smatch m;
  const std::regex line(std::regex_replace(what, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                        R"(: [^\n]*?\(after ([0-9]+) attempts\))");
  return std::regex_search(err, m, line) ? std::stoi(m[1]) : 1;
}

}  // namespace

// The arithmetic behind "999 of 1000 runs". The emulator fails an attempt with 25% 5xx, else 14%
// 429, else (downloads only) 5% cut short: a download fails with q = 1 - 0.75 * 0.86 * 0.95 =
// 0.387 and a listing or the base resource with 1 - 0.75 * 0.86 = 0.355, independently. A run of
// this account makes 1 + 48 + 270 = 319 requests (base, 4 types x 12 one-day windows, files).
//
// With the default policy (--retry-for 10m, --retry-base 500ms, --retry-max 30s) the waits before
// attempts 2, 3, ... are at most 0.5, 1, 2, 4, 8, 16, then 30 s each; 31.5 + 18 * 30 = 571.5 s,
// so a pass makes at least 25 attempts within 10 minutes, even at a second per failing request.
// A request then fails for good with probability at most 0.387^25 = 5.0e-11, and a run loses a
// file or a listing with probability at most 319 * 5.0e-11 = 1.6e-8: far below the 1/1000
// allowed (14 attempts would do: 319 * 0.387^14 = 5.5e-4), before the second pass even starts.
// The old fixed 6 attempts lose something in 1 - (1 - 0.387^6)^270 (1 - 0.355^6)^49 = 64% of runs.
//
// The test runs that policy 500 times faster (1200 ms, 1 ms, 60 ms): 63 ms of waits for the first
// 6 retries, then 60 ms each, so at least 22 attempts per pass even at 10 ms a request, and a run
// loses something with probability at most 319 * 0.387^22 = 2.9e-7. Five seeds, every one of
// which must land all 270 files in one run; the emulator's dice are seeded, the order in which
// parallel requests draw them is not, so each run is one independent sample of the above.
TEST_CASE("fetch: with 35% of attempts failing, 270 files land in one run, 5 seeds",
          "[fetch][e2e][retry]") {
  Scenario s;
  // 270 one-hour files over 270 hours (12 days), the four types in turn.
  constexpr int kFiles = 270;
  for (int h = 0; h < kFiles; ++h)
    test::add_source_file(s.source, kTypes[h % 4], kDay0 + h * kHourMs, 8);
  const auto source = s.source_files();
  REQUIRE(source.size() == kFiles);

  std::uint64_t requests = 0, failures = 0;
  for (std::uint64_t seed : {11, 12, 13, 14, 15}) {
    INFO("seed " << seed);
    mockapi::MockApiOptions o;
    o.data_dir = s.source;
    o.account = test::kAccount;
    o.keys = test::test_keys();
    o.fail_rate = 0.25;
    o.throttle_rate = 0.14;
    o.truncate_rate = 0.05;
    o.retry_after_s = 0;
    o.seed = seed;
    s.api = std::make_unique<mockapi::MockApi>(o);
    s.api->start();
    s.store = s.dir / fmt::format("store-{}", seed);

    auto r = s.fetch([&] {
      auto a = days(kDay0, kDay0 + 12 * kDayMs);
      a.insert(a.end(), {"--retry-for", "1200ms", "--retry-max", "60ms", "--parallel", "4"});
      return a;
    }());
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, fmt::format("{} new, 0 skipped, 0 failed", kFiles)));
    CHECK(s.stored_files() == source);
    CHECK(s.manifest().size() == kFiles);
    CHECK(s.temp_files() == 0);
    const auto stats = s.api->stats();
    CHECK(stats.listings == 48);       // answered listings: 4 types x 12 windows, each once
    CHECK(stats.downloads == kFiles);  // whole bodies: exactly one per file
    const std::uint64_t failed = stats.failed + stats.throttled + stats.truncated;
    CHECK(stats.requests == 1 + 48 + kFiles + failed);  // every failure was one more attempt
    requests += stats.requests;
    failures += failed;
    s.api->stop();
  }
  // About 38% of all attempts failed (0.387 of 5 x 270 downloads and 0.355 of 5 x 49 others
  // before retries; more of the retries are downloads): 0.33 .. 0.43 is more than 4 standard
  // deviations either side for about 2500 attempts.
  const double share = static_cast<double>(failures) / static_cast<double>(requests);
  INFO(failures << " of " << requests << " attempts failed");
  CHECK(share > 0.33);
  CHECK(share < 0.43);
}

TEST_CASE("fetch: a download failing every time is retried for --retry-for, then once more",
          "[fetch][e2e][retry]") {
  mockapi::MockApiOptions o;
  o.truncate_rate = 1.0;
  Scenario s(false, o);
  const std::string name = test::add_source_file(s.source, "survey", kDay0 + 3 * kHourMs, 200);
  auto r = s.fetch([] {
    auto a = days(kDay0, kDay0 + kDayMs);
    a.insert(a.end(), {"--retry-for", "300ms", "--retry-max", "10ms"});
    return a;
  }());
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "0 new, 0 skipped, 1 failed"));
  CHECK(contains(r.out, "1 in a second pass"));
  const std::string what = "survey/" + name.substr(0, name.size() - 3);
  CHECK(contains(r.err, what + ": "));
  // No count limit: each pass keeps going until the next wait (at most 10 ms) would end past
  // 300 ms, so both passes together last at least 2 * (300 - 10) ms and make far more than the
  // old fixed 6 attempts; each attempt is one request the emulator cut short.
  const int attempts = attempts_in(r.err, what);
  CHECK(attempts > 6);
  CHECK(s.api->stats().truncated == static_cast<std::uint64_t>(attempts));
  CHECK(r.seconds >= 0.58);
  CHECK(s.stored_files().empty());
  CHECK(s.temp_files() == 0);
  CHECK_FALSE(s.manifest().checkpoint("survey"));
}

TEST_CASE("fetch: a listed file the server no longer has (404) is not retried",
          "[fetch][e2e][retry]") {
  mockapi::MockApiOptions o;
  o.bytes_per_second = 20000;  // each file takes about a second
  Scenario s(false, o);
  std::vector<std::string> names;
  for (int h = 0; h < 3; ++h)
    names.push_back(test::add_source_file(s.source, "webSession", kDay0 + h * kHourMs, 700));
  for (const auto& [name, bytes] : s.source_files())
    REQUIRE(bytes.size() > 15000);

  // Files are downloaded in listing order, one at a time: the last one is removed from the
  // server once the first download has begun (the listing is answered by then), more than a
  // second before its turn.
  test::Child child = test::spawn_leda(s.args([] {
    auto a = days(kDay0, kDay0 + kDayMs);
    a.insert(a.end(), {"--parallel", "1", "--types", "webSession"});
    return a;
  }()));
  REQUIRE(test::eventually([&] { return s.api->stats().downloads == 1; }));
  std::filesystem::remove(s.source + "/" + test::kAccount + "/webSession/" + names[2]);
  auto r = test::wait_child(child);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.out, "2 new, 0 skipped, 1 failed"));
  const std::string key = names[2].substr(0, names[2].size() - 3);
  CHECK(contains(r.err, "webSession/" + key +
                            ": 404 File not found: the server listed this file but does not "
                            "have it\n"));      // and no "(after N attempts)"
  CHECK(s.api->stats().requests == 1 + 1 + 3);  // base, listing, one request per file
  CHECK(s.stored_files().size() == 2);
  CHECK_FALSE(s.manifest().checkpoint("webSession"));
}

TEST_CASE("fetch: a refused key stops every call at once, with what to check",
          "[fetch][e2e][retry]") {
  Scenario s;
  test::add_source_file(s.source, "survey", kDay0);
  // In process: a client signing with the wrong secret against the real emulator.
  fetch::SignedClient client{fetch::OAuthSigner(test::wrong_secret_keys()), {}};
  fetch::DataAccessApi api(client, fetch::RetryPolicy{});
  const std::string href = s.api->url() + "/data_access_le/account/" + test::kAccount + "/le";
  auto first = api.list(href + "/survey", kDay0, kDay0 + kDayMs);
  CHECK_FALSE(first.ok);
  CHECK(first.status == 401);
  CHECK(first.attempts == 1);
  CHECK(api.stopped().status == 401);
  CHECK(api.stopped().reason == "401 Unauthorized request (internalCode 10)");
  auto second = api.list(href + "/engagement", kDay0, kDay0 + kDayMs);
  CHECK(second.not_tried());
  CHECK(second.error == "not tried: 401 Unauthorized request (internalCode 10)");
  CHECK(s.api->stats().requests == 1);

  // The command names the keys file and what to check in it.
  const std::string wrong = test::write_keys(s.dir / "wrong.json", test::wrong_secret_keys());
  auto args = s.args(days(kDay0, kDay0 + kDayMs));
  args[6] = wrong;  // --keys
  auto r = test::run_leda(args);
  INFO(r.err);
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "401 Unauthorized request (internalCode 10): check the API key in " +
                            wrong + ": its consumer_key, consumer_secret, token and token_secret"));
  CHECK(contains(r.err, "clock"));
  CHECK(s.api->stats().requests == 2);
}

TEST_CASE("fetch: a Retry-After past the budget ends a pass without retrying before it",
          "[fetch][e2e][retry]") {
  mockapi::MockApiOptions o;
  o.throttle_rate = 1.0;
  o.retry_after_s = 3;
  Scenario s(false, o);
  fetch::SignedClient client{fetch::OAuthSigner(test::test_keys()), {}};
  fetch::RetryPolicy policy;
  policy.budget = std::chrono::seconds(1);
  fetch::DataAccessApi api(client, policy);
  const std::string href =
      s.api->url() + "/data_access_le/account/" + test::kAccount + "/le/survey";
  const auto start = std::chrono::steady_clock::now();
  auto first = api.list(href, kDay0, kDay0 + kDayMs);
  CHECK_FALSE(first.ok);
  CHECK(first.attempts == 1);  // waiting 3 s would overrun the 1 s budget
  CHECK(first.worth_another_pass());
  CHECK_THAT(first.error, Catch::StartsWith("429 Too many requests (injected)"));
  CHECK_THAT(first.error, Catch::EndsWith("(the server asked to wait 3 s, past the retry budget)"));
  // The second pass right away cannot wait the rest of the 3 s either: no request, same reason.
  auto second = api.list(href, kDay0, kDay0 + kDayMs, first);
  CHECK(second.attempts == 1);
  CHECK(second.error == first.error);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  CHECK(s.api->stats().throttled == 1);
}

TEST_CASE("fetch: a full disk stops the run at once, the store keeps only complete files",
          "[fetch][e2e][retry]") {
  // The store is a small tmpfs, mounted in a user and mount namespace of its own (unshare), so
  // the test needs no privileges; where namespaces are not allowed it cannot run.
  if (std::system("unshare -rm true >/dev/null 2>&1") != 0) {
    WARN("unshare -rm is not permitted here: the full-disk test did not run");
    return;
  }
  Scenario s;
  std::vector<std::string> names;
  for (int h = 0; h < 6; ++h)
    names.push_back(test::add_source_file(s.source, "survey", kDay0 + h * kHourMs, 900));
  const auto source = s.source_files();
  // Room for the first three files and 4 pages more (the manifest needs 1 or 2), while each file
  // takes at least 5 pages of 4096 bytes: the fourth cannot fit.
  std::size_t pages = 4;
  for (int i = 0; i < 3; ++i)
    pages += (source.at("survey/" + names[i]).size() + 4095) / 4096;
  for (const auto& [name, bytes] : source)
    REQUIRE(bytes.size() > 5 * 4096);

  const std::string copy = s.dir / "copy";
  std::filesystem::create_directories(s.store);
  std::filesystem::create_directories(copy);
  const std::string script =
      "s=$1; c=$2; shift 2; mount -t tmpfs -o size=$((" + std::to_string(pages) +
      " * 4096)) tmpfs \"$s\" || exit 97; \"$@\"; rc=$?; cp -a \"$s/.\" \"$c/\"; exit $rc";
  std::vector<std::string> argv = {"unshare", "-rm",           "sh", "-c", script, "sh", s.store,
                                   copy,      test::leda_bin()};
  auto args = s.args(days(kDay0, kDay0 + kDayMs));
  args.insert(args.end(), {"--parallel", "1", "--types", "survey"});
  argv.insert(argv.end(), args.begin(), args.end());
  test::Child child = test::spawn_command(argv);
  auto r = test::wait_child(child);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "No space left on device: free space for the store and run again"));
  CHECK(contains(r.err, "stopped early, 2 files not tried: "));
  CHECK(contains(r.out, "3 new, 0 skipped, 3 failed"));
  // The fourth download was the last request: not retried, and the last two never asked for.
  CHECK(s.api->stats().requests == 1 + 1 + 4);
  const auto stored = test::tree_files(copy + "/" + test::kAccount);
  CHECK(stored.size() == 3);
  for (const auto& [name, bytes] : stored)
    CHECK(bytes == source.at(name));
  CHECK(std::filesystem::is_empty(copy + "/" + test::kAccount + "/.leda/tmp"));
}

TEST_CASE("fetch: retry options are checked", "[fetch][e2e][retry]") {
  auto base = std::vector<std::string>{"fetch",  "--account", "1",       "--region", "us",
                                       "--keys", "k",         "--store", "s"};
  for (const std::vector<std::string>& bad : {std::vector<std::string>{"--retry-for", "10"},
                                              {"--retry-base", "0ms"},
                                              {"--retry-base", "1m", "--retry-max", "30s"},
                                              {"--retries", "0"}}) {
    auto args = base;
    args.insert(args.end(), bad.begin(), bad.end());
    auto r = test::run_leda(args);
    INFO(r.err);
    CHECK(r.exit_code == 2);
  }
  auto help = test::run_leda({"fetch", "--help"});
  CHECK(contains(help.out, "--retry-for"));
  CHECK(contains(help.out, "--retry-base"));
  CHECK(contains(help.out, "--retry-max"));
}
