// The bookkeeping of a fetch run: windows, the default start, one task per listed file, and how
// far a checkpoint may move.
#include <catch2/catch.hpp>

#include "fetch/fetch_plan.hpp"
#include "fetch/fetch_run.hpp"

using namespace leda::fetch;

namespace {

constexpr std::int64_t kH = 3600000;
constexpr std::int64_t kD = 24 * kH;

ListedFile listed(const std::string& name) {
  ListedFile f;
  f.name = name;
  f.href = "https://h/" + name;
  return f;
}

// Three listed one-day windows of "survey" from day 10; window i lists `names[i]`.
std::vector<Window> listed_windows(const std::vector<std::vector<std::string>>& names) {
  auto windows = plan_windows("survey", "https://h/survey", 10 * kD, 13 * kD, kD);
  for (std::size_t i = 0; i < windows.size(); ++i) {
    windows[i].call.ok = true;
    for (const auto& n : names[i])
      windows[i].call.listing.files.push_back(listed(n));
  }
  return windows;
}

}  // namespace

TEST_CASE("windows cover the range, the last one cut at its end", "[plan]") {
  auto w = plan_windows("webSession", "u", 0, 2 * kD + 6 * kH, kD);
  REQUIRE(w.size() == 3);
  CHECK(w[0].start == 0);
  CHECK(w[1].end == 2 * kD);
  CHECK(w[2].start == 2 * kD);
  CHECK(w[2].end == 2 * kD + 6 * kH);
  CHECK(plan_windows("webSession", "u", 5, 5, kD).empty());
}

TEST_CASE("the default start: 30 days back, or 6 hours before the checkpoint", "[plan]") {
  const std::int64_t now = 100 * kD;
  CHECK(default_start(std::nullopt, now, 6 * kH, 30 * kD) == 70 * kD);
  CHECK(default_start(99 * kD, now, 6 * kH, 30 * kD) == 99 * kD - 6 * kH);
  CHECK(default_start(10 * kD, now, 6 * kH, 30 * kD) == 70 * kD);  // past retention
}

TEST_CASE("a file listed by two windows is one task, unsafe names are problems", "[plan]") {
  auto windows = listed_windows({{"S.1.2.part-00000-0.gz", "S.3.4.part-00000-0.gz"},
                                 {"S.3.4.part-00000-0", "../../etc/passwd"},
                                 {}});
  auto files = collect_files(windows);
  REQUIRE(files.size() == 2);
  CHECK(files[1].key == "S.3.4.part-00000-0");
  CHECK(windows[1].files == std::vector<std::size_t>{1});
  REQUIRE(windows[1].problems.size() == 1);
  CHECK(windows[1].problems[0] == "unusable file name '../../etc/passwd'");
}

TEST_CASE("the checkpoint moves only past complete windows, never over a gap or past now",
          "[plan]") {
  const std::int64_t now = 20 * kD;
  auto windows = listed_windows({{"S.a.part-00000-0"}, {"S.b.part-00000-0"}, {}});
  auto files = collect_files(windows);
  for (auto& f : files)
    f.state = FileState::kStored;

  // All complete: the end of the range.
  CHECK(advanced_checkpoint("survey", std::nullopt, windows, files, now) == 13 * kD);
  CHECK(advanced_checkpoint("survey", 10 * kD + 3 * kH, windows, files, now) == 13 * kD);
  // Other types' windows do not count; a checkpoint already further does not move back.
  CHECK_FALSE(advanced_checkpoint("engagement", std::nullopt, windows, files, now));
  CHECK_FALSE(advanced_checkpoint("survey", 14 * kD, windows, files, now));
  // A range that starts after the checkpoint would jump a gap: no move.
  CHECK_FALSE(advanced_checkpoint("survey", 9 * kD, windows, files, now));
  // Never past the start of the run.
  CHECK(advanced_checkpoint("survey", std::nullopt, windows, files, 12 * kD + kH) == 12 * kD + kH);

  // A failed file stops it at the start of its window.
  files[1].state = FileState::kFailed;
  CHECK(advanced_checkpoint("survey", std::nullopt, windows, files, now) == 11 * kD);
  files[1].state = FileState::kSkipped;
  // So does a failed listing, or a listing with an unusable entry.
  windows[0].call.ok = false;
  CHECK_FALSE(advanced_checkpoint("survey", std::nullopt, windows, files, now));
  windows[0].call.ok = true;
  windows[2].problems.push_back("file[0]: no @href");
  CHECK(advanced_checkpoint("survey", std::nullopt, windows, files, now) == 12 * kD);
}

TEST_CASE("a run's summary: complete, partial, or nothing done", "[plan]") {
  FetchSummary s;
  s.windows = 3;
  s.listed_windows = 3;
  s.stored = 2;
  s.skipped = 5;
  CHECK(s.result() == FetchResult::kComplete);
  s.failed = 1;  // one listed file not stored: the rest is kept
  CHECK(s.result() == FetchResult::kPartial);
  s.failed = 0;
  s.missing_types = 1;  // a type the account has no link for
  CHECK(s.result() == FetchResult::kPartial);

  FetchSummary unlisted;  // no window answered and nothing stored
  unlisted.windows = 4;
  unlisted.failed_windows = 4;
  CHECK(unlisted.result() == FetchResult::kNothingDone);
  unlisted.listed_windows = 1;
  unlisted.failed_windows = 3;
  CHECK(unlisted.result() == FetchResult::kPartial);

  FetchSummary empty;  // --from and --to name no window at all: nothing to do, done
  CHECK(empty.result() == FetchResult::kComplete);
  empty.fatal = "keys.json: mode 0644";
  CHECK(empty.result() == FetchResult::kNothingDone);
}

TEST_CASE("outcomes: failures listed, untried work only counted, retries summed", "[plan]") {
  auto windows = listed_windows(
      {{"A.1.2.part-00000-0.gz", "B.1.2.part-00000-0.gz"}, {"C.1.2.part-00000-0.gz"}, {}});
  windows[0].call.attempts = 1;
  windows[1].call.attempts = 4;  // three retries before its listing came
  windows[2].call.ok = false;    // the run stopped before listing it
  windows[2].call.end = RetryEnd::kCancelled;
  auto files = collect_files(windows);
  REQUIRE(files.size() == 3);
  files[0].state = FileState::kStored;
  files[0].call.ok = true;
  files[0].call.attempts = 2;
  files[0].call.bytes = 100;
  files[1].state = FileState::kFailed;  // ran out of retry time
  files[1].call.attempts = 7;
  files[1].call.end = RetryEnd::kBudget;
  files[1].call.error = "503 Service Unavailable";
  files[2].state = FileState::kFailed;  // never tried: the run had stopped
  files[2].call.end = RetryEnd::kCancelled;
  files[2].call.error = "not tried: disk full";

  CHECK(worth_another_pass(files) == std::vector<std::size_t>{1});
  CHECK(worth_another_pass(windows).empty());
  FetchSummary s;
  count_outcomes(windows, files, s);
  CHECK(s.stored == 1);
  CHECK(s.failed == 2);
  CHECK(s.bytes == 100);
  CHECK(s.windows == 3);
  CHECK(s.listed_windows == 2);
  CHECK(s.failed_windows == 1);
  CHECK(s.unlisted == 1);
  CHECK(s.not_tried == 1);
  // 3 (listing) + 1 + 6 (files) attempts beyond the first; the most one request took is 7.
  CHECK(s.retries == 10);
  CHECK(s.most_attempts == 7);
  REQUIRE(s.failures.size() == 1);  // only what was tried
  CHECK(s.failures[0].what == "survey/B.1.2.part-00000-0");
  CHECK(s.failures[0].error == "503 Service Unavailable");
  CHECK(s.failures[0].attempts == 7);
  CHECK(s.result() == FetchResult::kPartial);
}
