// leda/testkit/plugin_runner.hpp — a built plugin library, loaded and checked the way leda
// loads it, run over a hand-made model; and readers for the cells of its table.
//
//   leda::testkit::PluginUnderTest kpi("build/libagent-handle-time.so");  // refused like leda
//   leda::Joins joins = leda::testkit::joins({{"agents", "lp_agent_id,region\n7,EMEA\n"}});
//   leda::Table t = kpi.run(model, joins, {{"group_by", "agent"}});
//   double s = leda::testkit::number(t, 0, "handle_time_s");           // row 0
//   std::size_t r = leda::testkit::row_where(t, "agent_id", "7");
//
// The readers throw std::runtime_error, with the whole table in the message, when a column,
// a row or a value of the expected type is not there, so a failing test shows what the plugin
// printed. Thread-safety: a PluginUnderTest may be shared; each run makes its own plugin object.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "leda/plugin.hpp"

namespace leda::testkit {

/// Parameter values by name; the plugin's defaults fill in the rest.
using Overrides = std::map<std::string, std::string>;

/// A plugin library loaded for the life of the object (and of every plugin object it made).
class PluginUnderTest {
 public:
  /// Loads the library at `path` as leda does: the manifest is checked (ABI version, SDK
  /// version, toolchain, layout fingerprint) before any plugin code runs. Throws
  /// std::runtime_error saying why a library is refused.
  explicit PluginUnderTest(const std::string& path);
  ~PluginUnderTest();
  PluginUnderTest(const PluginUnderTest&) = delete;
  PluginUnderTest& operator=(const PluginUnderTest&) = delete;

  /// The plugin's description.
  const Description& describe() const;

  /// A new plugin object, configured with its defaults overridden by `params` (each must be a
  /// declared parameter: std::invalid_argument otherwise) and with `joins`, which must outlive
  /// the object.
  std::shared_ptr<KpiPlugin> configured(const Overrides& params, const Joins& joins) const;

  /// Runs a new configured plugin over all of `model` as one shard.
  Table run(const Model& model, const Joins& joins, const Overrides& params = {}) const;

  /// Runs a new configured plugin over `shards`, merging their states in shard order. Every
  /// shard must point to the same joins.
  Table run_shards(const std::vector<Batch>& shards, const Overrides& params = {}) const;

 private:
  struct Loaded;
  std::unique_ptr<Loaded> loaded_;
};

/// The whole model as one batch.
Batch whole(const Model& model, const Joins& joins);

/// The table as text, one row per line, numbers with 17 significant digits (for messages).
std::string to_text(const Table& t);

/// The position of column `name`.
std::size_t column(const Table& t, const std::string& name);
/// The cell at `row`, column `name`.
const Value& cell(const Table& t, std::size_t row, const std::string& name);
/// The cell as a double (a kNumber column); throws when it is null or of another type.
double number(const Table& t, std::size_t row, const std::string& name);
/// The cell as an integer (a kInt column).
std::int64_t integer(const Table& t, std::size_t row, const std::string& name);
/// The cell as text (a kString column).
std::string text(const Table& t, std::size_t row, const std::string& name);
/// True when the cell is null.
bool is_null(const Table& t, std::size_t row, const std::string& name);
/// The first row whose column `name` holds `value` (text, or an integer written as text).
std::size_t row_where(const Table& t, const std::string& name, const std::string& value);
/// True when some note contains `fragment`.
bool has_note(const Table& t, const std::string& fragment);

}  // namespace leda::testkit
