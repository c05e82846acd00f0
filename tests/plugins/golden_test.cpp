// Golden outputs of the built-in KPIs on the sample account: runs the real `leda run ...
// --format json` ($LEDA_BIN) and compares its JSON with tests/plugins/golden/<case>.json
// (same columns, types, params and notes; numbers within a relative 1e-9).
//
// To write the golden files again after an intended change, run this test with
// LEDA_UPDATE_GOLDEN=1, then review the diff (see golden/README.md for the spot checks).
#include <rapidjson/document.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "support/files.hpp"
#include "support/run_leda.hpp"

namespace {

namespace fs = std::filesystem;

struct GoldenCase {
  std::string name;  ///< golden/<name>.json
  std::string kpi;
  std::vector<std::string> params;  ///< NAME=VALUE
};

const std::vector<GoldenCase> kCases = {
    {"agent-utilization", "agent-utilization", {}},
    {"agent-utilization-region-day-new-york",
     "agent-utilization",
     {"group_by=region,day", "tz=America/New_York"}},
    {"agent-utilization-interval-new-york",
     "agent-utilization",
     {"group_by=interval", "tz=America/New_York"}},
    {"aov-by-segment", "aov-by-segment", {}},
    {"conversations-skill", "conversations", {"group_by=skill"}},
    {"conversations-agent-day-new-york",
     "conversations",
     {"group_by=agent,day", "tz=America/New_York"}},
    {"surveys-skill", "surveys", {"group_by=skill"}},
    {"conversion-segment", "conversion", {"group_by=segment"}},
};

// Runs `leda run` for one case; returns its stdout.
std::string run_case(const GoldenCase& c) {
  const fs::path sample = fs::path(LEDA_SOURCE_DIR) / "examples" / "sample-account";
  std::vector<std::string> args = {"run", c.kpi, "--data", sample / "75555851"};
  // Each KPI with the joins it reads (a join no KPI of the run reads is a usage error).
  if (c.kpi == "agent-utilization")
    args.insert(args.end(), {"--join", "agents=" + (sample / "agents.csv").string()});
  if (c.kpi == "aov-by-segment" || c.kpi == "conversion")
    args.insert(args.end(), {"--join", "membership=" + (sample / "membership.csv").string()});
  args.insert(args.end(), {"--format", "json", "--threads", "2"});
  for (const auto& p : c.params)
    args.insert(args.end(), {"--param", c.kpi + "." + p});
  const leda::test::RunResult r = leda::test::run_leda(args);
  INFO("leda run " << c.kpi << " exit " << r.exit_code << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// Compares two JSON values; numbers within a relative 1e-9. Appends differences to `diffs`.
void compare(const rapidjson::Value& want, const rapidjson::Value& got, const std::string& path,
             std::vector<std::string>& diffs) {
  if (diffs.size() > 20) return;
  if (want.IsNumber() && got.IsNumber()) {
    const double a = want.GetDouble(), b = got.GetDouble();
    if (std::fabs(a - b) > 1e-9 * std::max(1.0, std::max(std::fabs(a), std::fabs(b))))
      diffs.push_back(path + ": " + std::to_string(a) + " != " + std::to_string(b));
    return;
  }
  if (want.GetType() != got.GetType()) {
    diffs.push_back(path + ": different JSON types");
    return;
  }
  if (want.IsObject()) {
    if (want.MemberCount() != got.MemberCount()) diffs.push_back(path + ": different keys");
    for (const auto& m : want.GetObject()) {
      const std::string key = m.name.GetString();
      if (!got.HasMember(key.c_str())) {
        diffs.push_back(path + "." + key + ": missing");
        continue;
      }
      compare(m.value, got[key.c_str()], path + "." + key, diffs);
    }
  } else if (want.IsArray()) {
    if (want.Size() != got.Size()) {
      diffs.push_back(path + ": " + std::to_string(want.Size()) + " items, got " +
                      std::to_string(got.Size()));
      return;
    }
    for (rapidjson::SizeType i = 0; i < want.Size(); ++i)
      compare(want[i], got[i], path + "[" + std::to_string(i) + "]", diffs);
  } else if (want != got) {
    diffs.push_back(path + ": different values");
  }
}

}  // namespace

TEST_CASE("golden KPI outputs on the sample account", "[plugin][golden]") {
  const fs::path golden_dir = fs::path(LEDA_SOURCE_DIR) / "tests" / "plugins" / "golden";
  const bool update = std::getenv("LEDA_UPDATE_GOLDEN") != nullptr;
  for (const GoldenCase& c : kCases) {
    DYNAMIC_SECTION(c.name) {
      const std::string got_text = run_case(c);
      const fs::path golden = golden_dir / (c.name + ".json");
      if (update) {
        leda::test::write_file(golden, got_text);
        WARN("wrote " << golden.string());
        continue;
      }
      rapidjson::Document want, got;
      want.Parse(leda::test::read_file(golden).c_str());
      got.Parse(got_text.c_str());
      INFO("golden file " << golden.string());
      REQUIRE_FALSE(want.HasParseError());
      INFO("leda's output:\n" << got_text);
      REQUIRE_FALSE(got.HasParseError());
      std::vector<std::string> diffs;
      compare(want, got, c.name, diffs);
      std::string all;
      for (const auto& d : diffs)
        all += d + "\n";
      INFO(all);
      CHECK(diffs.empty());
    }
  }
}
