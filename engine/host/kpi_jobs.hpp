// host/kpi_jobs.hpp — turns chosen plugins and `--param` arguments into configured KpiJobs.
//
//   leda::host::PreparedRun run = leda::host::prepare_run(plugins, param_args);  // ParamError
//   leda::LoadOptions opts;
//   opts.needs = run.needs;                     // load only what these plugins read
//   auto results = leda::host::run_kpis(run.jobs, model, joins, threads);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "host/kpi_runner.hpp"
#include "host/param_binding.hpp"

namespace leda::host {

/// The jobs of a run, in the order of the plugins given.
struct PreparedRun {
  std::vector<KpiJob> jobs;  ///< a job whose configure failed carries its error
  std::uint32_t needs = 0;   ///< the union of the Need bits of the jobs that can run
  std::size_t failed = 0;    ///< how many jobs failed in configure
};

/// Checks every `--param` in `param_args` against the plugins (ParamError on the first bad
/// one: a usage error, nothing has run yet), then configures each plugin. A plugin that throws
/// in configure gets its error in its job; the others are unaffected.
PreparedRun prepare_run(const std::vector<const LoadedPlugin*>& plugins,
                        const std::vector<std::string>& param_args);

}  // namespace leda::host
