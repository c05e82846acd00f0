// agent-utilization, loaded from its built library, over models loaded from real files in which
// agent sessions arrive in parts: the numbers are those of the sessions delivered whole, for
// every column, with 1 and 4 loader threads. Expected numbers are worked out in the comments.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "agent_records.hpp"
#include "leda/testkit.hpp"
#include "load_test_support.hpp"

using namespace leda::testkit;
using leda::AgentEvent;
using leda::TimeMs;
using leda::test::agent_event;
using leda::test::agent_item;
using leda::test::agent_record_of;
using leda::test::AgentNames;

namespace {

constexpr TimeMs kMarch2 = 1772409600000;  // 2026-03-02T00:00:00Z
constexpr std::int32_t kNo = leda::kNoInt;
TimeMs hm(int h, int m) {
  return kMarch2 + (h * 60 + m) * 60000;
}

const AgentNames kAnn{201, "ann@example.com", "E201", "ann", "Ann"};
const AgentNames kBob{202, "bob@example.com", "E202", "bob", "Bob"};

// ann, group 10, 09:00-11:00 (events: type, state, c = concurrentEng, m = maxConcurrentEng):
//   [09:00,09:10) Online c0 | [09:10,09:30) Online c1 | [09:30,09:45) Online c3
//   [09:45,10:00) Away c1   | [10:00,10:20) Back Soon c0 | [10:20,10:30) Offline c0
//   [10:30,11:00) Online c2; capacity 2 throughout (before 09:10: the first value after).
const std::vector<AgentEvent> kAnnEvents = {
    agent_event(hm(9, 0), 3, 2, 0, -9),  agent_event(hm(9, 10), 1, 2, 1, 2),
    agent_event(hm(9, 30), 1, 2, 3, 2),  agent_event(hm(9, 45), 1, 4, 1, 2),
    agent_event(hm(10, 0), 1, 3, 0, 2),  agent_event(hm(10, 20), 1, 1, 0, 2),
    agent_event(hm(10, 30), 1, 2, 2, 2), agent_event(hm(11, 0), 4, 0, 0, -9)};
// bob, group 20, 12:00-13:00 with no logout (an imputed end) and no capacity:
//   [12:00,12:20) Online c0 | [12:20,12:50) Online c1 | [12:50,13:00) Online c0.
const std::vector<AgentEvent> kBobEvents = {
    agent_event(hm(12, 0), 3, 2, 0, -9, 20), agent_event(hm(12, 20), 1, 2, 1, kNo, 20),
    agent_event(hm(12, 50), 1, 2, 0, 0, 20), agent_event(hm(13, 0), 1, 4, 0, kNo, 20)};

std::vector<AgentEvent> slice(const std::vector<AgentEvent>& v, std::size_t from, std::size_t to) {
  return {v.begin() + static_cast<long>(from), v.begin() + static_cast<long>(to)};
}

std::string record(const std::string& session, const AgentNames& who,
                   const std::vector<AgentEvent>& events) {
  return agent_record_of({agent_item(session, who, events)}, events.front().timestamp,
                         events.back().timestamp);
}

// The two sessions, whole or in parts, in folders under `dir`:
//   whole     each session in one record
//   items     one record holding both sessions' parts as four items (ann 1, bob 1, ann 2, bob 2)
//   files-ab  the first parts in a.json, the second parts in b.json
//   files-ba  the same with the files' contents swapped
//   overlap   parts that share events (ann 09:45 and 10:00, bob 12:20 and 12:50), one per file
void write_layouts(const leda::test::TempDir& dir) {
  const auto ann1 = slice(kAnnEvents, 0, 4), ann2 = slice(kAnnEvents, 4, 8);
  const auto bob1 = slice(kBobEvents, 0, 2), bob2 = slice(kBobEvents, 2, 4);
  dir.write("whole/a.json", record("s-ann", kAnn, kAnnEvents) + record("s-bob", kBob, kBobEvents));
  dir.write("items/a.json",
            agent_record_of({agent_item("s-ann", kAnn, ann1), agent_item("s-bob", kBob, bob1),
                             agent_item("s-ann", kAnn, ann2), agent_item("s-bob", kBob, bob2)},
                            hm(9, 0)));
  const std::string first = record("s-ann", kAnn, ann1) + record("s-bob", kBob, bob1);
  const std::string second = record("s-ann", kAnn, ann2) + record("s-bob", kBob, bob2);
  dir.write("files-ab/a.json", first);
  dir.write("files-ab/b.json", second);
  dir.write("files-ba/a.json", second);
  dir.write("files-ba/b.json", first);
  dir.write("overlap/a.json", record("s-ann", kAnn, slice(kAnnEvents, 0, 5)) +
                                  record("s-bob", kBob, slice(kBobEvents, 0, 3)));
  dir.write("overlap/b.json", record("s-ann", kAnn, slice(kAnnEvents, 3, 8)) +
                                  record("s-bob", kBob, slice(kBobEvents, 1, 4)));
}

const PluginUnderTest& plugin() {
  static PluginUnderTest p(LEDA_PLUGIN_AGENT_UTILIZATION);
  return p;
}

leda::load::LoadResult load(const leda::test::TempDir& dir, const char* layout, unsigned threads) {
  leda::load::LoadResult r = leda::test::load_all({dir / layout}, threads);
  INFO(leda::test::error_text(r.stats));
  REQUIRE(r.stats.errors == 0);
  return r;
}

}  // namespace

TEST_CASE("agent-utilization: sessions delivered whole", "[plugin][utilization][split]") {
  leda::test::TempDir dir;
  write_layouts(dir);
  const leda::load::LoadResult whole = load(dir, "whole", 1);
  const leda::Table t = plugin().run(whole.model, leda::Joins{});
  INFO(to_text(t));
  REQUIRE(t.rows.size() == 2);
  // ann: logged 120 min; Online 10 + 20 + 15 + 30 = 75 min; Away 15; Back Soon 20; Offline 10
  // (unknown). Engaged (c >= 1) 20 + 15 + 15 + 30 = 80 min; Online engaged 20 + 15 + 30 = 65;
  // labor 75 + 15 (Away c1) = 90; chat 20*1 + 15*3 + 15*1 + 30*2 = 140 chat-min; slots
  // 75 min * 2 = 150; used 20*1 + 15*2 + 30*2 = 110 (min(c, m): c3 counts 2).
  CHECK(integer(t, 0, "agent_id") == 201);
  CHECK(text(t, 0, "agent_login") == "ann@example.com");
  CHECK(number(t, 0, "logged_in_s") == 7200);
  CHECK(number(t, 0, "online_s") == 4500);
  CHECK(number(t, 0, "back_soon_s") == 1200);
  CHECK(number(t, 0, "away_s") == 900);
  CHECK(number(t, 0, "unknown_s") == 600);
  CHECK(number(t, 0, "engaged_s") == 4800);
  CHECK(number(t, 0, "online_engaged_s") == 3900);
  CHECK(number(t, 0, "labor_s") == 5400);
  CHECK(number(t, 0, "chat_time_s") == 8400);
  CHECK(number(t, 0, "slot_capacity_s") == 9000);
  CHECK(number(t, 0, "slot_used_s") == 6600);
  CHECK(number(t, 0, "capacity_unknown_s") == 0);
  CHECK(number(t, 0, "engaged_time_rate") == Approx(4800.0 / 7200));
  CHECK(number(t, 0, "occupancy") == Approx(3900.0 / 4500));
  CHECK(number(t, 0, "capacity_utilization") == Approx(6600.0 / 9000));
  CHECK(number(t, 0, "concurrency") == Approx(8400.0 / 4800));
  CHECK(integer(t, 0, "sessions") == 1);
  CHECK(integer(t, 0, "imputed_ends") == 0);
  // bob: 60 min Online, engaged 30 (c1), no capacity: all 60 min capacity unknown; the session
  // ends at its last event (13:00), an imputed end.
  CHECK(integer(t, 1, "agent_id") == 202);
  CHECK(number(t, 1, "logged_in_s") == 3600);
  CHECK(number(t, 1, "online_s") == 3600);
  CHECK(number(t, 1, "engaged_s") == 1800);
  CHECK(number(t, 1, "online_engaged_s") == 1800);
  CHECK(number(t, 1, "labor_s") == 3600);
  CHECK(number(t, 1, "chat_time_s") == 1800);
  CHECK(number(t, 1, "slot_capacity_s") == 0);
  CHECK(number(t, 1, "capacity_unknown_s") == 3600);
  CHECK(is_null(t, 1, "capacity_utilization"));
  CHECK(number(t, 1, "concurrency") == 1.0);
  CHECK(integer(t, 1, "sessions") == 1);
  CHECK(integer(t, 1, "imputed_ends") == 1);
}

TEST_CASE("agent-utilization: sessions in parts give the numbers of the sessions whole",
          "[plugin][utilization][split]") {
  leda::test::TempDir dir;
  write_layouts(dir);
  const leda::load::LoadResult whole = load(dir, "whole", 1);
  const std::vector<Overrides> runs = {
      {}, {{"group_by", "agent,group,day,interval"}, {"interval", "15m"}}};
  for (const Overrides& params : runs) {
    const leda::Table expected = plugin().run(whole.model, leda::Joins{}, params);
    for (const char* layout : {"items", "files-ab", "files-ba", "overlap"}) {
      for (unsigned threads : {1u, 4u}) {
        const leda::load::LoadResult r = load(dir, layout, threads);
        const leda::Table t = plugin().run(r.model, leda::Joins{}, params);
        INFO(layout << ", " << threads << " threads, group_by "
                    << (params.empty() ? "agent" : params.at("group_by")) << "\nexpected\n"
                    << to_text(expected) << "got\n"
                    << to_text(t));
        CHECK(t.columns.size() == expected.columns.size());
        CHECK(t.rows == expected.rows);
        CHECK(t.notes == expected.notes);
      }
    }
  }
}
