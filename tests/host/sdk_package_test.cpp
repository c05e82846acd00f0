// The installed SDK: install leda to a temporary prefix, build examples/custom-plugin out of
// tree against it (find_package(leda) + leda_add_plugin + leda::testkit), run the example's own
// tests (the merge check among them), and run the plugin with `leda run`.
#include <catch2/catch.hpp>

#include <map>
#include <numeric>

#include <rapidjson/document.h>

#include "cli_support.hpp"

using leda::test::run_leda;
using leda::test::run_shell;

namespace {

std::string q(const std::filesystem::path& p) {
  return "'" + p.string() + "'";
}

}  // namespace

TEST_CASE("a third-party plugin builds against the installed SDK and runs", "[sdk][package]") {
  leda::test::TempDir tmp("sdk-package");
  const std::filesystem::path prefix = tmp / "prefix", build = tmp / "frt-build",
                              log = tmp / "log.txt";
  const std::string cmake = LEDA_CMAKE;

  INFO("install log and build output: " << log);
  REQUIRE(run_shell(q(cmake) + " --install " + q(LEDA_BINARY_DIR) + " --prefix " + q(prefix),
                    log) == 0);
  CHECK(std::filesystem::exists(prefix / "include/leda/plugin.hpp"));
  CHECK(std::filesystem::exists(prefix / "include/leda/abi.h"));
  CHECK(std::filesystem::exists(prefix / "lib/cmake/leda/ledaConfig.cmake"));
  CHECK(std::filesystem::exists(prefix / "lib/cmake/leda/ledaConfigVersion.cmake"));
  CHECK(std::filesystem::exists(prefix / "lib/cmake/leda/leda_add_plugin.cmake"));
  CHECK(std::filesystem::exists(prefix / "include/leda/testkit.hpp"));
  CHECK(std::filesystem::exists(prefix / "lib/libleda_testkit.a"));
  REQUIRE(std::filesystem::exists(prefix / "bin/leda"));

  const int configured =
      run_shell(q(cmake) + " -S " + q(std::string(LEDA_SOURCE_DIR) + "/examples/custom-plugin") +
                    " -B " + q(build) + " -DCMAKE_PREFIX_PATH=" + q(prefix),
                log);
  if (configured != 0) FAIL(leda::test::read_file(log));
  if (run_shell(q(cmake) + " --build " + q(build), log) != 0) FAIL(leda::test::read_file(log));
  REQUIRE(std::filesystem::exists(build / "libfirst-response-time.so"));
  // The example's own tests, on the installed test kit: numbers and the merge check.
  const std::string ctest = (std::filesystem::path(cmake).parent_path() / "ctest").string();
  if (run_shell(q(ctest) + " --test-dir " + q(build) + " --output-on-failure", log) != 0)
    FAIL(leda::test::read_file(log));
  CHECK_THAT(leda::test::read_file(log), Catch::Contains("100% tests passed"));

  // 30 conversations: conversation i is answered by agent 10<i % 3> (i % 7 + 1) s after the
  // visitor's first line (cli_support.cpp), so agent 100 has i = 0, 3, ..., 27.
  leda::test::write_engagement_files(tmp / "data", leda::test::sample_chats(30), 10);
  std::map<std::int64_t, std::vector<double>> expected;
  for (int i = 0; i < 30; ++i)
    expected[100 + i % 3].push_back(i % 7 + 1);

  auto r = run_leda({"run", "first-response-time", "--data", tmp / "data", "--plugin-dir",
                     build.string(), "--format", "json", "--param", "threshold_s=4"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(std::string(d["kpi"].GetString()) == "first-response-time");
  CHECK(d["params"]["threshold_s"].GetInt() == 4);
  REQUIRE(d["rows"].Size() == 3);
  for (const auto& row : d["rows"].GetArray()) {
    const std::int64_t agent = row["agent_id"].GetInt64();
    REQUIRE(expected.count(agent));
    const auto& v = expected[agent];
    CAPTURE(agent);
    CHECK(row["conversations"].GetInt() == static_cast<int>(v.size()));
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    CHECK(row["avg_first_response_s"].GetDouble() == Approx(mean));
    CHECK(row["max_first_response_s"].GetDouble() == *std::max_element(v.begin(), v.end()));
    const auto within = std::count_if(v.begin(), v.end(), [](double s) { return s <= 4; });
    CHECK(row["within_threshold"].GetDouble() ==
          Approx(static_cast<double>(within) / static_cast<double>(v.size())));
  }
  // Agent 100 answered i = 0, 3, ..., 27: waits 1 4 7 3 6 2 5 1 4 7 s; sorted
  // 1 1 2 3 4 4 5 6 7 7, median (4 + 4) / 2 = 4.
  for (const auto& row : d["rows"].GetArray())
    if (row["agent_id"].GetInt64() == 100) CHECK(row["median_first_response_s"].GetDouble() == 4.0);

  // The installed leda finds its built-in plugins next to itself and the new one by path.
  const auto installed = (prefix / "bin/leda").string();
  const auto listing = tmp / "plugins.json";
  REQUIRE(run_shell(q(installed) + " plugins --format json --plugin-dir " + q(build), listing) ==
          0);
  rapidjson::Document plugins;
  const std::string listing_text = leda::test::read_file(listing);
  plugins.Parse(listing_text.c_str());
  REQUIRE_FALSE(plugins.HasParseError());
  int builtin = 0, custom = 0;
  for (const auto& p : plugins["plugins"].GetArray()) {
    const std::string file = p["file"].GetString();
    if (std::string(p["source"].GetString()) == "built-in") {
      ++builtin;
      CHECK_THAT(file, Catch::StartsWith((prefix / "lib/leda/plugins").string()));
    }
    custom += std::string(p["name"].GetString()) == "first-response-time";
  }
  CHECK(builtin >= 1);
  CHECK(custom == 1);
}
