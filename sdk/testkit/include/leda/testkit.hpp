// leda/testkit.hpp — the plugin test kit: everything a plugin's own tests need, in one include.
// Link `leda::testkit` (find_package(leda) provides it).
//
//   #include <leda/testkit.hpp>
//   using namespace leda::testkit;
//   PluginUnderTest kpi(PLUGIN_PATH);
//   ModelBuilder b;  ...  leda::Model m = b.build();
//   leda::Table t = kpi.run(m, joins({}));
//   CHECK(number(t, 0, "visits_per_agent") == 2.5);
//   check_merge(kpi, m, joins({}));                    // throws CheckFailure when merge is wrong
#pragma once

#include "leda/testkit/joins.hpp"
#include "leda/testkit/merge_check.hpp"
#include "leda/testkit/model_builder.hpp"
#include "leda/testkit/plugin_runner.hpp"
