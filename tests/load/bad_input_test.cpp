// Bad input, mixed with good files: each problem gives one error naming the file, the line or
// byte offset and the reason, and every good record is kept.
#include <catch2/catch.hpp>

#include "load_test_support.hpp"

using namespace leda;
using namespace leda::test;

namespace {

// A good file of two agent sessions, and the number of records in it.
std::string good_agents(const std::string& prefix) {
  return agent_record(prefix + "-1", 1, {{1000, 3, 2}, {2000, 4, 1}}) +
         agent_record(prefix + "-2", 2, {{3000, 3, 2}});
}

const leda::load::LoadError* error_of(const leda::load::LoadStats& stats, const std::string& file) {
  for (const leda::load::LoadError& e : stats.error_samples)
    if (e.file == file) return &e;
  return nullptr;
}

}  // namespace

TEST_CASE("a truncated gzip file keeps the members decoded before the cut") {
  TempDir dir;
  dir.write("a.gz", gzip(good_agents("a")));
  const std::string first = gzip(agent_record("b-1", 3, {{5000}}));
  const std::string second = gzip(agent_record("b-2", 4, {{6000}}));
  const std::string bad = dir.write("b.gz", first + second.substr(0, second.size() - 12));
  leda::load::LoadResult r = load_all({dir.path});
  REQUIRE(r.stats.errors == 1);
  const leda::load::LoadError* e = error_of(r.stats, bad);
  REQUIRE(e != nullptr);
  CHECK(e->line == 0);
  CHECK(e->offset == first.size());
  CHECK(e->reason.find("truncated") != std::string::npos);
  CHECK(r.model.agent_sessions.size() == 3);
  CHECK(r.model.find_agent_session("b-1") != nullptr);
  CHECK(r.model.find_agent_session("b-2") == nullptr);
  CHECK(r.model.find_agent_session("a-2") != nullptr);
}

TEST_CASE("a gzip CRC error keeps the members before the bad one") {
  TempDir dir;
  dir.write("a.gz", gzip(good_agents("a")));
  const std::string first = gzip(agent_record("b-1", 3, {{5000}}));
  std::string second = gzip(agent_record("b-2", 4, {{6000}}));
  second[second.size() - 6] ^= 0x5a;  // inside the trailer's CRC32
  const std::string bad = dir.write("b.gz", first + second);
  leda::load::LoadResult r = load_all({dir.path});
  REQUIRE(r.stats.errors == 1);
  const leda::load::LoadError* e = error_of(r.stats, bad);
  REQUIRE(e != nullptr);
  CHECK(e->offset == first.size());
  CHECK(e->reason.find("bad CRC") != std::string::npos);
  CHECK(r.model.agent_sessions.size() == 3);
  CHECK(r.model.find_agent_session("b-1") != nullptr);
}

TEST_CASE("broken JSON mid-file drops that record and resumes at the next line") {
  TempDir dir;
  dir.write("a.json", good_agents("a"));
  const std::string line1 = agent_record("b-1", 3, {{5000}});
  const std::string line2 = agent_record("b-2", 4, {{6000}});
  const std::string line3 = agent_record("b-3", 5, {{7000}});
  // Line 2 is cut in the middle (a partial write): the next line starts a new record.
  const std::string cut = line2.substr(0, line2.size() / 2) + "\n";
  const std::string bad = dir.write("b.json", line1 + cut + line3);
  leda::load::LoadResult r = load_all({dir.path});
  REQUIRE(r.stats.errors == 1);
  const leda::load::LoadError* e = error_of(r.stats, bad);
  REQUIRE(e != nullptr);
  CHECK(e->line == 2);
  CHECK(e->offset >= line1.size());
  CHECK(e->offset < line1.size() + cut.size());
  INFO(e->reason);
  CHECK(e->reason.find("cut short") != std::string::npos);
  CHECK(r.model.find_agent_session("b-1") != nullptr);
  CHECK(r.model.find_agent_session("b-2") == nullptr);
  CHECK(r.model.find_agent_session("b-3") != nullptr);
  CHECK(r.model.agent_sessions.size() == 4);
  CHECK(r.stats.records[0] == 4);
}

TEST_CASE("a syntax error inside a pretty-printed record skips to the next record") {
  TempDir dir;
  const std::string pretty = spec_example("record-agentActivity.json");
  // Two records as in the docs; the first gets a stray character inside it.
  std::string broken = pretty;
  const std::size_t at = broken.find("\"prevState\"");
  broken.insert(at, "#");
  const std::string second = replace_all(pretty, "75555851-684867733", "75555851-2");
  const std::string bad = dir.write("b.json", broken + second);
  leda::load::LoadResult r = load_all({bad});
  REQUIRE(r.stats.errors == 1);
  const leda::load::LoadError& e = r.stats.error_samples[0];
  CHECK(e.file == bad);
  CHECK(e.offset == at);
  std::size_t line = 1;
  for (std::size_t i = 0; i < at; ++i)
    line += broken[i] == '\n';
  CHECK(e.line == line);
  CHECK(e.reason.find("invalid JSON") != std::string::npos);
  // The file's two records were the same session twice; the second (renamed) survives.
  CHECK(r.model.find_agent_session("75555851-2") != nullptr);
  CHECK(r.model.find_agent_session("75555851-684867733") != nullptr);
  CHECK(r.model.agent_sessions.size() == 2);
}

TEST_CASE("a record without dataType or recordCollection is an error; the others are kept") {
  TempDir dir;
  const std::string good = agent_record("b-1", 3, {{5000}});
  std::string no_type = agent_record("b-2", 4, {{6000}});
  no_type = replace_all(
      no_type, R"("dataType":{"com.liveperson.dataaccess.DataTypeEnum":"AgentActivity"},)", "");
  std::string no_collection = agent_record("b-3", 5, {{7000}});
  no_collection = no_collection.substr(0, no_collection.find(",\"recordCollection\"")) + "}\n";
  const std::string bad = dir.write("b.json", good + no_type + no_collection + good);
  leda::load::LoadResult r = load_all({bad});
  REQUIRE(r.stats.errors == 2);
  CHECK(r.stats.error_samples[0].line == 2);
  CHECK(r.stats.error_samples[0].offset == good.size());
  CHECK(r.stats.error_samples[0].reason == "not a Data Access record: no dataType");
  CHECK(r.stats.error_samples[1].line == 3);
  CHECK(r.stats.error_samples[1].offset == good.size() + no_type.size());
  CHECK(r.stats.error_samples[1].reason == "record without a recordCollection");
  CHECK(r.model.agent_sessions.size() == 1);
  CHECK(r.stats.records[0] == 2);
  CHECK(r.stats.duplicates == 1);
}

TEST_CASE("a value of the wrong JSON type is an error naming the field") {
  TempDir dir;
  const std::string good = agent_record("b-1", 3, {{5000}});
  const std::string bad_id = replace_all(agent_record("b-2", 4, {{6000}}),
                                         R"("agentID":{"long":4})", R"("agentID":{"long":"four"})");
  const std::string bad_collection =
      replace_all(agent_record("b-3", 5, {{7000}}), R"("recordCollection":[)",
                  R"("recordCollection":"none","x":[)");
  const std::string bad_events =
      replace_all(agent_record("b-4", 6, {{8000}}), R"("agentSessionsData":{"array":[)",
                  R"("agentSessionsData":{"array":7,"y":[)");
  const std::string path = dir.write(
      "b.json", good + bad_id + bad_collection + bad_events + agent_record("b-5", 7, {{9000}}));
  leda::load::LoadResult r = load_all({path});
  REQUIRE(r.stats.errors == 3);
  INFO(error_text(r.stats));
  CHECK(r.stats.error_samples[0].line == 2);
  CHECK(r.stats.error_samples[0].reason == "agentID: expected a number, found a string");
  CHECK(r.stats.error_samples[1].line == 3);
  CHECK(r.stats.error_samples[1].reason == "recordCollection: expected an array, found a string");
  CHECK(r.stats.error_samples[2].line == 4);
  CHECK(r.stats.error_samples[2].reason == "agentSessionsData: expected an array, found a number");
  CHECK(r.model.agent_sessions.size() == 2);
  CHECK(r.model.find_agent_session("b-5") != nullptr);
}

TEST_CASE("an empty file is an error; the other files load") {
  TempDir dir;
  dir.write("a.json", good_agents("a"));
  const std::string empty = dir.write("b.json", "");
  const std::string blank = dir.write("c.json", "\n\n  \n");
  const std::string empty_gz = dir.write("d.gz", gzip(""));
  leda::load::LoadResult r = load_all({dir.path});
  REQUIRE(r.stats.errors == 3);
  CHECK(error_of(r.stats, empty)->reason == "empty file");
  CHECK(error_of(r.stats, blank)->reason == "empty file: no records");
  CHECK(error_of(r.stats, empty_gz)->reason == "empty file: no records");
  CHECK(r.stats.files_total == 4);
  CHECK(r.model.agent_sessions.size() == 2);
}

TEST_CASE("garbage that is not JSON is reported once per bad stretch") {
  TempDir dir;
  const std::string good = agent_record("b-1", 3, {{5000}});
  const std::string path =
      dir.write("b.json", "this is not json\nnor this\n" + good + "]]]\n" + good);
  leda::load::LoadResult r = load_all({path});
  INFO(error_text(r.stats));
  REQUIRE(r.stats.errors == 2);
  CHECK(r.stats.error_samples[0].line == 1);
  CHECK(r.stats.error_samples[0].reason == "record: expected '{' starting a record, found 't'");
  CHECK(r.stats.error_samples[1].line == 4);
  CHECK(r.model.agent_sessions.size() == 1);
  CHECK(r.stats.records[0] == 2);
}

TEST_CASE("a missing path is the only thing that throws") {
  CHECK_THROWS_WITH(load_all({"/nonexistent/leda-data"}),
                    "/nonexistent/leda-data: no such file or directory");
}

TEST_CASE("more than 20 errors: the first 20 are kept, all are counted") {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 30; ++i)
    text += "{\"x\":1}\n";
  dir.write("a.json", text);
  dir.write("b.json", "{\"y\":2}\n");
  leda::load::LoadResult r = load_all({dir.path});
  CHECK(r.stats.errors == 31);
  REQUIRE(r.stats.error_samples.size() == 20);
  CHECK(r.stats.error_samples[19].line == 20);
  CHECK(r.stats.error_samples[19].file == dir / "a.json");
}
