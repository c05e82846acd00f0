// dist/dist_load.hpp — the load of an MPI run (Cluster::load): files divided among the ranks by
// size, parsed where they are read, their records exchanged so that each rank holds whole
// entities (routing.hpp), merged in the global file order, the statistics added up at rank 0.
//
//   leda::load::LoadResult mine = leda::dist::distributed_load(comm, paths, options, "leda run");
//
// Steps, each collective:
//  1. rank 0 lists the files and sends the list; each file goes to the rank with the fewest
//     bytes so far, largest files first (ties to the lower rank);
//  2. each rank parses its files; visit pieces are cut by visitId into per-rank parts at once,
//     the rest (agent sessions, conversations, surveys) is kept whole;
//  3. the directory: the keys of those records go to the ranks that own them, which answer
//     where each copy goes (routing.hpp); then the rest is cut as answered;
//  4. the parts are exchanged (Comm::exchange: bounded messages);
//  5. each rank merges what it received in (file, part) order: the global path order, so each
//     entity merges its copies in the order one process would;
//  6. rank 0 adds up the files' reports in path order, the duplicates (a record whose items
//     were merged on several ranks is a duplicate when none of them kept one) and the model
//     counts, and sends the statistics to every rank.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "dist/mpi_comm.hpp"
#include "load/loader.hpp"

namespace leda::dist {

/// Rank 0 could not list the paths (every rank throws it, with rank 0's message).
class ListError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// See the top of the file. Throws ListError on every rank when rank 0 cannot list the paths.
load::LoadResult distributed_load(Comm& comm, const std::vector<std::string>& paths,
                                  const load::LoadOptions& options, const std::string& command);

}  // namespace leda::dist
