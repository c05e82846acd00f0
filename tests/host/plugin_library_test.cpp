// Loading real plugin libraries: the good one, each kind of broken one, and discovery.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "host/plugin_catalog.hpp"
#include "host/plugin_library.hpp"
#include "support/temp_dir.hpp"
#include "test_plugins.hpp"

using leda::host::LoadedPlugin;
using leda::host::PluginLoadFailure;
using leda::test::test_plugin_dir;
using leda::test::test_plugin_file;

namespace {

PluginLoadFailure failure_of(const std::filesystem::path& file) {
  auto opened = leda::host::open_plugin(file);
  REQUIRE(std::holds_alternative<PluginLoadFailure>(opened));
  return std::get<PluginLoadFailure>(opened);
}

}  // namespace

TEST_CASE("a good plugin loads with its manifest and description", "[plugin-library]") {
  auto opened = leda::host::open_plugin(test_plugin_file("good"));
  REQUIRE(std::holds_alternative<LoadedPlugin>(opened));
  const auto& p = std::get<LoadedPlugin>(opened);
  CHECK(p.manifest.name == "probe");
  CHECK(p.manifest.version == "2.1.0");
  CHECK(p.manifest.abi_version == LEDA_ABI_VERSION);
  CHECK(p.manifest.toolchain == LEDA_TOOLCHAIN_FINGERPRINT);
  CHECK(p.description.name == "probe");
  CHECK(p.description.needs == leda::kNeedEngagement);
  CHECK(p.description.params.size() == 7);
  REQUIRE(p.plugin);

  // Opening it again gives a plugin of the same (still loaded) library.
  auto again = leda::host::open_plugin(test_plugin_file("good"));
  REQUIRE(std::holds_alternative<LoadedPlugin>(again));
}

TEST_CASE("a plugin built for another ABI is refused, naming both versions", "[plugin-library]") {
  const auto f = failure_of(test_plugin_file("abi"));
  CHECK(f.name == "old-abi");
  CHECK_THAT(f.reason,
             Catch::Contains("ABI version 999") &&
                 Catch::Contains("this leda uses ABI version " + std::to_string(LEDA_ABI_VERSION)));
}

TEST_CASE("a plugin built against headers with two same-size fields swapped is refused",
          "[plugin-library][abi]") {
  // Same ABI version, SDK version, toolchain and struct sizes: only the order of
  // Conversation::conversation_start and interaction_start differs (tests/host/CMakeLists.txt).
  const auto f = failure_of(test_plugin_file("swapped"));
  CHECK(f.name == "swapped");
  CHECK_THAT(f.reason, Catch::StartsWith("refused: ") &&
                           Catch::Contains("SDK headers whose shared types differ") &&
                           Catch::Contains("rebuild the plugin against the SDK installed with "
                                           "this leda"));
}

TEST_CASE("a shared library without a manifest is not a plugin", "[plugin-library]") {
  const auto f = failure_of(test_plugin_file("notplugin"));
  CHECK(f.name.empty());
  CHECK_THAT(f.reason, Catch::Contains("not a leda plugin") && Catch::Contains("leda_manifest"));
}

TEST_CASE("a manifest without leda_create is refused before any call", "[plugin-library]") {
  const auto f = failure_of(test_plugin_file("nocreate"));
  CHECK(f.name == "headless");
  CHECK_THAT(f.reason, Catch::Contains("no leda_create"));
}

TEST_CASE("a file that is not a shared library reports dlerror's text", "[plugin-library]") {
  const leda::test::TempDir dir("host-garbage");
  const auto f = failure_of(dir.write("libgarbage.so", "this is not an ELF file\n"));
  CHECK_THAT(f.reason,
             Catch::Contains("not a loadable shared library") && Catch::Contains("libgarbage.so"));
}

TEST_CASE("manifest checks name what differs", "[plugin-library]") {
  LedaManifest m = {LEDA_MANIFEST_MAGIC,
                    sizeof(LedaManifest),
                    LEDA_ABI_VERSION,
                    LEDA_SDK_VERSION_MAJOR,
                    LEDA_SDK_VERSION_MINOR,
                    LEDA_SDK_VERSION_PATCH,
                    "x",
                    "1",
                    LEDA_TOOLCHAIN_FINGERPRINT,
                    leda::sdk_layout_fingerprint()};
  CHECK_FALSE(leda::host::check_manifest(m));

  auto bad = m;
  bad.magic = 7;
  CHECK_THAT(*leda::host::check_manifest(bad), Catch::Contains("magic"));
  bad = m;
  bad.toolchain = "clang-99;other-stdlib";
  CHECK_THAT(*leda::host::check_manifest(bad), Catch::Contains("clang-99;other-stdlib") &&
                                                   Catch::Contains(LEDA_TOOLCHAIN_FINGERPRINT));
  bad = m;
  bad.layout ^= 1;
  CHECK_THAT(*leda::host::check_manifest(bad),
             Catch::Contains("shared types differ") && Catch::Contains("rebuild the plugin"));
  bad = m;
  bad.sdk_minor = LEDA_SDK_VERSION_MINOR + 1;
  CHECK_THAT(*leda::host::check_manifest(bad), Catch::Contains("newer than this leda's SDK"));
  bad = m;
  bad.size = 16;
  CHECK_THAT(*leda::host::check_manifest(bad), Catch::Contains("shorter"));
  // A short manifest only yields the fields its size covers.
  CHECK(leda::host::read_manifest(bad).name.empty());
}

TEST_CASE("discovery keeps good plugins and lists every failure", "[plugin-library]") {
  std::vector<leda::host::PluginSearchEntry> path;
  for (const char* d : {"good", "throws", "abi", "notplugin", "nocreate", "twins"})
    path.push_back({test_plugin_dir(d), leda::host::PluginSource::kCommandLine});
  auto catalog = leda::host::PluginCatalog::discover(path);

  REQUIRE(catalog.plugins().size() == 2);  // sorted by name
  CHECK(catalog.plugins()[0].loaded.manifest.name == "probe");
  CHECK(catalog.plugins()[1].loaded.manifest.name == "thrower");
  CHECK(catalog.find("probe"));
  CHECK_FALSE(catalog.find("twin"));
  CHECK(catalog.names() == "probe, thrower");

  // old-abi, not-a-plugin, headless, and both twins.
  REQUIRE(catalog.failures().size() == 5);
  const auto* twin = catalog.find_failure("twin");
  REQUIRE(twin);
  CHECK_THAT(twin->reason, Catch::Contains("another file also provides a plugin named 'twin'"));
  int twins = 0;
  for (const auto& f : catalog.failures())
    twins += f.name == "twin";
  CHECK(twins == 2);
  CHECK_THAT(leda::host::describe_failure(*catalog.find_failure("old-abi")),
             Catch::StartsWith("plugin 'old-abi' (") && Catch::Contains("libhost_old_abi.so"));
}

TEST_CASE("a folder named twice on the search path is searched once", "[plugin-library]") {
  const std::string good = test_plugin_dir("good").string();
  auto path = leda::host::plugin_search_path({good, good + "/../good"}, false, false);
  REQUIRE(path.size() == 1);
  auto catalog = leda::host::PluginCatalog::discover(path);
  CHECK(catalog.plugins().size() == 1);
  CHECK(catalog.failures().empty());
}

TEST_CASE("LEDA_PLUGIN_PATH is searched after --plugin-dir", "[plugin-library]") {
  const std::string env =
      test_plugin_dir("throws").string() + ":/no/such/folder:" + test_plugin_dir("good").string();
  ::setenv("LEDA_PLUGIN_PATH", env.c_str(), 1);
  auto path = leda::host::plugin_search_path({test_plugin_dir("good").string()}, true, false);
  ::unsetenv("LEDA_PLUGIN_PATH");
  REQUIRE(path.size() == 2);  // good (command line), throws (environment); missing one skipped
  CHECK(path[0].source == leda::host::PluginSource::kCommandLine);
  CHECK(path[1].source == leda::host::PluginSource::kEnvironment);
  CHECK(path[1].path == test_plugin_dir("throws"));
  CHECK_THROWS_WITH(leda::host::plugin_search_path({"/no/such/folder"}, false, false),
                    Catch::Contains("--plugin-dir /no/such/folder: no such folder"));
}
