// plugin_fixture.hpp — loads a built KPI plugin library with Boost.DLL, configures it, runs it
// over a Model in one or several shards, and reads cells of its table.
//
//   LoadedPlugin p(LEDA_PLUGIN_AGENT_UTILIZATION);        // path of the built .so
//   leda::Table t = p.run(model, joins, {{"group_by", "agent,day"}});
//   CHECK(number(t, 0, "logged_in_s") == 7200);
//   check_shard_invariance(p, model, joins, {{"group_by", "agent"}});
#pragma once

#include <boost/dll/shared_library.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "leda/plugin.hpp"

namespace leda_test {

using Overrides = std::map<std::string, std::string>;

/// A plugin library loaded for the test's lifetime.
class LoadedPlugin {
 public:
  /// Loads the library at `path` (throws with dlerror's text when it cannot).
  explicit LoadedPlugin(const std::string& path);

  /// A new plugin object configured with its defaults, overridden by `overrides`. The object
  /// must not outlive this LoadedPlugin.
  std::unique_ptr<leda::KpiPlugin> configured(const Overrides& overrides) const;

  /// Runs a new configured plugin over all of `model` as one shard.
  leda::Table run(const leda::Model& model, const leda::Joins& joins,
                  const Overrides& overrides = {}) const;

  /// Runs a new configured plugin over `shards`, merging their states in shard order.
  leda::Table run_shards(const std::vector<leda::Batch>& shards,
                         const Overrides& overrides = {}) const;

  /// The plugin's description.
  const leda::Description& describe() const { return probe_->describe(); }

 private:
  boost::dll::shared_library lib_;  // declared first: unloaded after every plugin object
  std::unique_ptr<leda::KpiPlugin> probe_;
};

/// The whole model as one batch.
leda::Batch whole(const leda::Model& model, const leda::Joins& joins);

/// `n` shards with random boundaries (some possibly empty) on each of the four ranges.
std::vector<leda::Batch> random_shards(const leda::Model& model, const leda::Joins& joins,
                                       unsigned seed);

/// For 25 random shardings, checks that the merged result equals the single-shard result,
/// and that merging an empty state on either side changes nothing. Fails when the single-shard
/// table has no rows: the model or the parameters must give the plugin something to compute.
void check_shard_invariance(const LoadedPlugin& plugin, const leda::Model& model,
                            const leda::Joins& joins, const Overrides& overrides = {});

/// The table as text (for failure messages).
std::string to_text(const leda::Table& t);

/// The position of column `name`; fails the test if absent.
std::size_t column(const leda::Table& t, const std::string& name);
/// The cell at `row`, column `name`.
const leda::Value& cell(const leda::Table& t, std::size_t row, const std::string& name);
/// The cell as a double (kNumber), failing the test if it is null or of another type.
double number(const leda::Table& t, std::size_t row, const std::string& name);
/// The cell as an integer (kInt).
std::int64_t integer(const leda::Table& t, std::size_t row, const std::string& name);
/// The cell as text (kString).
std::string text(const leda::Table& t, std::size_t row, const std::string& name);
/// True when the cell is null.
bool is_null(const leda::Table& t, std::size_t row, const std::string& name);
/// The first row whose column `name` holds `value` (text or integer as text); fails if none.
std::size_t row_where(const leda::Table& t, const std::string& name, const std::string& value);
/// True when some note contains `fragment`.
bool has_note(const leda::Table& t, const std::string& fragment);

}  // namespace leda_test
