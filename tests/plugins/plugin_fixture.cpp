#include "plugin_fixture.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <sstream>

namespace leda_test {

LoadedPlugin::LoadedPlugin(const std::string& path)
    : lib_(path, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local) {
  auto create = lib_.get_alias<leda::KpiPlugin*()>("leda_create");
  probe_.reset(create());
}

std::unique_ptr<leda::KpiPlugin> LoadedPlugin::configured(const Overrides& overrides) const {
  auto create = lib_.get_alias<leda::KpiPlugin*()>("leda_create");
  std::unique_ptr<leda::KpiPlugin> p(create());
  std::map<std::string, std::string> values;
  for (const leda::ParamSpec& spec : p->describe().params)
    values[spec.name] = spec.default_value;
  for (const auto& [k, v] : overrides) {
    INFO("parameter " << k);
    REQUIRE(values.count(k) == 1);
    values[k] = v;
  }
  p->configure(leda::Params(values));
  return p;
}

leda::Table LoadedPlugin::run(const leda::Model& model, const leda::Joins& joins,
                              const Overrides& overrides) const {
  return run_shards({whole(model, joins)}, overrides);
}

leda::Table LoadedPlugin::run_shards(const std::vector<leda::Batch>& shards,
                                     const Overrides& overrides) const {
  auto p = configured(overrides);
  std::vector<std::unique_ptr<leda::KpiState>> states;
  for (const leda::Batch& b : shards) {
    states.push_back(p->create_state());
    p->update(*states.back(), b);
  }
  for (std::size_t i = 1; i < states.size(); ++i)
    p->merge(*states[0], std::move(*states[i]));
  leda::Table t = p->finalize(std::move(*states[0]));
  for (const auto& row : t.rows)
    REQUIRE(row.size() == t.columns.size());
  return t;
}

leda::Batch whole(const leda::Model& model, const leda::Joins& joins) {
  leda::Batch b;
  b.model = &model;
  b.joins = &joins;
  b.agents = {0, static_cast<std::uint32_t>(model.agents.size())};
  b.visits = {0, static_cast<std::uint32_t>(model.visits.size())};
  b.conversations = {0, static_cast<std::uint32_t>(model.conversations.size())};
  b.surveys = {0, static_cast<std::uint32_t>(model.surveys.size())};
  return b;
}

std::vector<leda::Batch> random_shards(const leda::Model& model, const leda::Joins& joins,
                                       unsigned seed) {
  std::mt19937 rng(seed);
  const unsigned n = std::uniform_int_distribution<unsigned>(1, 6)(rng);
  auto cuts = [&](std::size_t size) {
    std::vector<std::uint32_t> c{0, static_cast<std::uint32_t>(size)};
    for (unsigned i = 1; i < n; ++i)
      c.push_back(
          std::uniform_int_distribution<std::uint32_t>(0, static_cast<std::uint32_t>(size))(rng));
    std::sort(c.begin(), c.end());
    return c;
  };
  const auto a = cuts(model.agents.size()), v = cuts(model.visits.size()),
             c = cuts(model.conversations.size()), s = cuts(model.surveys.size());
  std::vector<leda::Batch> out(n);
  for (unsigned i = 0; i < n; ++i) {
    out[i].model = &model;
    out[i].joins = &joins;
    out[i].agents = {a[i], a[i + 1] - a[i]};
    out[i].visits = {v[i], v[i + 1] - v[i]};
    out[i].conversations = {c[i], c[i + 1] - c[i]};
    out[i].surveys = {s[i], s[i + 1] - s[i]};
  }
  return out;
}

void check_shard_invariance(const LoadedPlugin& plugin, const leda::Model& model,
                            const leda::Joins& joins, const Overrides& overrides) {
  const leda::Table single = plugin.run(model, joins, overrides);
  // Any sharding of nothing gives nothing: an empty table would prove no invariance.
  INFO("the plugin's table over the whole model:\n" << to_text(single));
  REQUIRE_FALSE(single.rows.empty());
  const std::string expected = to_text(single);
  for (unsigned seed = 1; seed <= 25; ++seed) {
    INFO("seed " << seed);
    const leda::Table sharded = plugin.run_shards(random_shards(model, joins, seed), overrides);
    CHECK(to_text(sharded) == expected);
    CHECK(sharded.rows == single.rows);  // bit-identical numbers, not only equal text
  }
  // Empty states on either side of a merge are no-ops.
  auto p = plugin.configured(overrides);
  auto full = p->create_state();
  p->update(*full, whole(model, joins));
  auto empty_left = p->create_state();
  p->merge(*empty_left, std::move(*full));
  p->merge(*empty_left, std::move(*p->create_state()));
  CHECK(to_text(p->finalize(std::move(*empty_left))) == expected);
}

std::string to_text(const leda::Table& t) {
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

std::size_t column(const leda::Table& t, const std::string& name) {
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i].name == name) return i;
  FAIL("no column " << name << " in\n" << to_text(t));
  return 0;
}

const leda::Value& cell(const leda::Table& t, std::size_t row, const std::string& name) {
  const std::size_t c = column(t, name);
  INFO(to_text(t));
  REQUIRE(row < t.rows.size());
  return t.rows[row][c];
}

double number(const leda::Table& t, std::size_t row, const std::string& name) {
  const leda::Value& v = cell(t, row, name);
  INFO("row " << row << " column " << name << "\n" << to_text(t));
  REQUIRE(std::holds_alternative<double>(v));
  return std::get<double>(v);
}

std::int64_t integer(const leda::Table& t, std::size_t row, const std::string& name) {
  const leda::Value& v = cell(t, row, name);
  INFO("row " << row << " column " << name << "\n" << to_text(t));
  REQUIRE(std::holds_alternative<std::int64_t>(v));
  return std::get<std::int64_t>(v);
}

std::string text(const leda::Table& t, std::size_t row, const std::string& name) {
  const leda::Value& v = cell(t, row, name);
  INFO("row " << row << " column " << name << "\n" << to_text(t));
  REQUIRE(std::holds_alternative<std::string>(v));
  return std::get<std::string>(v);
}

bool is_null(const leda::Table& t, std::size_t row, const std::string& name) {
  return std::holds_alternative<std::monostate>(cell(t, row, name));
}

std::size_t row_where(const leda::Table& t, const std::string& name, const std::string& value) {
  const std::size_t c = column(t, name);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const leda::Value& v = t.rows[r][c];
    if (auto* s = std::get_if<std::string>(&v); s && *s == value) return r;
    if (auto* i = std::get_if<std::int64_t>(&v); i && std::to_string(*i) == value) return r;
  }
  FAIL("no row with " << name << " = " << value << " in\n" << to_text(t));
  return 0;
}

bool has_note(const leda::Table& t, const std::string& fragment) {
  for (const auto& n : t.notes)
    if (n.find(fragment) != std::string::npos) return true;
  return false;
}

}  // namespace leda_test
