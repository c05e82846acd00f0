// dist/state_reduce.cpp — see state_reduce.hpp.
#include "dist/state_reduce.hpp"

#include "dist/state_envelope.hpp"
#include "host/plugin_guard.hpp"

namespace leda::dist {
namespace {

std::string on_rank(const std::string& error, int rank) {
  return error + " (on rank " + std::to_string(rank) + ")";
}

// Every job's state as an envelope, or its error: [ok][bytes] per job.
std::string pack(const std::vector<host::KpiJob>& jobs, std::vector<host::MergedState>& states,
                 const std::vector<StateIdentity>& who) {
  StateWriter w;
  for (std::size_t p = 0; p < jobs.size(); ++p) {
    std::string error = states[p].error;
    std::string bytes;
    if (error.empty()) {
      try {
        const host::PluginIdentity id{jobs[p].plugin->manifest.name, jobs[p].plugin->file};
        bytes = host::call_plugin(id, "encode_state", [&] {
          return encode_state(*jobs[p].plugin->plugin, who[p], *states[p].state);
        });
      } catch (const host::PluginFailure& e) {
        error = e.what();
      }
    }
    states[p].state.reset();
    w.boolean(error.empty());
    w.str(error.empty() ? bytes : error);
  }
  return w.take();
}

}  // namespace

std::vector<host::KpiResult> reduce_states(Comm& comm, const std::vector<host::KpiJob>& jobs,
                                           const Model& model, const Joins& joins, unsigned threads,
                                           std::size_t shards) {
  const int rank = comm.rank(), ranks = comm.size();
  std::vector<host::MergedState> states =
      host::merge_kpis(jobs, model, joins, threads, false, shards);
  std::vector<StateIdentity> who;
  for (std::size_t p = 0; p < jobs.size(); ++p) {
    who.push_back(identity_of(*jobs[p].plugin, jobs[p].params));
    // A job that failed before the run failed the same way everywhere: no rank to name.
    if (!states[p].error.empty() && states[p].error != jobs[p].error)
      states[p].error = on_rank(states[p].error, rank);
  }
  for (int step = 1; step < ranks; step *= 2) {
    if (rank % (2 * step) == step) {
      comm.send(rank - step, pack(jobs, states, who));
      return {};
    }
    if (rank % (2 * step) != 0 || rank + step >= ranks) continue;
    const int from = rank + step;
    const std::string bytes = comm.receive(from);
    StateReader r(bytes);
    for (std::size_t p = 0; p < jobs.size(); ++p) {
      const bool ok = r.boolean();
      const std::string body = r.str();
      host::MergedState& mine = states[p];
      if (!mine.error.empty()) continue;  // a lower rank's failure stays the one reported
      if (!ok) {
        mine.state.reset();
        mine.error = body;
        continue;
      }
      const host::LoadedPlugin& lp = *jobs[p].plugin;
      const host::PluginIdentity id{lp.manifest.name, lp.file};
      try {
        std::unique_ptr<KpiState> theirs;
        try {
          theirs = host::call_plugin(id, "decode_state",
                                     [&] { return decode_state(*lp.plugin, who[p], body); });
        } catch (const host::PluginFailure& e) {
          throw host::PluginFailure(
              id, "decode_state",
              "the state from rank " + std::to_string(from) + " was refused: " + e.reason());
        }
        host::call_plugin(id, "merge", [&] { lp.plugin->merge(*mine.state, std::move(*theirs)); });
      } catch (const host::PluginFailure& e) {
        mine.state.reset();
        mine.error = on_rank(e.what(), rank);
      }
    }
    r.expect_end();
  }
  return host::finalize_kpis(jobs, std::move(states), threads);
}

}  // namespace leda::dist
