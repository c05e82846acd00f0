// The agent-utilization plugin, loaded from its built library, on a hand-made model. Every
// expected number is worked out in the comments (times UTC unless a zone is named).
#include <catch2/catch.hpp>

#include <algorithm>

#include "leda/testkit.hpp"

using namespace leda::testkit;

namespace {
constexpr std::int32_t kNo = leda::kNoInt;

// ann (101): one session, group 10, states 0 and -1 keep the state.
//   [09:00,09:30) Online c0 | [09:30,10:00) Online c1 | [10:00,10:15) Online c3
//   [10:15,10:45) Away c1   | [10:45,11:00) Away c0;  m = 2 throughout (first value after).
// bob (102): s1 09:00-10:00 (group 1), s2 09:40-(no logout, last event 10:30) (group 2).
//   [09:00,09:20) Online c0 m3 g1 | [09:20,09:40) Online c1 m3 g1 | [09:40,10:00) Online c0 m4 g2
//   | [10:00,10:30) Online c0 m3 g1 (starts at s1's logout, state 0).
// cy (103): 2026-03-02 23:30 - 2026-03-03 00:45, group 10, crosses an hour and a day.
//   [23:30,00:15) Online c0 m2 | [00:15,00:45) Online c1 m2.
// dee (104): 2026-11-01 04:30-07:30 UTC = 00:30 EDT - 02:30 EST (New York fall-back day),
//   group 30.  [04:30,05:30) Online c0 m1 | [05:30,06:30) Online c1 m1 | [06:30,07:30) c0 m1.
// eve (105): no session: no row.
leda::Model make_model() {
  ModelBuilder b;
  auto day1 = [](const char* hhmm) { return at(std::string("2026-03-02T") + hhmm + ":00"); };
  b.agent(101, "ann", "E1")
      .session("s-ann",
               {login(day1("09:00"), 2, 10), event(day1("09:30"), 1, 2, 1, 2, 10),
                event(day1("10:00"), 1, 0, 3, kNo, 10), event(day1("10:15"), 1, 4, 1, kNo, 10),
                event(day1("10:45"), 1, -1, 0, kNo, 10), logout(day1("11:00"), 1, 10)});
  b.agent(102, "bob")
      .session("s-bob-1", {login(day1("09:00"), 2, 1), event(day1("09:20"), 1, 2, 1, 3, 1),
                           logout(day1("10:00"), 0, 1)})
      .session("s-bob-2", {login(day1("09:40"), 0, 2), event(day1("10:30"), 1, 3, 0, 4, 2)});
  b.agent(103, "cy").session("s-cy", {login(at("2026-03-02T23:30:00"), 2, 10),
                                      event(at("2026-03-03T00:15:00"), 1, 2, 1, 2, 10),
                                      logout(at("2026-03-03T00:45:00"), 0, 10)});
  b.agent(104, "dee")
      .session("s-dee", {login(at("2026-11-01T04:30:00"), 2, 30),
                         event(at("2026-11-01T05:30:00"), 1, 2, 1, 1, 30),
                         event(at("2026-11-01T06:30:00"), 1, 2, 0, 1, 30),
                         logout(at("2026-11-01T07:30:00"), 0, 30)});
  b.agent(105, "eve");
  return b.build();
}

leda::Joins make_joins() {
  return joins({{"agents",
                 "lp_agent_id,employee_id,login_name,region\n"
                 "101,E1,ann,EMEA\n"
                 ",,BOB,AMER\n"  // matches bob by login name, case-insensitively
                 "999,,ghost,APAC\n"}});
}

const PluginUnderTest& plugin() {
  static PluginUnderTest p(LEDA_PLUGIN_AGENT_UTILIZATION);
  return p;
}
}  // namespace

TEST_CASE("agent-utilization: description", "[plugin][utilization]") {
  const auto& d = plugin().describe();
  CHECK(d.name == "agent-utilization");
  CHECK(d.needs == (leda::kNeedAgentActivity | leda::kNeedEvents));
  REQUIRE(d.joins.size() == 1);
  CHECK(d.joins[0].name == "agents");
  CHECK_FALSE(d.joins[0].required);
  // Every column the table can have is declared, with a unit and a description.
  for (const char* name : {"agent_id", "region", "interval_start", "logged_in_s", "occupancy"}) {
    const auto it = std::find_if(d.columns.begin(), d.columns.end(),
                                 [&](const leda::Column& c) { return c.name == name; });
    REQUIRE(it != d.columns.end());
    CHECK_FALSE(it->description.empty());
  }
}

TEST_CASE("agent-utilization: per agent", "[plugin][utilization]") {
  const leda::Model m = make_model();
  const leda::Joins joins = make_joins();
  const leda::Table t = plugin().run(m, joins);
  INFO(to_text(t));
  REQUIRE(t.rows.size() == 4);  // eve has no session
  CHECK(integer(t, 0, "agent_id") == 101);
  CHECK(text(t, 0, "agent_login") == "ann");
  // ann: logged 120 min; Online 75 (09:00-10:15); Away 45; engaged 75 (09:30-10:45);
  // online engaged 45 (09:30-10:15); labor 75 + 30 (Away with c1) = 105 min;
  // chat 30*1 + 15*3 + 30*1 = 105 min; slots 75 min * 2 = 150 min; used 30*1 + 15*2 = 60 min.
  CHECK(number(t, 0, "logged_in_s") == 7200);
  CHECK(number(t, 0, "online_s") == 4500);
  CHECK(number(t, 0, "away_s") == 2700);
  CHECK(number(t, 0, "back_soon_s") == 0);
  CHECK(number(t, 0, "unknown_s") == 0);
  CHECK(number(t, 0, "engaged_s") == 4500);
  CHECK(number(t, 0, "online_engaged_s") == 2700);
  CHECK(number(t, 0, "labor_s") == 6300);
  CHECK(number(t, 0, "chat_time_s") == 6300);
  CHECK(number(t, 0, "slot_capacity_s") == 9000);
  CHECK(number(t, 0, "slot_used_s") == 3600);
  CHECK(number(t, 0, "capacity_unknown_s") == 0);
  CHECK(number(t, 0, "engaged_time_rate") == Approx(4500.0 / 7200));     // 0.625
  CHECK(number(t, 0, "occupancy") == Approx(2700.0 / 4500));             // 0.6
  CHECK(number(t, 0, "capacity_utilization") == Approx(3600.0 / 9000));  // 0.4
  CHECK(number(t, 0, "concurrency") == Approx(6300.0 / 4500));           // 1.4
  CHECK(integer(t, 0, "sessions") == 1);
  CHECK(integer(t, 0, "imputed_ends") == 0);

  // bob: union 09:00-10:30 = 90 min (not 60 + 50); engaged 20 min; slots
  // 20*3 + 20*3 + 20*4 + 30*3 = 290 min = 17400 s; used 20*1 = 1200 s.
  CHECK(integer(t, 1, "agent_id") == 102);
  CHECK(number(t, 1, "logged_in_s") == 5400);
  CHECK(number(t, 1, "online_s") == 5400);
  CHECK(number(t, 1, "engaged_s") == 1200);
  CHECK(number(t, 1, "slot_capacity_s") == 17400);
  CHECK(number(t, 1, "slot_used_s") == 1200);
  CHECK(number(t, 1, "capacity_utilization") == Approx(1200.0 / 17400));
  CHECK(number(t, 1, "concurrency") == 1.0);
  CHECK(integer(t, 1, "sessions") == 2);
  CHECK(integer(t, 1, "imputed_ends") == 1);
  CHECK(has_note(t, "4 agents with sessions, 5 sessions, 1 without a logout"));
}

TEST_CASE("agent-utilization: by group and by region with the agent map", "[plugin][utilization]") {
  const leda::Model m = make_model();
  const leda::Joins joins = make_joins();
  const leda::Table g = plugin().run(m, joins, {{"group_by", "group"}});
  INFO(to_text(g));
  REQUIRE(g.rows.size() == 4);  // groups 1, 2, 10, 30
  // group 1: bob's pieces starting with group-1 events: 20 + 20 + 30 = 70 min; session s1.
  CHECK(integer(g, 0, "group_id") == 1);
  CHECK(number(g, 0, "logged_in_s") == 4200);
  CHECK(integer(g, 0, "sessions") == 1);
  CHECK(integer(g, 0, "imputed_ends") == 0);
  // group 2: [09:40,10:00) = 1200 s; session s2 and its imputed end.
  CHECK(number(g, 1, "logged_in_s") == 1200);
  CHECK(integer(g, 1, "imputed_ends") == 1);
  // group 10: ann 7200 + cy 75 min 4500.
  CHECK(integer(g, 2, "group_id") == 10);
  CHECK(number(g, 2, "logged_in_s") == 11700);
  CHECK(integer(g, 2, "sessions") == 2);

  const leda::Table r = plugin().run(m, joins, {{"group_by", "region"}});
  INFO(to_text(r));
  REQUIRE(r.rows.size() == 3);
  CHECK(text(r, 0, "region") == "AMER");  // bob, matched by login name
  CHECK(number(r, 0, "logged_in_s") == 5400);
  CHECK(text(r, 1, "region") == "EMEA");
  CHECK(number(r, 1, "logged_in_s") == 7200);
  CHECK(text(r, 2, "region") == "UNMAPPED");  // cy 4500 + dee 3 h 10800
  CHECK(number(r, 2, "logged_in_s") == 15300);
  CHECK(
      has_note(r, "2 agents with sessions matched no row (region UNMAPPED): 103 (cy), 104 (dee)"));
  CHECK(has_note(r,
                 "1 row matched no agent with sessions: line 4 (lp_agent_id '999', "
                 "login_name 'ghost')"));

  const leda::Table none = plugin().run(m, leda::Joins{}, {{"group_by", "region"}});
  REQUIRE(none.rows.size() == 1);
  CHECK(text(none, 0, "region") == "UNMAPPED");
  CHECK(has_note(none, "no agent map joined"));
}

TEST_CASE("agent-utilization: a piece split across an hour and a day boundary",
          "[plugin][utilization]") {
  const leda::Model m = make_model();
  const leda::Joins joins = make_joins();
  const leda::Table d = plugin().run(m, joins, {{"group_by", "agent,day"}});
  INFO(to_text(d));
  // cy on 2026-03-02: [23:30,24:00) Online c0 m2 = 1800 s, slots 3600; the session counts here.
  const std::size_t r1 = row_where(d, "day", "2026-03-02") + 2;  // rows of 101, 102, then 103
  CHECK(integer(d, r1, "agent_id") == 103);
  CHECK(number(d, r1, "logged_in_s") == 1800);
  CHECK(number(d, r1, "slot_capacity_s") == 3600);
  CHECK(integer(d, r1, "sessions") == 1);
  // cy on 2026-03-03: [00:00,00:15) c0 + [00:15,00:45) c1 = 2700 s; slots 45 min * 2 = 5400 s;
  // used 30 min * 1 = 1800 s; no session starts that day.
  CHECK(text(d, r1 + 1, "day") == "2026-03-03");
  CHECK(number(d, r1 + 1, "logged_in_s") == 2700);
  CHECK(number(d, r1 + 1, "engaged_s") == 1800);
  CHECK(number(d, r1 + 1, "slot_capacity_s") == 5400);
  CHECK(number(d, r1 + 1, "slot_used_s") == 1800);
  CHECK(integer(d, r1 + 1, "sessions") == 0);

  const leda::Table h = plugin().run(m, joins, {{"group_by", "interval"}});
  INFO(to_text(h));
  // 23:00 hour: cy's 23:30-24:00; 00:00 hour: cy's 45 min.
  CHECK(number(h, row_where(h, "interval_start", "2026-03-02T23:00:00+00:00"), "logged_in_s") ==
        1800);
  CHECK(number(h, row_where(h, "interval_start", "2026-03-03T00:00:00+00:00"), "logged_in_s") ==
        2700);
  // 10:00 hour: ann 10:00-11:00 (60 min) + bob 10:00-10:30 (30 min).
  CHECK(number(h, row_where(h, "interval_start", "2026-03-02T10:00:00+00:00"), "logged_in_s") ==
        5400);

  const leda::Table q =
      plugin().run(m, joins, {{"group_by", "agent,interval"}, {"interval", "30m"}});
  INFO(to_text(q));
  // ann 10:00-10:30: 15 min Online c3 + 15 min Away c1: chat 45 + 15 = 60 min; labor 30 min.
  const std::size_t r = row_where(q, "interval_start", "2026-03-02T10:00:00+00:00");
  CHECK(integer(q, r, "agent_id") == 101);
  CHECK(number(q, r, "chat_time_s") == 3600);
  CHECK(number(q, r, "online_s") == 900);
  CHECK(number(q, r, "labor_s") == 1800);
}

TEST_CASE("agent-utilization: a 25-hour DST day in America/New_York", "[plugin][utilization]") {
  const leda::Model m = make_model();
  const leda::Joins joins = make_joins();
  const leda::Table t =
      plugin().run(m, joins, {{"group_by", "agent,interval"}, {"tz", "America/New_York"}});
  INFO(to_text(t));
  const std::size_t a = row_where(t, "interval_start", "2026-11-01T00:00:00-04:00");
  // dee 00:30-01:00 EDT (04:30-05:00 UTC): 1800 s, the session starts here.
  CHECK(integer(t, a, "agent_id") == 104);
  CHECK(number(t, a, "logged_in_s") == 1800);
  CHECK(integer(t, a, "sessions") == 1);
  // 01:00 EDT (05:00-06:00 UTC): c0 30 min + c1 30 min.
  CHECK(text(t, a + 1, "interval_start") == "2026-11-01T01:00:00-04:00");
  CHECK(number(t, a + 1, "logged_in_s") == 3600);
  CHECK(number(t, a + 1, "engaged_s") == 1800);
  // 01:00 EST, the repeated hour (06:00-07:00 UTC): c1 30 min + c0 30 min.
  CHECK(text(t, a + 2, "interval_start") == "2026-11-01T01:00:00-05:00");
  CHECK(number(t, a + 2, "logged_in_s") == 3600);
  CHECK(number(t, a + 2, "engaged_s") == 1800);
  // 02:00 EST (07:00-07:30 UTC).
  CHECK(text(t, a + 3, "interval_start") == "2026-11-01T02:00:00-05:00");
  CHECK(number(t, a + 3, "logged_in_s") == 1800);
  CHECK(a + 4 == t.rows.size());

  const leda::Table d =
      plugin().run(m, joins, {{"group_by", "agent,day"}, {"tz", "America/New_York"}});
  // All three hours fall on 2026-11-01 local.
  const std::size_t r = row_where(d, "agent_id", "104");
  CHECK(text(d, r, "day") == "2026-11-01");
  CHECK(number(d, r, "logged_in_s") == 10800);
}

TEST_CASE("agent-utilization: one total row; bad parameters", "[plugin][utilization]") {
  const leda::Model m = make_model();
  const leda::Table t = plugin().run(m, make_joins(), {{"group_by", ""}});
  REQUIRE(t.rows.size() == 1);
  CHECK(t.columns.front().name == "logged_in_s");
  // 7200 + 5400 + 4500 + 10800
  CHECK(number(t, 0, "logged_in_s") == 27900);
  CHECK(integer(t, 0, "sessions") == 5);
  CHECK_THROWS_AS(plugin().configured({{"tz", "Nowhere/Land"}}, leda::Joins{}), leda::PluginError);
  CHECK_THROWS_AS(plugin().configured({{"group_by", "skill"}}, leda::Joins{}), leda::PluginError);
}

TEST_CASE("agent-utilization: any sharding gives the same table", "[plugin][utilization][shards]") {
  const leda::Model m = make_model();
  const leda::Joins joins = make_joins();
  check_merge(plugin(), m, joins);
  check_merge(
      plugin(), m, joins,
      {{"group_by", "region,group,day,interval"}, {"interval", "15m"}, {"tz", "America/New_York"}});
}
