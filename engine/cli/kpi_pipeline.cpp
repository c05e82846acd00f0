// cli/kpi_pipeline.cpp — see kpi_pipeline.hpp.
#include "cli/kpi_pipeline.hpp"

#include <cstdio>

#include "cli/commands.hpp"
#include "dist/cluster.hpp"
#include "report/load_summary.hpp"

namespace leda::cli {

bool KpiPipeline::speaks() const {
  return cluster == nullptr || cluster->rank() == 0;
}

void KpiPipeline::say(const std::string& message) const {
  if (speaks()) std::fprintf(stderr, "%s: %s\n", command.c_str(), message.c_str());
}

int KpiPipeline::prepare(const std::vector<const host::LoadedPlugin*>& plugins) {
  if (!cluster) return prepare_here(plugins);
  // A state must travel between ranks: a plugin without a state codec cannot take part.
  for (const auto* p : plugins)
    if (p->description.state_version == 0) {
      say("KPI '" + p->manifest.name + "' (" + p->file.string() +
          ") cannot run over MPI ranks: it has no state codec (its Description::state_version "
          "is 0); run it in one process, without mpirun\n(see " +
          command + " --help)");
      return kExitUsage;
    }
  return cluster->agree(prepare_here(plugins));
}

int KpiPipeline::prepare_here(const std::vector<const host::LoadedPlugin*>& plugins) {
  try {
    prepared =
        host::prepare_run(plugins, in.params, in.joins, cluster ? cluster->join_reader() : nullptr);
  } catch (const std::invalid_argument& e) {  // ParamArgError, JoinSpecError, ConfigureError
    say(std::string(e.what()) + "\n(see " + command + " --help)");
    return kExitUsage;
  } catch (const JoinError& e) {
    say(std::string("join: ") + e.what());
    return kExitFailed;
  }
  for (const auto& job : prepared.jobs)
    if (!job.error.empty()) {
      say(job.error);
      partial = true;
    }
  if (prepared.failed == prepared.jobs.size()) {
    say("no KPI could run");
    return kExitFailed;
  }
  return 0;
}

int KpiPipeline::load() {
  try {
    load::LoadOptions lo;
    lo.threads = in.threads;
    lo.needs = prepared.needs;
    if (cluster) {
      lo.progress = false;
      loaded.emplace(cluster->load(in.data, lo));
    } else {
      loaded.emplace(load::load(in.data, lo));
    }
  } catch (const std::exception& e) {
    say(e.what());
    return kExitFailed;
  }
  const load::LoadStats& st = loaded->stats;
  if (st.files_total == 0) {
    say("no data files found");
    return kExitFailed;
  }
  if (const std::string problems = report::load_problems_text(st, 5); !problems.empty()) {
    if (speaks()) std::fprintf(stderr, "%s: %s", command.c_str(), problems.c_str());
    partial = partial || in.strict;
  }
  std::uint64_t usable = 0;
  for (std::uint64_t n : st.files)
    usable += n;
  if (usable == 0) {
    say(st.errors ? "no data file could be read: nothing to compute"
                  : "the data files hold no Data Access records: nothing to compute");
    return kExitFailed;
  }
  return 0;
}

void KpiPipeline::run() {
  results = cluster
                ? cluster->run(prepared.jobs, loaded->model, *prepared.joins, in.threads, in.shards)
                : host::run_kpis(prepared.jobs, loaded->model, *prepared.joins, in.threads, true,
                                 in.shards);
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    if (r.ok()) continue;
    if (r.error != prepared.jobs[i].error) say(r.error);
    partial = true;
  }
}

}  // namespace leda::cli
