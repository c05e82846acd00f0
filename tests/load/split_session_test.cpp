// An agent session delivered in parts (items of one record, records of several files) is one
// session with the union of the parts' events, whatever the order of the files and the number of
// threads; a session delivered twice whole is still a duplicate.
#include <catch2/catch.hpp>

#include <algorithm>

#include <fmt/format.h>

#include "agent_records.hpp"
#include "load_test_support.hpp"
#include "model/model_dump.hpp"

using namespace leda;
using namespace leda::test;

namespace {

const AgentNames kAnn{7, "ann@example.com", "E7", "ann", "Annie"};

// Session s1: login 1000, two chats, logout 4000 (all in group 10).
const AgentEvent e1 = agent_event(1000, 3, 2, 0, -9);
const AgentEvent e2 = agent_event(2000, 1, 2, 1, 2);
const AgentEvent e3 = agent_event(3000, 1, 4, 1, 2);
const AgentEvent e4 = agent_event(4000, 4, 0, 0, -9);
// Another session of the same agent, delivered once.
const std::string kOther = agent_item("s2", kAnn, {agent_event(9000, 3, 2, 0, -9)});

// Every agent session of `m` by id: its fields and (unless `events` is false) its events, for
// comparing models whose sessions were first seen in another order.
std::string sessions_text(const Model& m, bool events = true) {
  std::vector<std::string> lines;
  for (const AgentSession& s : m.agent_sessions) {
    std::string line = fmt::format(
        "{} agent={} group={} emp={} user={} nick={} login={} start={} end={}:",
        m.str(s.session_id), s.agent_id, s.agent_group_id, m.str(s.employee_id), m.str(s.user_name),
        m.str(s.nick_name), m.str(s.login_name), s.record_start, s.record_end);
    if (events)
      for (const AgentEvent& e : m.events(s))
        line += fmt::format(" ({} {} {} {} {} g{} p{} pc{})", e.timestamp, e.type, e.state,
                            e.concurrent_eng, e.max_concurrent_eng, e.agent_group_id, e.prev_state,
                            e.prev_concurrent_eng);
    lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& l : lines)
    out += l + "\n";
  return out;
}

std::vector<TimeMs> times(const Model& m, const std::string& session) {
  const AgentSession* s = m.find_agent_session(session);
  REQUIRE(s != nullptr);
  std::vector<TimeMs> out;
  for (const AgentEvent& e : m.events(*s))
    out.push_back(e.timestamp);
  return out;
}

}  // namespace

TEST_CASE("a session split over two items of one record has every event") {
  TempDir dir;
  dir.write("a.json", agent_record_of({agent_item("s1", kAnn, {e1, e2}),
                                       agent_item("s1", kAnn, {e3, e4}), kOther},
                                      1000, 4000));
  dir.write("whole.json",
            agent_record_of({agent_item("s1", kAnn, {e1, e2, e3, e4}), kOther}, 1000, 4000));
  const load::LoadResult split = load_all({dir / "a.json"});
  const load::LoadResult whole = load_all({dir / "whole.json"});
  INFO(error_text(split.stats));
  CHECK(split.stats.records[0] == 1);
  CHECK(split.stats.duplicates == 0);
  CHECK(split.stats.merged_parts == 1);
  REQUIRE(split.model.agent_sessions.size() == 2);
  CHECK(times(split.model, "s1") == std::vector<TimeMs>{1000, 2000, 3000, 4000});
  CHECK(model::dump_model(split.model) == model::dump_model(whole.model));
}

TEST_CASE("a session split over two files gives one model whichever file holds which part") {
  TempDir dir;
  // Part records start at their first event and end at their last one; the whole session's
  // record runs 1000-4000, like the parts' earliest start and latest end.
  const std::string first = agent_record_of({agent_item("s1", kAnn, {e1, e2})}, 1000, 2000);
  const std::string second = agent_record_of({agent_item("s1", kAnn, {e3, e4})}, 3000, 4000);
  const std::string other = agent_record_of({kOther}, 9000);
  dir.write("ab/a.json", first + other);
  dir.write("ab/b.gz", gzip(second));
  dir.write("ba/a.json", second + other);
  dir.write("ba/b.gz", gzip(first));
  dir.write("whole/a.json",
            agent_record_of({agent_item("s1", kAnn, {e1, e2, e3, e4})}, 1000, 4000) + other);
  const std::string expected = model::dump_model(load_all({dir / "whole"}, 1).model);
  for (const char* order : {"ab", "ba"}) {
    for (unsigned threads : {1u, 4u}) {
      INFO(order << ", " << threads << " threads");
      const load::LoadResult r = load_all({dir / order}, threads);
      CHECK(r.stats.errors == 0);
      CHECK(r.stats.duplicates == 0);
      CHECK(r.stats.merged_parts == 1);
      CHECK(model::dump_model(r.model) == expected);
    }
  }
}

TEST_CASE("an event in several parts counts once, an event twice in one part stays twice") {
  TempDir dir;
  // Parts overlap on e2 and e3; the second part holds e4 twice (as a record may).
  dir.write("a.json", agent_record_of({agent_item("s1", kAnn, {e1, e2, e3})}, 1000));
  dir.write("b.json", agent_record_of({agent_item("s1", kAnn, {e2, e3, e4, e4})}, 2000));
  const load::LoadResult r = load_all({dir.path});
  CHECK(times(r.model, "s1") == std::vector<TimeMs>{1000, 2000, 3000, 4000, 4000});
  CHECK(r.stats.merged_parts == 1);
}

TEST_CASE("copies of an event that differ outside its key: the kept one is fixed by the rule") {
  // e2 in group 11 and in group 10: the smaller group is kept. e3 without a group and in
  // group 12: the present value is kept. e3's prevState 4 and 3: the smaller.
  AgentEvent e2_g11 = e2, e3_none = e3, e3_g12 = e3;
  e2_g11.agent_group_id = 11;
  e3_none.agent_group_id = kNoLong;
  e3_none.prev_state = 3;
  e3_g12.agent_group_id = 12;
  e3_g12.prev_state = 4;
  AgentEvent e3_g12_p3 = e3_g12;
  e3_g12_p3.prev_state = 3;
  const std::string a = agent_record_of({agent_item("s1", kAnn, {e1, e2_g11, e3_none})}, 1000);
  const std::string b =
      agent_record_of({agent_item("s1", kAnn, {e2, e3_g12, e3_g12_p3, e4})}, 1000);
  TempDir dir;
  dir.write("ab/1.json", a);
  dir.write("ab/2.json", b);
  dir.write("ba/1.json", b);
  dir.write("ba/2.json", a);
  for (const char* order : {"ab", "ba"}) {
    INFO(order);
    const load::LoadResult r = load_all({dir / order});
    const Model& m = r.model;
    const auto events = m.events(*m.find_agent_session("s1"));
    REQUIRE(events.size() == 5);  // e3 twice: the second part holds it twice
    CHECK(events[1].agent_group_id == 10);
    CHECK(events[2].agent_group_id == 12);  // b's e3 p3 paired with a's e3 (no group): present
    CHECK(events[2].prev_state == 3);
    CHECK(events[3].agent_group_id == 12);  // b's e3 p4, held once more by b
    CHECK(events[3].prev_state == 4);
  }
}

TEST_CASE("the fields of a session whose parts disagree") {
  // Part a starts first (login at 1000) but has no nick name; part b was re-delivered under
  // another login name, and its record ends later.
  const AgentNames first{7, "ann@example.com", "E7", "ann", ""};
  const AgentNames renamed{7, "ann.b@example.com", "E7", "ann", "Annie"};
  const std::string a = agent_record_of({agent_item("s1", first, {e1, e2})}, 1000, 2500);
  const std::string b = agent_record_of({agent_item("s1", renamed, {e2, e3, e4})}, 500, 5000);
  TempDir dir;
  dir.write("ab/1.json", a);
  dir.write("ab/2.json", b);
  dir.write("ba/1.json", b);
  dir.write("ba/2.json", a);
  const std::string ab = sessions_text(load_all({dir / "ab"}).model);
  CHECK(ab == sessions_text(load_all({dir / "ba"}, 1).model));
  const Model m = load_all({dir / "ba"}).model;
  const AgentSession& s = *m.find_agent_session("s1");
  CHECK(m.str(s.login_name) == "ann@example.com");  // the part starting first
  CHECK(m.str(s.nick_name) == "Annie");             // from the next part: the first lacks it
  CHECK(s.record_start == 500);                     // the earliest
  CHECK(s.record_end == 5000);                      // the latest
  CHECK(s.agent_group_id == 10);
  CHECK(m.str(m.agents[s.agent].login_name) == "ann@example.com");
}

TEST_CASE("a session delivered twice whole is a duplicate and keeps its record's event order") {
  // At 2000 the record lists Away before Online (both chat events): not the canonical order
  // (state 2 before 4), which identical copies leave alone.
  const AgentEvent away = agent_event(2000, 1, 4, 1, 2);
  const std::string record = agent_record_of({agent_item("s1", kAnn, {e1, away, e2, e4})}, 1000);
  TempDir dir;
  dir.write("a.json", record);
  dir.write("b.json", record);
  // A third copy holding only some of the events is a part (other events), not a duplicate.
  dir.write("c.json", agent_record_of({agent_item("s1", kAnn, {e1, e4})}, 1000));
  const load::LoadResult twice = load_all({dir / "a.json", dir / "b.json"});
  CHECK(twice.stats.duplicates == 1);
  CHECK(twice.stats.merged_parts == 0);
  const Model& m = twice.model;
  auto events = m.events(*m.find_agent_session("s1"));
  REQUIRE(events.size() == 4);
  CHECK(events[1].state == 4);
  CHECK(events[2].state == 2);

  const load::LoadResult three = load_all({dir.path});
  CHECK(three.stats.duplicates == 1);
  CHECK(three.stats.merged_parts == 1);
  events = three.model.events(*three.model.find_agent_session("s1"));
  REQUIRE(events.size() == 4);
  CHECK(events[1].state == 2);  // differing copies: the canonical order
  CHECK(events[2].state == 4);
}

TEST_CASE("without events loaded: the same sessions, fields and counts") {
  TempDir dir;
  const AgentNames renamed{7, "ann.b@example.com", "E7", "ann", ""};
  dir.write("1.json", agent_record_of({agent_item("s1", kAnn, {e1, e2}), kOther}, 1000, 2000));
  dir.write("2.json", agent_record_of({agent_item("s1", renamed, {e3, e4})}, 3000, 4000));
  dir.write("3.json", agent_record_of({kOther}, 9000));
  dir.write("4.json", agent_record_of({agent_item("s1", kAnn, {e1, e2})}, 1000, 2000));
  const load::LoadResult all = load_all({dir.path});
  const load::LoadResult sessions = load_all({dir.path}, 2, kNeedAgentActivity);
  CHECK(sessions.model.agent_events.empty());
  // s2 again (3.json) and s1's first part again (4.json) are duplicates; 2.json is a part.
  CHECK(all.stats.duplicates == 2);
  CHECK(all.stats.merged_parts == 1);
  CHECK(sessions.stats.duplicates == 2);
  CHECK(sessions.stats.merged_parts == 1);
  CHECK(sessions_text(sessions.model, false) == sessions_text(all.model, false));
  // The agent lists its sessions in the same order (by first event).
  REQUIRE(sessions.model.agents.size() == 1);
  auto order = [](const Model& m) {
    std::vector<std::string> ids;
    for (std::uint32_t s : m.sessions_of(m.agents[0]))
      ids.emplace_back(m.str(m.agent_sessions[s].session_id));
    return ids;
  };
  CHECK(order(sessions.model) == std::vector<std::string>{"s1", "s2"});
  CHECK(order(all.model) == order(sessions.model));
  CHECK(times(all.model, "s1") == std::vector<TimeMs>{1000, 2000, 3000, 4000});
}

TEST_CASE("many split sessions: one model for 1 and 4 threads, any path order, any file order") {
  // Sessions s0..s5, each split into three parts (events 0-1, 2-3, 3-4: parts two and three
  // share one); the parts are spread over 9 files three ways.
  auto part = [](int session, int k) {
    std::vector<AgentEvent> events;
    const TimeMs base = 100000 * session;
    for (int i = k == 2 ? 3 : 2 * k; i <= (k == 2 ? 4 : 2 * k + 1); ++i)
      events.push_back(agent_event(base + 1000 * i,
                                   i == 0   ? 3
                                   : i == 4 ? 4
                                            : 1,
                                   2 + i % 3, i % 2, 2, 10 + session % 2));
    return agent_item("s" + std::to_string(session), kAnn, events);
  };
  TempDir dir;
  std::string expected;
  for (int layout = 0; layout < 3; ++layout) {
    std::vector<std::string> files;
    for (int f = 0; f < 9; ++f) {
      std::vector<std::string> items;
      for (int session = 0; session < 6; ++session)
        for (int k = 0; k < 3; ++k)
          if ((session + k * (layout + 1)) % 9 == f) items.push_back(part(session, k));
      if (items.empty()) continue;
      files.push_back(
          dir.write(fmt::format("l{}/f{}.json", layout, f), agent_record_of(items, kNoLong)));
    }
    const load::LoadResult one = load_all(files, 1);
    std::vector<std::string> reversed(files.rbegin(), files.rend());
    const load::LoadResult four = load_all(reversed, 4);
    INFO("layout " << layout);
    CHECK(one.stats.errors == 0);
    CHECK(one.stats.merged_parts == 12);  // two more parts for each of the 6 sessions
    CHECK(model::dump_model(one.model) == model::dump_model(four.model));
    CHECK(one.model.agent_sessions.size() == 6);
    // The session fields and events do not depend on which file holds which part.
    if (layout == 0) expected = sessions_text(one.model);
    CHECK(sessions_text(one.model) == expected);
  }
  CHECK(expected.find("s3 agent=7 group=11") != std::string::npos);
}
