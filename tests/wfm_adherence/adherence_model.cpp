// The wfm-adherence tests' agents, joins and schedule (see adherence_model.hpp). Times are UTC
// on 2026-03-02 unless a date or offset is written.
//
// ann 101 / W-A / EMEA — layering, NEUTRAL, an unpaid lunch.
//   rows: WORK 09:00-13:00 paid; BREAK 10:00-10:15; LUNCH 11:00-11:30 unpaid; MEETING
//   12:00-12:30 (NEUTRAL) — each written after WORK, so each wins over it.
//   layered: WORK 09-10 | BREAK 10:00-10:15 | WORK 10:15-11:00 | LUNCH 11:00-11:30 |
//            WORK 11:30-12:00 | MEETING 12:00-12:30 | WORK 12:30-13:00.
//   actual: Online 09:00-10:05, Away 10:05-10:20, Online 10:20-11:00, logged out 11:00-11:30,
//           Online 11:30-12:10, Away 12:10-12:30, Online 12:30-13:00.
// bob 102 / W-B / AMER — out runs across an activity boundary, out-of-shift work, IGNORE.
//   rows: WORK 14:00-16:00; BREAK 15:00-15:15; OFF 2026-03-03 00:00 - 2026-03-04 00:00
//   (IGNORE, dated 2026-03-03, unpaid).
//   actual: Online 13:30-14:58, Offline 14:58-15:05 (UNKNOWN: out in WORK and in BREAK alike),
//           Away 15:05-15:15, Online 15:15-15:40, Away 15:40-15:43, Online 15:43-16:30;
//           on 2026-03-03 Online 10:00-11:00 (inside the OFF row).
// cy 103 / W-C / APAC — a night shift: WORK 22:00 - 2026-03-03 06:00, dated 2026-03-02.
//   actual: Online 22:00 - 2026-03-03 06:30 (the last 30 min out of shift, after every row).
// dee 104 / W-D / EMEA — absent (in the map, no agent in the data): WORK 09:00-17:00, LUNCH
//   12:00-13:00 unpaid.
// W-E / AMER — absent, a map row with no lp_agent_id or login: MEETING 09:00-10:00.
// eve 105 / W-F / AMER — engaged on Away during WORK: WORK 09:00-11:00, BREAK 10:00-10:30.
//   actual: Online c0 09:00-09:20, Away c1 09:20-09:40, Online c0 09:40-10:00, Away c1
//           10:00-10:10, Away c0 10:10-10:30, Online c0 10:30-11:00.
// fay 106 / W-G / AMER — the New York fall-back day: WORK 2026-11-01T00:00-04:00 to
//   04:00-05:00 (04:00Z-09:00Z, five hours on a 25-hour day), dated 2026-11-01; Online all along.
// gus 107 (no map row), hal 108 (a row with no wfm_agent_id), ida 109 (wfm_agent_id W-NONE,
//   which has no schedule rows): Online 09:00-10:00, never counted. W-Z: schedule rows, no map
//   row (WORK 09:00-10:00), never counted.
#include "adherence_model.hpp"

namespace adherence_test {

using namespace leda::testkit;

const std::string kActivities =
    "activity_code,category,expected_states,counts_as_work,counts_as_shrinkage,adherence_mode\n"
    "WORK,WORK,ONLINE,true,false,STRICT\n"
    "BREAK,BREAK,BACK_SOON|AWAY|LOGGED_OUT,false,true,STRICT\n"
    "LUNCH,MEAL,AWAY|LOGGED_OUT,false,false,STRICT\n"
    "MEETING,MEETING,AWAY|BACK_SOON|LOGGED_OUT,false,true,NEUTRAL\n"
    "OFF,OFF,LOGGED_OUT,false,false,IGNORE\n";

const std::string kAgents =
    "lp_agent_id,employee_id,login_name,region,site_tz,wfm_agent_id\n"
    "101,,ann,EMEA,Europe/London,W-A\n"
    "102,,bob,AMER,America/New_York,W-B\n"
    "103,,cy,APAC,Asia/Singapore,W-C\n"
    "104,,dee,EMEA,Europe/London,W-D\n"
    ",E-5,,AMER,America/New_York,W-E\n"
    "105,,eve,AMER,America/New_York,W-F\n"
    "106,,fay,AMER,America/New_York,W-G\n"
    "108,,hal,AMER,America/New_York,\n"
    "109,,ida,APAC,Asia/Singapore,W-NONE\n";

const std::string kSchedule =
    "wfm_agent_id,schedule_date,activity_code,start,end,paid\n"
    "W-A,2026-03-02,WORK,2026-03-02T09:00:00Z,2026-03-02T13:00:00Z,true\n"
    "W-A,2026-03-02,BREAK,2026-03-02T10:00:00Z,2026-03-02T10:15:00Z,true\n"
    "W-A,2026-03-02,LUNCH,2026-03-02T11:00:00Z,2026-03-02T11:30:00Z,false\n"
    "W-A,2026-03-02,MEETING,2026-03-02T12:00:00Z,2026-03-02T12:30:00Z,true\n"
    "W-B,2026-03-02,WORK,2026-03-02T14:00:00Z,2026-03-02T16:00:00Z,true\n"
    "W-B,2026-03-02,BREAK,2026-03-02T15:00:00Z,2026-03-02T15:15:00Z,true\n"
    "W-B,2026-03-03,OFF,2026-03-03T00:00:00Z,2026-03-04T00:00:00Z,false\n"
    "W-C,2026-03-02,WORK,2026-03-02T22:00:00Z,2026-03-03T06:00:00Z,true\n"
    "W-D,2026-03-02,WORK,2026-03-02T09:00:00Z,2026-03-02T17:00:00Z,true\n"
    "W-D,2026-03-02,LUNCH,2026-03-02T12:00:00Z,2026-03-02T13:00:00Z,false\n"
    "W-E,2026-03-02,MEETING,2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,true\n"
    "W-F,2026-03-02,WORK,2026-03-02T09:00:00Z,2026-03-02T11:00:00Z,true\n"
    "W-F,2026-03-02,BREAK,2026-03-02T10:00:00Z,2026-03-02T10:30:00Z,true\n"
    "W-G,2026-11-01,WORK,2026-11-01T00:00:00-04:00,2026-11-01T04:00:00-05:00,true\n"
    "W-Z,2026-03-02,WORK,2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,true\n";

namespace {
leda::TimeMs d2(const char* hhmm) {
  return at(std::string("2026-03-02T") + hhmm + ":00");
}
leda::TimeMs d3(const char* hhmm) {
  return at(std::string("2026-03-03T") + hhmm + ":00");
}
// A state change (event type 1) with concurrency c.
leda::AgentEvent state(leda::TimeMs t, std::int32_t s, std::int32_t c = 0) {
  return event(t, 1, s, c);
}
}  // namespace

leda::Model model() {
  constexpr std::int32_t kOffline = 1, kOnline = 2, kAway = 4;
  ModelBuilder b;
  b.agent(101, "ann")
      .session("ann-1", {login(d2("09:00"), kOnline), state(d2("10:05"), kAway),
                         state(d2("10:20"), kOnline), logout(d2("11:00"))})
      .session("ann-2", {login(d2("11:30"), kOnline), state(d2("12:10"), kAway),
                         state(d2("12:30"), kOnline), logout(d2("13:00"))});
  b.agent(102, "bob")
      .session("bob-1",
               {login(d2("13:30"), kOnline), state(d2("14:58"), kOffline),
                state(d2("15:05"), kAway), state(d2("15:15"), kOnline), state(d2("15:40"), kAway),
                state(d2("15:43"), kOnline), logout(d2("16:30"))})
      .session("bob-2", {login(d3("10:00"), kOnline), logout(d3("11:00"))});
  b.agent(103, "cy").session("cy-1", {login(d2("22:00"), kOnline), logout(d3("06:30"))});
  b.agent(105, "eve")
      .session("eve-1",
               {login(d2("09:00"), kOnline), state(d2("09:20"), kAway, 1),
                state(d2("09:40"), kOnline, 0), state(d2("10:00"), kAway, 1),
                state(d2("10:10"), kAway, 0), state(d2("10:30"), kOnline, 0), logout(d2("11:00"))});
  b.agent(106, "fay")
      .session("fay-1",
               {login(at("2026-11-01T04:00:00"), kOnline), logout(at("2026-11-01T09:00:00"))});
  for (auto [id, name] :
       {std::pair<std::int64_t, const char*>{107, "gus"}, {108, "hal"}, {109, "ida"}})
    b.agent(id, name).session(std::string(name) + "-1",
                              {login(d2("09:00"), kOnline), logout(d2("10:00"))});
  return b.build();
}

leda::Joins joins() {
  return leda::testkit::joins(
      {{"agents", kAgents}, {"schedule", kSchedule}, {"activities", kActivities}});
}

const PluginUnderTest& plugin() {
  static PluginUnderTest p(LEDA_PLUGIN_WFM_ADHERENCE);
  return p;
}

}  // namespace adherence_test
