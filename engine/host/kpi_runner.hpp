// host/kpi_runner.hpp — runs configured KPI plugins over shards of a model.
//
//   leda::host::PreparedRun run = leda::host::prepare_run(plugins, params, joins);  // kpi_jobs.hpp
//   std::vector<leda::host::KpiResult> results =
//       leda::host::run_kpis(run.jobs, model, *run.joins, /*threads=*/4);
//
// Execution: the model is cut into kShardCount shards (a fixed number, so results never depend
// on the thread count; `leda run --shards N` picks another number to check a plugin's merge).
// Every (plugin, shard) pair is one task on the thread pool: create_state then update. Each plugin's states are then merged as a fixed pairwise tree in shard order
// ((0,1), (2,3), ... then (0,2), ...: `into` always holds the earlier shards) and finalized.
// Floating-point sums therefore add up in the same order with 1 or N threads.
//
// A plugin that throws anywhere fails alone: its result carries the error, the others run on.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "host/plugin_library.hpp"
#include "leda/plugin.hpp"

namespace leda::host {

/// The number of shards a model is cut into. Fixed: it must not depend on the thread count.
inline constexpr std::size_t kShardCount = 64;

/// Cuts `model` into `shards` batches: shard i holds items [n*i/shards, n*(i+1)/shards) of the
/// agents, visits, conversations and surveys (n being each vector's size). Every session of an
/// agent comes with its agent. The batches point at `model` and `joins`, which must outlive them.
std::vector<Batch> shard_model(const Model& model, const Joins& joins, std::size_t shards);

/// One plugin to run with its checked parameters. `plugin` must be configured with `params`.
struct KpiJob {
  const LoadedPlugin* plugin = nullptr;
  Params params;
  std::string error;  ///< non-empty: it failed before the run (e.g. in configure); not run
};

/// What one plugin produced, or why it did not.
struct KpiResult {
  std::string kpi;             ///< the plugin's name
  std::string plugin_version;  ///< its version
  std::string summary;         ///< its one-line summary
  std::vector<ParamSpec> specs;
  Params params;               ///< the values it ran with (defaults filled in)
  std::optional<Table> table;  ///< absent when the plugin failed
  std::string error;           ///< why it failed (names the plugin, its file and the call)

  bool ok() const { return table.has_value(); }
};

/// A result for `plugin` that failed before it ran (e.g. in configure), with `error`.
KpiResult failed_result(const LoadedPlugin& plugin, const Params& params, std::string error);

/// Runs `jobs` over `model` on `threads` threads (0: the machine's cores) and returns one result
/// per job, in job order. Shows a progress bar on stderr when `progress` and stderr is a
/// terminal. Never throws for a plugin's failure. The same as finalize_kpis(merge_kpis(...)).
std::vector<KpiResult> run_kpis(const std::vector<KpiJob>& jobs, const Model& model,
                                const Joins& joins, unsigned threads, bool progress = true,
                                std::size_t shards = kShardCount);

/// One job's state over all shards of a model, merged; or why it failed (then no state).
struct MergedState {
  std::unique_ptr<KpiState> state;
  std::string error;
};

/// The first half of run_kpis: every job updated over the shards and merged (the fixed tree).
/// One entry per job, in job order. A job that carries an error is not run.
std::vector<MergedState> merge_kpis(const std::vector<KpiJob>& jobs, const Model& model,
                                    const Joins& joins, unsigned threads, bool progress = true,
                                    std::size_t shards = kShardCount);

/// The second half: each state finalized and its table checked; a failed one keeps its error.
std::vector<KpiResult> finalize_kpis(const std::vector<KpiJob>& jobs,
                                     std::vector<MergedState>&& states, unsigned threads);

}  // namespace leda::host
