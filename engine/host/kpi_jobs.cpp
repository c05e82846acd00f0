// host/kpi_jobs.cpp — see kpi_jobs.hpp.
#include "host/kpi_jobs.hpp"

#include "host/csv_reader.hpp"

#include "host/plugin_guard.hpp"

namespace leda::host {
namespace {

// Configures one plugin. Returns the error of a plugin bug; throws ConfigureError when the
// plugin refuses a parameter value or a join (what a user fixes on the command line).
std::optional<std::string> configure(const LoadedPlugin& p, const Params& params,
                                     const Joins& joins) {
  const std::string& name = p.manifest.name;
  try {
    p.plugin->configure(params, joins);
  } catch (const leda::ParamError& e) {
    std::string value;
    if (auto it = params.all().find(e.param()); it != params.all().end())
      value = " (--param " + name + "." + e.param() + "=" + it->second + ")";
    throw ConfigureError(name + ": parameter " + e.param() + value + ": " + e.what());
  } catch (const JoinError& e) {
    throw ConfigureError(name + ": " + e.what());
  } catch (const PluginError& e) {
    throw ConfigureError(name + ": " + e.what());
  } catch (...) {
    try {
      call_plugin({name, p.file}, "configure", [] { throw; });
    } catch (const PluginFailure& f) {
      return std::string(f.what());
    }
  }
  return std::nullopt;
}

}  // namespace

PreparedRun prepare_run(const std::vector<const LoadedPlugin*>& plugins,
                        const std::vector<std::string>& param_args,
                        const std::vector<std::string>& join_args,
                        const std::function<std::string(const JoinArg&)>& join_text) {
  std::vector<std::string> names;
  std::vector<const Description*> descriptions;
  for (const auto* p : plugins) {
    names.push_back(p->manifest.name);
    descriptions.push_back(&p->description);
  }
  const auto given = parse_params(param_args, names);
  check_unprefixed(given, descriptions);
  const auto joins = parse_join_args(join_args);
  check_join_names(joins, descriptions);

  PreparedRun run;
  for (const auto* p : plugins)
    run.jobs.push_back({p, bind_params(p->description, given), {}});
  std::vector<JoinTable> tables;
  if (join_text) {
    for (const JoinArg& a : joins)
      tables.push_back(parse_csv(a.name, join_text(a), a.file));
  } else {
    tables = read_join_tables(joins);
  }
  check_join_requirements(tables, descriptions);
  run.joins = std::make_shared<const Joins>(joins_of(std::move(tables)));
  for (auto& job : run.jobs) {
    if (auto error = configure(*job.plugin, job.params, *run.joins)) {
      job.error = *error;
      ++run.failed;
    } else {
      run.needs |= job.plugin->description.needs;
    }
  }
  return run;
}

}  // namespace leda::host
