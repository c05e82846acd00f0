// host/kpi_jobs.cpp — see kpi_jobs.hpp.
#include "host/kpi_jobs.hpp"

namespace leda::host {

PreparedRun prepare_run(const std::vector<const LoadedPlugin*>& plugins,
                        const std::vector<std::string>& param_args) {
  std::vector<std::string> names;
  std::vector<const Description*> descriptions;
  for (const auto* p : plugins) {
    names.push_back(p->manifest.name);
    descriptions.push_back(&p->description);
  }
  const auto given = parse_params(param_args, names);
  check_unprefixed(given, descriptions);
  PreparedRun run;
  for (const auto* p : plugins)
    run.jobs.push_back({p, bind_params(p->description, given), {}});
  for (auto& job : run.jobs) {
    if (auto error = configure_plugin(*job.plugin, job.params)) {
      job.error = *error;
      ++run.failed;
    } else {
      run.needs |= job.plugin->description.needs;
    }
  }
  return run;
}

}  // namespace leda::host
