// cli/kpi_pipeline.hpp — what `leda run` and `leda report` share, from the chosen plugins to
// their results: parameters and joins checked, plugins configured, data loaded, KPIs run. Every
// failure is printed once, prefixed with the command's name, and mapped to its exit code.
//
//   cli::KpiPipeline p{"leda run", options};
//   if (int code = p.prepare(chosen_plugins)) return code;   // 2: usage, 3: nothing to do
//   if (int code = p.load()) return code;
//   p.run();                                                  // p.results, p.partial
//
// Over MPI ranks (`cluster` set, dist/cluster.hpp) every rank goes through the same steps:
// join files are read by rank 0 and sent to all, each step's exit code is agreed by all ranks,
// the load gives each rank its entities and every rank the whole load's statistics, and run()
// leaves the results at rank 0. Only rank 0 prints.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "host/kpi_jobs.hpp"
#include "load/loader.hpp"

namespace leda::dist {
class Cluster;
}

namespace leda::cli {

/// The command-line inputs of a KPI run.
struct KpiRunInputs {
  std::vector<std::string> data, params, joins;
  unsigned threads = 0;
  bool strict = false;
  std::size_t shards = host::kShardCount;
  bool mpi = false;  ///< --mpi: join an MPI job even when the launcher's environment is not seen
};

/// See the top of the file. Members are filled step by step.
struct KpiPipeline {
  std::string command;  ///< "leda run": the prefix of every message
  KpiRunInputs in;
  dist::Cluster* cluster = nullptr;  ///< set for a run over several MPI ranks

  host::PreparedRun prepared = {};
  std::optional<load::LoadResult> loaded = {};
  std::vector<host::KpiResult> results = {};
  bool partial = false;  ///< something failed but the run went on (exit code 1)

  /// Checks parameters and joins and configures `plugins`. Returns 0, or the exit code after
  /// printing why: 2 for a usage error, 3 for an unreadable join file or no plugin left to run.
  int prepare(const std::vector<const host::LoadedPlugin*>& plugins);

  /// Loads the data the prepared plugins need. Returns 0, or 3 after printing why when there is
  /// nothing to compute from: no data file was found, or every file failed to read. Problems in
  /// the data are printed; with `strict` they make the run partial.
  int load();

  /// Runs the prepared plugins; a plugin that fails is printed and makes the run partial.
  void run();

  /// prepare() on this rank alone.
  int prepare_here(const std::vector<const host::LoadedPlugin*>& plugins);

  /// Prints "COMMAND: message" on stderr (at rank 0 only, over MPI ranks).
  void say(const std::string& message) const;

  /// False on the MPI ranks other than 0, which print nothing and write no output.
  bool speaks() const;
};

}  // namespace leda::cli
