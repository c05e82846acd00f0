// `leda run` end to end: the real binary, real plugin libraries, data written here.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include "cli_support.hpp"
#include "host/csv_reader.hpp"
#include "host/kpi_runner.hpp"
#include "leda/abi.h"
#include "leda/joins.hpp"
#include "test_plugins.hpp"

using leda::test::run_leda;
using leda::test::test_plugin_dir;

namespace {

// 300 conversations in three files.
const leda::test::TempDir& chat_data() {
  static leda::test::TempDir dir("run-data");
  static bool written = false;
  if (!written) {
    leda::test::write_engagement_files(dir.path, leda::test::sample_chats(300), 100);
    written = true;
  }
  return dir;
}

std::vector<std::string> args(std::initializer_list<std::string> extra) {
  std::vector<std::string> a = {"run"};
  a.insert(a.end(), extra.begin(), extra.end());
  a.insert(a.end(), {"--data", chat_data().path});
  return a;
}

std::string dir(const char* name) {
  return test_plugin_dir(name).string();
}

rapidjson::Document parse(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

}  // namespace

TEST_CASE("run prints the JSON contract", "[cli][run]") {
  auto r = run_leda(args({"probe", "--plugin-dir", dir("good"), "--format", "json", "--param",
                          "probe.fields=y,z", "--param", "verbose=1"}));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto d = parse(r.out);
  REQUIRE(d.IsObject());
  CHECK(std::string(d["kpi"].GetString()) == "probe");
  CHECK(std::string(d["plugin_version"].GetString()) == "2.1.0");
  // Parameters are typed: numbers as numbers, booleans as booleans, lists as arrays.
  CHECK(d["params"]["scale"].GetDouble() == 1.5);
  CHECK(d["params"]["min_count"].GetInt() == 0);
  CHECK(d["params"]["verbose"].GetBool() == true);
  CHECK(d["params"]["fields"].Size() == 2);
  CHECK(std::string(d["params"]["mode"].GetString()) == "fast");
  REQUIRE(d["columns"].Size() == 12);
  CHECK(std::string(d["columns"][1].GetString()) == "conversations");
  REQUIRE(d["rows"].Size() == 1);
  const auto& row = d["rows"][0];
  CHECK(row["conversations"].GetInt() == 300);
  CHECK(row["visits"].GetInt() == 0);  // the probe needs engagements only: nothing else loaded
  CHECK(row["scaled"].GetDouble() == 450.0);
  CHECK(row["nothing"].IsNull());
  CHECK(row["verbose"].IsBool());
  CHECK(std::string(row["first_conversation"].GetString()) == "conv-0");
  REQUIRE(d["notes"].Size() == 1);
}

TEST_CASE("run output is identical with 1 and 4 threads", "[cli][run]") {
  for (const char* format : {"json", "csv", "table"}) {
    auto one = run_leda(
        args({"probe", "--plugin-dir", dir("good"), "--format", format, "--threads", "1"}));
    auto four = run_leda(
        args({"probe", "--plugin-dir", dir("good"), "--format", format, "--threads", "4"}));
    REQUIRE(one.exit_code == 0);
    REQUIRE(four.exit_code == 0);
    CHECK(one.out == four.out);
  }
}

TEST_CASE("run prints CSV with a header, RFC 4180 quoting and empty nulls", "[cli][run]") {
  auto r = run_leda(args({"probe", "--plugin-dir", dir("good"), "--format", "csv", "--param",
                          "probe.label=Smith, \"Jr\"\nII"}));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const leda::JoinTable csv = leda::host::parse_csv("out", r.out, "stdout");
  REQUIRE(csv.columns().size() == 12);
  CHECK(csv.columns()[0] == "label");
  REQUIRE(csv.rows() == 1);
  CHECK(csv.cell(0, 0) == "Smith, \"Jr\"\nII");
  CHECK(csv.cell(0, 1) == "300");
  CHECK(csv.cell(0, 11) == "");  // null
  CHECK_THAT(r.out, Catch::StartsWith("label,conversations,") &&
                        Catch::Contains("\"Smith, \"\"Jr\"\"\nII\",300,"));
  // Notes are not in the CSV but on stderr.
  CHECK_THAT(r.out, !Catch::Contains("probe ran with"));
  CHECK_THAT(r.err, Catch::Contains("note (probe): probe ran with min_count=0 tz=UTC"));
}

TEST_CASE("run --out with several KPIs", "[cli][run]") {
  leda::test::TempDir out("run-out");
  const std::string throws = dir("throws");
  SECTION("json: one array in FILE") {
    const std::string file = out / "all.json";
    auto r = run_leda(args({"probe", "thrower", "--plugin-dir", dir("good"), "--plugin-dir", throws,
                            "--param", "thrower.phase=none", "--format", "json", "--out", file}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    const auto d = parse(leda::test::read_file(file));
    REQUIRE(d.IsArray());
    REQUIRE(d.Size() == 2);
    CHECK(std::string(d[0]["kpi"].GetString()) == "probe");
    CHECK(std::string(d[1]["kpi"].GetString()) == "thrower");
    CHECK(d[1]["rows"][0]["conversations"].GetInt() == 300);
  }
  SECTION("csv and table: one file per KPI, FILE as a prefix") {
    for (const char* format : {"csv", "table"}) {
      const std::string prefix = out / (std::string(format) + "/day1-");
      std::filesystem::create_directories(out / std::string(format));
      auto r =
          run_leda(args({"probe", "thrower", "--plugin-dir", dir("good"), "--plugin-dir", throws,
                         "--param", "thrower.phase=none", "--format", format, "--out", prefix}));
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
      const std::string ext = std::string(format) == "csv" ? ".csv" : ".txt";
      const auto probe = leda::test::read_file(prefix + "probe" + ext);
      const auto thrower = leda::test::read_file(prefix + "thrower" + ext);
      if (ext == ".csv") {
        CHECK_THAT(probe, Catch::StartsWith("label,conversations,"));
        CHECK(thrower == "conversations\n300\n");
      } else {
        CHECK_THAT(probe, Catch::StartsWith("probe 2.1.0 - "));
        CHECK_THAT(thrower, Catch::Contains("conversations\n-------------\n          300\n"));
      }
    }
    // A prefix ending in '/' is a folder, made when missing.
    const std::string folder = out / "results/";
    auto r = run_leda(args({"probe", "thrower", "--plugin-dir", dir("good"), "--plugin-dir", throws,
                            "--param", "thrower.phase=none", "--format", "csv", "--out", folder}));
    REQUIRE(r.exit_code == 0);
    CHECK(leda::test::read_file(out / "results/thrower.csv") == "conversations\n300\n");
    // Nothing half-written is left behind.
    for (const auto& e : std::filesystem::recursive_directory_iterator(out.path))
      CHECK_THAT(e.path().filename().string(), !Catch::Contains(".tmp"));
  }
}

TEST_CASE("broken plugins each get an error; the good one still runs; exit 1", "[cli][run]") {
  auto r = run_leda(
      args({"probe", "thrower", "--format", "json", "--plugin-dir", dir("good"), "--plugin-dir",
            dir("throws"), "--plugin-dir", dir("abi"), "--plugin-dir", dir("notplugin"),
            "--plugin-dir", dir("nocreate"), "--plugin-dir", dir("twins")}));
  CHECK(r.exit_code == 1);
  // The good plugin's result is there; the one that failed to run keeps its place in the array
  // of the two KPIs asked for, with its error and exit code.
  const auto d = parse(r.out);
  REQUIRE(d.IsArray());
  REQUIRE(d.Size() == 2);
  CHECK(std::string(d[0]["kpi"].GetString()) == "probe");
  CHECK(d[0]["rows"][0]["conversations"].GetInt() == 300);
  CHECK(std::string(d[1]["kpi"].GetString()) == "thrower");
  CHECK_THAT(d[1]["error"].GetString(), Catch::Contains("deliberate failure in update"));
  CHECK(d[1]["exit"].GetInt() == 1);
  CHECK_FALSE(d[1].HasMember("rows"));
  // Each failure names its plugin (file, and name when known) and why.
  CHECK_THAT(r.err,
             Catch::Contains("plugin 'old-abi' (") && Catch::Contains("libhost_old_abi.so") &&
                 Catch::Contains("ABI version 999") &&
                 Catch::Contains("this leda uses ABI version " + std::to_string(LEDA_ABI_VERSION)));
  CHECK_THAT(r.err, Catch::Contains("libhost_not_a_plugin.so: not a leda plugin"));
  CHECK_THAT(r.err, Catch::Contains("plugin 'headless' (") && Catch::Contains("no leda_create"));
  CHECK_THAT(r.err, Catch::Contains("libhost_twin_a.so): refused: another file also provides a "
                                    "plugin named 'twin'") &&
                        Catch::Contains("libhost_twin_b.so): refused"));
  CHECK_THAT(r.err, Catch::Contains("plugin 'thrower' (") &&
                        Catch::Contains("failed in update: deliberate failure in update"));
}

TEST_CASE("a plugin throwing in configure fails before loading; exit 3 when none is left",
          "[cli][run]") {
  auto r = run_leda(args({"thrower", "--plugin-dir", dir("throws"), "--param",
                          "thrower.phase=configure", "--param", "thrower.kind=std"}));
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("failed in configure: std::out_of_range: deliberate bug"));
}

TEST_CASE("parameter errors are usage errors naming plugin and parameter", "[cli][run]") {
  const std::string good = dir("good"), throws = dir("throws");
  auto unknown = run_leda(args({"probe", "--plugin-dir", good, "--param", "probe.colour=red"}));
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Catch::Contains("plugin 'probe' has no parameter 'colour'") &&
                              Catch::Contains("its parameters: label, scale,"));
  auto bad = run_leda(args({"probe", "--plugin-dir", good, "--param", "probe.mode=slow"}));
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains("plugin 'probe', parameter 'mode' takes one of: fast, "
                                      "exact, not 'slow'"));
  auto nobody = run_leda(args({"probe", "--plugin-dir", good, "--param", "colour=red"}));
  CHECK(nobody.exit_code == 2);
  CHECK_THAT(nobody.err, Catch::Contains("none of the KPIs being run (probe) has a parameter"));
  auto not_run = run_leda(args({"probe", "--plugin-dir", good, "--param", "thrower.kind=std"}));
  CHECK(not_run.exit_code == 2);
  CHECK_THAT(not_run.err, Catch::Contains("'thrower' is not one of the KPIs being run"));
}

TEST_CASE("an unprefixed --param reaches every KPI that declares it", "[cli][run]") {
  auto r = run_leda(
      args({"probe", "thrower", "--plugin-dir", dir("good"), "--plugin-dir", dir("throws"),
            "--param", "tz=Europe/London", "--param", "thrower.phase=none", "--format", "json"}));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto d = parse(r.out);
  REQUIRE(d.Size() == 2);
  CHECK(std::string(d[0]["params"]["tz"].GetString()) == "Europe/London");
  CHECK(std::string(d[1]["params"]["tz"].GetString()) == "Europe/London");
  CHECK(std::string(d[0]["notes"][0].GetString()) == "probe ran with min_count=0 tz=Europe/London");
}

TEST_CASE("usage errors: unknown KPI, missing --data, bad --format", "[cli][run]") {
  auto unknown = run_leda(args({"nosuch", "--plugin-dir", dir("good")}));
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Catch::Contains("unknown KPI 'nosuch'") && Catch::Contains("probe"));
  auto no_data = run_leda({"run", "probe", "--plugin-dir", dir("good")});
  CHECK(no_data.exit_code == 2);
  CHECK_THAT(no_data.err, Catch::Contains("--data"));
  auto format = run_leda(args({"probe", "--plugin-dir", dir("good"), "--format", "xml"}));
  CHECK(format.exit_code == 2);
  auto dirs = run_leda(args({"probe", "--plugin-dir", "/no/such/dir"}));
  CHECK(dirs.exit_code == 2);
  CHECK_THAT(dirs.err, Catch::Contains("/no/such/dir"));
  auto help = run_leda({"run", "--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("FILE + <kpi> + .csv") && Catch::Contains("Exit codes"));
}

TEST_CASE("a bad join file stops the run before loading: exit 3", "[cli][run]") {
  leda::test::TempDir tmp("run-join");
  leda::test::write_file(tmp / "agents.csv", "lp_agent_id,region\n100,EMEA\nabc,AMER\n");
  // thrower declares the join `agents`; aov-by-segment (built in) declares `membership`.
  auto r = run_leda(args({"thrower", "--plugin-dir", dir("throws"), "--param", "thrower.phase=none",
                          "--join", "agents=" + tmp / "agents.csv"}));
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("agents.csv:3: column lp_agent_id: not a number: 'abc'"));
  auto missing = run_leda(args({"aov-by-segment", "--join", "membership=" + tmp / "none.csv"}));
  CHECK(missing.exit_code == 3);
  CHECK_THAT(missing.err, Catch::Contains("none.csv: cannot open"));
  auto syntax = run_leda(args({"probe", "--plugin-dir", dir("good"), "--join", "agents.csv"}));
  CHECK(syntax.exit_code == 2);
}

TEST_CASE("a join no KPI of the run reads, or one missing a column a KPI reads, is a usage error",
          "[cli][run]") {
  leda::test::TempDir tmp("run-join-names");
  leda::test::write_file(tmp / "agents.csv", "lp_agent_id,region\n100,EMEA\n");
  leda::test::write_file(tmp / "members.csv", "customer,segment\nC1,Gold\n");
  // A typo in the join name: nothing reads `agentz`.
  auto typo = run_leda(args({"thrower", "--plugin-dir", dir("throws"), "--param",
                             "thrower.phase=none", "--join", "agentz=" + tmp / "agents.csv"}));
  CHECK(typo.exit_code == 2);
  CHECK_THAT(typo.err, Catch::Contains("no KPI of this run reads a join named 'agentz'") &&
                           Catch::Contains("the KPIs read: agents"));
  // aov-by-segment reads customer_id from the membership file: named before any data is read.
  auto column = run_leda(args({"aov-by-segment", "--join", "membership=" + tmp / "members.csv"}));
  CHECK(column.exit_code == 2);
  CHECK_THAT(column.err, Catch::Contains("members.csv: no column 'customer_id'"));
}

TEST_CASE("problems in the data are reported; --strict makes them exit 1", "[cli][run]") {
  leda::test::TempDir data("run-bad-data");
  leda::test::write_engagement_files(data.path, leda::test::sample_chats(5), 5);
  leda::test::write_file(data / "broken.json", "{\"dataType\": 12\n");
  auto lenient = run_leda(
      {"run", "probe", "--plugin-dir", dir("good"), "--data", data.path, "--format", "csv"});
  CHECK(lenient.exit_code == 0);
  CHECK_THAT(lenient.err,
             Catch::Contains("1 error in the input") && Catch::Contains("broken.json"));
  CHECK_THAT(lenient.out, Catch::Contains("\nprobe,5,"));
  auto strict = run_leda({"run", "probe", "--plugin-dir", dir("good"), "--data", data.path,
                          "--format", "csv", "--strict"});
  CHECK(strict.exit_code == 1);
  CHECK(strict.out == lenient.out);
  auto missing = run_leda({"run", "probe", "--plugin-dir", dir("good"), "--data", "/no/such"});
  CHECK(missing.exit_code == 3);
}

TEST_CASE("LEDA_PLUGIN_PATH finds plugins", "[cli][run]") {
  auto r = run_leda(args({"probe", "--format", "csv"}),
                    {.env = {"LEDA_PLUGIN_PATH=/no/such:" + dir("good")}});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("probe,300,"));
}

TEST_CASE("the built-in KPIs print the same with 1 and 4 threads on the sample account",
          "[cli][run]") {
  const std::string sample = std::string(LEDA_SOURCE_DIR) + "/examples/sample-account";
  std::vector<std::string> base = {"run",
                                   "agent-utilization",
                                   "aov-by-segment",
                                   "conversations",
                                   "surveys",
                                   "conversion",
                                   "--data",
                                   sample + "/75555851",
                                   "--join",
                                   "agents=" + sample + "/agents.csv",
                                   "--join",
                                   "membership=" + sample + "/membership.csv",
                                   "--param",
                                   "tz=America/New_York",
                                   "--param",
                                   "agent-utilization.group_by=agent,interval",
                                   "--format",
                                   "json"};
  auto with_threads = [&](const char* n) {
    auto a = base;
    a.insert(a.end(), {"--threads", n});
    return run_leda(a);
  };
  const auto one = with_threads("1"), four = with_threads("4");
  INFO(one.err);
  REQUIRE(one.exit_code == 0);
  REQUIRE(four.exit_code == 0);
  CHECK(one.out == four.out);
  const auto d = parse(one.out);
  REQUIRE(d.IsArray());
  CHECK(d.Size() == 5);
  for (const auto& kpi : d.GetArray())
    CHECK(kpi["rows"].Size() > 0);
}
