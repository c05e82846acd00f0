// What the dist tests share: the sample account loaded once with every built-in plugin
// configured over it, and a bit-for-bit comparison of tables.
#pragma once

#include <string>
#include <vector>

#include "host/kpi_jobs.hpp"
#include "host/plugin_catalog.hpp"
#include "leda/plugin.hpp"

namespace leda::test {

/// The built-in plugins configured with the sample account's joins (agent map, membership,
/// schedule and activity map), and its model.
struct SampleRun {
  host::PluginCatalog catalog;
  host::PreparedRun run;
  Model model;
};

/// Loaded on first use; the same object afterwards.
const SampleRun& sample_run();

/// True when both tables have the same columns, the same values bit for bit (doubles by
/// their bits) and the same notes.
bool same_table(const Table& a, const Table& b);

/// The sample account's folder, agent map and membership file.
std::string sample_data();
std::string sample_agents();
std::string sample_membership();

}  // namespace leda::test
