// host/kpi_runner.cpp — see kpi_runner.hpp.
#include "host/kpi_runner.hpp"

#include <atomic>
#include <memory>
#include <mutex>

#include "host/plugin_guard.hpp"
#include "util/progress.hpp"
#include "util/thread_pool.hpp"

namespace leda::host {
namespace {

Range slice(std::size_t count, std::size_t i, std::size_t n) {
  const auto first = static_cast<std::uint32_t>(count * i / n);
  const auto last = static_cast<std::uint32_t>(count * (i + 1) / n);
  return {first, last - first};
}

PluginIdentity identity_of(const LoadedPlugin& p) {
  return {p.manifest.name, p.file};
}

// The first failure of one plugin's run; later failures of the same plugin are dropped.
class FailureSlot {
 public:
  bool failed() const { return failed_.load(std::memory_order_relaxed); }
  void set(const std::string& message) {
    std::lock_guard lock(mutex_);
    if (!failed_.exchange(true)) message_ = message;
  }
  const std::string& message() const { return message_; }

 private:
  std::atomic<bool> failed_{false};
  std::mutex mutex_;
  std::string message_;
};

// What is wrong with the shape of a plugin's table, or nullopt: every row must have one value
// per column, and column names must be unique and non-empty (they are CSV headers, JSON keys).
std::optional<std::string> check_table(const Table& t) {
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c].name.empty()) return "column " + std::to_string(c + 1) + " has no name";
    for (std::size_t d = 0; d < c; ++d)
      if (t.columns[d].name == t.columns[c].name)
        return "two columns are named '" + t.columns[c].name + "'";
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    if (t.rows[r].size() != t.columns.size())
      return "row " + std::to_string(r + 1) + " has " + std::to_string(t.rows[r].size()) +
             " values for " + std::to_string(t.columns.size()) + " columns";
  return std::nullopt;
}

}  // namespace

std::vector<Batch> shard_model(const Model& model, const Joins& joins, std::size_t shards) {
  if (shards == 0) shards = 1;
  std::vector<Batch> out(shards);
  for (std::size_t i = 0; i < shards; ++i) {
    Batch& b = out[i];
    b.model = &model;
    b.joins = &joins;
    b.agents = slice(model.agents.size(), i, shards);
    b.visits = slice(model.visits.size(), i, shards);
    b.conversations = slice(model.conversations.size(), i, shards);
    b.surveys = slice(model.surveys.size(), i, shards);
  }
  return out;
}

KpiResult failed_result(const LoadedPlugin& plugin, const Params& params, std::string error) {
  KpiResult r;
  r.kpi = plugin.manifest.name;
  r.plugin_version = plugin.manifest.version;
  r.summary = plugin.description.summary;
  r.specs = plugin.description.params;
  r.params = params;
  r.error = std::move(error);
  return r;
}

std::vector<KpiResult> run_kpis(const std::vector<KpiJob>& jobs, const Model& model,
                                const Joins& joins, unsigned threads, bool progress,
                                std::size_t shards) {
  return finalize_kpis(jobs, merge_kpis(jobs, model, joins, threads, progress, shards), threads);
}

std::vector<MergedState> merge_kpis(const std::vector<KpiJob>& jobs, const Model& model,
                                    const Joins& joins, unsigned threads, bool progress,
                                    std::size_t shards) {
  if (threads == 0) threads = leda::util::default_threads();
  const std::vector<Batch> batches = shard_model(model, joins, shards);
  const std::size_t P = jobs.size(), S = batches.size();
  std::vector<std::vector<std::unique_ptr<KpiState>>> states(P);
  for (auto& s : states)
    s.resize(S);
  std::vector<FailureSlot> failures(P);
  for (std::size_t p = 0; p < P; ++p)
    if (!jobs[p].error.empty()) failures[p].set(jobs[p].error);

  // Update: one task per (plugin, shard), shards of all plugins interleaved.
  std::unique_ptr<leda::util::Progress> bar;
  if (progress) bar = std::make_unique<leda::util::Progress>("running KPIs", P * S, "shards");
  leda::util::parallel_for(P * S, threads, [&](std::size_t task) {
    const std::size_t s = task / P, p = task % P;
    if (bar) bar->add(1);
    if (failures[p].failed()) return;
    const KpiPlugin& plugin = *jobs[p].plugin->plugin;
    try {
      const PluginIdentity who = identity_of(*jobs[p].plugin);
      auto state = call_plugin(who, "create_state", [&] { return plugin.create_state(); });
      if (!state) throw PluginFailure(who, "create_state", "it returned no state");
      call_plugin(who, "update", [&] { plugin.update(*state, batches[s]); });
      states[p][s] = std::move(state);
    } catch (const PluginFailure& e) {
      failures[p].set(e.what());
    }
  });
  if (bar) bar->finish();

  // Merge: a fixed pairwise tree in shard order; pairs of one level run in parallel.
  for (std::size_t step = 1; step < S; step *= 2) {
    std::vector<std::pair<std::size_t, std::size_t>> pairs;  // (plugin, left shard)
    for (std::size_t p = 0; p < P; ++p)
      for (std::size_t i = 0; i + step < S; i += 2 * step)
        pairs.emplace_back(p, i);
    leda::util::parallel_for(pairs.size(), threads, [&](std::size_t k) {
      // Not a structured binding: clang 14 cannot capture one in the lambda below.
      const std::size_t p = pairs[k].first, i = pairs[k].second;
      if (failures[p].failed()) return;
      try {
        call_plugin(identity_of(*jobs[p].plugin), "merge", [&] {
          jobs[p].plugin->plugin->merge(*states[p][i], std::move(*states[p][i + step]));
        });
      } catch (const PluginFailure& e) {
        failures[p].set(e.what());
      }
      states[p][i + step].reset();
    });
  }

  std::vector<MergedState> out(P);
  for (std::size_t p = 0; p < P; ++p) {
    if (failures[p].failed())
      out[p].error = failures[p].message();
    else
      out[p].state = std::move(states[p][0]);
  }
  return out;
}

std::vector<KpiResult> finalize_kpis(const std::vector<KpiJob>& jobs,
                                     std::vector<MergedState>&& states, unsigned threads) {
  if (threads == 0) threads = leda::util::default_threads();
  const std::size_t P = jobs.size();
  std::vector<KpiResult> results(P);
  leda::util::parallel_for(P, threads, [&](std::size_t p) {
    const LoadedPlugin& lp = *jobs[p].plugin;
    KpiResult& r = results[p];
    r = failed_result(lp, jobs[p].params, {});
    std::string error = states[p].error;
    if (error.empty() && !states[p].state)
      error = PluginIdentity{lp.manifest.name, lp.file}.describe() + " has no state to finalize";
    if (error.empty()) {
      try {
        r.table = call_plugin(identity_of(lp), "finalize",
                              [&] { return lp.plugin->finalize(std::move(*states[p].state)); });
        if (auto why = check_table(*r.table))
          error = PluginIdentity{lp.manifest.name, lp.file}.describe() +
                  " returned a malformed table: " + *why;
      } catch (const PluginFailure& e) {
        error = e.what();
      }
    }
    states[p].state.reset();
    if (!error.empty()) {
      r.table.reset();
      r.error = std::move(error);
    }
  });
  return results;
}

}  // namespace leda::host
