#include "leda/agent_timeline.hpp"

#include <catch2/catch.hpp>

#include <vector>

#include "leda/testkit/model_builder.hpp"

using leda::AgentEvent;
using leda::AgentTimeline;
using leda::TimelinePiece;
using leda::TimeMs;
using leda::testkit::at;
using leda::testkit::event;
using leda::testkit::login;
using leda::testkit::logout;

namespace {
constexpr std::int32_t kNo = leda::kNoInt;
constexpr TimeMs kMin = 60000;

TimeMs t(const char* hhmm) {
  return at(std::string("2026-03-02T") + hhmm + ":00");
}

AgentTimeline build(const std::vector<std::vector<AgentEvent>>& sessions) {
  std::vector<std::span<const AgentEvent>> spans(sessions.begin(), sessions.end());
  return AgentTimeline::build(spans);
}

leda::UtilizationSums sum(const AgentTimeline& tl) {
  leda::UtilizationSums s;
  for (const TimelinePiece& p : tl.pieces)
    s.add(p, p.start, p.end);
  return s;
}
}  // namespace

TEST_CASE(
    "AgentTimeline: one session, state 0/-1 keep the state, capacity before its first "
    "value",
    "[helpers][timeline]") {
  const auto tl = build({{
      login(t("09:00"), 2, 10),              // Online, c 0, m -9 (ignored)
      event(t("09:30"), 1, 2, 1, 2, 10),     // c 1, m 2
      event(t("10:00"), 1, 0, 3, kNo, 10),   // state 0 keeps Online; c 3
      event(t("10:15"), 1, 4, 1, 0, 10),     // Away, c 1; m 0 is not a capacity: m stays 2
      event(t("10:45"), 1, -1, 0, kNo, 10),  // state -1 keeps Away; c 0
      logout(t("11:00"), 1, 10),
  }});
  REQUIRE(tl.sessions.size() == 1);
  CHECK_FALSE(tl.sessions[0].imputed_end);
  REQUIRE(tl.pieces.size() == 5);
  // [09:00,09:30) Online c0, m = first capacity that follows in the session = 2.
  CHECK(tl.pieces[0].state == leda::kStateOnline);
  CHECK(tl.pieces[0].capacity == 2);
  CHECK(tl.pieces[0].concurrency == 0);
  CHECK(tl.pieces[2].state == leda::kStateOnline);  // [10:00,10:15) after state 0
  CHECK(tl.pieces[2].concurrency == 3);
  CHECK(tl.pieces[4].state == leda::kStateAway);  // [10:45,11:00) after state -1
  CHECK(tl.pieces[4].end == t("11:00"));

  const auto s = sum(tl);
  CHECK(s.logged_in_ms == 120 * kMin);
  CHECK(s.online_ms == 75 * kMin);  // 09:00-10:15
  CHECK(s.away_ms == 45 * kMin);    // 10:15-11:00
  CHECK(s.unknown_ms == 0);
  CHECK(s.engaged_ms == 75 * kMin);         // 09:30-10:45
  CHECK(s.online_engaged_ms == 45 * kMin);  // 09:30-10:15
  CHECK(s.labor_ms == 105 * kMin);          // online 75 + away with c>=1 30
  CHECK(s.chat_ms == 105 * kMin);           // 30*1 + 15*3 + 30*1
  CHECK(s.slot_capacity_ms == 150 * kMin);  // 75 min online * m 2
  CHECK(s.slot_used_ms == 60 * kMin);       // 30*min(1,2) + 15*min(3,2)
  CHECK(s.capacity_unknown_ms == 0);
}

TEST_CASE("AgentTimeline: overlapping sessions count once; a missing logout is imputed",
          "[helpers][timeline]") {
  const auto tl = build({
      {login(t("09:00"), 2, 1), event(t("09:20"), 1, 2, 1, 3, 1), logout(t("10:00"), 0, 1)},
      // Logs in again at 09:40 while still logged in; never logs out: ends at 10:30.
      {login(t("09:40"), 0, 2), event(t("10:30"), 1, 3, 0, 4, 2)},
  });
  REQUIRE(tl.sessions.size() == 2);
  CHECK(tl.sessions[1].imputed_end);
  CHECK(tl.sessions[1].end == t("10:30"));
  REQUIRE(tl.pieces.size() == 4);
  // [09:40,10:00) starts at the second login: group 2, capacity of session 2 (4), c 0 (the
  // login's concurrentEng), state still Online (login with state 0).
  CHECK(tl.pieces[2].start == t("09:40"));
  CHECK(tl.pieces[2].group_id == 2);
  CHECK(tl.pieces[2].capacity == 4);
  CHECK(tl.pieces[2].state == leda::kStateOnline);
  // [10:00,10:30) starts at session 1's logout (state 0): group 1, capacity of session 1 (3).
  CHECK(tl.pieces[3].group_id == 1);
  CHECK(tl.pieces[3].capacity == 3);
  CHECK(tl.pieces[3].state == leda::kStateOnline);
  const auto s = sum(tl);
  CHECK(s.logged_in_ms == 90 * kMin);  // union 09:00-10:30, not 60 + 50
  CHECK(s.engaged_ms == 20 * kMin);    // 09:20-09:40
}

TEST_CASE("AgentTimeline: at equal times logout comes before login, whatever the input order",
          "[helpers][timeline]") {
  const auto tl = build({
      {login(t("10:00"), 2, 7), event(t("10:30"), 1, 4, 0, kNo, 7), logout(t("11:00"), 0, 7)},
      {login(t("09:00"), 2, 5), logout(t("10:00"), 1, 5)},  // logs out Offline at 10:00
  });
  const auto s = sum(tl);
  CHECK(s.logged_in_ms == 120 * kMin);
  // At 10:00 the logout (Offline) applies first, then the login (Online): 10:00-10:30 Online.
  CHECK(s.online_ms == 90 * kMin);
  CHECK(s.away_ms == 30 * kMin);
  CHECK(s.unknown_ms == 0);
  // Capacity never given: Online time has unknown capacity.
  CHECK(s.capacity_unknown_ms == 90 * kMin);
  CHECK(s.slot_capacity_ms == 0);
}

TEST_CASE(
    "AgentTimeline: time before a known state and Offline time are unknown; engaged "
    "Offline is engaged but not labor",
    "[helpers][timeline]") {
  const auto tl = build({{
      login(t("09:00"), -1),             // no state yet
      event(t("09:10"), 1, 2, 0, 2),     // Online
      event(t("09:30"), 1, 1, 1, kNo),   // Offline with a chat
      event(t("09:40"), 1, 3, -2, kNo),  // Back Soon, negative c counts as 0
      logout(t("10:00"), 0),
  }});
  const auto s = sum(tl);
  CHECK(s.unknown_ms == 20 * kMin);  // 09:00-09:10 no state + 09:30-09:40 Offline
  CHECK(s.online_ms == 20 * kMin);
  CHECK(s.back_soon_ms == 20 * kMin);
  CHECK(s.engaged_ms == 10 * kMin);  // the Offline chat
  CHECK(s.labor_ms == 20 * kMin);    // online only
  CHECK(s.chat_ms == 10 * kMin);
  CHECK(s.online_ms + s.back_soon_ms + s.away_ms + s.unknown_ms == s.logged_in_ms);
}

TEST_CASE("AgentTimeline: events without a timestamp are skipped and counted",
          "[helpers][timeline]") {
  const auto tl =
      build({{login(t("09:00"), 2), event(leda::kNoLong, 1, 4, 1, 2), logout(t("09:30"), 0)},
             {event(leda::kNoLong, 1, 2, 0, 2)}});
  CHECK(tl.events_without_time == 2);
  CHECK(tl.sessions_without_time == 1);
  CHECK(sum(tl).online_ms == 30 * kMin);
}

TEST_CASE("AgentTimeline::build reads an agent's sessions from a Model", "[helpers][timeline]") {
  leda::testkit::ModelBuilder b;
  b.agent(7, "ann").session("s1", {login(t("09:00"), 2), logout(t("09:45"), 0)});
  const leda::Model m = b.build();
  const auto tl = AgentTimeline::build(m, m.agents[0]);
  CHECK(sum(tl).logged_in_ms == 45 * kMin);
}

TEST_CASE("AgentTimeline: a session's events in any order give the same pieces",
          "[helpers][timeline]") {
  // Events already in time order take a shortcut past the sort; reversed and shuffled ones are
  // sorted. All three give the pieces of the sorted session: Online 09:00-09:30 c0, Away
  // 09:30-10:00 c1 (a chat at 09:30), Online 10:00-10:30 c0.
  const std::vector<AgentEvent> sorted = {login(t("09:00"), 2, 3), event(t("09:30"), 1, 4, 1, 3),
                                          event(t("10:00"), 1, 2, 0, 3), logout(t("10:30"), 0, 3)};
  const std::vector<AgentEvent> reversed(sorted.rbegin(), sorted.rend());
  const std::vector<AgentEvent> shuffled = {sorted[2], sorted[0], sorted[3], sorted[1]};
  const auto expected = build({sorted});
  REQUIRE(expected.pieces.size() == 3);
  CHECK(expected.pieces[1].state == leda::kStateAway);
  CHECK(expected.pieces[1].concurrency == 1);
  CHECK(expected.pieces[1].start == t("09:30"));
  for (const auto& events : {reversed, shuffled}) {
    const auto tl = build({events});
    REQUIRE(tl.pieces.size() == expected.pieces.size());
    for (std::size_t i = 0; i < tl.pieces.size(); ++i) {
      CHECK(tl.pieces[i].start == expected.pieces[i].start);
      CHECK(tl.pieces[i].end == expected.pieces[i].end);
      CHECK(tl.pieces[i].state == expected.pieces[i].state);
      CHECK(tl.pieces[i].concurrency == expected.pieces[i].concurrency);
      CHECK(tl.pieces[i].capacity == expected.pieces[i].capacity);
    }
  }
}
