// testkit/plugin_runner.cpp — see leda/testkit/plugin_runner.hpp. Loading goes through leda's
// own plugin loader (engine/host/plugin_library), so a test refuses what leda refuses.
#include "leda/testkit/plugin_runner.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <variant>

#include "host/param_binding.hpp"
#include "host/plugin_library.hpp"

namespace leda::testkit {

struct PluginUnderTest::Loaded {
  host::LoadedPlugin plugin;
};

namespace {

[[noreturn]] void fail(const std::string& what, const Table& t) {
  throw std::runtime_error(what + "\n" + to_text(t));
}

}  // namespace

PluginUnderTest::PluginUnderTest(const std::string& path) {
  auto opened = host::open_plugin(path);
  if (auto* failure = std::get_if<host::PluginLoadFailure>(&opened))
    throw std::runtime_error(path + ": " + failure->reason);
  loaded_ = std::make_unique<Loaded>(Loaded{std::get<host::LoadedPlugin>(std::move(opened))});
}

PluginUnderTest::~PluginUnderTest() = default;

const Description& PluginUnderTest::describe() const {
  return loaded_->plugin.description;
}

std::shared_ptr<KpiPlugin> PluginUnderTest::configured(const Overrides& params,
                                                       const Joins& joins) const {
  // A new object from the same library: leda_create again, kept alive with the library.
  auto fresh = host::open_plugin(loaded_->plugin.file);
  auto* p = std::get_if<host::LoadedPlugin>(&fresh);
  if (!p) throw std::runtime_error(std::get<host::PluginLoadFailure>(fresh).reason);
  std::map<std::string, std::string> values;
  for (const ParamSpec& spec : p->description.params)
    values[spec.name] = spec.default_value;
  for (const auto& [name, value] : params) {
    const auto spec = std::find_if(p->description.params.begin(), p->description.params.end(),
                                   [&](const ParamSpec& s) { return s.name == name; });
    if (spec == p->description.params.end())
      throw std::invalid_argument("plugin '" + p->description.name + "' has no parameter '" + name +
                                  "'");
    // Checked and normalised as `leda run --param` does.
    std::string why;
    auto checked = host::normalize_param(*spec, value, &why);
    if (!checked) throw ParamError(name, why);
    values[name] = *checked;
  }
  p->plugin->configure(Params(values), joins);
  return p->plugin;
}

Table PluginUnderTest::run(const Model& model, const Joins& joins, const Overrides& params) const {
  return run_shards({whole(model, joins)}, params);
}

Table PluginUnderTest::run_shards(const std::vector<Batch>& shards, const Overrides& params) const {
  if (shards.empty()) throw std::invalid_argument("run_shards: no shards");
  auto p = configured(params, *shards.front().joins);
  std::vector<std::unique_ptr<KpiState>> states;
  for (const Batch& b : shards) {
    states.push_back(p->create_state());
    p->update(*states.back(), b);
  }
  for (std::size_t i = 1; i < states.size(); ++i)
    p->merge(*states[0], std::move(*states[i]));
  Table t = p->finalize(std::move(*states[0]));
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    if (t.rows[r].size() != t.columns.size())
      fail("row " + std::to_string(r) + " has " + std::to_string(t.rows[r].size()) +
               " values for " + std::to_string(t.columns.size()) + " columns",
           t);
  return t;
}

Batch whole(const Model& model, const Joins& joins) {
  Batch b;
  b.model = &model;
  b.joins = &joins;
  b.agents = {0, static_cast<std::uint32_t>(model.agents.size())};
  b.visits = {0, static_cast<std::uint32_t>(model.visits.size())};
  b.conversations = {0, static_cast<std::uint32_t>(model.conversations.size())};
  b.surveys = {0, static_cast<std::uint32_t>(model.surveys.size())};
  return b;
}

std::string to_text(const Table& t) {
  std::ostringstream out;
  out.precision(17);
  for (const auto& c : t.columns)
    out << c.name << '|';
  out << '\n';
  for (const auto& row : t.rows) {
    for (const auto& v : row) {
      std::visit(
          [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>)
              out << "null";
            else if constexpr (std::is_same_v<T, std::string>)
              out << '"' << x << '"';
            else
              out << x;
          },
          v);
      out << '|';
    }
    out << '\n';
  }
  for (const auto& n : t.notes)
    out << "note: " << n << '\n';
  return out.str();
}

std::size_t column(const Table& t, const std::string& name) {
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i].name == name) return i;
  fail("no column '" + name + "' in the table:", t);
}

const Value& cell(const Table& t, std::size_t row, const std::string& name) {
  const std::size_t c = column(t, name);
  if (row >= t.rows.size())
    fail(
        "no row " + std::to_string(row) + " (the table has " + std::to_string(t.rows.size()) + "):",
        t);
  return t.rows[row][c];
}

namespace {

template <class T>
const T& typed(const Table& t, std::size_t row, const std::string& name, const char* type) {
  const Value& v = cell(t, row, name);
  if (const T* x = std::get_if<T>(&v)) return *x;
  fail("row " + std::to_string(row) + ", column " + name + ": not " + type +
           (std::holds_alternative<std::monostate>(v) ? " but null" : ""),
       t);
}

}  // namespace

double number(const Table& t, std::size_t row, const std::string& name) {
  return typed<double>(t, row, name, "a number");
}

std::int64_t integer(const Table& t, std::size_t row, const std::string& name) {
  return typed<std::int64_t>(t, row, name, "an integer");
}

std::string text(const Table& t, std::size_t row, const std::string& name) {
  return typed<std::string>(t, row, name, "text");
}

bool is_null(const Table& t, std::size_t row, const std::string& name) {
  return std::holds_alternative<std::monostate>(cell(t, row, name));
}

std::size_t row_where(const Table& t, const std::string& name, const std::string& value) {
  const std::size_t c = column(t, name);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const Value& v = t.rows[r][c];
    if (auto* s = std::get_if<std::string>(&v); s && *s == value) return r;
    if (auto* i = std::get_if<std::int64_t>(&v); i && std::to_string(*i) == value) return r;
  }
  fail("no row with " + name + " = " + value + " in the table:", t);
}

bool has_note(const Table& t, const std::string& fragment) {
  for (const auto& n : t.notes)
    if (n.find(fragment) != std::string::npos) return true;
  return false;
}

}  // namespace leda::testkit
