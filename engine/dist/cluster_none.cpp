// dist/cluster_none.cpp — join_cluster() of a build without MPI: one process only.
#include <cstdlib>

#include "dist/cluster.hpp"

namespace leda::dist {

std::unique_ptr<Cluster> join_cluster(bool forced, const std::string&) {
  if (forced)
    throw ClusterError(
        "--mpi: this leda was built without MPI (install libopenmpi-dev and "
        "build again: MPI found turns it on)");
  int ranks = 1;
  if (launched_by_mpi(&ranks) && ranks > 1)
    throw ClusterError("started by mpirun as one of " + std::to_string(ranks) +
                       " ranks, but this leda was built without MPI: each rank would do the "
                       "whole run (run it without mpirun, or build leda with MPI)");
  return nullptr;
}

}  // namespace leda::dist
