// No silent success, and the meaning of columns on the command line: the real `leda` binary.
#include <rapidjson/document.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "cli_support.hpp"

using Catch::Contains;
using leda::test::run_leda;

namespace {

namespace fs = std::filesystem;

const fs::path kSample = fs::path(LEDA_SOURCE_DIR) / "examples" / "sample-account";

std::string sample_data() {
  return (kSample / "75555851").string();
}

std::string join(const char* name, const char* file) {
  return std::string(name) + "=" + (kSample / file).string();
}

}  // namespace

TEST_CASE("run and report exit 3 with inspect's message when there is nothing to read",
          "[cli][report]") {
  leda::test::TempDir empty("report-empty");
  const auto inspect = run_leda({"inspect", "--data", empty.path});
  REQUIRE(inspect.exit_code == 3);
  const std::string message = inspect.err.substr(inspect.err.find(": ") + 2);
  for (const char* command : {"run", "report"}) {
    std::vector<std::string> args = {command};
    if (std::string(command) == "run") args.push_back("conversations");
    args.insert(args.end(), {"--data", empty.path});
    const auto r = run_leda(args);
    INFO(command << ": " << r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err == std::string("leda ") + command + ": " + message);
    CHECK(r.out.empty());
  }
  // A CSV given as data: its error is shown as inspect shows it, and as no file could be read,
  // nothing is computed.
  const auto csv = run_leda({"run", "conversations", "--data", (kSample / "agents.csv").string()});
  CHECK(csv.exit_code == 3);
  CHECK_THAT(csv.err, Contains("agents.csv:1 (byte 0)") &&
                          Contains("no data file could be read: nothing to compute"));
  CHECK_THAT(csv.out, !Contains("(no rows)"));
}

TEST_CASE("the output format follows --out's extension; a conflicting pair is a usage error",
          "[cli][report]") {
  leda::test::TempDir out("report-format");
  const auto html = run_leda({"report", "--data", sample_data(), "--out", out / "r.html"});
  REQUIRE(html.exit_code == 0);
  CHECK_THAT(leda::test::read_file(out / "r.html"), Catch::StartsWith("<!DOCTYPE html>"));
  const auto text = run_leda({"report", "--data", sample_data(), "--out", out / "r.txt"});
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(leda::test::read_file(out / "r.txt"), Catch::StartsWith("leda report\n"));
  const auto json =
      run_leda({"run", "conversations", "--data", sample_data(), "--out", out / "c.json"});
  REQUIRE(json.exit_code == 0);
  CHECK_THAT(leda::test::read_file(out / "c.json"), Catch::StartsWith("{\n  \"kpi\""));
  const auto csv =
      run_leda({"run", "conversations", "--data", sample_data(), "--out", out / "c.csv"});
  REQUIRE(csv.exit_code == 0);
  CHECK_THAT(leda::test::read_file(out / "c.csv"), Catch::StartsWith("conversations,connected"));

  const auto conflict =
      run_leda({"report", "--data", sample_data(), "--format", "text", "--out", out / "x.html"});
  CHECK(conflict.exit_code == 2);
  CHECK_THAT(conflict.err,
             Contains("--format text contradicts --out") && Contains("(an html file name)"));
  const auto run_html =
      run_leda({"run", "conversations", "--data", sample_data(), "--out", out / "x.html"});
  CHECK(run_html.exit_code == 2);
  CHECK_FALSE(leda::test::exists(out / "x.html"));
}

TEST_CASE("a join no KPI reads and a bad time zone are usage errors naming what to fix",
          "[cli][report]") {
  const auto typo =
      run_leda({"report", "--data", sample_data(), "--join", join("agentz", "agents.csv")});
  CHECK(typo.exit_code == 2);
  CHECK_THAT(typo.err, Contains("no KPI of this run reads a join named 'agentz'") &&
                           Contains("agents, membership"));
  const auto none = run_leda(
      {"run", "conversations", "--data", sample_data(), "--join", join("agents", "agents.csv")});
  CHECK(none.exit_code == 2);
  CHECK_THAT(none.err, Contains("conversations reads no join"));

  for (const char* command : {"run", "report"}) {
    std::vector<std::string> args = {command};
    if (std::string(command) == "run") args.push_back("conversations");
    args.insert(args.end(), {"--data", sample_data(), "--param", "tz=Mars/Olympus"});
    const auto r = run_leda(args);
    INFO(command);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("parameter tz") && Contains("Mars/Olympus") &&
                          Contains("unknown time zone"));
    CHECK_THAT(r.err, !Contains(".so") && !Contains("/plugins/"));
  }
}

TEST_CASE("counts agree with their nouns in the report header", "[cli][report]") {
  leda::test::TempDir data("report-plural");
  leda::test::write_engagement_files(data / "chats", leda::test::sample_chats(1), 1);
  const auto r = run_leda({"report", "--data", data.path});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("0 agent sessions of 0 agents, 0 visits, 1 conversation, 0 surveys"));
}

TEST_CASE("leda plugins NAME tells what each column means", "[cli][report]") {
  const auto conv = run_leda({"plugins", "conversations"});
  CHECK(conv.exit_code == 0);
  CHECK_THAT(conv.out, Contains("asa_s") && Contains("average speed of answer") &&
                           Contains("seconds") && !Contains("aov-by-segment"));
  const auto aov = run_leda({"plugins", "aov-by-segment"});
  CHECK_THAT(aov.out, Contains("low_n") && Contains("fewer than 30 orders"));
  const auto util = run_leda({"plugins", "agent-utilization"});
  CHECK_THAT(util.out, Contains("imputed_ends") && Contains("without a logout"));
  const auto unknown = run_leda({"plugins", "no-such-kpi"});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Contains("unknown KPI 'no-such-kpi'"));
}

TEST_CASE("JSON adds column_info beside the names; CSV keeps raw values", "[cli][report]") {
  const auto r = run_leda({"run", "conversations", "--data", sample_data(), "--format", "json"});
  REQUIRE(r.exit_code == 0);
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  const auto& names = d["columns"];
  const auto& info = d["column_info"];
  REQUIRE(names.IsArray());
  REQUIRE(info.Size() == names.Size());
  for (rapidjson::SizeType i = 0; i < names.Size(); ++i) {
    CHECK(std::string(names[i].GetString()) == info[i]["name"].GetString());
    CHECK(std::string(info[i]["description"].GetString()).size() > 5);
    const std::string name = names[i].GetString(), unit = info[i]["unit"].GetString();
    if (name == "asa_s") CHECK(unit == "seconds");
    if (name == "abandon_rate") CHECK(unit == "ratio");
    if (name == "conversations") CHECK(unit == "count");
  }
  // Seconds and fractions stay raw in JSON and CSV: 236 conversations, 35 abandoned.
  CHECK(d["rows"][0]["abandon_rate"].GetDouble() == Approx(35.0 / 236.0));
  const auto csv = run_leda({"run", "conversations", "--data", sample_data(), "--format", "csv"});
  CHECK_THAT(csv.out, Contains("0.1483050847457627") && !Contains("%") && !Contains(" s,"));
}

TEST_CASE("report: wfm-adherence runs with its three joins, else is left out and said so",
          "[cli][report]") {
  // Without the schedule joins the report runs the other KPIs and names the one it left out.
  const auto without = run_leda({"report", "--data", sample_data(), "--join",
                                 join("agents", "agents.csv"), "--max-rows", "3"});
  CHECK(without.exit_code == 0);
  CHECK_THAT(without.out, Contains("wfm-adherence left out: it requires the joins schedule, "));
  CHECK_THAT(without.out, !Contains("wfm-adherence 1.0.0"));

  // The schedule and activity map without the agent map: staffing reads them, wfm-adherence
  // is left out for want of the agent map, and the header says so.
  const auto no_map =
      run_leda({"report", "--data", sample_data(), "--join", join("schedule", "schedule.csv"),
                "--join", join("activities", "activities.csv"), "--max-rows", "3"});
  INFO(no_map.err);
  CHECK(no_map.exit_code == 0);
  CHECK_THAT(no_map.out, Contains("wfm-adherence left out: it requires the joins agents (--join "
                                  "NAME=FILE)") &&
                             Contains("\nstaffing "));

  // A schedule without its activity map is a usage error naming the missing join.
  const auto half =
      run_leda({"report", "--data", sample_data(), "--join", join("agents", "agents.csv"), "--join",
                join("schedule", "schedule.csv")});
  CHECK(half.exit_code == 2);
  CHECK_THAT(half.err, Contains("--join activities=FILE"));
  CHECK(half.out.empty());

  // All three: its section, by region (the report's default), with its notes.
  const auto with =
      run_leda({"report", "--data", sample_data(), "--join", join("agents", "agents.csv"), "--join",
                join("schedule", "schedule.csv"), "--join", join("activities", "activities.csv")});
  INFO(with.err);
  CHECK(with.exit_code == 0);
  CHECK_THAT(with.out, Contains("wfm-adherence 1.0.0") && Contains("group_by=region") &&
                           Contains("with no agent map row was left out: WFM-4121") &&
                           Contains("1 absent") && !Contains("left out: it requires"));
}
