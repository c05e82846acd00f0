// The host's readers of the neutral schedule and activity map (wfm/schedule_reader.hpp).
#include <catch2/catch.hpp>

#include "../host/cli_support.hpp"
#include "wfm/schedule_reader.hpp"
#include "wfm_support.hpp"

using Catch::Contains;
using wfmtest::fixture;
using wfmtest::utc;

namespace {

// The JoinError message of reading `csv` as a schedule (or "" when it reads).
std::string schedule_error(const std::string& csv) {
  leda::test::TempDir dir("wfm-reader");
  leda::test::write_file(dir / "s.csv", csv);
  try {
    leda::wfm::read_schedule(dir / "s.csv");
  } catch (const leda::JoinError& e) {
    return std::string(e.what()).substr((dir / "s.csv").size());  // without the path
  }
  return "";
}

std::string activity_error(const std::string& csv) {
  leda::test::TempDir dir("wfm-reader");
  leda::test::write_file(dir / "a.csv", csv);
  try {
    leda::wfm::read_activity_map(dir / "a.csv");
  } catch (const leda::JoinError& e) {
    return std::string(e.what()).substr((dir / "a.csv").size());
  }
  return "";
}

const std::string kHeader = "wfm_agent_id,schedule_date,activity_code,start,end\n";
const std::string kActivityHeader =
    "activity_code,category,expected_states,counts_as_work,counts_as_shrinkage,adherence_mode\n";

}  // namespace

TEST_CASE("read_schedule: columns in any order, offsets, paid default, quoted fields", "[wfm]") {
  const leda::Schedule s = leda::wfm::read_schedule(fixture("schedule.csv"));
  REQUIRE(s.rows().size() == 4);
  const auto& work = s.rows()[0];
  CHECK(work.wfm_agent_id == "A-1");
  CHECK(work.activity_code == "WORK");
  CHECK(work.schedule_date == leda::util::days_from_civil(2026, 10, 31));
  CHECK(work.schedule_date_text == "2026-10-31");
  CHECK(work.start == utc(2026, 10, 31, 12));    // 08:00-04:00
  CHECK(work.end == utc(2026, 10, 31, 20, 30));  // 16:30-04:00
  CHECK(work.paid);                              // empty: true
  CHECK(work.line == 2);
  CHECK(s.rows()[2].start == utc(2026, 10, 31, 16));  // written with Z
  CHECK_FALSE(s.rows()[2].paid);
  const auto& night = s.rows()[3];
  CHECK(night.wfm_agent_id == "B,2");         // a quoted field with a comma
  CHECK(night.paid);                          // TRUE
  CHECK(night.start == utc(2026, 11, 1, 2));  // 22:00 EDT (UTC-4) on Oct 31
  CHECK(night.end == utc(2026, 11, 1, 11));   // 06:00 EST (UTC-5) after the fall back
  CHECK(night.line == 5);
  // The break lies over the shift; the meal too (written at 16:00Z = 12:00 EDT).
  CHECK(s.layered("A-1") == std::vector<leda::ScheduleSegment>{
                                {utc(2026, 10, 31, 12), utc(2026, 10, 31, 14), 0},
                                {utc(2026, 10, 31, 14), utc(2026, 10, 31, 14, 15), 1},
                                {utc(2026, 10, 31, 14, 15), utc(2026, 10, 31, 16), 0},
                                {utc(2026, 10, 31, 16), utc(2026, 10, 31, 16, 30), 2},
                                {utc(2026, 10, 31, 16, 30), utc(2026, 10, 31, 20, 30), 0}});
}

TEST_CASE("read_schedule: every bad row is named with its line and column", "[wfm]") {
  const std::string err = schedule_error(
      kHeader + "a,2026-10-31,WORK,2026-10-31T08:00:00-04:00,2026-10-31T16:00:00-04:00\n" +
      "a,2026-02-30,WORK,2026-10-31T08:00:00-04:00,2026-10-31T16:00:00-04:00\n" +
      "a,2026-10-31,WORK,2026-10-31T08:00:00,2026-10-31T16:00:00-04:00\n" +
      "a,2026-10-31,WORK,2026-10-31T08:00:00-04:00,2026-10-31T08:00:00-04:00\n" +
      ",2026-10-31,WORK,2026-10-31T08:00:00-04:00,2026-10-31T16:00:00-04:00\n" +
      "a,2026-10-31,,2026-10-31T08:00:00-04:00,2026-10-31T16:00:00-04:00\n" +
      "a,2026-10-31,WORK,2026-10-31 08:00:00+01:00,tomorrow\n");
  CHECK_THAT(err, Contains("6 rows cannot be read"));
  CHECK_THAT(err, Contains(":3: schedule_date: not a date (YYYY-MM-DD): '2026-02-30'"));
  CHECK_THAT(err, Contains(":4: start: no UTC offset (add Z or +HH:MM): '2026-10-31T08:00:00'"));
  CHECK_THAT(err, Contains(":5: end: not after start"));
  CHECK_THAT(err, Contains(":6: wfm_agent_id: empty"));
  CHECK_THAT(err, Contains(":7: activity_code: empty"));
  CHECK_THAT(err, Contains(":8: end: not an RFC 3339 time"));
  CHECK_THAT(err, !Contains(":2:"));

  CHECK_THAT(schedule_error("wfm_agent_id,schedule_date,activity_code,start,end,paid\n"
                            "a,2026-10-31,WORK,2026-10-31T08:00:00Z,2026-10-31T09:00:00Z,yes\n"),
             Contains(":2: paid: not true or false: 'yes'"));
  CHECK_THAT(schedule_error("wfm_agent_id,schedule_date,activity_code,begin,end\n"),
             Contains("no column 'start'"));
  CHECK(schedule_error(kHeader) == "");  // a header alone is an empty schedule
}

TEST_CASE("read_activity_map: states, modes, booleans", "[wfm]") {
  using leda::ActualState;
  const leda::ActivityMap m = leda::wfm::read_activity_map(fixture("activities.csv"));
  REQUIRE(m.rows().size() == 5);
  const leda::ActivityRow* brk = m.find("BREAK");
  REQUIRE(brk);
  CHECK(brk->category == "BREAK");
  CHECK(brk->expected_states ==
        leda::StateSet{ActualState::kBackSoon, ActualState::kAway, ActualState::kLoggedOut});
  CHECK(brk->counts_as_shrinkage);
  CHECK_FALSE(brk->counts_as_work);
  CHECK(brk->line == 3);
  CHECK(m.find("MEAL")->expected_states ==
        leda::StateSet{ActualState::kAway, ActualState::kLoggedOut});  // spaces around '|'
  CHECK(m.find("MEETING")->adherence_mode == leda::AdherenceMode::kNeutral);
  CHECK(m.find("MEETING")->expected_states.empty());
  CHECK(m.find("OFF")->adherence_mode == leda::AdherenceMode::kIgnore);
  CHECK(m.find("WORK")->counts_as_work);
  CHECK(m.find("Work") == nullptr);
}

TEST_CASE("read_activity_map: every bad row is named", "[wfm]") {
  const std::string err = activity_error(
      kActivityHeader + "WORK,WORK,ONLINE,true,false,STRICT\n" +
      "WORK,WORK,ONLINE,true,false,STRICT\n" + "BREAK,BREAK,BACK_SOON|LUNCH,false,true,STRICT\n" +
      "MEAL,MEAL,AWAY,no,false,STRICT\n" + "TRAIN,TRAINING,AWAY,false,true,SOMETIMES\n" +
      "IDLE,IDLE,,false,false,STRICT\n" + ",X,AWAY,false,false,IGNORE\n");
  CHECK_THAT(err, Contains("6 rows cannot be read"));
  CHECK_THAT(err, Contains(":3: activity_code: 'WORK' is already on line 2"));
  CHECK_THAT(err, Contains(":4: expected_states: not a state: 'LUNCH'"));
  CHECK_THAT(err, Contains(":5: counts_as_work: not true or false: 'no'"));
  CHECK_THAT(err, Contains(":6: adherence_mode: not STRICT, NEUTRAL or IGNORE: 'SOMETIMES'"));
  CHECK_THAT(err, Contains(":7: expected_states: empty for a STRICT activity"));
  CHECK_THAT(err, Contains(":8: activity_code: empty"));
  CHECK_THAT(activity_error("activity_code,expected_states,counts_as_work,adherence_mode\n"),
             Contains("no column 'counts_as_shrinkage'"));
}

TEST_CASE("check_activity_codes lists every code the map lacks", "[wfm]") {
  const leda::ActivityMap m = leda::wfm::read_activity_map(fixture("activities.csv"));
  const leda::Schedule good = leda::wfm::read_schedule(fixture("schedule.csv"));
  CHECK(leda::wfm::unknown_activity_codes(good, m).empty());
  CHECK_NOTHROW(leda::wfm::check_activity_codes(good, m, "schedule.csv"));

  leda::test::TempDir dir("wfm-codes");
  leda::test::write_file(dir / "s.csv",
                         kHeader + "a,2026-10-31,WORK,2026-10-31T08:00:00Z,2026-10-31T16:00:00Z\n" +
                             "a,2026-10-31,LUNCH,2026-10-31T12:00:00Z,2026-10-31T12:30:00Z\n" +
                             "b,2026-10-31,Training,2026-10-31T09:00:00Z,2026-10-31T10:00:00Z\n" +
                             "b,2026-11-01,LUNCH,2026-11-01T12:00:00Z,2026-11-01T12:30:00Z\n" +
                             "b,2026-11-01,work,2026-11-01T08:00:00Z,2026-11-01T09:00:00Z\n");
  const leda::Schedule bad = leda::wfm::read_schedule(dir / "s.csv");
  CHECK(leda::wfm::unknown_activity_codes(bad, m) ==
        std::vector<std::string>{"LUNCH", "Training", "work"});
  try {
    leda::wfm::check_activity_codes(bad, m, "s.csv");
    FAIL("no error");
  } catch (const leda::JoinError& e) {
    const std::string msg = e.what();
    CHECK_THAT(msg, Contains("s.csv: 3 activity codes are not in the activity map"));
    CHECK_THAT(msg, Contains("'LUNCH' (2 rows, first on line 3)"));
    CHECK_THAT(msg, Contains("'Training' (1 row, first on line 4)"));
    CHECK_THAT(msg, Contains("'work' (1 row, first on line 6)"));
  }
}
