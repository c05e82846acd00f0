// `leda inspect` run as a real process ($LEDA_BIN): the JSON contract and the exit codes.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "agent_records.hpp"
#include "load_test_support.hpp"
#include "support/run_leda.hpp"

using namespace leda::test;

namespace {

// The record examples (not the listings) in a directory of their own.
void write_records(const TempDir& dir) {
  for (const char* name : {"record-agentActivity.json", "record-webSession.json",
                           "record-engagement.json", "record-survey.json"})
    dir.write(std::string("data/") + name, spec_example(name));
}

}  // namespace

TEST_CASE("leda inspect --format json: the contract keys") {
  TempDir dir;
  write_records(dir);
  const RunResult r =
      run_leda({"inspect", "--format", "json", "--threads", "2", "--data", dir / "data"});
  REQUIRE(r.exit_code == 0);
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  REQUIRE(doc.IsObject());
  for (const char* obj : {"files", "records"}) {
    INFO(obj);
    REQUIRE(doc[obj].IsObject());
    for (const char* type : {"agentActivity", "webSession", "engagement", "survey"})
      CHECK(doc[obj][type].IsUint64());
  }
  CHECK(doc["files"]["agentActivity"].GetUint64() == 1);
  CHECK(doc["records"]["agentActivity"].GetUint64() == 2);
  CHECK(doc["records"]["webSession"].GetUint64() == 1);
  const auto& sessions = doc["sessions"];
  CHECK(sessions["agent_sessions"].GetUint64() == 1);
  CHECK(sessions["visits"].GetUint64() == 1);
  CHECK(sessions["conversations"].GetUint64() == 1);
  CHECK(sessions["surveys"].GetUint64() == 1);
  CHECK(doc["duplicates"].GetUint64() == 1);
  CHECK(doc["merged_parts"].GetUint64() == 0);  // the agent record twice: a duplicate
  CHECK(doc["errors"].GetUint64() == 0);
  CHECK(doc["error_samples"].IsArray());
  CHECK(std::string(doc["time_range"]["from"].GetString()) == "2016-06-15T12:03:22.047Z");
  CHECK(std::string(doc["time_range"]["to"].GetString()) == "2016-07-25T18:05:06.147Z");
  REQUIRE(doc["schema_versions"].IsArray());
  CHECK(doc["schema_versions"].Size() == 2);
  CHECK(doc["bytes"].GetUint64() == spec_example("record-agentActivity.json").size() +
                                        spec_example("record-webSession.json").size() +
                                        spec_example("record-engagement.json").size() +
                                        spec_example("record-survey.json").size());
  for (const char* key : {"seconds", "mb_per_s"})
    CHECK(doc[key].IsNumber());
  for (const char* key : {"peak_rss_bytes", "model_bytes", "unknown_fields", "unknown_branches"})
    CHECK(doc[key].IsUint64());
  CHECK(doc["peak_rss_bytes"].GetUint64() > 0);
  CHECK(doc["model_bytes"].GetUint64() > 0);
}

TEST_CASE("leda inspect: an agent session in two parts and one whole copy again") {
  TempDir dir;
  // Session s1 in a first part (login), then whole (login, logout) twice: one session, one
  // merged part, one duplicate.
  const AgentNames ann{7, "ann@example.com", "E7", "ann", "Ann"};
  const leda::AgentEvent login = agent_event(1000, 3, 2, 0, -9);
  const leda::AgentEvent logout = agent_event(2000, 4, 0, 0, -9);
  dir.write("data/a.json", agent_record_of({agent_item("s1", ann, {login})}, 1000));
  dir.write("data/b.json", agent_record_of({agent_item("s1", ann, {login, logout})}, 1000));
  dir.write("data/c.json", agent_record_of({agent_item("s1", ann, {login, logout})}, 1000));
  const RunResult r = run_leda({"inspect", "--format", "json", dir / "data"});
  REQUIRE(r.exit_code == 0);
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  REQUIRE(doc.IsObject());
  CHECK(doc["errors"].GetUint64() == 0);
  CHECK(doc["records"]["agentActivity"].GetUint64() == 3);
  CHECK(doc["sessions"]["agent_sessions"].GetUint64() == 1);
  CHECK(doc["merged_parts"].GetUint64() == 1);
  CHECK(doc["duplicates"].GetUint64() == 1);
  const RunResult table = run_leda({"inspect", dir / "data"});
  CHECK(table.out.find("merged parts      1 agent-session parts") != std::string::npos);
}

TEST_CASE("leda inspect: errors are listed; --strict makes them exit code 1") {
  TempDir dir;
  write_records(dir);
  dir.write("data/broken.json", "{\"dataType\": ");
  const std::string data = dir / "data";
  const RunResult lenient = run_leda({"inspect", "--format", "json", data});
  CHECK(lenient.exit_code == 0);
  const RunResult strict = run_leda({"inspect", "--strict", "--format", "json", data});
  REQUIRE(strict.exit_code == 1);
  rapidjson::Document doc;
  doc.Parse(strict.out.c_str());
  REQUIRE(doc.IsObject());
  CHECK(doc["errors"].GetUint64() == 1);
  const auto& e = doc["error_samples"][0];
  CHECK(std::string(e["file"].GetString()) == dir / "data/broken.json");
  CHECK(e["line"].GetUint64() == 1);
  CHECK(e["offset"].GetUint64() == 13);
  CHECK(std::string(e["reason"].GetString()).find("end of the input") != std::string::npos);
  CHECK(doc["sessions"]["visits"].GetUint64() == 1);

  const RunResult table = run_leda({"inspect", data});
  CHECK(table.exit_code == 0);
  CHECK(table.out.find("broken.json:1 (byte 13)") != std::string::npos);
}

TEST_CASE("leda inspect: exit codes for usage and missing data") {
  CHECK(run_leda({"inspect", "--data", "/nonexistent/leda"}).exit_code == 3);
  CHECK(run_leda({"inspect", "--no-such-option"}).exit_code == 2);
  CHECK(run_leda({"inspect"}).exit_code == 2);
  CHECK(run_leda({"inspect", "--format", "xml", "--data", "/tmp"}).exit_code == 2);
  const RunResult help = run_leda({"inspect", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("exit codes") != std::string::npos);
  TempDir empty;
  CHECK(run_leda({"inspect", "--data", empty.path}).exit_code == 3);
}

TEST_CASE("leda inspect reads the sample account") {
  const std::filesystem::path sample =
      std::filesystem::path(LEDA_SOURCE_DIR) / "examples" / "sample-account" / "75555851";
  INFO("the sample account belongs to the repository: " << sample);
  REQUIRE(std::filesystem::is_directory(sample));
  const RunResult r = run_leda({"inspect", "--strict", "--format", "json", "--data", sample});
  REQUIRE(r.exit_code == 0);
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  REQUIRE(doc.IsObject());
  CHECK(doc["errors"].GetUint64() == 0);
  CHECK(doc["unknown_fields"].GetUint64() == 0);
  for (const char* s : {"agent_sessions", "visits", "conversations", "surveys"})
    CHECK(doc["sessions"][s].GetUint64() > 0);
}
