// wfm-adherence as a user runs it: the real `leda` ($LEDA_BIN) on the sample account, with the
// schedule made by `leda wfm import` from the account's NICE IEX export.
#include <rapidjson/document.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "support/run_leda.hpp"
#include "support/temp_dir.hpp"

using Catch::Contains;
using leda::test::run_leda;

namespace {

const std::string kSample = std::string(LEDA_SOURCE_DIR) + "/examples/sample-account";

// The schedule, imported once per test into `dir`.
std::string import_schedule(const leda::test::TempDir& dir) {
  const std::string out = dir / "schedule.csv";
  const auto r = run_leda({"wfm", "import", "--from", "iex", kSample + "/schedule-iex.txt", "--tz",
                           "America/New_York", "--unpaid", "MEAL,OFF", "--out", out});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return out;
}

leda::test::RunResult run(const std::string& schedule, std::vector<std::string> extra) {
  std::vector<std::string> args = {"run",      "wfm-adherence",
                                   "--data",   kSample + "/75555851",
                                   "--join",   "agents=" + kSample + "/agents.csv",
                                   "--join",   "schedule=" + schedule,
                                   "--join",   "activities=" + kSample + "/activities.csv",
                                   "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_leda(args);
}

// The rows of the KPI object of `leda run --format json`, each as column name -> value.
struct Rows {
  rapidjson::Document doc;
  std::vector<std::map<std::string, const rapidjson::Value*>> rows;
  std::vector<std::string> notes;
};

Rows rows_of(const std::string& json) {
  Rows r;
  r.doc.Parse(json.c_str());
  REQUIRE_FALSE(r.doc.HasParseError());
  const rapidjson::Value& kpi = r.doc.IsArray() ? r.doc[0] : r.doc;
  for (const auto& row : kpi["rows"].GetArray()) {  // objects: column name -> value
    std::map<std::string, const rapidjson::Value*> m;
    for (const auto& cell : row.GetObject())
      m[cell.name.GetString()] = &cell.value;
    r.rows.push_back(std::move(m));
  }
  for (const auto& n : kpi["notes"].GetArray())
    r.notes.emplace_back(n.GetString());
  return r;
}

std::int64_t ms(const rapidjson::Value* v) {
  return std::llround(v->GetDouble() * 1000);
}

bool has_note(const Rows& r, const std::string& part) {
  for (const auto& n : r.notes)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("wfm-adherence on the sample account: the absent agent worked out, notes, regions",
          "[wfm-adherence][cli]") {
  leda::test::TempDir dir("wfm-adherence");
  const std::string schedule = import_schedule(dir);
  const auto by_agent = run(schedule, {"--param", "group_by=region,agent"});
  INFO(by_agent.err);
  REQUIRE(by_agent.exit_code == 0);
  const Rows a = rows_of(by_agent.out);
  // 20 schedule agents have a map row (WFM-4121, Wei's, has none).
  REQUIRE(a.rows.size() == 20);

  // WFM-9999 (former.agent, EMEA) is scheduled on 2026-10-31 and never logs in: WORK 03:30 to
  // 12:30 New York (9 h = 32400 s) under BREAK 06:00-06:15, MEAL 08:00-08:30 (unpaid) and BREAK
  // 10:30-10:45. Logged out is expected in breaks and meals: 3600 s in; the 8 h of WORK left
  // are out in four runs (03:30-06:00, 06:15-08:00, 08:30-10:30, 10:45-12:30). Paid: 32400 -
  // 1800 = 30600 s, 1800 of them breaks (shrinkage); no work at all.
  const auto* former = &a.rows.front();
  for (const auto& row : a.rows)
    if (std::string((*row.at("wfm_agent_id")).GetString()) == "WFM-9999") former = &row;
  const auto& f = *former;
  CHECK(std::string(f.at("wfm_agent_id")->GetString()) == "WFM-9999");
  CHECK(f.at("agent_id")->GetInt64() == 3000999001);  // its map row's lp_agent_id
  CHECK(std::string(f.at("agent_login")->GetString()) == "former.agent@shop.example.com");
  CHECK(std::string(f.at("region")->GetString()) == "EMEA");
  CHECK(ms(f.at("scheduled_s")) == 32400000);
  CHECK(ms(f.at("in_adherence_s")) == 3600000);
  CHECK(ms(f.at("out_of_adherence_s")) == 28800000);
  CHECK(f.at("exceptions")->GetInt64() == 4);
  CHECK(f.at("adherence")->GetDouble() == Approx(3600.0 / 32400));
  CHECK(ms(f.at("scheduled_work_s")) == 28800000);
  CHECK(f.at("conformance")->GetDouble() == 0.0);
  CHECK(ms(f.at("paid_s")) == 30600000);
  CHECK(ms(f.at("planned_shrinkage_s")) == 1800000);
  CHECK(f.at("actual_shrinkage")->GetDouble() == 1.0);

  // Both sides of the unmatched, named with counts.
  CHECK(has_note(a,
                 "20 schedule agents linked through the agent map: 19 with sessions, "
                 "1 absent"));
  CHECK(has_note(a,
                 "schedule: 1 agent (wfm_agent_id) with no agent map row was left out: "
                 "WFM-4121"));
  CHECK(has_note(a,
                 "1 agent with sessions matched no row, so no schedule, and was left out: "
                 "3000004392 (wei.chen@shop.example.com)"));

  // By region: each region's sums are its agents' sums, its `agents` their count.
  const auto by_region = run(schedule, {"--param", "group_by=region"});
  REQUIRE(by_region.exit_code == 0);
  const Rows g = rows_of(by_region.out);
  REQUIRE(g.rows.size() == 3);
  for (const auto& region : g.rows) {
    const std::string name = region.at("region")->GetString();
    INFO(name);
    std::map<std::string, std::int64_t> sums;
    std::int64_t agents = 0, exceptions = 0;
    for (const auto& row : a.rows)
      if (name == row.at("region")->GetString()) {
        ++agents;
        exceptions += row.at("exceptions")->GetInt64();
        for (const char* c : {"scheduled_s", "in_adherence_s", "out_of_adherence_s",
                              "work_in_shift_s", "out_of_shift_work_s", "productive_paid_s"})
          sums[c] += ms(row.at(c));
      }
    CHECK(region.at("agents")->GetInt64() == agents);
    CHECK(region.at("exceptions")->GetInt64() == exceptions);
    for (const auto& [c, total] : sums)
      CHECK(ms(region.at(c)) == total);
  }
}

TEST_CASE("wfm-adherence on the sample account: the same bytes for any shards and threads",
          "[wfm-adherence][cli]") {
  leda::test::TempDir dir("wfm-adherence");
  const std::string schedule = import_schedule(dir);
  const std::vector<std::string> params = {
      "--param", "group_by=agent,day,interval", "--param", "tz=America/New_York",
      "--param", "exception_threshold_s=120",   "--param", "engaged_counts_as_work=true"};
  auto with = [&](std::vector<std::string> more) {
    more.insert(more.begin(), params.begin(), params.end());
    return run(schedule, more);
  };
  const auto base = with({"--threads", "1"});
  INFO(base.err);
  REQUIRE(base.exit_code == 0);
  CHECK_THAT(base.out, Contains("\"kpi\": \"wfm-adherence\""));
  for (const char* shards : {"1", "7", "64", "200"}) {
    INFO("--shards " << shards);
    const auto other = with({"--threads", "2", "--shards", shards});
    REQUIRE(other.exit_code == 0);
    CHECK(other.out == base.out);
  }
}

TEST_CASE("wfm-adherence: a missing join is a usage error naming it", "[wfm-adherence][cli]") {
  const auto r = run_leda({"run", "wfm-adherence", "--data", kSample + "/75555851", "--join",
                           "agents=" + kSample + "/agents.csv", "--join",
                           "schedule=" + kSample + "/schedule.csv"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains("wfm-adherence requires the join 'activities'") &&
                        Contains("--join activities=FILE"));
}
