// leda::load::LoadOptions::needs: only what is asked for is built; files of other types are not
// read past their first record; directory walks skip dot-names and non-data files.
#include <catch2/catch.hpp>

#include <filesystem>

#include "load_test_support.hpp"
#include "model/model_dump.hpp"

using namespace leda;
using namespace leda::test;

namespace {

void write_all_types(const TempDir& dir) {
  dir.write("a/agent.gz", gzip(agent_record("s1", 1, {{1000, 3}, {2000, 4}})));
  dir.write("a/web.gz", gzip(spec_example("derived/record-webSession.ndjson")));
  dir.write("a/eng.gz", gzip(conversation_record("c1", "", 5000)));
  dir.write("a/survey.gz", gzip(survey_record(3, "c1", 6000)));
}

}  // namespace

TEST_CASE("only agent sessions: other files are skipped after their first record") {
  TempDir dir;
  write_all_types(dir);
  leda::load::LoadResult r = load_all({dir.path}, 2, kNeedAgentActivity);
  INFO(error_text(r.stats));
  CHECK(r.stats.errors == 0);
  CHECK(r.model.agent_sessions.size() == 1);
  CHECK(r.model.agent_events.empty());  // kNeedEvents not asked
  CHECK(r.model.agent_sessions[0].agent_id == 1);
  CHECK(r.model.agents.size() == 1);
  CHECK(r.model.visits.empty());
  CHECK(r.model.conversations.empty());
  CHECK(r.model.surveys.empty());
  // Every file is known by type, but only the agent file was decompressed and parsed.
  CHECK(r.stats.files[0] == 1);
  CHECK(r.stats.files[1] == 1);
  CHECK(r.stats.files[2] == 1);
  CHECK(r.stats.files[3] == 1);
  CHECK(r.stats.records[1] == 0);
  CHECK(r.stats.bytes == agent_record("s1", 1, {{1000, 3}, {2000, 4}}).size());
}

TEST_CASE("part bits build their children and imply their type") {
  TempDir dir;
  write_all_types(dir);
  leda::load::LoadResult r = load_all({dir.path}, 2, kNeedEvents | kNeedNavigation);
  CHECK(r.model.agent_events.size() == 2);
  REQUIRE(r.model.visits.size() == 1);
  const Visit& v = r.model.visits[0];
  CHECK(v.pages.count == 3);
  CHECK(v.attributes.count == 0);
  CHECK(v.goals.count == 0);
  CHECK(v.eligibility.count == 0);
  CHECK(v.impressions.count == 0);
  CHECK(r.model.customer_infos.empty());
  CHECK(r.model.conversations.empty());
}

TEST_CASE("conversations and surveys without their children") {
  TempDir dir;
  write_all_types(dir);
  leda::load::LoadResult r = load_all({dir.path}, 2, kNeedEngagement | kNeedSurvey);
  REQUIRE(r.model.conversations.size() == 1);
  CHECK(r.model.skills(r.model.conversations[0]).size() == 1);  // skills come with the type
  CHECK(r.model.transcript(r.model.conversations[0]).empty());
  REQUIRE(r.model.surveys.size() == 1);
  CHECK(r.model.answers(r.model.surveys[0]).empty());
  CHECK(r.model.surveys[0].conversation == 0);
  leda::load::LoadResult full = load_all({dir.path}, 2, kNeedEverything);
  CHECK(full.model.transcript(full.model.conversations[0]).size() == 1);
  CHECK(full.model.answers(full.model.surveys[0]).size() == 1);
}

TEST_CASE("visits with only their headers") {
  TempDir dir;
  write_all_types(dir);
  leda::load::LoadResult r = load_all({dir.path}, 1, kNeedWebSession);
  REQUIRE(r.model.visits.size() == 1);
  CHECK(r.model.page_views.empty());
  CHECK(r.model.attributes.empty());
  CHECK(r.model.campaign_engagements.empty());
  CHECK(r.model.str(r.model.visits[0].visitor_id) == "pKytlMTwSPCwpJS-RQqtlQ");
  CHECK(r.stats.records[1] == 1);
}

TEST_CASE("directory walks skip dot-names and non-data files; named files are always read") {
  TempDir dir;
  dir.write("acct/agentActivity/Agent.1.2.part-00000-0.gz", gzip(agent_record("s1", 1, {{1000}})));
  dir.write("acct/.leda/manifest.json", "{\"not\":\"data\"}");
  dir.write("acct/agentActivity/.Agent.3.4.part-00000-0.gz.partial", "garbage");
  dir.write("acct/notes.md", "# notes");
  dir.write("acct/agents.csv", "a,b\n");
  dir.write("acct/readme.txt", "text");
  dir.write("acct/x.json.tmp", "{");
  const std::string csv = dir.write("other/agents.csv", "a,b\n");
  leda::load::LoadResult r = load_all({dir / "acct"});
  CHECK(r.stats.files_total == 1);
  CHECK(r.stats.errors == 0);
  CHECK(r.model.agent_sessions.size() == 1);

  leda::load::LoadResult named = load_all({csv});
  CHECK(named.stats.files_total == 1);
  REQUIRE(named.stats.errors == 1);
  CHECK(named.stats.error_samples[0].file == csv);
}
