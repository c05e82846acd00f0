// testkit/merge_check.cpp — see leda/testkit/merge_check.hpp.
#include "leda/testkit/merge_check.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace leda::testkit {
namespace {

using StatePtr = std::unique_ptr<KpiState>;

// Bit-for-bit equality of two cells (0.1 + 0.2 != 0.3; -0.0 != 0.0; NaN == the same NaN).
bool same(const Value& a, const Value& b) {
  if (a.index() != b.index()) return false;
  if (const double* x = std::get_if<double>(&a)) {
    const double y = std::get<double>(b);
    return std::memcmp(x, &y, sizeof y) == 0;
  }
  return a == b;
}

// The first difference between two tables, or "".
std::string difference(const Table& expected, const Table& got) {
  if (expected.columns.size() != got.columns.size()) return "a different number of columns";
  for (std::size_t c = 0; c < expected.columns.size(); ++c)
    if (expected.columns[c].name != got.columns[c].name ||
        expected.columns[c].type != got.columns[c].type)
      return "column " + std::to_string(c) + " differs";
  if (expected.rows.size() != got.rows.size())
    return std::to_string(got.rows.size()) + " rows instead of " +
           std::to_string(expected.rows.size());
  for (std::size_t r = 0; r < expected.rows.size(); ++r)
    for (std::size_t c = 0; c < expected.columns.size(); ++c)
      if (!same(expected.rows[r][c], got.rows[r][c]))
        return "row " + std::to_string(r) + ", column " + expected.columns[c].name + " differs";
  if (expected.notes != got.notes) return "the notes differ";
  return {};
}

// `state` encoded and decoded again, when the plugin has a state codec; else `state` itself.
StatePtr travel(const KpiPlugin& p, StatePtr state) {
  if (p.describe().state_version == 0) return state;
  StateWriter w;
  p.encode_state(*state, w);
  StateReader r(w.bytes());
  StatePtr back = p.decode_state(r);
  r.expect_end();
  // A second trip must give the same bytes: the encoding is a function of the state.
  StateWriter again;
  p.encode_state(*back, again);
  if (again.bytes() != w.bytes())
    throw CheckFailure("encoding a decoded state gives other bytes than the original encoding");
  return back;
}

// Merges states[first, last) as a random binary tree that keeps their order.
StatePtr merge_tree(const KpiPlugin& p, std::vector<StatePtr>& states, std::size_t first,
                    std::size_t last, std::mt19937& rng) {
  if (last - first == 1) return std::move(states[first]);
  const std::size_t split = std::uniform_int_distribution<std::size_t>(first + 1, last - 1)(rng);
  StatePtr left = merge_tree(p, states, first, split, rng);
  StatePtr right = merge_tree(p, states, split, last, rng);
  p.merge(*left, std::move(*right));
  return left;
}

std::string describe_sharding(const std::vector<Batch>& shards) {
  std::string out;
  for (const Batch& b : shards)
    out += (out.empty() ? "" : ", ") + std::string("[agents ") + std::to_string(b.agents.first) +
           "+" + std::to_string(b.agents.count) + ", visits " + std::to_string(b.visits.first) +
           "+" + std::to_string(b.visits.count) + ", conversations " +
           std::to_string(b.conversations.first) + "+" + std::to_string(b.conversations.count) +
           ", surveys " + std::to_string(b.surveys.first) + "+" + std::to_string(b.surveys.count) +
           "]";
  return out;
}

}  // namespace

std::vector<Batch> random_shards(const Model& model, const Joins& joins, unsigned count,
                                 std::uint32_t seed) {
  std::mt19937 rng(seed);
  if (count == 0) count = 1;
  auto cuts = [&](std::size_t size) {
    std::vector<std::uint32_t> c{0, static_cast<std::uint32_t>(size)};
    for (unsigned i = 1; i < count; ++i)
      c.push_back(
          std::uniform_int_distribution<std::uint32_t>(0, static_cast<std::uint32_t>(size))(rng));
    std::sort(c.begin(), c.end());
    return c;
  };
  const auto a = cuts(model.agents.size()), v = cuts(model.visits.size()),
             c = cuts(model.conversations.size()), s = cuts(model.surveys.size());
  std::vector<Batch> out(count);
  for (unsigned i = 0; i < count; ++i) {
    out[i].model = &model;
    out[i].joins = &joins;
    out[i].agents = {a[i], a[i + 1] - a[i]};
    out[i].visits = {v[i], v[i + 1] - v[i]};
    out[i].conversations = {c[i], c[i + 1] - c[i]};
    out[i].surveys = {s[i], s[i + 1] - s[i]};
  }
  return out;
}

void check_merge(const PluginUnderTest& plugin, const Model& model, const Joins& joins,
                 const Overrides& params, const MergeCheckOptions& options) {
  const auto p = plugin.configured(params, joins);
  const std::string name = plugin.describe().name;

  StatePtr one = p->create_state();
  p->update(*one, whole(model, joins));
  const Table expected = p->finalize(std::move(*one));
  if (expected.rows.empty())
    throw CheckFailure(name +
                       ": the one-shard table has no rows, so a merge check proves "
                       "nothing; give the check data that makes rows");

  auto check = [&](const Table& got, const std::string& how) {
    if (const std::string d = difference(expected, got); !d.empty())
      throw CheckFailure(name + ": " + how + ": " + d + "\nexpected (one shard):\n" +
                         to_text(expected) + "got:\n" + to_text(got));
  };

  // Empty states on either side of a merge change nothing.
  {
    StatePtr full = p->create_state();
    p->update(*full, whole(model, joins));
    StatePtr left = p->create_state();
    p->merge(*left, std::move(*full));
    p->merge(*left, std::move(*p->create_state()));
    check(p->finalize(std::move(*left)), "merged with empty states on both sides");
  }

  for (unsigned k = 0; k < options.shardings; ++k) {
    const std::uint32_t seed = options.seed + k;
    std::mt19937 rng(seed);
    const unsigned count =
        std::uniform_int_distribution<unsigned>(1, std::max(1u, options.max_shards))(rng);
    const std::vector<Batch> shards = random_shards(model, joins, count, seed);
    std::vector<StatePtr> states;
    for (const Batch& b : shards) {
      StatePtr s = p->create_state();
      p->update(*s, b);
      states.push_back(travel(*p, std::move(s)));
    }
    StatePtr merged = travel(*p, merge_tree(*p, states, 0, states.size(), rng));
    check(p->finalize(std::move(*merged)),
          "sharding seed " + std::to_string(seed) + " (" + describe_sharding(shards) +
              ", merged in a random order" +
              (p->describe().state_version ? ", states encoded and decoded" : "") + ")");
  }
}

}  // namespace leda::testkit
