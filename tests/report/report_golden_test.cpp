// Golden files of the text report at 100 columns: the real `leda report` ($LEDA_BIN) on the
// sample account, piped (as a test runs it), compared byte for byte with golden/<case>.txt.
//
// To write the golden files again after an intended change, run this test with
// LEDA_UPDATE_GOLDEN=1 and review the diff as a reader would: units, splits, wrapping.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "support/files.hpp"
#include "support/run_leda.hpp"

namespace {

namespace fs = std::filesystem;

// Runs leda from the source folder, so the report names the sample's files as a user in a
// checkout would see them (and the wrapping does not depend on where the checkout is).
leda::test::RunResult report(const std::vector<std::string>& args, const std::string& columns) {
  std::vector<std::string> all = {"report", "--data", "examples/sample-account/75555851",
                                  "--threads", "2"};
  all.insert(all.end(), args.begin(), args.end());
  leda::test::RunOptions options;
  options.cwd = LEDA_SOURCE_DIR;
  options.env = {"COLUMNS=" + columns};
  return leda::test::run_leda(all, options);
}

std::size_t widest_line(const std::string& text) {
  std::istringstream in(text);
  std::size_t widest = 0;
  for (std::string line; std::getline(in, line);) {
    std::size_t chars = 0;
    for (char c : line)
      chars += (c & 0xC0) != 0x80;
    widest = std::max(widest, chars);
  }
  return widest;
}

void check_golden(const std::string& name, const std::string& text) {
  const fs::path file = fs::path(LEDA_REPORT_GOLDEN) / (name + ".txt");
  if (const char* update = std::getenv("LEDA_UPDATE_GOLDEN"); update && *update == '1') {
    leda::test::write_file(file, text);
    WARN("wrote " << file.string());
    return;
  }
  REQUIRE(leda::test::exists(file));
  const std::string expected = leda::test::read_file(file);
  INFO("golden file " << file.string() << " (LEDA_UPDATE_GOLDEN=1 writes it again)");
  CHECK(text == expected);
}

}  // namespace

TEST_CASE("golden: the sample account's report with the agent map and membership, 100 columns",
          "[report][golden]") {
  const auto r = report({"--join", "agents=examples/sample-account/agents.csv", "--join",
                         "membership=examples/sample-account/membership.csv"},
                        "100");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(widest_line(r.out) <= 100);
  check_golden("sample-report", r.out);
}

TEST_CASE("golden: the sample account's report without joins, piped with no COLUMNS",
          "[report][golden]") {
  // An empty COLUMNS is no width: a pipe gets 100 columns.
  const auto r = report({"--max-rows", "5"}, "");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(widest_line(r.out) <= 100);
  check_golden("sample-report-no-joins", r.out);
}

TEST_CASE("the text report follows COLUMNS", "[report]") {
  const auto narrow = report({"--join", "agents=examples/sample-account/agents.csv"}, "72");
  REQUIRE(narrow.exit_code == 0);
  CHECK(widest_line(narrow.out) <= 72);
  const auto wide = report({"--join", "agents=examples/sample-account/agents.csv"}, "400");
  REQUIRE(wide.exit_code == 0);
  // 400 columns hold every table of the sample in one block: the widest line is longer than 100.
  CHECK(widest_line(wide.out) > 100);
  CHECK(widest_line(wide.out) <= 400);
}

TEST_CASE("golden: the sample account's report with the WFM schedule, 100 columns",
          "[report][golden]") {
  // The three joins of wfm-adherence: the report runs it, by region, after agent-utilization.
  const auto r = report({"--join", "agents=examples/sample-account/agents.csv", "--join",
                         "membership=examples/sample-account/membership.csv", "--join",
                         "schedule=examples/sample-account/schedule.csv", "--join",
                         "activities=examples/sample-account/activities.csv"},
                        "100");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(widest_line(r.out) <= 100);
  check_golden("sample-report-wfm", r.out);
}
