// The wfm-adherence plugin, loaded from its built library, on the hand-made agents and schedule
// of adherence_model.cpp. Every expected figure is worked out in a comment from the timelines
// and layered schedules written there (minutes x 60 = seconds).
#include <catch2/catch.hpp>

#include <algorithm>
#include <initializer_list>
#include <utility>

#include "adherence_model.hpp"

using namespace leda::testkit;
using adherence_test::joins;
using adherence_test::model;
using adherence_test::plugin;

namespace {

// The cell as text, integers written in decimal, null as "null".
std::string cell_text(const leda::Table& t, std::size_t row, const std::string& name) {
  const leda::Value& v = cell(t, row, name);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (std::holds_alternative<std::monostate>(v)) return "null";
  return "?";
}

// The one row whose columns hold these values; fails when there is none or more than one.
std::size_t row_of(const leda::Table& t,
                   std::initializer_list<std::pair<std::string, std::string>> match) {
  std::size_t found = t.rows.size(), count = 0;
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    if (std::all_of(match.begin(), match.end(),
                    [&](const auto& m) { return cell_text(t, r, m.first) == m.second; })) {
      found = r;
      ++count;
    }
  INFO(to_text(t));
  REQUIRE(count == 1);
  return found;
}

struct Expected {
  double scheduled, neutral, in, out;
  std::int64_t exceptions;
  double scheduled_work, work_in_shift, out_of_shift_work, paid, planned_shrinkage, productive_paid;
  std::int64_t agents;
};

// Checks every sum of a row, and that each ratio is the ratio of its sums (or null).
void check_row(const leda::Table& t, std::size_t r, const Expected& e) {
  INFO("row " << r << "\n" << to_text(t));
  CHECK(number(t, r, "scheduled_s") == e.scheduled);
  CHECK(number(t, r, "neutral_s") == e.neutral);
  CHECK(number(t, r, "in_adherence_s") == e.in);
  CHECK(number(t, r, "out_of_adherence_s") == e.out);
  CHECK(integer(t, r, "exceptions") == e.exceptions);
  CHECK(number(t, r, "scheduled_work_s") == e.scheduled_work);
  CHECK(number(t, r, "work_in_shift_s") == e.work_in_shift);
  CHECK(number(t, r, "out_of_shift_work_s") == e.out_of_shift_work);
  CHECK(number(t, r, "paid_s") == e.paid);
  CHECK(number(t, r, "planned_shrinkage_s") == e.planned_shrinkage);
  CHECK(number(t, r, "productive_paid_s") == e.productive_paid);
  CHECK(integer(t, r, "agents") == e.agents);
  auto check_ratio = [&](const char* name, double num, double den, bool complement) {
    if (den == 0) {
      CHECK(is_null(t, r, name));
    } else {
      CHECK(number(t, r, name) == Approx(complement ? 1 - num / den : num / den));
    }
  };
  check_ratio("adherence", e.in, e.scheduled - e.neutral, false);
  check_ratio("adherence_exception_based", e.out, e.scheduled, true);
  check_ratio("conformance", e.work_in_shift + e.out_of_shift_work, e.scheduled_work, false);
  check_ratio("planned_shrinkage", e.planned_shrinkage, e.paid, false);
  check_ratio("actual_shrinkage", e.productive_paid, e.paid, true);
}

}  // namespace

TEST_CASE("wfm-adherence: description, joins and parameters", "[wfm-adherence]") {
  const leda::Description& d = plugin().describe();
  CHECK(d.name == "wfm-adherence");
  CHECK(d.needs == (leda::kNeedAgentActivity | leda::kNeedEvents));
  CHECK(d.state_version == 1);
  REQUIRE(d.joins.size() == 3);
  for (const leda::JoinSpec& j : d.joins)
    CHECK(j.required);
  CHECK(d.joins[0].name == "agents");
  CHECK(d.joins[1].name == "schedule");
  CHECK(d.joins[2].name == "activities");
  for (const char* name : {"agent_id",
                           "agent_login",
                           "wfm_agent_id",
                           "region",
                           "day",
                           "interval_start",
                           "activity_code",
                           "scheduled_s",
                           "neutral_s",
                           "in_adherence_s",
                           "out_of_adherence_s",
                           "adherence",
                           "adherence_exception_based",
                           "exceptions",
                           "scheduled_work_s",
                           "work_in_shift_s",
                           "out_of_shift_work_s",
                           "conformance",
                           "paid_s",
                           "planned_shrinkage_s",
                           "planned_shrinkage",
                           "productive_paid_s",
                           "actual_shrinkage",
                           "agents"}) {
    const auto it = std::find_if(d.columns.begin(), d.columns.end(),
                                 [&](const leda::Column& c) { return c.name == name; });
    REQUIRE(it != d.columns.end());
    CHECK_FALSE(it->description.empty());
  }

  const leda::Model m = model();
  const leda::Joins j = joins();
  CHECK_THROWS_AS(plugin().run(m, j, {{"exception_threshold_s", "-1"}}), leda::ParamError);
  CHECK_THROWS_AS(plugin().run(m, j, {{"tz", "Mars/Olympus"}}), leda::ParamError);
  CHECK_THROWS_AS(plugin().run(m, j, {{"group_by", "skill"}}), leda::ParamError);
  // A missing join is named (leda itself refuses the run earlier: the joins are required).
  const leda::Joins no_schedule = leda::testkit::joins(
      {{"agents", adherence_test::kAgents}, {"activities", adherence_test::kActivities}});
  CHECK_THROWS_WITH(plugin().run(m, no_schedule),
                    Catch::Contains("needs the join 'schedule' (--join schedule=FILE)"));
}

TEST_CASE("wfm-adherence: per agent, every rule worked out", "[wfm-adherence]") {
  const leda::Model m = model();
  const leda::Joins j = joins();
  const leda::Table t = plugin().run(m, j);
  INFO(to_text(t));
  // Agents with scheduled time, by agent id, the one with no id last; gus, hal, ida and W-Z
  // have no row.
  REQUIRE(t.rows.size() == 7);

  // ann — layering, NEUTRAL and an unpaid lunch. Scheduled 4 h = 14400; MEETING 30 min neutral.
  // In: WORK Online 09-10 (60), BREAK Away 10:05-10:15 (10), WORK Online 10:20-11:00 (40),
  // LUNCH logged out (30), WORK Online 11:30-12:00 (30) and 12:30-13:00 (30) = 200 min.
  // Out: BREAK Online 10:00-10:05 and WORK Away 10:15-10:20 = 10 min, two runs (the Away in
  // BREAK between them is in adherence and ends the first). Work in shift: WORK Online 160 of
  // WORK's 165 min. Paid: all but the lunch, 210 min; shrinkage: BREAK 15 + MEETING 30. Paid
  // work: 09:00-10:05 (the break's Online 5 min included), 10:20-11:00, 11:30-12:10 (the
  // meeting's Online 10 min included), 12:30-13:00 = 175 min.
  CHECK(integer(t, 0, "agent_id") == 101);
  CHECK(text(t, 0, "agent_login") == "ann");
  CHECK(text(t, 0, "wfm_agent_id") == "W-A");
  check_row(t, 0, {14400, 1800, 12000, 600, 2, 9900, 9600, 0, 12600, 2700, 10500, 1});
  CHECK(number(t, 0, "adherence") == Approx(200.0 / 210));

  // bob — In: WORK Online 14:00-14:58 (58), BREAK Away 15:05-15:15 (10), WORK Online
  // 15:15-15:40 (25) and 15:43-16:00 (17) = 110 min. Out: Offline 14:58-15:05 across the
  // WORK/BREAK boundary (one 7-min run) and Away 15:40-15:43 (3) = 10 min, 2 runs. Out-of-shift
  // work: 13:30-14:00 and 16:00-16:30 outside every row, 10:00-11:00 on the OFF (IGNORE) day =
  // 120 min. Scheduled work: WORK 105 min, Online in it 100 min. The OFF row is unpaid and not
  // scheduled time: paid = the 120 scheduled minutes.
  CHECK(integer(t, 1, "agent_id") == 102);
  check_row(t, 1, {7200, 0, 6600, 600, 2, 6300, 6000, 7200, 7200, 900, 6000, 1});
  CHECK(number(t, 1, "conformance") == Approx(13200.0 / 6300));  // above 1

  // cy — the night shift: 8 h WORK Online, then 30 min out of shift.
  CHECK(integer(t, 2, "agent_id") == 103);
  check_row(t, 2, {28800, 0, 28800, 0, 0, 28800, 28800, 1800, 28800, 0, 28800, 1});

  // dee — absent: WORK 09-12 and 13-17 out (7 h, two runs: the lunch, where LOGGED_OUT is
  // expected, is in adherence between them), LUNCH 1 h in. Unpaid lunch: paid 7 h.
  CHECK(integer(t, 3, "agent_id") == 104);
  CHECK(text(t, 3, "agent_login") == "dee");  // from the map row
  check_row(t, 3, {28800, 0, 3600, 25200, 2, 25200, 0, 0, 25200, 0, 0, 1});
  CHECK(number(t, 3, "adherence") == Approx(0.125));

  // eve — switch off: Away with a chat 09:20-09:40 during WORK is out (one run) and not work.
  // In: 09:00-09:20, 09:40-10:00, BREAK Away 10:00-10:30, 10:30-11:00 = 100 min.
  // WORK 90 min, Online 70 of them; BREAK 30 min of shrinkage.
  CHECK(integer(t, 4, "agent_id") == 105);
  check_row(t, 4, {7200, 0, 6000, 1200, 1, 5400, 4200, 0, 7200, 1800, 4200, 1});

  // fay — 00:00 EDT to 04:00 EST on the fall-back day is five hours, not four.
  CHECK(integer(t, 5, "agent_id") == 106);
  check_row(t, 5, {18000, 0, 18000, 0, 0, 18000, 18000, 0, 18000, 0, 18000, 1});

  // W-E — absent with no lp_agent_id: a null agent id, sorted last; only NEUTRAL time, so
  // adherence is null (0 / 0) and the exception-based figure is 1.
  CHECK(is_null(t, 6, "agent_id"));
  CHECK(text(t, 6, "agent_login") == "");
  CHECK(text(t, 6, "wfm_agent_id") == "W-E");
  check_row(t, 6, {3600, 3600, 0, 0, 0, 0, 0, 0, 3600, 3600, 0, 1});
  CHECK(number(t, 6, "adherence_exception_based") == 1.0);

  // The notes list the unmatched agents on both sides, with counts.
  CHECK(has_note(t,
                 "7 schedule agents linked through the agent map: 5 with sessions, 2 absent "
                 "(no session: scheduled time out of adherence unless LOGGED_OUT is expected): "
                 "W-D, W-E"));
  CHECK(has_note(t, "schedule: 1 agent (wfm_agent_id) with no agent map row was left out: W-Z"));
  CHECK(has_note(t,
                 "1 agent with sessions matched no row, so no schedule, and was left out: "
                 "107 (gus)"));
  CHECK(has_note(t,
                 "1 agent with sessions matched a row with no wfm_agent_id, so no schedule, "
                 "and was left out: 108 (hal)"));
  CHECK(has_note(t,
                 "had a wfm_agent_id with no schedule rows and was left out: "
                 "109 (ida, wfm_agent_id W-NONE)"));
}

TEST_CASE("wfm-adherence: the exception threshold judges whole out runs", "[wfm-adherence]") {
  const leda::Model m = model();
  const leda::Joins j = joins();
  // ann's two runs are 5 min = 300 s each. "Shorter than X" is strict: at X = 300 they are
  // exceptions and stay out; at 301 both count as in (200 + 10 = 210 min) and none is left.
  const leda::Table at300 = plugin().run(m, j, {{"exception_threshold_s", "300"}});
  check_row(at300, 0, {14400, 1800, 12000, 600, 2, 9900, 9600, 0, 12600, 2700, 10500, 1});
  const leda::Table at301 = plugin().run(m, j, {{"exception_threshold_s", "301"}});
  check_row(at301, 0, {14400, 1800, 12600, 0, 0, 9900, 9600, 0, 12600, 2700, 10500, 1});
  CHECK(number(at301, 0, "adherence") == 1.0);

  // bob at 360 s: the 7-min Offline run (420 s, across WORK and BREAK) stays out, one
  // exception; the 3-min Away run (180 s) counts as in: in 110 + 3 = 113 min, out 7 min.
  const leda::Table t = plugin().run(m, j, {{"exception_threshold_s", "360"}});
  INFO(to_text(t));
  check_row(t, 1, {7200, 0, 6780, 420, 1, 6300, 6000, 7200, 7200, 900, 6000, 1});
  // Runs under 360 s: ann's two and bob's short one; dee's (3 h, 4 h) and eve's (20 min) stay.
  CHECK(has_note(t, "exception threshold 360 s: 3 out runs shorter than that counted as in"));

  // By activity, bob's long run is counted where it starts (WORK) but its time stays where it
  // falls: WORK out 14:58-15:00 (2 min), BREAK out 15:00-15:05 (5 min). WORK in: 58 + 25 + 17
  // + the forgiven 3 = 103 min; BREAK in 10 min. The rows without an activity hold out-of-shift
  // work only (13:30-14:00, 16:00-16:30); the OFF row holds the 2026-03-03 hour.
  const leda::Table a =
      plugin().run(m, j, {{"exception_threshold_s", "360"}, {"group_by", "agent,activity"}});
  const std::size_t work = row_of(a, {{"agent_id", "102"}, {"activity_code", "WORK"}});
  check_row(a, work, {6300, 0, 6180, 120, 1, 6300, 6000, 0, 6300, 0, 6000, 1});
  const std::size_t brk = row_of(a, {{"agent_id", "102"}, {"activity_code", "BREAK"}});
  check_row(a, brk, {900, 0, 600, 300, 0, 0, 0, 0, 900, 900, 0, 1});
  const std::size_t off = row_of(a, {{"agent_id", "102"}, {"activity_code", "OFF"}});
  check_row(a, off, {0, 0, 0, 0, 0, 0, 0, 3600, 0, 0, 0, 0});
  const std::size_t none = row_of(a, {{"agent_id", "102"}, {"activity_code", "null"}});
  CHECK(none == work + 1);  // time outside every row sorts after the codes (BREAK, OFF, WORK)
  check_row(a, none, {0, 0, 0, 0, 0, 0, 0, 3600, 0, 0, 0, 0});
}

TEST_CASE("wfm-adherence: engaged_counts_as_work, off and on", "[wfm-adherence]") {
  const leda::Model m = model();
  const leda::Joins j = joins();
  // On: eve's Away with a chat 09:20-09:40 in WORK counts as Online: in adherence and work, so
  // in = 120 min, no exception, all 90 WORK minutes worked. Her Away with a chat 10:00-10:10 in
  // BREAK is not changed (BREAK does not count as work): in adherence as Away already, and not
  // work, so paid work is the 90 WORK minutes.
  const leda::Table on = plugin().run(m, j, {{"engaged_counts_as_work", "true"}});
  INFO(to_text(on));
  check_row(on, 4, {7200, 0, 7200, 0, 0, 5400, 5400, 0, 7200, 1800, 5400, 1});
  CHECK(number(on, 4, "conformance") == 1.0);
  CHECK(number(on, 4, "actual_shrinkage") == Approx(0.25));
  CHECK(has_note(on, "engaged_counts_as_work"));
  // Off (the default), as in the per-agent test: out 20 min, work 70 min.
  const leda::Table off = plugin().run(m, j, {{"engaged_counts_as_work", "false"}});
  check_row(off, 4, {7200, 0, 6000, 1200, 1, 5400, 4200, 0, 7200, 1800, 4200, 1});
  CHECK_FALSE(has_note(off, "engaged_counts_as_work"));
}

TEST_CASE("wfm-adherence: days are schedule dates, out-of-shift days are local dates",
          "[wfm-adherence]") {
  const leda::Model m = model();
  const leda::Joins j = joins();
  const leda::Table t = plugin().run(m, j, {{"group_by", "agent,day"}});
  INFO(to_text(t));
  // cy's night shift: all 8 h on its schedule date 2026-03-02, though 6 h fall on 2026-03-03;
  // the 30 min after it, outside every row, on the date of the instant (2026-03-03 in UTC).
  check_row(t, row_of(t, {{"agent_id", "103"}, {"day", "2026-03-02"}}),
            {28800, 0, 28800, 0, 0, 28800, 28800, 0, 28800, 0, 28800, 1});
  check_row(t, row_of(t, {{"agent_id", "103"}, {"day", "2026-03-03"}}),
            {0, 0, 0, 0, 0, 0, 0, 1800, 0, 0, 0, 0});

  // In Asia/Tokyo (UTC+9) bob's out-of-shift work 13:30-14:00Z is on 2026-03-02 (22:30 local)
  // but 16:00-16:30Z is on 2026-03-03 (01:00 local); his shift stays on its schedule date, and
  // the hour inside the OFF row on the OFF row's date: 2026-03-03 holds 30 + 60 min.
  const leda::Table tokyo = plugin().run(m, j, {{"group_by", "agent,day"}, {"tz", "Asia/Tokyo"}});
  check_row(tokyo, row_of(tokyo, {{"agent_id", "102"}, {"day", "2026-03-02"}}),
            {7200, 0, 6600, 600, 2, 6300, 6000, 1800, 7200, 900, 6000, 1});
  check_row(tokyo, row_of(tokyo, {{"agent_id", "102"}, {"day", "2026-03-03"}}),
            {0, 0, 0, 0, 0, 0, 0, 5400, 0, 0, 0, 0});

  // By day alone: 2026-03-03 holds only out-of-shift work (bob's OFF hour and cy's 30 min): a
  // row with zeros and null ratios, no agent with scheduled time.
  const leda::Table d = plugin().run(m, j, {{"group_by", "day"}});
  check_row(d, row_of(d, {{"day", "2026-03-03"}}), {0, 0, 0, 0, 0, 0, 0, 5400, 0, 0, 0, 0});
}

TEST_CASE("wfm-adherence: intervals split time in proportion, DST intervals included",
          "[wfm-adherence]") {
  const leda::Model m = model();
  const leda::Joins j = joins();
  const leda::Table t = plugin().run(m, j, {{"group_by", "agent,interval"}, {"interval", "30m"}});
  INFO(to_text(t));
  // ann 10:00-10:30: BREAK Online 5 min out, BREAK Away 10 in, WORK Away 5 out, WORK Online
  // 10 in; both runs start in this interval.
  check_row(t, row_of(t, {{"agent_id", "101"}, {"interval_start", "2026-03-02T10:00:00+00:00"}}),
            {1800, 0, 1200, 600, 2, 900, 600, 0, 1800, 900, 900, 1});
  // bob 14:30-15:00: 28 min in, then Offline 14:58: 2 min out, the run's start; 15:00-15:30:
  // the run's other 5 min (BREAK), BREAK Away 10 in, WORK Online 15 in, no exception.
  check_row(t, row_of(t, {{"agent_id", "102"}, {"interval_start", "2026-03-02T14:30:00+00:00"}}),
            {1800, 0, 1680, 120, 1, 1800, 1680, 0, 1800, 0, 1680, 1});
  check_row(t, row_of(t, {{"agent_id", "102"}, {"interval_start", "2026-03-02T15:00:00+00:00"}}),
            {1800, 0, 1500, 300, 0, 900, 900, 0, 1800, 900, 900, 1});

  // cy's 02:00Z hour of 2026-03-03 belongs to the shift's date, 2026-03-02.
  const leda::Table n = plugin().run(m, j, {{"group_by", "agent,day,interval"}});
  CHECK(text(n, row_of(n, {{"agent_id", "103"}, {"interval_start", "2026-03-03T02:00:00+00:00"}}),
             "day") == "2026-03-02");

  // fay in New York, hourly: 00:00 EDT, 01:00 EDT, 01:00 EST (the repeated hour), 02:00 EST and
  // 03:00 EST, an hour each, all on schedule date 2026-11-01.
  const leda::Table ny = plugin().run(
      m, j, {{"group_by", "agent,day,interval"}, {"interval", "60m"}, {"tz", "America/New_York"}});
  INFO(to_text(ny));
  for (const char* start :
       {"2026-11-01T00:00:00-04:00", "2026-11-01T01:00:00-04:00", "2026-11-01T01:00:00-05:00",
        "2026-11-01T02:00:00-05:00", "2026-11-01T03:00:00-05:00"}) {
    const std::size_t r = row_of(ny, {{"agent_id", "106"}, {"interval_start", start}});
    CHECK(text(ny, r, "day") == "2026-11-01");
    check_row(ny, r, {3600, 0, 3600, 0, 0, 3600, 3600, 0, 3600, 0, 3600, 1});
  }
  const leda::Table nyday = plugin().run(m, j, {{"group_by", "day"}, {"tz", "America/New_York"}});
  check_row(nyday, row_of(nyday, {{"day", "2026-11-01"}}),
            {18000, 0, 18000, 0, 0, 18000, 18000, 0, 18000, 0, 18000, 1});
}

TEST_CASE("wfm-adherence: per region, sums of its agents", "[wfm-adherence]") {
  const leda::Model m = model();
  const leda::Joins j = joins();
  const leda::Table t = plugin().run(m, j, {{"group_by", "region"}});
  INFO(to_text(t));
  REQUIRE(t.rows.size() == 3);
  // AMER: bob + eve + fay + W-E (absent, NEUTRAL only: it has scheduled time, so it counts).
  CHECK(text(t, 0, "region") == "AMER");
  check_row(t, 0,
            {7200 + 7200 + 18000 + 3600, 3600, 6600 + 6000 + 18000, 600 + 1200, 3,
             6300 + 5400 + 18000, 6000 + 4200 + 18000, 7200, 7200 + 7200 + 18000 + 3600,
             900 + 1800 + 3600, 6000 + 4200 + 18000, 4});
  CHECK(text(t, 1, "region") == "APAC");  // cy alone (ida has no schedule)
  check_row(t, 1, {28800, 0, 28800, 0, 0, 28800, 28800, 1800, 28800, 0, 28800, 1});
  CHECK(text(t, 2, "region") == "EMEA");  // ann + dee
  check_row(t, 2,
            {14400 + 28800, 1800, 12000 + 3600, 600 + 25200, 4, 9900 + 25200, 9600, 0,
             12600 + 25200, 2700, 10500, 2});
}

TEST_CASE("wfm-adherence: any sharding and merge order gives the same table",
          "[wfm-adherence][merge]") {
  const leda::Model m = model();
  const leda::Joins j = joins();
  for (const char* g :
       {"agent", "region", "day", "activity", "agent,day,interval", "interval,activity", "none"})
    CHECK_NOTHROW(check_merge(plugin(), m, j, {{"group_by", g}}));
  CHECK_NOTHROW(check_merge(plugin(), m, j,
                            {{"group_by", "agent,activity,interval"},
                             {"interval", "15m"},
                             {"exception_threshold_s", "360"},
                             {"engaged_counts_as_work", "true"},
                             {"tz", "America/New_York"}}));
}
