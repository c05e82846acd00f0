// dist/cluster.hpp — one rank's part in a `leda run` or `leda report` spread over MPI ranks.
//
// The command joins the cluster before it does anything else; with no MPI launch (and no
// --mpi) there is no cluster and the run is the one-process run. A cluster of one rank is
// treated the same way.
//
//   auto cluster = leda::dist::join_cluster(forced, "leda run");   // ClusterError
//   if (cluster && cluster->size() > 1) {
//     prepare_run(..., cluster->join_reader());          // join files read once, by rank 0
//     LoadResult local = cluster->load(paths, options);  // this rank's entities, every rank's stats
//     auto results = cluster->run(jobs, local.model, joins, threads, shards);  // at rank 0
//     code = cluster->finish(code);                      // rank 0's exit code, on every rank
//   }
//
// What each rank does (see the README, "Running on a cluster"): rank 0 lists the files and
// divides them among the ranks by size; each rank parses its files, and the records are
// exchanged so that each rank holds whole entities (dist/routing.hpp), merged in the global
// file order; each rank runs the plugins over its model; the states are sealed
// (dist/state_envelope.hpp) and merged in a fixed tree of rank order into rank 0, which
// finalizes them and writes the output. Every rank sees the same load statistics.
//
// Thread-safety: call from the main thread only.
#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "host/join_files.hpp"
#include "host/kpi_runner.hpp"
#include "load/loader.hpp"

namespace leda::dist {

/// A launch leda cannot serve: --mpi in a build without MPI, or mpirun starting a build
/// without MPI with several ranks. A usage error.
class ClusterError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Figures of the distributed parts of a run, for --timing.
struct ClusterTiming {
  std::uint64_t bytes_sent = 0;   ///< by this rank to others
  std::uint64_t bytes_total = 0;  ///< by all ranks
  double exchange_seconds = 0;    ///< this rank's time in MPI calls
  double max_exchange_seconds = 0;
};

class Cluster {
 public:
  virtual ~Cluster() = default;

  virtual int rank() const = 0;
  virtual int size() const = 0;

  /// For host::prepare_run: rank 0 reads each join file and sends its bytes to every rank (or
  /// why it could not, which every rank then throws as a leda::JoinError). Collective.
  virtual std::function<std::string(const host::JoinArg&)> join_reader() = 0;

  /// The load of an MPI run: this rank's model (whole entities, see routing.hpp) and the
  /// statistics of the whole load, the same on every rank. Throws std::runtime_error when the
  /// paths cannot be listed (on every rank). Collective.
  virtual load::LoadResult load(const std::vector<std::string>& paths,
                                const load::LoadOptions& options) = 0;

  /// Runs the jobs over this rank's model and merges the states of all ranks into rank 0,
  /// which returns the results (other ranks return none). A plugin that fails on any rank fails
  /// with that rank named. Collective.
  virtual std::vector<host::KpiResult> run(const std::vector<host::KpiJob>& jobs,
                                           const Model& model, const Joins& joins, unsigned threads,
                                           std::size_t shards) = 0;

  /// The largest of every rank's `code` (a step every rank must pass or none). Collective.
  virtual int agree(int code) = 0;
  /// Rank 0's `code` on every rank: the run's exit code. Collective.
  virtual int finish(int code) = 0;

  /// The figures so far. Collective.
  virtual ClusterTiming timing() = 0;
};

/// Joins the MPI job this process was started in: when `forced` (--mpi) or when the launcher's
/// environment says so (OMPI_COMM_WORLD_SIZE, PMIX_RANK, PMI_RANK). Returns nullptr for a
/// one-process run. Throws ClusterError (see above).
std::unique_ptr<Cluster> join_cluster(bool forced, const std::string& command);

/// True when the environment says this process is one rank of several (mpirun's variables);
/// `ranks` gets their number (0 when the launcher does not say).
bool launched_by_mpi(int* ranks = nullptr);

/// True for a rank other than 0 of an MPI launch: it leaves messages to rank 0 (they would be
/// the same), before it has even joined the cluster.
bool quiet_rank();

}  // namespace leda::dist
