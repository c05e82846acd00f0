// leda/plugin.hpp — the KPI plugin interface: a mergeable aggregate over the session model.
//
// A KPI plugin is a shared library exporting one KpiPlugin. The host runs it like this:
//
//   plugin->configure(params, joins);                // once, before any data is loaded
//   for each shard s (in parallel):                  // a shard is a slice of the model
//     states[s] = plugin->create_state();
//     plugin->update(*states[s], shard_batch(s));
//   merge states in shard order: plugin->merge(*states[0], std::move(*states[1])), ...
//   Table t = plugin->finalize(std::move(*states[0]));
//
// Contract (what makes results identical with 1 or N threads, any sharding and any number of
// processes):
//   - create_state() returns the identity of merge: merging an empty state changes nothing.
//   - merge is associative; the host always merges in shard order, so order-sensitive
//     plugins may rely on `into` holding earlier shards than `from`.
//   - update and merge may run concurrently on *different* states; a plugin object is shared
//     by all threads, so its const methods must not change shared data.
//   - a shard holds whole agents (every session of an agent), whole visits, conversations and
//     surveys; cross-record links (visit -> conversations, ...) may point outside the shard.
//
// Most plugins derive from leda::Kpi<State> (leda/kpi.hpp), which implements the state
// plumbing of this interface for a plain State type. A complete plugin:
//
//   #include <leda/kpi.hpp>
//
//   struct VisitCount {
//     std::int64_t visits = 0;
//     void merge(VisitCount&& o) { visits += o.visits; }
//     LEDA_FIELDS(visits)                            // lets the state travel (state_codec.hpp)
//   };
//
//   class VisitCountKpi final : public leda::Kpi<VisitCount> {
//    public:
//     const leda::Description& describe() const override { return desc_; }
//     void configure(const leda::Params&, const leda::Joins&) override {}
//     void consume(VisitCount& s, const leda::Batch& b) const override {
//       s.visits += b.visits.count;
//     }
//     leda::Table finish(VisitCount&& s) const override {
//       leda::Table t;
//       t.columns = {{"visits", leda::ColumnType::kInt, leda::Unit::kCount, "visits seen"}};
//       t.rows.push_back({s.visits});
//       return t;
//     }
//
//    private:
//     leda::Description desc_{.name = "visit-count", .version = "1.0.0",
//                             .summary = "Number of visits", .needs = leda::kNeedWebSession,
//                             .state_version = 1};
//   };
//   LEDA_PLUGIN(VisitCountKpi, "visit-count", "1.0.0")
#pragma once

#include <boost/config.hpp>
#include <boost/dll/alias.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "leda/abi.h"
#include "leda/joins.hpp"
#include "leda/model.hpp"
#include "leda/state_codec.hpp"

namespace leda {

/// Thrown by a plugin for errors a user can act on. Thrown from configure() it is a usage error
/// (the run stops before loading data, exit code 2); thrown later it fails that plugin alone
/// (exit code 1). The host prints the message with the plugin's name.
class BOOST_SYMBOL_VISIBLE PluginError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A parameter value that passed its type check but cannot be used (an unknown time zone, a
/// negative threshold). The host names the plugin, the parameter and the value given.
class BOOST_SYMBOL_VISIBLE ParamError : public PluginError {
 public:
  /// `param` is the parameter's name; `message` says what is wrong with its value.
  ParamError(std::string param, const std::string& message)
      : PluginError(message), param_(std::move(param)) {}
  /// The parameter's name.
  const std::string& param() const { return param_; }

 private:
  std::string param_;
};

// ---------------------------------------------------------------------------------------------
// Description and parameters

/// The kinds of parameter value the host checks before a plugin sees them.
enum class ParamType : std::uint8_t {
  kString,  ///< any text
  kInt,     ///< a decimal integer
  kNumber,  ///< a decimal number
  kBool,    ///< true/false/1/0/yes/no
  kEnum,    ///< one of `choices`
  kList,    ///< a comma-separated list of `choices` (empty allowed)
};

/// One parameter a plugin accepts (`--param KPI.NAME=VALUE`).
struct ParamSpec {
  std::string name = {};
  ParamType type = ParamType::kString;
  std::string default_value = {};         ///< as text; the value when the user gives none
  std::string help = {};                  ///< one line for `leda plugins`
  std::vector<std::string> choices = {};  ///< for kEnum and kList
};

/// The type of a result column's values.
enum class ColumnType : std::uint8_t { kString, kInt, kNumber, kBool };

/// What a column's values measure. CSV and JSON print the raw value (seconds, fractions); the
/// text and HTML reports format by unit (hours and minutes, percentages, money, separators).
enum class Unit : std::uint8_t {
  kText,       ///< free text or a label (a region, a segment)
  kId,         ///< an identifier (an agent or skill id): printed as is, never with separators
  kCount,      ///< a number of things
  kSeconds,    ///< a duration in seconds
  kRatio,      ///< a fraction, 0.25 means 25% (reports show a percentage)
  kPoints,     ///< percentage points, already scaled (NPS: -100..100)
  kMoney,      ///< an amount in Column::currency
  kTimestamp,  ///< an instant as RFC 3339 text
  kDate,       ///< a calendar day as YYYY-MM-DD text
  kNumber,     ///< any other quantity (Erlangs, chats per agent)
  kFlag,       ///< a yes/no
};

/// The part a column plays in a table.
enum class ColumnRole : std::uint8_t {
  kMeasure,   ///< a figure of the row
  kKey,       ///< identifies the row (a group_by column)
  kHeadline,  ///< a figure shown in compact views (the HTML report's summary table)
};

/// A result column: its name is the contract of the CSV header and JSON keys.
struct Column {
  std::string name = {};
  ColumnType type = ColumnType::kString;
  Unit unit = Unit::kText;
  std::string description = {};  ///< one line: what the value is, for `leda plugins` and reports
  ColumnRole role = ColumnRole::kMeasure;
  std::string currency = {};  ///< for Unit::kMoney: an ISO 4217 code ("USD")
};

/// A joined table a plugin reads (`--join NAME=FILE`).
struct JoinSpec {
  std::string name = {};                  ///< "agents", "membership", "schedule", or your own name
  bool required = false;                  ///< a run of this plugin without it is a usage error
  std::vector<std::string> columns = {};  ///< columns it reads; the host checks them before loading
  std::string help = {};                  ///< one line for `leda plugins`: what the table is for
};

/// What a plugin is: shown by `leda plugins`, used by the host to validate and to load.
struct Description {
  std::string name = {};     ///< unique, lower-case with dashes: "agent-utilization"
  std::string version = {};  ///< the plugin's own version
  std::string summary = {};  ///< one line
  std::vector<ParamSpec> params = {};
  std::uint32_t needs = kNeedEverything;  ///< Need bits: what `leda run` must load for it
  std::vector<JoinSpec> joins = {};       ///< joined tables it reads
  /// Every column its table can have (key columns of every group_by choice included), with
  /// units and descriptions: what `leda plugins NAME` shows. A table holds a subset of them.
  std::vector<Column> columns = {};
  /// The version of the state format written by encode_state(); 0 when states cannot be
  /// encoded (the plugin then runs in one process only). Bump it whenever the encoding changes.
  std::uint32_t state_version = 0;
};

/// Parameter values after the host checked them against the ParamSpecs: every declared
/// parameter is present (the user's value or the default), as text.
class Params {
 public:
  Params() = default;
  explicit Params(std::map<std::string, std::string> values) : values_(std::move(values)) {}

  /// The value of a declared parameter. Throws PluginError for an undeclared name.
  const std::string& get(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) throw PluginError("no parameter named '" + name + "'");
    return it->second;
  }
  /// A kInt parameter as a number. Throws ParamError when the text is not an integer.
  std::int64_t get_int(const std::string& name) const {
    const std::string& v = get(name);
    try {
      std::size_t used = 0;
      const long long x = std::stoll(v, &used);
      if (used == v.size()) return x;
    } catch (const std::exception&) {
    }
    throw ParamError(name, "not an integer: '" + v + "'");
  }
  /// A kNumber parameter as a number. Throws ParamError when the text is not a number.
  double get_number(const std::string& name) const {
    const std::string& v = get(name);
    try {
      std::size_t used = 0;
      const double x = std::stod(v, &used);
      if (used == v.size()) return x;
    } catch (const std::exception&) {
    }
    throw ParamError(name, "not a number: '" + v + "'");
  }
  /// A kBool parameter.
  bool get_bool(const std::string& name) const {
    const std::string& v = get(name);
    return v == "true" || v == "1" || v == "yes";
  }
  /// A kList parameter split on commas, empty items dropped.
  std::vector<std::string> get_list(const std::string& name) const {
    std::vector<std::string> out;
    std::string item;
    for (char c : get(name) + ",") {
      if (c != ',') {
        item += c;
      } else if (!item.empty()) {
        out.push_back(item);
        item.clear();
      }
    }
    return out;
  }
  /// All values by name (for printing in outputs).
  const std::map<std::string, std::string>& all() const { return values_; }

 private:
  template <class>
  friend struct layout::StructLayout;
  std::map<std::string, std::string> values_;
};

// ---------------------------------------------------------------------------------------------
// Data in, table out

/// The slice of the model one update() call sees. Ranges index the Model's vectors:
/// `agents` -> Model::agents, `visits` -> Model::visits, and so on.
struct Batch {
  const Model* model = nullptr;
  const Joins* joins = nullptr;  ///< the joined tables given on the command line (never null)
  Range agents, visits, conversations, surveys;
};

/// A cell: null (std::monostate) prints as JSON null and an empty CSV field.
using Value = std::variant<std::monostate, std::int64_t, double, std::string, bool>;

/// A plugin's result.
struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Value>> rows;  ///< each row has one Value per column
  std::vector<std::string> notes;        ///< e.g. "3 orders excluded: total missing or <= 0"
};

/// Opaque per-shard state; each plugin derives its own (leda::Kpi<State> does it for you).
class BOOST_SYMBOL_VISIBLE KpiState {
 public:
  virtual ~KpiState() = default;
};

/// The interface every KPI plugin implements. See the top of this file for the lifecycle.
class BOOST_SYMBOL_VISIBLE KpiPlugin {
 public:
  virtual ~KpiPlugin() = default;

  /// The plugin's description; the same object for the plugin's lifetime.
  virtual const Description& describe() const = 0;

  /// Takes the checked parameter values and the joined tables of the run, once, before any data
  /// is loaded and before any state is created. Check here what can be checked without data: a
  /// parameter value (throw ParamError) and a join's columns (JoinTable::require throws a
  /// JoinError naming the file and the column). Both are usage errors: nothing runs. `joins`
  /// stays where it is until the plugin's last call, so the plugin may keep pointers into it.
  virtual void configure(const Params& params, const Joins& joins) = 0;

  /// A new empty state: the identity of merge.
  virtual std::unique_ptr<KpiState> create_state() const = 0;

  /// Adds the sessions of `batch` to `state`.
  virtual void update(KpiState& state, const Batch& batch) const = 0;

  /// Folds `from` into `into`; `from` is left in an unspecified state.
  virtual void merge(KpiState& into, KpiState&& from) const = 0;

  /// The result of all data folded into `state`.
  virtual Table finalize(KpiState&& state) const = 0;

  /// Writes `state` in the format numbered Description::state_version. Called only when that
  /// version is not 0; the host wraps the bytes in an envelope it checks (plugin, versions,
  /// parameters, length, checksum) before decode_state sees them.
  virtual void encode_state(const KpiState& state, StateWriter& out) const {
    (void)state;
    (void)out;
    throw PluginError("this plugin cannot encode its state");
  }

  /// Reads a state written by encode_state of this plugin, with the same state version and
  /// parameters. Throws StateFormatError for bytes that are not such a state.
  virtual std::unique_ptr<KpiState> decode_state(StateReader& in) const {
    (void)in;
    throw PluginError("this plugin cannot decode a state");
  }
};

}  // namespace leda

#include "leda/layout.hpp"

/// Exports `Class` (a KpiPlugin with a default constructor) as the plugin of this library.
/// Use once per plugin library, at namespace scope:  LEDA_PLUGIN(MyKpi, "my-kpi", "1.0.0")
#define LEDA_PLUGIN(Class, NAME, VERSION)                                     \
  namespace leda_plugin_export {                                              \
  extern "C" BOOST_SYMBOL_EXPORT const LedaManifest leda_manifest_data;       \
  const LedaManifest leda_manifest_data = {LEDA_MANIFEST_MAGIC,               \
                                           sizeof(LedaManifest),              \
                                           LEDA_ABI_VERSION,                  \
                                           LEDA_SDK_VERSION_MAJOR,            \
                                           LEDA_SDK_VERSION_MINOR,            \
                                           LEDA_SDK_VERSION_PATCH,            \
                                           NAME,                              \
                                           VERSION,                           \
                                           LEDA_TOOLCHAIN_FINGERPRINT,        \
                                           ::leda::sdk_layout_fingerprint()}; \
  inline ::leda::KpiPlugin* leda_create_plugin() {                            \
    return new Class();                                                       \
  }                                                                           \
  }                                                                           \
  BOOST_DLL_ALIAS(leda_plugin_export::leda_manifest_data, leda_manifest)      \
  BOOST_DLL_ALIAS(leda_plugin_export::leda_create_plugin, leda_create)
