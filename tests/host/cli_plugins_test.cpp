// `leda plugins`: what was found, with parameters and origin, and what failed with why.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include "cli_support.hpp"
#include "leda/abi.h"
#include "test_plugins.hpp"

using leda::test::run_leda;
using leda::test::test_plugin_dir;

TEST_CASE("plugins lists plugins with parameters and origin", "[cli][plugins]") {
  auto r = run_leda({"plugins", "--plugin-dir", test_plugin_dir("good").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("probe 2.1.0\n  Counts what it is given (host test plugin)\n"));
  CHECK_THAT(r.out, Catch::Contains("loaded from: " + test_plugin_dir("good").string() +
                                    "/libhost_probe.so (--plugin-dir)"));
  CHECK_THAT(r.out, Catch::Contains("reads: engagement"));
  CHECK_THAT(r.out,
             Catch::Contains("mode             enum    default 'fast'; one of: fast, exact"));
  CHECK_THAT(r.out, Catch::Contains("echoed in the label column"));
  CHECK_THAT(r.out, Catch::Contains("--plugin-dir      " + test_plugin_dir("good").string()));
}

TEST_CASE("plugins lists the files that failed, with why; exit 1", "[cli][plugins]") {
  auto r = run_leda({"plugins", "--plugin-dir", test_plugin_dir("good").string(), "--plugin-dir",
                     test_plugin_dir("abi").string(), "--plugin-dir",
                     test_plugin_dir("notplugin").string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains("2 plugin files could not be used:"));
  CHECK_THAT(r.out, Catch::Contains("plugin 'old-abi' (") && Catch::Contains("ABI version 999"));
  CHECK_THAT(r.out, Catch::Contains("libhost_not_a_plugin.so: not a leda plugin"));
  CHECK_THAT(r.out, Catch::Contains("probe 2.1.0"));
}

TEST_CASE("plugins --format json", "[cli][plugins]") {
  auto r =
      run_leda({"plugins", "--format", "json", "--plugin-dir", test_plugin_dir("good").string(),
                "--plugin-dir", test_plugin_dir("nocreate").string()});
  CHECK(r.exit_code == 1);
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  const rapidjson::Value* probe = nullptr;
  for (const auto& p : d["plugins"].GetArray())
    if (std::string(p["name"].GetString()) == "probe") probe = &p;
  REQUIRE(probe);
  CHECK(std::string((*probe)["version"].GetString()) == "2.1.0");
  CHECK(std::string((*probe)["source"].GetString()) == "--plugin-dir");
  CHECK((*probe)["abi_version"].GetInt() == LEDA_ABI_VERSION);
  REQUIRE((*probe)["params"].Size() == 7);
  const auto& mode = (*probe)["params"][4];
  CHECK(std::string(mode["name"].GetString()) == "mode");
  CHECK(std::string(mode["type"].GetString()) == "enum");
  CHECK(std::string(mode["default"].GetString()) == "fast");
  CHECK(mode["choices"].Size() == 2);
  REQUIRE(d["failures"].Size() == 1);
  CHECK(std::string(d["failures"][0]["name"].GetString()) == "headless");
  CHECK_THAT(d["failures"][0]["reason"].GetString(), Catch::Contains("no leda_create"));
}

TEST_CASE("the built-in plugins are found without any option", "[cli][plugins]") {
  auto r = run_leda({"plugins", "--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  for (const auto& p : d["plugins"].GetArray())
    CHECK(std::string(p["source"].GetString()) == "built-in");
  CHECK(d["plugins"].Size() >= 1);
}
