// host/kpi_jobs.hpp — everything a run checks before it reads any data: parameters, joins, and
// each plugin's configure().
//
//   leda::host::PreparedRun run = leda::host::prepare_run(plugins, param_args, join_args);
//   leda::load::LoadOptions opts;
//   opts.needs = run.needs;                     // load only what these plugins read
//   auto results = leda::host::run_kpis(run.jobs, model, *run.joins, threads);
//
// Errors: a `--param` that is unknown or of the wrong type (ParamArgError), a `--join` that is
// malformed, read by no plugin of the run or missing a required column (JoinSpecError), and a
// value or join a plugin refuses in configure() (ConfigureError) are usage errors: the user
// must change the command. A join file that cannot be read is a leda::JoinError.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "host/join_files.hpp"
#include "host/kpi_runner.hpp"
#include "host/param_binding.hpp"

namespace leda::host {

/// A plugin refused its parameters or joins in configure(): a usage error. what() names the
/// plugin and, for a parameter, the parameter and the value given.
class ConfigureError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// The jobs of a run, in the order of the plugins given, and the joins they read.
struct PreparedRun {
  std::vector<KpiJob> jobs;  ///< a job whose configure failed with a bug carries its error
  /// The joins the plugins were configured with. Held by pointer: plugins may keep pointers
  /// into them, so they never move.
  std::shared_ptr<const Joins> joins = std::make_shared<const Joins>();
  std::uint32_t needs = 0;  ///< the union of the Need bits of the jobs that can run
  std::size_t failed = 0;   ///< how many jobs failed in configure (not counting usage errors)
};

/// Checks every `--param` in `param_args` and every `--join NAME=FILE` in `join_args` against
/// the plugins, reads the joins, then configures each plugin. Throws ParamArgError, JoinSpecError
/// or ConfigureError (usage errors) and leda::JoinError (an unreadable join file). A plugin that
/// throws anything else in configure gets its error in its job; the others are unaffected.
/// `join_text`, when given, returns the bytes of a join's file instead of reading it (an MPI
/// run reads each file once and sends it to every rank); it throws leda::JoinError when the
/// file cannot be read.
PreparedRun prepare_run(const std::vector<const LoadedPlugin*>& plugins,
                        const std::vector<std::string>& param_args,
                        const std::vector<std::string>& join_args,
                        const std::function<std::string(const JoinArg&)>& join_text = {});

}  // namespace leda::host
