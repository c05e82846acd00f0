// Running plugins over shards: every item in exactly one shard, identical results with 1 and N
// threads, and a throwing plugin failing alone.
#include <catch2/catch.hpp>

#include "host/kpi_jobs.hpp"
#include "host/kpi_runner.hpp"
#include "host/plugin_catalog.hpp"
#include "test_plugins.hpp"

namespace {

// A model of `n` conversations (ids c0, c1, ...), n/2 agents, n/3 visits, n/5 surveys.
leda::Model make_model(std::uint32_t n) {
  leda::Model m;
  for (std::uint32_t i = 0; i < n; ++i) {
    leda::Conversation c;
    c.conversation_id = m.strings.intern("c" + std::to_string(i));
    m.conversations.push_back(c);
  }
  m.agents.resize(n / 2);
  m.visits.resize(n / 3);
  m.surveys.resize(n / 5);
  return m;
}

leda::host::PluginCatalog catalog_of(std::initializer_list<const char*> cases) {
  std::vector<leda::host::PluginSearchEntry> path;
  for (const char* c : cases)
    path.push_back({leda::test::test_plugin_dir(c), leda::host::PluginSource::kCommandLine});
  return leda::host::PluginCatalog::discover(path);
}

std::vector<leda::host::KpiResult> run(leda::host::PluginCatalog& catalog,
                                       const std::vector<std::string>& names,
                                       const std::vector<std::string>& params,
                                       const leda::Model& model, unsigned threads) {
  std::vector<const leda::host::LoadedPlugin*> plugins;
  for (const auto& n : names)
    plugins.push_back(&catalog.find(n)->loaded);
  auto prepared = leda::host::prepare_run(plugins, params, {});
  return leda::host::run_kpis(prepared.jobs, model, *prepared.joins, threads, false);
}

}  // namespace

TEST_CASE("shards cover every item exactly once, in order", "[runner]") {
  const leda::Model m = make_model(1000);
  const leda::Joins joins;
  for (std::size_t shards : {1u, 7u, 64u, 2000u}) {
    const auto batches = leda::host::shard_model(m, joins, shards);
    REQUIRE(batches.size() == shards);
    std::uint32_t next_conv = 0, next_agent = 0;
    for (const auto& b : batches) {
      CHECK(b.model == &m);
      CHECK(b.joins == &joins);
      CHECK(b.conversations.first == next_conv);
      CHECK(b.agents.first == next_agent);
      next_conv += b.conversations.count;
      next_agent += b.agents.count;
    }
    CHECK(next_conv == 1000);
    CHECK(next_agent == 500);
  }
}

TEST_CASE("results are identical with 1 and 4 threads", "[runner]") {
  auto catalog = catalog_of({"good"});
  const leda::Model m = make_model(5000);
  const auto one = run(catalog, {"probe"}, {}, m, 1);
  const auto four = run(catalog, {"probe"}, {}, m, 4);
  REQUIRE(one.size() == 1);
  REQUIRE(one[0].ok());
  REQUIRE(four[0].ok());
  const auto& row1 = one[0].table->rows.at(0);
  const auto& row4 = four[0].table->rows.at(0);
  CHECK(row1 == row4);                             // bit-identical doubles included
  CHECK(std::get<std::int64_t>(row1[1]) == 5000);  // conversations
  CHECK(std::get<std::int64_t>(row1[2]) == 2500);  // agents
  CHECK(std::get<std::int64_t>(row1[3]) == 1666);  // visits
  CHECK(std::get<std::int64_t>(row1[4]) == 1000);  // surveys
  double harmonic = 0;
  for (int i = 0; i < 5000; ++i)
    harmonic += 1.0 / (i + 1.0);
  CHECK(std::get<double>(row1[5]) == Approx(harmonic).epsilon(1e-12));
  // Merged in shard order: the first conversation of shard 0 survives.
  CHECK(std::get<std::string>(row1[7]) == "c0");
  CHECK(std::holds_alternative<std::monostate>(row1[11]));
}

TEST_CASE("parameters reach the plugin checked and defaulted", "[runner]") {
  auto catalog = catalog_of({"good"});
  const leda::Model m = make_model(10);
  const auto r =
      run(catalog, {"probe"}, {"probe.label=a,\"b\"", "verbose=yes", "probe.fields=z,x"}, m, 2);
  REQUIRE(r[0].ok());
  const auto& row = r[0].table->rows.at(0);
  CHECK(std::get<std::string>(row[0]) == "a,\"b\"");
  CHECK(std::get<double>(row[6]) == 15.0);  // scale 1.5 (default) * 10 conversations
  CHECK(std::get<bool>(row[8]) == true);
  CHECK(std::get<std::string>(row[9]) == "fast");
  CHECK(std::get<std::string>(row[10]) == "z,x");
  CHECK(r[0].table->notes.at(0) == "probe ran with min_count=0 tz=UTC");
  CHECK(r[0].params.get("verbose") == "true");
}

TEST_CASE("a plugin that throws fails alone, whatever it throws and wherever", "[runner]") {
  auto catalog = catalog_of({"good", "throws"});
  const leda::Model m = make_model(300);
  for (const char* phase : {"configure", "create_state", "update", "merge", "finalize"}) {
    for (const char* kind : {"plugin-error", "std", "other"}) {
      CAPTURE(phase, kind);
      // A PluginError in configure is the plugin refusing what the user asked: a usage error
      // for the whole run (next test case), not a failure of the plugin.
      if (std::string(phase) == "configure" && std::string(kind) == "plugin-error") continue;
      const auto r =
          run(catalog, {"thrower", "probe"},
              {std::string("thrower.phase=") + phase, std::string("thrower.kind=") + kind}, m, 2);
      REQUIRE(r.size() == 2);
      CHECK_FALSE(r[0].ok());
      CHECK_THAT(r[0].error, Catch::StartsWith("plugin 'thrower' (") &&
                                 Catch::Contains("libhost_thrower.so") &&
                                 Catch::Contains(std::string("failed in ") + phase));
      if (std::string(kind) == "plugin-error")
        CHECK_THAT(r[0].error, Catch::EndsWith(std::string("deliberate failure in ") + phase));
      if (std::string(kind) == "std")
        CHECK_THAT(r[0].error, Catch::Contains("std::out_of_range: deliberate bug in"));
      if (std::string(kind) == "other")
        CHECK_THAT(r[0].error, Catch::Contains("not derived from std::exception"));
      REQUIRE(r[1].ok());
      CHECK(std::get<std::int64_t>(r[1].table->rows.at(0)[1]) == 300);
    }
  }
  const auto fine = run(catalog, {"thrower"}, {"thrower.phase=none"}, m, 2);
  REQUIRE(fine[0].ok());
  CHECK(std::get<std::int64_t>(fine[0].table->rows.at(0)[0]) == 300);
}

TEST_CASE("a plugin refusing its parameters in configure stops the run as a usage error",
          "[runner]") {
  auto catalog = catalog_of({"good", "throws"});
  std::vector<const leda::host::LoadedPlugin*> plugins = {&catalog.find("probe")->loaded,
                                                          &catalog.find("thrower")->loaded};
  try {
    leda::host::prepare_run(plugins, {"thrower.phase=configure"}, {});
    FAIL("prepare_run did not throw");
  } catch (const leda::host::ConfigureError& e) {
    CHECK_THAT(e.what(), Catch::StartsWith("thrower: ") &&
                             Catch::Contains("deliberate failure in configure"));
  }
}

TEST_CASE("needs of a run are the union of the plugins' needs", "[runner]") {
  auto catalog = catalog_of({"good", "throws"});
  std::vector<const leda::host::LoadedPlugin*> plugins = {&catalog.find("probe")->loaded,
                                                          &catalog.find("thrower")->loaded};
  auto prepared =
      leda::host::prepare_run(plugins, {"thrower.phase=configure", "thrower.kind=std"}, {});
  CHECK(prepared.failed == 1);
  CHECK(prepared.jobs[0].error.empty());
  CHECK_THAT(prepared.jobs[1].error, Catch::Contains("failed in configure"));
  CHECK(prepared.needs == leda::kNeedEngagement);
}
