// leda/plugin.hpp — the KPI plugin interface: a mergeable aggregate over the session model.
//
// A KPI plugin is a shared library exporting one KpiPlugin. The host runs it like this:
//
//   plugin->configure(params);                       // once, before any data is loaded
//   for each shard s (in parallel):                  // a shard is a slice of the model
//     states[s] = plugin->create_state();
//     plugin->update(*states[s], shard_batch(s));
//   merge states in shard order: plugin->merge(*states[0], std::move(*states[1])), ...
//   Table t = plugin->finalize(std::move(*states[0]));
//
// Contract (what makes results identical with 1 or N threads and any sharding):
//   - create_state() returns the identity of merge: merging an empty state changes nothing.
//   - merge is associative; the host always merges in shard order, so order-sensitive
//     plugins may rely on `into` holding earlier shards than `from`.
//   - update and merge may run concurrently on *different* states; a plugin object is shared
//     by all threads, so its const methods must not change shared data.
//   - a shard holds whole agents (every session of an agent), whole visits, conversations and
//     surveys; cross-record links (visit -> conversations, ...) may point outside the shard.
//
// Minimal plugin:
//
//   class VisitCount final : public leda::KpiPlugin {
//     struct State final : leda::KpiState { std::int64_t visits = 0; };
//    public:
//     const leda::Description& describe() const override { return desc_; }
//     void configure(const leda::Params&) override {}
//     std::unique_ptr<leda::KpiState> create_state() const override {
//       return std::make_unique<State>();
//     }
//     void update(leda::KpiState& s, const leda::Batch& b) const override {
//       static_cast<State&>(s).visits += b.visits.count;
//     }
//     void merge(leda::KpiState& into, leda::KpiState&& from) const override {
//       static_cast<State&>(into).visits += static_cast<State&>(from).visits;
//     }
//     leda::Table finalize(leda::KpiState&& s) const override {
//       leda::Table t;
//       t.columns = {{"visits", leda::ColumnType::kInt}};
//       t.rows.push_back({static_cast<State&>(s).visits});
//       return t;
//     }
//    private:
//     leda::Description desc_{"visit-count", "1.0.0", "Number of visits", {},
//                             leda::kNeedWebSession};
//   };
//   LEDA_PLUGIN(VisitCount, "visit-count", "1.0.0")
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

namespace leda {

/// Thrown by a plugin for errors a user can act on (a bad parameter value, a missing join).
/// The host prints the message with the plugin's name.
class BOOST_SYMBOL_VISIBLE PluginError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
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
  std::string name;
  ParamType type = ParamType::kString;
  std::string default_value;         ///< as text; the value when the user gives none
  std::string help;                  ///< one line for `leda plugins`
  std::vector<std::string> choices;  ///< for kEnum and kList
};

/// What a plugin is: shown by `leda plugins`, used by the host to validate and to load.
struct Description {
  std::string name;     ///< unique, lower-case with dashes: "agent-utilization"
  std::string version;  ///< the plugin's own version
  std::string summary;  ///< one line
  std::vector<ParamSpec> params;
  std::uint32_t needs = kNeedEverything;  ///< Need bits: what `leda run` must load for it
  std::vector<std::string> joins;         ///< joined tables it reads: "agents", "membership"
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
  /// A kInt parameter as a number.
  std::int64_t get_int(const std::string& name) const { return std::stoll(get(name)); }
  /// A kNumber parameter as a number.
  double get_number(const std::string& name) const { return std::stod(get(name)); }
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

/// The type of a result column.
enum class ColumnType : std::uint8_t { kString, kInt, kNumber, kBool };

/// A result column: its name is the contract of the CSV header and JSON keys.
struct Column {
  std::string name;
  ColumnType type = ColumnType::kString;
};

/// A cell: null (std::monostate) prints as JSON null and an empty CSV field.
using Value = std::variant<std::monostate, std::int64_t, double, std::string, bool>;

/// A plugin's result.
struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Value>> rows;  ///< each row has one Value per column
  std::vector<std::string> notes;        ///< e.g. "3 orders excluded: total missing or <= 0"
};

/// Opaque per-shard state; each plugin derives its own.
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

  /// Takes the checked parameter values. Throws PluginError when a value is unusable
  /// (e.g. an unknown time zone). Called once, before any state is created.
  virtual void configure(const Params& params) = 0;

  /// A new empty state: the identity of merge.
  virtual std::unique_ptr<KpiState> create_state() const = 0;

  /// Adds the sessions of `batch` to `state`.
  virtual void update(KpiState& state, const Batch& batch) const = 0;

  /// Folds `from` into `into`; `from` is left in an unspecified state.
  virtual void merge(KpiState& into, KpiState&& from) const = 0;

  /// The result of all data folded into `state`.
  virtual Table finalize(KpiState&& state) const = 0;
};

/// The layout fingerprint of the shared data types in this build: a plugin whose model structs
/// differ in size from the host's is refused.
constexpr std::uint64_t model_layout_fingerprint() {
  std::uint64_t h = 1469598103934665603ull;
  for (std::uint64_t v : {sizeof(Str),
                          sizeof(Range),
                          sizeof(AgentEvent),
                          sizeof(AgentSession),
                          sizeof(Agent),
                          sizeof(PageView),
                          sizeof(Product),
                          sizeof(CustomerInfo),
                          sizeof(PersonalInfo),
                          sizeof(Purchase),
                          sizeof(EngagementAttribute),
                          sizeof(GoalAchieved),
                          sizeof(Impression),
                          sizeof(VisitInfo),
                          sizeof(Visit),
                          sizeof(Message),
                          sizeof(Transfer),
                          sizeof(Conversation),
                          sizeof(SurveyAnswer),
                          sizeof(Survey),
                          sizeof(Model),
                          sizeof(Batch),
                          sizeof(Table),
                          sizeof(Joins),
                          sizeof(AgentMap),
                          sizeof(Membership)})
    h = (h ^ v) * 1099511628211ull;
  return h;
}

}  // namespace leda

/// Exports `Class` (a KpiPlugin with a default constructor) as the plugin of this library.
/// Use once per plugin library, at namespace scope:  LEDA_PLUGIN(MyKpi, "my-kpi", "1.0.0")
#define LEDA_PLUGIN(Class, NAME, VERSION)                                       \
  namespace leda_plugin_export {                                                \
  extern "C" BOOST_SYMBOL_EXPORT const LedaManifest leda_manifest_data;         \
  const LedaManifest leda_manifest_data = {LEDA_MANIFEST_MAGIC,                 \
                                           sizeof(LedaManifest),                \
                                           LEDA_ABI_VERSION,                    \
                                           LEDA_SDK_VERSION_MAJOR,              \
                                           LEDA_SDK_VERSION_MINOR,              \
                                           LEDA_SDK_VERSION_PATCH,              \
                                           NAME,                                \
                                           VERSION,                             \
                                           LEDA_TOOLCHAIN_FINGERPRINT,          \
                                           ::leda::model_layout_fingerprint()}; \
  inline ::leda::KpiPlugin* leda_create_plugin() {                              \
    return new Class();                                                         \
  }                                                                             \
  }                                                                             \
  BOOST_DLL_ALIAS(leda_plugin_export::leda_manifest_data, leda_manifest)        \
  BOOST_DLL_ALIAS(leda_plugin_export::leda_create_plugin, leda_create)
