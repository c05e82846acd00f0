// dist/state_reduce.hpp — the plugins run on every rank, their states merged into rank 0.
//
//   auto results = leda::dist::reduce_states(comm, jobs, model, joins, threads, shards);
//   // at rank 0: one result per job; elsewhere: none
//
// Each rank runs the jobs over its own model as one process would (shards, the fixed merge
// tree: host::merge_kpis). The ranks' states are then merged in a fixed tree of rank order:
// rank r takes rank r+1's states (sealed in envelopes, state_envelope.hpp), then r+2's when r
// is a multiple of 4, and so on, so `into` always holds the lower ranks and rank 0 ends with
// every rank's state, which it finalizes. A plugin that fails on a rank (or whose envelope is
// refused on arrival) fails alone, its error naming the rank; the first failure in rank order
// is the one reported.
#pragma once

#include <vector>

#include "dist/mpi_comm.hpp"
#include "host/kpi_runner.hpp"

namespace leda::dist {

std::vector<host::KpiResult> reduce_states(Comm& comm, const std::vector<host::KpiJob>& jobs,
                                           const Model& model, const Joins& joins, unsigned threads,
                                           std::size_t shards);

}  // namespace leda::dist
