// `leda wfm import` run as a user runs it: the real binary ($LEDA_BIN) on tests/data/wfm and
// on the generated sample account.
#include <catch2/catch.hpp>
#include <filesystem>

#include "../host/cli_support.hpp"
#include "wfm_support.hpp"

namespace fs = std::filesystem;
using Catch::Contains;
using leda::test::read_file;
using leda::test::run_leda;
using wfmtest::fixture;

namespace {

std::vector<std::string> import_args(std::vector<std::string> args) {
  args.insert(args.begin(), {"wfm", "import"});
  return args;
}

const std::string kNightShiftCsv =
    "wfm_agent_id,schedule_date,activity_code,start,end,paid\n"
    "D200,2026-10-30,WORK,2026-10-30T09:00:00-04:00,2026-10-30T17:30:00-04:00,true\n"
    "D200,2026-10-30,BREAK,2026-10-30T11:00:00-04:00,2026-10-30T11:15:00-04:00,true\n"
    "D200,2026-10-31,OFF,2026-10-31T00:00:00-04:00,2026-11-01T00:00:00-04:00,false\n"
    "N100,2026-10-30,WORK,2026-10-30T22:00:00-04:00,2026-10-31T06:30:00-04:00,true\n"
    "N100,2026-10-30,BREAK,2026-10-31T00:30:00-04:00,2026-10-31T00:45:00-04:00,true\n"
    "N100,2026-10-30,MEAL,2026-10-31T02:00:00-04:00,2026-10-31T02:30:00-04:00,false\n"
    "N100,2026-10-30,BREAK,2026-10-31T04:30:00-04:00,2026-10-31T04:45:00-04:00,true\n";

}  // namespace

TEST_CASE("leda wfm --help and leda wfm import --help tell every option and exit code",
          "[wfm][cli]") {
  const auto wfm = run_leda({"wfm", "--help"});
  CHECK(wfm.exit_code == 0);
  CHECK_THAT(wfm.out, Contains("import"));
  CHECK(run_leda({"wfm"}).exit_code == 2);
  CHECK(run_leda({"wfm", "export"}).exit_code == 2);
  CHECK_THAT(run_leda({"--help"}).out, Contains("wfm"));

  const auto help = run_leda({"wfm", "import", "--help"});
  CHECK(help.exit_code == 0);
  for (const char* option : {"--from", "--out", "--tz", "--fields", "--field ", "--time-format",
                             "--fold", "--unpaid", "--activity-codes", "--strict", "iex", "genesys",
                             "csv", "excDate", "fullDayTimeOffMarkers"})
    CHECK_THAT(help.out, Contains(option));
  for (const char* code : {"exit codes: 0", "1 some rows", "2 usage error", "3 nothing could"})
    CHECK_THAT(help.out, Contains(code));
}

TEST_CASE("leda wfm import: usage errors exit 2 and write nothing", "[wfm][cli]") {
  leda::test::TempDir dir("wfm-cli");
  const std::string out = dir / "s.csv", iex = fixture("iex-night-shift.txt");
  const std::vector<std::vector<std::string>> bad = {
      {iex, "--out", out},                                          // no --from
      {"--from", "xml", iex, "--out", out},                         // unknown source
      {"--from", "iex", iex, "--tz", "America/New_York"},           // no --out
      {"--from", "iex", "--out", out, "--tz", "America/New_York"},  // no file
      {"--from", "iex", iex, "--out", out},                         // no --tz
      {"--from", "iex", iex, "--out", out, "--tz", "Mars/Olympus"},
      {"--from", "iex", iex, "--out", out, "--tz", "UTC", "--time-format", "13h"},
      {"--from", "iex", iex, "--out", out, "--tz", "UTC", "--fold", "sideways"},
      {"--from", "iex", iex, "--out", out, "--tz", "UTC", "--field", "employee=id"},
      {"--from", "iex", iex, "--out", out, "--tz", "UTC", "--activity-codes", iex},
      {"--from", "genesys", iex, "--out", out, "--fields", "a|b"},
      {"--from", "genesys", iex, "--out", out, "--unpaid", "MEAL"},
      {"--from", "csv", iex, "--out", out, "--tz", "UTC"},
      {"--from", "iex", iex, "--out", out, "--tz", "UTC", "--bogus"}};
  for (const auto& args : bad) {
    const auto r = run_leda(import_args(args));
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("leda wfm import: "));
  }
  CHECK_THAT(run_leda(import_args(bad[5])).err, Contains("unknown time zone 'Mars/Olympus'"));
  CHECK_THAT(run_leda(import_args(bad[10])).err, Contains("--fields applies to --from iex only"));
  CHECK(fs::is_empty(dir.path));
}

TEST_CASE("leda wfm import --from iex writes the neutral CSV and says what it read", "[wfm][cli]") {
  leda::test::TempDir dir("wfm-cli");
  const auto r =
      run_leda(import_args({"--from", "iex", fixture("iex-night-shift.txt"), "--out", dir / "s.csv",
                            "--tz", "America/New_York", "--unpaid", "MEAL,OFF"}));
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_THAT(r.out, Contains("iex, 1 file: 7 lines read, 7 rows for 2 agents (1 full-day, days "
                             "off), 0 skipped"));
  CHECK_THAT(r.out, Contains("unknown columns ignored: "));
  CHECK_THAT(r.out, Contains("iex-night-shift.txt: teamName"));
  CHECK_THAT(r.out, Contains("wrote " + dir / "s.csv" + " (7 rows)"));
  CHECK(read_file(dir / "s.csv") == kNightShiftCsv);
  // Written atomically: nothing but the output is left in the folder.
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);

  // DST: the first 01:30 by default, the second with --fold later; a gap time is named.
  const auto later =
      run_leda(import_args({"--from", "iex", fixture("iex-dst-fall.txt"), "--out", dir / "fall.csv",
                            "--tz", "America/New_York", "--fold", "later"}));
  CHECK(later.exit_code == 0);
  CHECK_THAT(read_file(dir / "fall.csv"),
             Contains("F1,2026-11-01,BREAK,2026-11-01T01:30:00-05:00,2026-11-01T01:45:00-05:00"));
  const auto gap = run_leda(import_args({"--from", "iex", fixture("iex-dst-spring.txt"), "--out",
                                         dir / "spring.csv", "--tz", "America/New_York"}));
  CHECK(gap.exit_code == 1);
  CHECK_THAT(gap.err, Contains("iex-dst-spring.txt:3: startTime: 2026-03-08 02:30 does not "
                               "exist in America/New_York"));

  // 12-hour times from --fields.
  const auto twelve =
      run_leda(import_args({"--from", "iex", fixture("iex-12h.txt"), "--out", dir / "12h.csv",
                            "--tz", "America/New_York", "--time-format", "12h", "--fields",
                            "schedDate|tvID|excCode|startTime|stopTime"}));
  CHECK(twelve.exit_code == 0);
  CHECK_THAT(read_file(dir / "12h.csv"),
             Contains("T1,2026-10-31,WORK,2026-10-31T08:00:00-04:00,2026-10-31T16:30:00-04:00"));
}

TEST_CASE("leda wfm import: bad rows are skipped (exit 1), --strict writes nothing", "[wfm][cli]") {
  leda::test::TempDir dir("wfm-cli");
  const std::string out = dir / "s.csv";
  const auto r = run_leda(import_args(
      {"--from", "iex", fixture("iex-bad-rows.txt"), "--out", out, "--tz", "America/New_York"}));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains("iex-bad-rows.txt:3: startTime: not a time"));
  CHECK_THAT(r.err, Contains("iex-bad-rows.txt:4: 6 fields, the column list has 5"));
  CHECK_THAT(r.err, Contains("iex-bad-rows.txt:5: schedDate: not a date (MMDDYYYY)"));
  CHECK_THAT(r.err, Contains("iex-bad-rows.txt:6: tvID: empty"));
  CHECK_THAT(r.out, Contains("6 lines read, 2 rows for 1 agent (0 full-day, days off), 4 skipped"));
  CHECK(read_file(out) ==
        "wfm_agent_id,schedule_date,activity_code,start,end,paid\n"
        "B1,2026-10-31,WORK,2026-10-31T08:00:00-04:00,2026-10-31T16:00:00-04:00,true\n"
        "B1,2026-10-31,BREAK,2026-10-31T14:00:00-04:00,2026-10-31T14:15:00-04:00,true\n");

  leda::test::write_file(out, "old\n");
  const auto strict = run_leda(import_args({"--from", "iex", fixture("iex-bad-rows.txt"), "--out",
                                            out, "--tz", "America/New_York", "--strict"}));
  CHECK(strict.exit_code == 1);
  CHECK_THAT(strict.out, Contains("nothing written (--strict)"));
  CHECK(read_file(out) == "old\n");

  // A renamed required column: the file cannot be read at all.
  const auto renamed = run_leda(import_args(
      {"--from", "iex", fixture("iex-renamed.txt"), "--out", out, "--tz", "America/New_York"}));
  CHECK(renamed.exit_code == 3);
  CHECK_THAT(renamed.err, Contains("iex-renamed.txt:1: missing column 'tvID' (agent)"));
  CHECK(read_file(out) == "old\n");
  const auto found =
      run_leda(import_args({"--from", "iex", fixture("iex-renamed.txt"), "--out", out, "--tz",
                            "America/New_York", "--field", "agent=agentId"}));
  CHECK(found.exit_code == 0);
  CHECK_THAT(read_file(out), Contains("R1,2026-10-31,WORK,"));

  // One readable file and one missing: the rows of the first are written, exit 1.
  const auto partly =
      run_leda(import_args({"--from", "iex", fixture("iex-dst-fall.txt"), dir / "missing.txt",
                            "--out", out, "--tz", "America/New_York"}));
  CHECK(partly.exit_code == 1);
  CHECK_THAT(partly.err, Contains("missing.txt: cannot open"));
  CHECK_THAT(read_file(out), Contains("F1,2026-11-01,WORK"));

  const auto nowhere =
      run_leda(import_args({"--from", "iex", fixture("iex-dst-fall.txt"), "--out",
                            dir / "no/such/dir/s.csv", "--tz", "America/New_York"}));
  CHECK(nowhere.exit_code == 3);
  CHECK_THAT(nowhere.err, Contains("no/such/dir/s.csv: cannot create a temporary file"));
}

TEST_CASE("leda wfm import --from genesys, with and without the activity code list", "[wfm][cli]") {
  leda::test::TempDir dir("wfm-cli");
  const auto named = run_leda(
      import_args({"--from", "genesys", fixture("genesys-schedule.json"), "--activity-codes",
                   fixture("genesys-activity-codes.json"), "--out", dir / "named.csv"}));
  CHECK(named.exit_code == 0);
  CHECK_THAT(named.out, Contains("genesys, 1 file: 4 activities read, 4 rows for 2 agents"));
  CHECK_THAT(named.out, Contains("days off (fullDayTimeOffMarkers, no scheduled time): 1: "
                                 "9f1c-agent-b 2026-11-02"));
  CHECK_THAT(read_file(dir / "named.csv"),
             Contains("9f1c-agent-b,2026-10-31,MEAL,2026-11-01T01:00:00-05:00,"
                      "2026-11-01T01:30:00-05:00,false\n"));
  const auto ids = run_leda(import_args(
      {"--from", "genesys", fixture("genesys-schedule.json"), "--out", dir / "ids.csv"}));
  CHECK(ids.exit_code == 0);
  CHECK_THAT(read_file(dir / "ids.csv"),
             Contains("9f1c-agent-b,2026-10-31,2,2026-11-01T01:00:00-05:00,"));
  const auto no_codes =
      run_leda(import_args({"--from", "genesys", fixture("genesys-schedule.json"),
                            "--activity-codes", dir / "none.json", "--out", dir / "x.csv"}));
  CHECK(no_codes.exit_code == 3);
  CHECK_THAT(no_codes.err, Contains("none.json: cannot open"));
  CHECK_FALSE(fs::exists(dir / "x.csv"));
}

TEST_CASE("the sample account's IEX and Genesys exports import to its neutral schedule",
          "[wfm][cli][sample]") {
  leda::test::TempDir dir("wfm-sample");
  auto check_account = [&](const fs::path& account) {
    INFO(account.string());
    const std::string neutral = read_file(account / "schedule.csv");
    REQUIRE(neutral.size() > 1000);
    const auto iex = run_leda(
        import_args({"--from", "iex", (account / "schedule-iex.txt").string(), "--tz",
                     "America/New_York", "--unpaid", "MEAL,OFF", "--out", dir / "from-iex.csv"}));
    CHECK(iex.exit_code == 0);
    CHECK(read_file(dir / "from-iex.csv") == neutral);
    const auto genesys = run_leda(import_args(
        {"--from", "genesys", (account / "schedule-genesys.json").string(), "--activity-codes",
         (account / "genesys-activity-codes.json").string(), "--out", dir / "from-genesys.csv"}));
    CHECK(genesys.exit_code == 0);
    CHECK(read_file(dir / "from-genesys.csv") == neutral);
    const auto csv = run_leda(import_args(
        {"--from", "csv", (account / "schedule.csv").string(), "--out", dir / "from-csv.csv"}));
    CHECK(csv.exit_code == 0);
    CHECK(read_file(dir / "from-csv.csv") == neutral);  // already normalized
  };
  check_account(fs::path(LEDA_SOURCE_DIR) / "examples/sample-account");

  // Another seed and size, written fresh.
  const auto gen = run_leda({"generate", "--out", dir / "acct", "--seed", "9", "--agents", "12",
                             "--days", "4", "--visits-per-day", "50", "-q"});
  REQUIRE(gen.exit_code == 0);
  check_account(dir / "acct");
}
