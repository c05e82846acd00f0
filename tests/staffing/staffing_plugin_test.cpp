// The staffing plugin, loaded from its built library, on hand-made accounts. Every expected
// number is worked out in the comments (times UTC unless a zone is named). Erlang C by hand
// uses the Erlang B recurrence B(0) = 1, B(N) = A B(N-1) / (N + A B(N-1)),
// C = N B / (N - A (1 - B)), SL = 1 - C exp(-(N - A) T / AHT), ASA = C AHT / (N - A).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "leda/testkit.hpp"

using namespace leda::testkit;

namespace {
const PluginUnderTest& plugin() {
  static PluginUnderTest p(LEDA_PLUGIN_STAFFING);
  return p;
}

TimeMs mar(int day, const char* hhmmss) {
  return at("2026-03-" + std::string(day < 10 ? "0" : "") + std::to_string(day) + "T" + hhmmss);
}

ConversationSpec connected(const std::string& id, TimeMs queue_start, std::int64_t wait_s,
                           std::int64_t handle_s, std::int64_t skill) {
  ConversationSpec c;
  c.id = id;
  c.conversation_start = queue_start - 5000;
  c.queue_start = queue_start;
  c.queue_end = queue_start + wait_s * 1000;
  c.interaction_start = c.queue_end;
  c.conversation_end = c.interaction_start + handle_s * 1000;
  c.skills = {skill};
  c.agent_id = "101";
  return c;
}

ConversationSpec abandoned(const std::string& id, TimeMs queue_start, std::int64_t skill) {
  ConversationSpec c;
  c.id = id;
  c.conversation_start = queue_start - 30000;
  c.queue_start = queue_start;
  c.conversation_end = queue_start + 120000;
  c.skills = {skill};
  return c;
}

// Monday 2026-03-02 and Monday 2026-03-09, 30-minute intervals, UTC.
//   c1 09:05 skill 5, wait 20 s (within 30 s), handle 600 s      -> 09:00 interval
//   c2 09:10 skill 7, wait 60 s, handle 300 s                    -> 09:00 interval
//   c3 10:02 skill 5, abandoned                                  -> 10:00 interval
//   c5 12:05 skill 5, abandoned                                  -> 12:00 interval
//   c4 03-09 10:10 skill 5, wait 10 s, handle 240 s              -> 03-09 10:00 interval
// Agents (all Online from login):
//   ann 101  03-02 09:00-11:00, c0; 2 chats 09:10-09:20.
//   bob 102  03-02 09:00-09:15, c0.
//   cy  103  03-09 10:00-10:30, 1 chat 10:10:10-10:14:10.
// Range concurrency: chat time (ann 600 s x 2 + cy 240 s x 1 = 1440) / engaged Online time
// (600 + 240 = 840) = 12/7 = 1.714286.
leda::Model make_model() {
  ModelBuilder b;
  b.conversation(connected("c1", mar(2, "09:05:00"), 20, 600, 5));
  b.conversation(connected("c2", mar(2, "09:10:00"), 60, 300, 7));
  b.conversation(abandoned("c3", mar(2, "10:02:00"), 5));
  b.conversation(abandoned("c5", mar(2, "12:05:00"), 5));
  b.conversation(connected("c4", mar(9, "10:10:00"), 10, 240, 5));
  b.agent(101, "ann")
      .session("s-ann", {login(mar(2, "09:00:00"), 2), event(mar(2, "09:10:00"), 1, 2, 2, 3),
                         event(mar(2, "09:20:00"), 1, 2, 0, 3), logout(mar(2, "11:00:00"))});
  b.agent(102, "bob").session("s-bob", {login(mar(2, "09:00:00"), 2), logout(mar(2, "09:15:00"))});
  b.agent(103, "cy").session("s-cy",
                             {login(mar(9, "10:00:00"), 2), event(mar(9, "10:10:10"), 1, 2, 1, 3),
                              event(mar(9, "10:14:10"), 1, 2, 0, 3), logout(mar(9, "10:30:00"))});
  return b.build();
}

std::size_t row_at(const leda::Table& t, const std::string& start) {
  return row_where(t, "interval_start", start);
}

// W1 works 09:00-11:00 with a break 09:30-09:45 layered over it; W2 works 09:00-09:15.
// Paid time 2 h + 15 min = 8100 s, of which the break (counts_as_shrinkage) 900 s:
// planned shrinkage 900 / 8100 = 1/9.
leda::Joins schedule_joins() {
  return joins({{"schedule",
                 "wfm_agent_id,schedule_date,activity_code,start,end\n"
                 "W1,2026-03-02,WORK,2026-03-02T09:00:00Z,2026-03-02T11:00:00Z\n"
                 "W1,2026-03-02,BREAK,2026-03-02T09:30:00Z,2026-03-02T09:45:00Z\n"
                 "W2,2026-03-02,WORK,2026-03-02T09:00:00Z,2026-03-02T09:15:00Z\n"},
                {"activities",
                 "activity_code,category,expected_states,counts_as_work,counts_as_shrinkage,"
                 "adherence_mode\n"
                 "WORK,WORK,ONLINE,true,false,STRICT\n"
                 "BREAK,BREAK,AWAY|BACK_SOON|LOGGED_OUT,false,true,STRICT\n"}});
}
}  // namespace

TEST_CASE("staffing: description", "[plugin][staffing]") {
  const auto& d = plugin().describe();
  CHECK(d.name == "staffing");
  CHECK(d.state_version > 0);
  REQUIRE(d.joins.size() == 2);
  CHECK(d.joins[0].name == "schedule");
  CHECK_FALSE(d.joins[0].required);
  for (const char* p : {"interval", "tz", "group_by", "sl_target", "sl_threshold_s", "shrinkage",
                        "forecast_days", "min_history_days"}) {
    INFO(p);
    CHECK(std::any_of(d.params.begin(), d.params.end(),
                      [&](const leda::ParamSpec& s) { return s.name == p; }));
  }
  for (const auto& c : d.columns)
    CHECK_FALSE(c.description.empty());
}

TEST_CASE("staffing: observed intervals without a schedule", "[plugin][staffing]") {
  const leda::Model m = make_model();
  const leda::Table t = plugin().run(m, leda::Joins{});
  INFO(to_text(t));
  // Every interval from 03-02 09:00 to 03-09 10:00: 7 days x 48 + 3 = 339 rows; the range has
  // 8 days (03-02 .. 03-09), fewer than min_history_days = 14: no forecast rows.
  REQUIRE(t.rows.size() == 339);
  CHECK(text(t, 0, "interval_start") == "2026-03-02T09:00:00+00:00");
  CHECK(text(t, 338, "interval_start") == "2026-03-09T10:00:00+00:00");
  CHECK(has_note(t, "no forecast: the data holds 8 days"));
  CHECK(has_note(t, "no schedule joined"));

  // 09:00: c1 + c2. aht = (600 + 300) / 2 = 450 s; A = 2 x 450 / 1800 = 0.5 Erlang.
  //   N = 1: B = 0.5/1.5 = 1/3, C = (1/3)/(1 - 0.5 x 2/3) = 0.5, SL = 1 - 0.5 e^(-0.5x30/450)
  //          = 1 - 0.5 x 0.967216 = 0.516 < 0.8
  //   N = 2: B = (1/6)/(2 + 1/6) = 1/13, C = (2/13)/(2 - 0.5 x 12/13) = 0.1,
  //          SL = 1 - 0.1 e^(-1.5x30/450) = 1 - 0.1 x 0.904837 = 0.9095 >= 0.8  -> 2 slots.
  // Online: ann 1800 s + bob 900 s = 2700 s / 1800 = 1.5 agents; ann engaged 600 s with 2
  // chats: concurrency 1200 / 600 = 2; required_agents 2 / 2 = 1; required_scheduled
  // 1 / (1 - 0.3) = 1.428571; gap 1.5 - 1 = 0.5.
  // Predicted with floor(1.5 x 2) = 3 slots: B(3) = (0.5/13)/(3 + 0.5/13) = 1/79,
  //   C = (3/79)/(3 - 0.5 x 78/79) = 3/198 = 1/66, SL = 1 - (1/66) e^(-2.5x30/450)
  //   = 1 - 0.0151515 x 0.846482 = 0.987174; ASA = (1/66) x 450 / 2.5 = 2.7273 s.
  // Actual: c1 within 30 s, c2 not: 1/2.
  std::size_t r = row_at(t, "2026-03-02T09:00:00+00:00");
  CHECK(text(t, r, "kind") == "observed");
  CHECK(integer(t, r, "arrivals") == 2);
  CHECK(number(t, r, "aht_s") == 450);
  CHECK(number(t, r, "traffic") == 0.5);
  CHECK(number(t, r, "concurrency") == 2);
  CHECK(integer(t, r, "required_slots") == 2);
  CHECK(number(t, r, "required_agents") == 1);
  CHECK(number(t, r, "required_scheduled") == Approx(1.428571).margin(0.0005));
  CHECK(is_null(t, r, "scheduled_agents"));
  CHECK(number(t, r, "online_agents") == 1.5);
  CHECK(number(t, r, "gap") == 0.5);
  CHECK(number(t, r, "predicted_sl") == Approx(0.987174).margin(0.00005));
  CHECK(number(t, r, "predicted_asa_s") == Approx(2.7273).margin(0.0005));
  CHECK(number(t, r, "actual_sl") == 0.5);
  CHECK(is_null(t, r, "forecast_arrivals"));

  // 09:30, an empty interval: arrivals 0, aht null, traffic 0, nothing required. ann is Online
  // (1 agent) but not engaged: concurrency is the range's 12/7; gap 1 - 0 = 1; no service
  // level to predict or measure.
  r = row_at(t, "2026-03-02T09:30:00+00:00");
  CHECK(integer(t, r, "arrivals") == 0);
  CHECK(is_null(t, r, "aht_s"));
  CHECK(number(t, r, "traffic") == 0);
  CHECK(integer(t, r, "required_slots") == 0);
  CHECK(number(t, r, "required_agents") == 0);
  CHECK(number(t, r, "concurrency") == Approx(12.0 / 7).margin(0.00005));
  CHECK(number(t, r, "online_agents") == 1);
  CHECK(number(t, r, "gap") == 1);
  CHECK(is_null(t, r, "predicted_sl"));
  CHECK(is_null(t, r, "actual_sl"));

  // 10:00: c3 arrived and abandoned, no connected chat. aht falls back to the connected
  // conversations of Monday 10:00-11:00 in every week: c4 (03-09 10:10), 240 s.
  // A = 240 / 1800 = 0.133333. N = 1: C = A (for N = 1, C = B/(1 - A(1-B)) = A) = 0.133333,
  // SL = 1 - 0.133333 e^(-0.866667x30/240) = 1 - 0.133333 x 0.897331 = 0.880356 -> 1 slot.
  // ann Online, not engaged (no one engaged): concurrency falls back to 12/7;
  // required_agents = 1 / (12/7) = 7/12 = 0.583333; required_scheduled 0.583333 / 0.7 = 0.833333;
  // gap 1 - 0.583333 = 0.416667. Predicted: floor(1 x 12/7) = 1 slot: SL 0.880356,
  // ASA = 0.133333 x 240 / 0.866667 = 36.923 s. Actual: 0 of 1 connected.
  r = row_at(t, "2026-03-02T10:00:00+00:00");
  CHECK(integer(t, r, "arrivals") == 1);
  CHECK(number(t, r, "aht_s") == 240);
  CHECK(number(t, r, "traffic") == Approx(0.1333).margin(0.00005));
  CHECK(number(t, r, "concurrency") == Approx(1.714286).margin(0.00005));
  CHECK(integer(t, r, "required_slots") == 1);
  CHECK(number(t, r, "required_agents") == Approx(0.583333).margin(0.0005));
  CHECK(number(t, r, "required_scheduled") == Approx(0.833333).margin(0.0005));
  CHECK(number(t, r, "gap") == Approx(0.416667).margin(0.0005));
  CHECK(number(t, r, "predicted_sl") == Approx(0.880356).margin(0.00005));
  CHECK(number(t, r, "predicted_asa_s") == Approx(36.923).margin(0.0005));
  CHECK(number(t, r, "actual_sl") == 0);

  // 12:00: c5 abandoned, and no connected conversation on any Monday 12:00-13:00: aht is the
  // whole range's mean, (600 + 300 + 240) / 3 = 380 s. A = 380 / 1800 = 0.211111.
  // N = 1: SL = 1 - 0.211111 e^(-0.788889x30/380) = 1 - 0.211111 x 0.939619 = 0.8016 >= 0.8.
  // Nobody Online: online_agents 0, gap -7/12; 0 slots cannot serve: predicted SL 0, ASA null.
  r = row_at(t, "2026-03-02T12:00:00+00:00");
  CHECK(number(t, r, "aht_s") == 380);
  CHECK(integer(t, r, "required_slots") == 1);
  CHECK(number(t, r, "online_agents") == 0);
  CHECK(number(t, r, "gap") == Approx(-0.583333).margin(0.0005));
  CHECK(number(t, r, "predicted_sl") == 0);
  CHECK(is_null(t, r, "predicted_asa_s"));

  // c4's own interval uses its own handle time; cy Online the whole interval, concurrency 1.
  r = row_at(t, "2026-03-09T10:00:00+00:00");
  CHECK(number(t, r, "aht_s") == 240);
  CHECK(number(t, r, "concurrency") == 1);
  CHECK(number(t, r, "online_agents") == 1);

  CHECK(has_note(t, "5 conversations in 339 intervals of 30 min (UTC)"));
  CHECK(has_note(t, "1 from the hour of the week, 1 from the whole range"));
}

TEST_CASE("staffing: scheduled agents and the schedule's shrinkage", "[plugin][staffing]") {
  const leda::Model m = make_model();
  const leda::Joins j = schedule_joins();
  const leda::Table t = plugin().run(m, j);
  INFO(to_text(t));
  // 09:00: W1 1800 s + W2 900 s of WORK = 1.5 agents. 09:30: W1's break covers 09:30-09:45,
  // 900 s of WORK left = 0.5. 10:00 and 10:30: W1, 1 agent. 11:00: nobody.
  CHECK(number(t, row_at(t, "2026-03-02T09:00:00+00:00"), "scheduled_agents") == 1.5);
  CHECK(number(t, row_at(t, "2026-03-02T09:30:00+00:00"), "scheduled_agents") == 0.5);
  CHECK(number(t, row_at(t, "2026-03-02T10:00:00+00:00"), "scheduled_agents") == 1);
  CHECK(number(t, row_at(t, "2026-03-02T10:30:00+00:00"), "scheduled_agents") == 1);
  CHECK(number(t, row_at(t, "2026-03-02T11:00:00+00:00"), "scheduled_agents") == 0);
  // Shrinkage defaults to the planned 1/9: 09:00 needs 1 agent -> 1 / (8/9) = 1.125 scheduled.
  CHECK(number(t, row_at(t, "2026-03-02T09:00:00+00:00"), "required_scheduled") == 1.125);
  CHECK(has_note(t, "planned shrinkage 11.1%"));
  CHECK(has_note(t, "shrinkage 11.1% (the schedule's planned shrinkage)"));

  // The parameter wins over the schedule: 1 / (1 - 0.5) = 2.
  const leda::Table p = plugin().run(m, j, {{"shrinkage", "0.5"}});
  CHECK(number(p, row_at(p, "2026-03-02T09:00:00+00:00"), "required_scheduled") == 2);

  // A schedule without its activity map is refused before any data is read.
  const leda::Joins only =
      joins({{"schedule",
              "wfm_agent_id,schedule_date,activity_code,start,end\n"
              "W1,2026-03-02,WORK,2026-03-02T09:00:00Z,2026-03-02T11:00:00Z\n"}});
  CHECK_THROWS_WITH(plugin().configured({}, only), Catch::Contains("activities"));
}

TEST_CASE("staffing: group_by skill", "[plugin][staffing]") {
  const leda::Model m = make_model();
  const leda::Table t = plugin().run(m, leda::Joins{}, {{"group_by", "skill"}});
  INFO(to_text(t));
  // Skills 5 and 7 over the same 339 intervals, interval first, then skill.
  REQUIRE(t.rows.size() == 678);
  CHECK(text(t, 0, "interval_start") == "2026-03-02T09:00:00+00:00");
  CHECK(integer(t, 0, "skill_id") == 5);
  CHECK(integer(t, 1, "skill_id") == 7);
  // 09:00 skill 5: c1 alone, 600 s: A = 600 / 1800 = 1/3. N = 1: C = A = 1/3,
  // SL = 1 - (1/3) e^(-(2/3)x30/600) = 1 - 0.333333 x 0.967216 = 0.677595 < 0.8;
  // N = 2: B(2) = (A B1)/(2 + A B1) with B1 = A/(1+A) = 0.25: (1/12)/(25/12) = 0.04,
  // C = 0.08/(2 - (1/3) x 0.96) = 0.08/1.68 = 0.047619, SL = 1 - 0.047619 e^(-(5/3)x30/600)
  // = 1 - 0.047619 x 0.920044 = 0.956189 -> 2 slots; concurrency 2 -> 1 agent.
  CHECK(integer(t, 0, "arrivals") == 1);
  CHECK(number(t, 0, "aht_s") == 600);
  CHECK(integer(t, 0, "required_slots") == 2);
  CHECK(number(t, 0, "required_agents") == 1);
  CHECK(number(t, 0, "actual_sl") == 1);
  CHECK(is_null(t, 0, "online_agents"));
  CHECK(is_null(t, 0, "gap"));
  // 09:00 skill 7: c2, 300 s, waited 60 s.
  CHECK(number(t, 1, "aht_s") == 300);
  CHECK(number(t, 1, "actual_sl") == 0);
  // Skill 7 has no arrival at 12:00 (c5 is skill 5): a zero row.
  const std::size_t r = row_at(t, "2026-03-02T12:00:00+00:00");
  CHECK(integer(t, r, "skill_id") == 5);
  CHECK(integer(t, r + 1, "skill_id") == 7);
  CHECK(integer(t, r + 1, "arrivals") == 0);
  CHECK(has_note(t, "grouped by skill"));
}

TEST_CASE("staffing: 15-minute intervals across the New York fall-back", "[plugin][staffing]") {
  // 2026-11-01: 01:00-02:00 happens twice in New York (EDT -04:00, then EST -05:00).
  // d1 arrives 05:20 UTC = 01:20 EDT, d2 06:20 UTC = 01:20 EST; each handled 450 s.
  // Rows: every 15-minute interval from 01:15 EDT to 01:15 EST = 05:15 .. 06:15 UTC, 5 rows of
  // 900 s. Each arrival: A = 450 / 900 = 0.5, T/AHT as in the 09:00 case above (30/450):
  // 2 slots. No agent ever engaged: concurrency 1 (assumed) -> 2 agents.
  ModelBuilder b;
  b.conversation(connected("d1", at("2026-11-01T05:20:00"), 5, 450, 1));
  b.conversation(connected("d2", at("2026-11-01T06:20:00"), 5, 450, 1));
  const leda::Model m = b.build();
  const leda::Table t =
      plugin().run(m, leda::Joins{}, {{"interval", "15m"}, {"tz", "America/New_York"}});
  INFO(to_text(t));
  REQUIRE(t.rows.size() == 5);
  CHECK(text(t, 0, "interval_start") == "2026-11-01T01:15:00-04:00");
  CHECK(text(t, 1, "interval_start") == "2026-11-01T01:30:00-04:00");
  CHECK(text(t, 2, "interval_start") == "2026-11-01T01:45:00-04:00");
  CHECK(text(t, 3, "interval_start") == "2026-11-01T01:00:00-05:00");
  CHECK(text(t, 4, "interval_start") == "2026-11-01T01:15:00-05:00");
  for (std::size_t r : {0u, 4u}) {
    CHECK(integer(t, r, "arrivals") == 1);
    CHECK(number(t, r, "traffic") == 0.5);
    CHECK(integer(t, r, "required_slots") == 2);
    CHECK(number(t, r, "required_agents") == 2);
    CHECK(number(t, r, "online_agents") == 0);
  }
  CHECK(integer(t, 2, "arrivals") == 0);
  CHECK(has_note(t, "(no agent was ever engaged: 1 assumed)"));
}

TEST_CASE("staffing: any sharding gives the same table", "[plugin][staffing][shards]") {
  const leda::Model m = make_model();
  check_merge(plugin(), m, leda::Joins{});
  check_merge(plugin(), m, schedule_joins(), {{"interval", "15m"}, {"tz", "Europe/Paris"}});
  check_merge(plugin(), m, leda::Joins{}, {{"group_by", "skill"}});
}

TEST_CASE("staffing: bad parameters are usage errors naming the parameter", "[plugin][staffing]") {
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, std::string>>{{"sl_target", "1"},
                                                        {"sl_target", "-0.1"},
                                                        {"sl_threshold_s", "-1"},
                                                        {"shrinkage", "1"},
                                                        {"shrinkage", "lots"},
                                                        {"forecast_days", "-1"},
                                                        {"min_history_days", "0"},
                                                        {"tz", "Mars/Olympus"}}) {
    INFO(name << "=" << value);
    try {
      plugin().configured({{name, value}}, leda::Joins{});
      FAIL("accepted");
    } catch (const leda::ParamError& e) {
      CHECK(e.param() == name);
    }
  }
}

namespace {
// 21 days from Monday 2026-03-02, 60-minute intervals, UTC. In hour h of day d (0..20) arrive
// base(h) + d conversations, base(h) = 2 at night (before 09:00, from 17:00) and 6 in the day,
// each queued at minute 10 and handled 360 s. The model y = effect[hour of week] + trend x t
// (t in days since the first interval) fits this exactly: with t = d + h/24,
// y = base(h) + d = (base(h) - h/24) + 1 x t, so the trend is 1 a day and every effect is
// base(h) - h/24. The forecast of day 21 (Monday 2026-03-23) hour h is base(h) + 21: 23 at
// night, 27 in the day; the held-out week is also fitted exactly: MAPE 0.
leda::Model trend_model() {
  ModelBuilder b;
  int n = 0;
  for (int d = 0; d < 21; ++d)
    for (int h = 0; h < 24; ++h) {
      const int base = h >= 9 && h < 17 ? 6 : 2;
      const TimeMs hour = at("2026-03-02T00:10:00") + (d * 24LL + h) * 3600000LL;
      for (int i = 0; i < base + d; ++i)
        b.conversation(connected("t" + std::to_string(n++), hour + i * 1000, 5, 360, 5));
    }
  return b.build();
}
}  // namespace

TEST_CASE("staffing: the forecast follows the weekly profile and the trend", "[plugin][staffing]") {
  const leda::Model m = trend_model();
  const leda::Table t = plugin().run(m, leda::Joins{}, {{"interval", "60m"}});
  INFO(to_text(t));
  // 21 x 24 = 504 observed rows, then 7 x 24 = 168 forecast rows from 2026-03-23 00:00.
  REQUIRE(t.rows.size() == 504 + 168);
  CHECK(text(t, 503, "kind") == "observed");
  CHECK(text(t, 504, "kind") == "forecast");
  CHECK(text(t, 504, "interval_start") == "2026-03-23T00:00:00+00:00");
  CHECK(text(t, 671, "interval_start") == "2026-03-29T23:00:00+00:00");
  CHECK(is_null(t, 504, "arrivals"));
  CHECK(is_null(t, 504, "online_agents"));
  CHECK(is_null(t, 504, "actual_sl"));
  CHECK(number(t, 504, "forecast_arrivals") == Approx(23).margin(0.001));
  CHECK(number(t, 504 + 10, "forecast_arrivals") == Approx(27).margin(0.001));  // 10:00
  // Day 27 (Sunday 03-29) 10:00: 6 + 27 = 33.
  CHECK(number(t, 671 - 13, "forecast_arrivals") == Approx(33).margin(0.001));
  CHECK(number(t, 504, "forecast_aht_s") == Approx(360).margin(0.001));
  // 10:00 on 03-23: A = 27 x 360 / 3600 = 2.7 Erlangs; the requirement is Erlang C's least N
  // (checked against leda::required_servers in erlang_test): more than 2.7 slots, and no agent
  // was ever engaged, so concurrency 1 and agents = slots.
  CHECK(number(t, 514, "traffic") == Approx(2.7).margin(0.0001));
  CHECK(integer(t, 514, "required_slots") > 2);
  CHECK(number(t, 514, "required_agents") == integer(t, 514, "required_slots"));
  CHECK(has_note(t, "arrivals MAPE 0.0%"));
  CHECK(has_note(t, "aht_s MAPE 0.0%"));
  CHECK(has_note(t, "arrivals trend +1.0000 per interval per day"));

  // Not enough history: a note and no forecast rows. Forecast off: no rows either.
  const leda::Table few =
      plugin().run(m, leda::Joins{}, {{"interval", "60m"}, {"min_history_days", "22"}});
  CHECK(few.rows.size() == 504);
  CHECK(has_note(few, "no forecast: the data holds 21 days, the forecast needs at least 22"));
  const leda::Table off =
      plugin().run(m, leda::Joins{}, {{"interval", "60m"}, {"forecast_days", "0"}});
  CHECK(off.rows.size() == 504);
  CHECK(has_note(off, "forecast off"));
}
