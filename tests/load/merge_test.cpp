// Merging across files: natural keys, duplicates (the first in path order wins, but for agent
// sessions: split_session_test.cpp), cross-links, and the same model whatever the thread count
// or the order of the paths.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "load_test_support.hpp"
#include "model/model_dump.hpp"

using namespace leda;
using namespace leda::test;

namespace {

// A multi-file data set with duplicates across files. Returns the files in path order.
std::vector<std::string> write_data_set(const TempDir& dir) {
  std::vector<std::string> files;
  // Agents: session s1 twice with the same events (a duplicate) but another login name, which
  // decides between the copies (they start together: the smaller name).
  files.push_back(dir.write("acct/agentActivity/a1.json",
                            agent_record("s1", 7, {{5000, 1}, {1000, 3}, {5000, 4}}, "second@x") +
                                agent_record("s2", 8, {{2000, 3}})));
  files.push_back(
      dir.write("acct/agentActivity/a2.gz",
                gzip(agent_record("s1", 7, {{5000, 1}, {1000, 3}, {5000, 4}}, "first@x") +
                     agent_record("s3", 7, {{500, 3}}, "early@x"))));
  // Visit v1: navigation in two records (different start times) and one exact duplicate; the
  // spec's web-session body variants for v2.
  files.push_back(
      dir.write("acct/webSession/w1.json", navigation_record("v1", 10000, {10300, 10100}) +
                                               spec_example("derived/record-webSession.ndjson")));
  files.push_back(dir.write(
      "acct/webSession/w2.json",
      navigation_record("v1", 20000, {20100}) + navigation_record("v1", 10000, {10300, 10100})));
  // Conversations: c1 (visit v1) twice, c2 without a visit.
  files.push_back(dir.write("acct/engagement/e1.json", conversation_record("c1", "v1", 10500) +
                                                           conversation_record("c2", "", 30000)));
  files.push_back(dir.write("acct/engagement/e2.gz", gzip(conversation_record("c1", "v1", 10500))));
  // Surveys of c1 (twice) and of a conversation not loaded.
  files.push_back(dir.write("acct/survey/s1.json", survey_record(41, "c1", 11000) +
                                                       survey_record(41, "c1", 11000) +
                                                       survey_record(42, "c9", 12000)));
  return files;
}

}  // namespace

TEST_CASE("sessions merge by natural key across files; duplicates are dropped and counted") {
  TempDir dir;
  write_data_set(dir);
  leda::load::LoadResult r = load_all({dir / "acct"});
  const Model& m = r.model;
  INFO(error_text(r.stats));
  REQUIRE(r.stats.errors == 0);
  CHECK(r.stats.files_total == 7);
  CHECK(r.stats.files[0] == 2);
  CHECK(r.stats.files[1] == 2);
  CHECK(r.stats.files[2] == 2);
  CHECK(r.stats.files[3] == 1);
  CHECK(r.stats.records[0] == 4);
  CHECK(r.stats.records[1] == 4);
  CHECK(r.stats.records[2] == 3);
  CHECK(r.stats.records[3] == 3);
  // s1 again, v1's navigation body again, c1 again, survey 41 again.
  CHECK(r.stats.duplicates == 4);
  CHECK(r.stats.merged_parts == 0);

  REQUIRE(m.agent_sessions.size() == 3);
  const AgentSession* s1 = m.find_agent_session("s1");
  REQUIRE(s1 != nullptr);
  CHECK(m.str(s1->login_name) == "first@x");  // not the first in path order: the smaller
  auto events = m.events(*s1);
  REQUIRE(events.size() == 3);
  CHECK(events[0].timestamp == 1000);
  CHECK(events[0].type == 3);
  CHECK(events[1].type == 1);  // equal timestamps keep their order in the file
  CHECK(events[2].type == 4);  // (identical copies: the events are the record's)
  CHECK(s1->agent_id == 7);

  REQUIRE(m.agents.size() == 2);
  const Agent* a7 = m.find_agent(7);
  REQUIRE(a7 != nullptr);
  auto sessions = m.sessions_of(*a7);
  REQUIRE(sessions.size() == 2);
  CHECK(m.str(m.agent_sessions[sessions[0]].session_id) == "s3");  // first event at 500
  CHECK(m.str(m.agent_sessions[sessions[1]].session_id) == "s1");  // first event at 1000
  CHECK(m.str(a7->login_name) == "first@x");                       // names from the latest session
  CHECK(m.agent_sessions[sessions[0]].agent == static_cast<std::uint32_t>(a7 - m.agents.data()));

  REQUIRE(m.visits.size() == 2);
  const Visit* v1 = m.find_visit("v1");
  REQUIRE(v1 != nullptr);
  auto pages = m.pages(*v1);
  REQUIRE(pages.size() == 3);
  CHECK(pages[0].timestamp == 10100);
  CHECK(pages[1].timestamp == 10300);
  CHECK(pages[2].timestamp == 20100);
  CHECK(m.str(m.sections(pages[0])[0]) == "s10100");
  CHECK(m.str(m.sections(pages[2])[0]) == "s20100");
  CHECK(v1->first_time == 10000);
  CHECK(v1->last_time == 20100);
  CHECK(m.str(v1->visitor_id) == "visitor-v1");

  REQUIRE(m.conversations.size() == 2);
  const Conversation* c1 = m.find_conversation("c1");
  const Conversation* c2 = m.find_conversation("c2");
  REQUIRE(c1 != nullptr);
  REQUIRE(c2 != nullptr);
  CHECK(c1->visit == static_cast<std::uint32_t>(v1 - m.visits.data()));
  CHECK(c2->visit == kNoIndex);
  REQUIRE(m.conversations_of(*v1).size() == 1);
  CHECK(m.conversations_of(*v1)[0] == static_cast<std::uint32_t>(c1 - m.conversations.data()));
  CHECK(m.skills(*c1).size() == 1);
  CHECK(m.transcript(*c1).size() == 1);

  REQUIRE(m.surveys.size() == 2);
  REQUIRE(m.surveys_of(*c1).size() == 1);
  const Survey& s41 = m.surveys[m.surveys_of(*c1)[0]];
  CHECK(s41.survey_id == 41);
  CHECK(s41.conversation == static_cast<std::uint32_t>(c1 - m.conversations.data()));
  CHECK(m.surveys_of(*c2).empty());
  CHECK(m.surveys[1].survey_id == 42);
  CHECK(m.surveys[1].conversation == kNoIndex);
}

TEST_CASE("a web-session record all of whose bodies were seen counts as one duplicate") {
  TempDir dir;
  const std::string web = spec_example("derived/record-webSession.ndjson");
  dir.write("a.json", web);
  dir.write("b.json", web);
  leda::load::LoadResult r = load_all({dir.path});
  CHECK(r.stats.records[1] == 2);
  CHECK(r.stats.duplicates == 1);
  REQUIRE(r.model.visits.size() == 1);
  CHECK(r.model.pages(r.model.visits[0]).size() == 3);
  CHECK(r.model.attributes_of(r.model.visits[0]).size() == 2);
  CHECK(r.model.impressions_of(r.model.visits[0]).size() == 3);
}

TEST_CASE("the same model with 1 and 4 threads and with the paths in two orders") {
  TempDir dir;
  std::vector<std::string> files = write_data_set(dir);
  // More files, so that 4 threads really interleave.
  for (int i = 0; i < 12; ++i) {
    const std::string n = std::to_string(i);
    files.push_back(
        dir.write("acct/webSession/x" + n + ".json",
                  navigation_record("v" + std::to_string(i % 5), 1000 * i, {1000 * i + 7}) +
                      navigation_record("v1", 10000, {10300, 10100})));
    files.push_back(dir.write("acct/agentActivity/x" + n + ".gz",
                              gzip(agent_record("s" + std::to_string(i % 4), i, {{100 * i}}))));
  }
  const std::string one = leda::model::dump_model(load_all(files, 1).model);
  std::vector<std::string> reversed(files.rbegin(), files.rend());
  leda::load::LoadResult four = load_all(reversed, 4);
  CHECK(leda::model::dump_model(four.model) == one);
  CHECK(leda::model::dump_model(load_all({dir / "acct"}, 4).model) == one);
  CHECK(leda::model::model_digest(four.model) ==
        leda::model::model_digest(load_all(files, 3).model));
  CHECK(one.find("maps ok") != std::string::npos);
  // The data set's 4; v1's navigation at 10000 in each x*.json (12). The sessions s0..s3 of
  // x*.gz: the first s0 is new, the 11 others have events no earlier copy has: merged parts.
  CHECK(four.stats.duplicates == 4 + 12);
  CHECK(four.stats.merged_parts == 11);
}

TEST_CASE("a file named twice, or inside a named directory, is read once") {
  TempDir dir;
  const std::string f = dir.write("d/a.json", agent_record("s1", 1, {{10}}));
  leda::load::LoadResult r = load_all({f, dir.path, dir / "d/../d/a.json"});
  CHECK(r.stats.files_total == 1);
  CHECK(r.stats.duplicates == 0);
}

TEST_CASE("model_memory_bytes counts what the model holds") {
  TempDir dir;
  write_data_set(dir);
  leda::load::LoadResult r = load_all({dir.path});
  const std::size_t bytes = leda::model::model_memory_bytes(r.model);
  CHECK(bytes >= r.model.strings.memory_bytes() + r.model.visits.size() * sizeof(Visit) +
                     r.model.agent_events.size() * sizeof(AgentEvent));
  CHECK(bytes < r.model.strings.memory_bytes() + (1u << 20));
}

TEST_CASE("the sample account: cross-links resolve, and 1 and 4 threads give one model") {
  const std::filesystem::path sample =
      std::filesystem::path(LEDA_SOURCE_DIR) / "examples" / "sample-account" / "75555851";
  INFO("the sample account belongs to the repository: " << sample);
  REQUIRE(std::filesystem::is_directory(sample));
  leda::load::LoadResult one = load_all({sample.string()}, 1);
  leda::load::LoadResult four = load_all({sample.string()}, 4);
  CHECK(one.stats.errors == 0);
  CHECK(leda::model::model_digest(one.model) == leda::model::model_digest(four.model));
  const Model& m = one.model;
  REQUIRE_FALSE(m.conversations.empty());
  // The generator writes each conversation's visitId and each survey's conversationId.
  for (const Conversation& c : m.conversations) {
    REQUIRE(c.visit != kNoIndex);
    CHECK(m.visits[c.visit].visit_id == c.visit_id);
  }
  for (const Survey& s : m.surveys)
    CHECK(s.conversation != kNoIndex);
  std::size_t refs = 0;
  for (const Visit& v : m.visits)
    refs += v.conversations.count;
  CHECK(refs == m.conversations.size());
  for (const AgentSession& s : m.agent_sessions) {
    REQUIRE(s.agent != kNoIndex);
    CHECK(m.agents[s.agent].agent_id == s.agent_id);
    auto events = m.events(s);
    for (std::size_t i = 1; i < events.size(); ++i)
      CHECK(events[i - 1].timestamp <= events[i].timestamp);
  }
}
