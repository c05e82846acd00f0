// NICE IEX schedule detail exports (wfm/importers.hpp import_iex), on tests/data/wfm fixtures.
// Local times are converted by hand: New York is UTC-4 (EDT) until 2026-11-01 02:00 local, then
// UTC-5 (EST); it was UTC-5 until 2026-03-08 02:00 local, then UTC-4.
#include <catch2/catch.hpp>

#include "wfm/importers.hpp"
#include "wfm_support.hpp"

using Catch::Contains;
using leda::wfm::IexOptions;
using leda::wfm::ImportResult;
using wfmtest::fixture;
using wfmtest::utc;

namespace {

IexOptions new_york() {
  IexOptions o;
  o.tz = "America/New_York";
  return o;
}

std::vector<std::string> error_texts(const ImportResult& r) {
  std::vector<std::string> out;
  for (const auto& e : r.errors)
    out.push_back(e.text());
  return out;
}

}  // namespace

TEST_CASE("IEX: a night shift crosses midnight and keeps its schedDate", "[wfm][iex]") {
  IexOptions o = new_york();
  o.unpaid = {"MEAL", "OFF"};
  const ImportResult r = import_iex({fixture("iex-night-shift.txt")}, o);
  CHECK(r.errors.empty());
  CHECK(r.file_errors.empty());
  CHECK(r.records == 7);
  CHECK(r.full_day_rows == 1);
  REQUIRE(r.ignored_columns.size() == 1);
  CHECK_THAT(r.ignored_columns[0], Contains("iex-night-shift.txt: teamName"));
  // Sorted by agent (D200 before N100), then start; the break stays after its shift.
  CHECK(leda::wfm::neutral_csv(r.rows) ==
        "wfm_agent_id,schedule_date,activity_code,start,end,paid\n"
        "D200,2026-10-30,WORK,2026-10-30T09:00:00-04:00,2026-10-30T17:30:00-04:00,true\n"
        "D200,2026-10-30,BREAK,2026-10-30T11:00:00-04:00,2026-10-30T11:15:00-04:00,true\n"
        // 00:00|00:00 is a whole day: to midnight of Nov 1 (still EDT, the clocks go back at 2)
        "D200,2026-10-31,OFF,2026-10-31T00:00:00-04:00,2026-11-01T00:00:00-04:00,false\n"
        // 22:00 to 06:30: the stop is on the next day; excDate puts the breaks on Oct 31
        "N100,2026-10-30,WORK,2026-10-30T22:00:00-04:00,2026-10-31T06:30:00-04:00,true\n"
        "N100,2026-10-30,BREAK,2026-10-31T00:30:00-04:00,2026-10-31T00:45:00-04:00,true\n"
        "N100,2026-10-30,MEAL,2026-10-31T02:00:00-04:00,2026-10-31T02:30:00-04:00,false\n"
        "N100,2026-10-30,BREAK,2026-10-31T04:30:00-04:00,2026-10-31T04:45:00-04:00,true\n");
  // The instants: 22:00 EDT is 02:00Z the next day, 06:30 EDT is 10:30Z.
  const auto& night = r.rows[3].row;
  CHECK(night.start == utc(2026, 10, 31, 2));
  CHECK(night.end == utc(2026, 10, 31, 10, 30));
  CHECK(night.schedule_date == leda::util::days_from_civil(2026, 10, 30));
  CHECK(night.line == 2);

  // Layered: the shift with its two breaks and the meal on top.
  std::vector<leda::ScheduleRow> rows;
  for (const auto& n : r.rows)
    rows.push_back(n.row);
  const leda::Schedule s(rows);
  const auto segs = s.layered("N100");
  REQUIRE(segs.size() == 7);
  CHECK(segs[1] == leda::ScheduleSegment{utc(2026, 10, 31, 4, 30), utc(2026, 10, 31, 4, 45), 4});
  CHECK(segs[3].start == utc(2026, 10, 31, 6));  // the meal: 02:00 EDT
  CHECK(s.rows()[segs[3].row].activity_code == "MEAL");
}

TEST_CASE("IEX: DST fall back takes the first 01:30 unless --fold later", "[wfm][iex]") {
  IexOptions o = new_york();
  const ImportResult first = import_iex({fixture("iex-dst-fall.txt")}, o);
  REQUIRE(first.rows.size() == 2);
  CHECK(first.errors.empty());
  // 00:00 EDT (04:00Z) to 06:00 EST (11:00Z): a 7-hour shift on the 25-hour day.
  CHECK(first.rows[0].row.start == utc(2026, 11, 1, 4));
  CHECK(first.rows[0].row.end == utc(2026, 11, 1, 11));
  // 01:30 happens twice; the first time is EDT: 05:30Z. No excDate column: on schedDate.
  CHECK(first.rows[1].row.start == utc(2026, 11, 1, 5, 30));
  CHECK(first.rows[1].row.end == utc(2026, 11, 1, 5, 45));
  CHECK(leda::wfm::neutral_csv(first.rows) ==
        "wfm_agent_id,schedule_date,activity_code,start,end,paid\n"
        "F1,2026-11-01,WORK,2026-11-01T00:00:00-04:00,2026-11-01T06:00:00-05:00,true\n"
        "F1,2026-11-01,BREAK,2026-11-01T01:30:00-04:00,2026-11-01T01:45:00-04:00,true\n");

  o.fold = leda::wfm::Fold::kLater;
  const ImportResult later = import_iex({fixture("iex-dst-fall.txt")}, o);
  REQUIRE(later.rows.size() == 2);
  // The second 01:30 is EST: 06:30Z.
  CHECK(later.rows[1].row.start == utc(2026, 11, 1, 6, 30));
  CHECK(later.rows[1].row.end == utc(2026, 11, 1, 6, 45));
  CHECK(later.rows[0].row.start == utc(2026, 11, 1, 4));  // unambiguous times do not move
  CHECK(
      leda::wfm::neutral_csv(later.rows)
          .find("F1,2026-11-01,BREAK,2026-11-01T01:30:00-05:00,2026-11-01T01:45:00-05:00,true\n") !=
      std::string::npos);
}

TEST_CASE("IEX: a time in the spring-forward gap is an error, the rest is kept", "[wfm][iex]") {
  const ImportResult r = import_iex({fixture("iex-dst-spring.txt")}, new_york());
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 3);
  CHECK(r.errors[0].field == "startTime");
  CHECK_THAT(r.errors[0].text(),
             Contains("iex-dst-spring.txt:3: startTime: 2026-03-08 02:30 does not exist in "
                      "America/New_York"));
  REQUIRE(r.rows.size() == 2);
  // 00:00 EST (05:00Z) to 06:00 EDT (10:00Z): five hours; 03:30 EDT is 07:30Z.
  CHECK(r.rows[0].row.start == utc(2026, 3, 8, 5));
  CHECK(r.rows[0].row.end == utc(2026, 3, 8, 10));
  CHECK(r.rows[1].row.start == utc(2026, 3, 8, 7, 30));
  CHECK(r.rows[1].start_offset_min == -240);
  CHECK(r.rows[0].start_offset_min == -300);
}

TEST_CASE("IEX: 12-hour times and a day off, columns from --fields", "[wfm][iex]") {
  IexOptions o = new_york();
  o.twelve_hour = true;
  const ImportResult none = import_iex({fixture("iex-12h.txt")}, o);
  REQUIRE(none.file_errors.size() == 1);
  CHECK_THAT(none.file_errors[0].text(), Contains("no '#fields:' first line and no --fields"));
  CHECK(none.rows.empty());

  o.fields = leda::wfm::split_names("schedDate|tvID|excCode|startTime|stopTime");
  const ImportResult r = import_iex({fixture("iex-12h.txt")}, o);
  CHECK(r.errors.empty());
  CHECK(r.full_day_rows == 1);
  CHECK(leda::wfm::neutral_csv(r.rows) ==
        "wfm_agent_id,schedule_date,activity_code,start,end,paid\n"
        "T1,2026-10-31,WORK,2026-10-31T08:00:00-04:00,2026-10-31T16:30:00-04:00,true\n"
        "T1,2026-10-31,BREAK,2026-10-31T10:15:00-04:00,2026-10-31T10:30:00-04:00,true\n"
        "T1,2026-10-31,MEAL,2026-10-31T12:00:00-04:00,2026-10-31T12:30:00-04:00,true\n"
        // 12:00AM|12:00AM: midnight to midnight, 25 hours on the day the clocks go back
        "T1,2026-11-01,OFF,2026-11-01T00:00:00-04:00,2026-11-02T00:00:00-05:00,true\n");
  CHECK(r.rows[3].row.end - r.rows[3].row.start == 25 * 3600000LL);

  o.twelve_hour = false;  // the same file read as 24 h: every time is named
  const ImportResult wrong = import_iex({fixture("iex-12h.txt")}, o);
  CHECK(wrong.rows.empty());
  REQUIRE(wrong.errors.size() == 4);
  CHECK_THAT(wrong.errors[0].text(),
             Contains(":1: startTime: not a time (HH:MM, 24 h; --time-format 12h reads "
                      "hh:mmAM): '08:00AM'"));
}

TEST_CASE("IEX: a renamed column is named in the error, --field finds it", "[wfm][iex]") {
  IexOptions o = new_york();
  const ImportResult missing = import_iex({fixture("iex-renamed.txt")}, o);
  REQUIRE(missing.file_errors.size() == 1);
  CHECK(missing.file_errors[0].line == 1);
  CHECK_THAT(missing.file_errors[0].text(),
             Contains("iex-renamed.txt:1: missing column 'tvID' (agent) in the #fields: line; "
                      "name another with --field agent=NAME"));
  CHECK(missing.rows.empty());

  leda::wfm::add_iex_field_name(o, "agent=AGENTID");  // names match in any letter case
  const ImportResult r = import_iex({fixture("iex-renamed.txt")}, o);
  CHECK(r.file_errors.empty());
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].row.wfm_agent_id == "R1");
  CHECK(r.ignored_columns.empty());

  CHECK_THROWS_AS(leda::wfm::add_iex_field_name(o, "employee=X"), leda::wfm::WfmUsageError);
  CHECK_THROWS_AS(leda::wfm::add_iex_field_name(o, "agent="), leda::wfm::WfmUsageError);
  o.tz = "America/Nowhere";
  CHECK_THROWS_AS(import_iex({fixture("iex-renamed.txt")}, o), leda::wfm::WfmZoneError);
}

TEST_CASE("IEX: each bad row is named and skipped, the good ones are kept", "[wfm][iex]") {
  const ImportResult r = import_iex({fixture("iex-bad-rows.txt")}, new_york());
  const auto errors = error_texts(r);
  REQUIRE(errors.size() == 4);
  CHECK_THAT(errors[0], Contains("iex-bad-rows.txt:3: startTime: not a time (HH:MM, 24 h; "
                                 "--time-format 12h reads hh:mmAM): '8h15'"));
  CHECK_THAT(errors[1], Contains("iex-bad-rows.txt:4: 6 fields, the column list has 5"));
  CHECK_THAT(errors[2], Contains("iex-bad-rows.txt:5: schedDate: not a date (MMDDYYYY): "
                                 "'13012026'"));
  CHECK_THAT(errors[3], Contains("iex-bad-rows.txt:6: tvID: empty"));
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].row.line == 2);
  CHECK(r.rows[1].row.line == 7);
  CHECK(r.records == 6);

  const ImportResult gone = import_iex({fixture("no-such-file.txt")}, new_york());
  REQUIRE(gone.file_errors.size() == 1);
  CHECK_THAT(gone.file_errors[0].text(), Contains("no-such-file.txt: cannot open"));
}

TEST_CASE("IEX: rows of several files are sorted together", "[wfm][iex]") {
  IexOptions o = new_york();
  const ImportResult r =
      import_iex({fixture("iex-night-shift.txt"), fixture("iex-dst-fall.txt")}, o);
  REQUIRE(r.rows.size() == 9);
  CHECK(r.rows[2].row.wfm_agent_id == "D200");
  CHECK(r.rows[3].row.wfm_agent_id == "F1");
  CHECK(r.rows[3].file == 1);
  CHECK(r.rows[5].row.wfm_agent_id == "N100");
  CHECK(r.rows[5].file == 0);
}
