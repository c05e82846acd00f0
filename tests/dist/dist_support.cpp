// See dist_support.hpp.
#include "dist_support.hpp"

#include <bit>
#include <memory>

#include "host/plugin_search_path.hpp"
#include "load/loader.hpp"

namespace leda::test {

std::string sample_data() {
  return std::string(LEDA_SOURCE_DIR) + "/examples/sample-account/75555851";
}
std::string sample_agents() {
  return std::string(LEDA_SOURCE_DIR) + "/examples/sample-account/agents.csv";
}
std::string sample_membership() {
  return std::string(LEDA_SOURCE_DIR) + "/examples/sample-account/membership.csv";
}

const SampleRun& sample_run() {
  static const std::unique_ptr<SampleRun> run = [] {
    auto r = std::make_unique<SampleRun>();
    r->catalog = host::PluginCatalog::discover(host::plugin_search_path({}, false));
    std::vector<const host::LoadedPlugin*> plugins;
    for (const auto& e : r->catalog.plugins())
      plugins.push_back(&e.loaded);
    // Every join of the sample account, so that every built-in plugin runs (wfm-adherence
    // requires the schedule and its activity map).
    const std::string dir = std::string(LEDA_SOURCE_DIR) + "/examples/sample-account/";
    r->run = host::prepare_run(
        plugins, {"tz=America/New_York"},
        {"agents=" + sample_agents(), "membership=" + sample_membership(),
         "schedule=" + dir + "schedule.csv", "activities=" + dir + "activities.csv"});
    load::LoadOptions lo;
    lo.threads = 2;
    lo.progress = false;
    r->model = load::load({sample_data()}, lo).model;
    return r;
  }();
  return *run;
}

bool same_table(const Table& a, const Table& b) {
  if (a.columns.size() != b.columns.size() || a.rows.size() != b.rows.size() || a.notes != b.notes)
    return false;
  for (std::size_t c = 0; c < a.columns.size(); ++c)
    if (a.columns[c].name != b.columns[c].name || a.columns[c].type != b.columns[c].type)
      return false;
  for (std::size_t r = 0; r < a.rows.size(); ++r) {
    if (a.rows[r].size() != b.rows[r].size()) return false;
    for (std::size_t c = 0; c < a.rows[r].size(); ++c) {
      const Value &x = a.rows[r][c], &y = b.rows[r][c];
      if (x.index() != y.index()) return false;
      if (const double* dx = std::get_if<double>(&x)) {
        if (std::bit_cast<std::uint64_t>(*dx) != std::bit_cast<std::uint64_t>(std::get<double>(y)))
          return false;
      } else if (x != y) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace leda::test
