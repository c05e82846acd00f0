// `leda run`: runs chosen KPI plugins over loaded data and prints their tables.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "cli/commands.hpp"
#include "host/join_files.hpp"
#include "host/kpi_jobs.hpp"
#include "host/plugin_catalog.hpp"
#include "load/loader.hpp"
#include "report/kpi_output.hpp"
#include "report/load_summary.hpp"
#include "report/terminal_width.hpp"
#include "util/atomic_file.hpp"

namespace leda::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: leda run KPI [KPI...] --data DIR [--data DIR...] [--join agents=FILE]\n"
    "                [--join membership=FILE] [--param [KPI.]NAME=VALUE]...\n"
    "                [--format table|csv|json] [--out FILE] [--threads N] [--strict]\n"
    "                [--plugin-dir DIR]... [--timing]\n\n"
    "Runs KPI plugins over Data Access files and prints their tables. Only what the chosen\n"
    "KPIs read is loaded. `leda plugins` lists the KPIs and their parameters.\n";

constexpr const char* kMoreHelp =
    "\nOutput (--out):\n"
    "  one KPI       FILE holds its table in the chosen format.\n"
    "  several KPIs  json: FILE holds one JSON array of the KPI objects.\n"
    "                csv: one file per KPI, named FILE + <kpi> + .csv (FILE is a prefix:\n"
    "                `--out results/` writes results/<kpi>.csv, `--out day1-` writes\n"
    "                day1-<kpi>.csv); table: the same, named FILE + <kpi> + .txt.\n"
    "  Files are written whole or not at all; a FILE ending in / is a folder, made when\n"
    "  missing. Without --out everything goes to stdout (several CSV tables are separated\n"
    "  by an empty line). JSON for several KPIs is always one array, also when some of them\n"
    "  failed. CSV carries no notes: they are printed on stderr.\n"
    "\nPlugins are searched in each --plugin-dir, then in the folders of LEDA_PLUGIN_PATH\n"
    "(colon-separated), then in the built-in plugin folder.\n"
    "\nExit codes: 0 ok; 1 a plugin failed (to load, to configure or to run: the others'\n"
    "results are still printed), or --strict and the data had problems; 2 usage error\n"
    "(unknown option, KPI or parameter); 3 nothing could be done (a join file could not be\n"
    "read, the data could not be listed, no KPI could run, the output could not be written).\n";

struct Options {
  std::vector<std::string> kpis, data, joins, params, plugin_dirs;
  std::string format = "table", out;
  unsigned threads = 0;
  bool strict = false;
  bool timing = false;
};

po::options_description visible_options(Options& o) {
  po::options_description d("options");
  d.add_options()("help,h", "show this help")(
      "data", po::value(&o.data)->composing(),
      "DIR|FILE: Data Access files to load (folders are walked); repeatable")(
      "join", po::value(&o.joins)->composing(),
      "NAME=FILE: your CSV table; agents=FILE (agent map) and membership=FILE (customer "
      "segments) are understood by the built-in KPIs; repeatable")(
      "param", po::value(&o.params)->composing(),
      "KPI.NAME=VALUE sets a parameter of one KPI; NAME=VALUE sets it for every chosen KPI "
      "that has it; repeatable")("format", po::value(&o.format)->default_value("table"),
                                 "table, csv or json")(
      "out", po::value(&o.out), "FILE: write the output here (see below for several KPIs)")(
      "threads", po::value(&o.threads)->default_value(0),
      "N: threads for loading and running (0: all cores)")(
      "strict", po::bool_switch(&o.strict), "problems in the data make the exit code 1")(
      "timing", po::bool_switch(&o.timing), "print on stderr how long loading and running took")(
      "plugin-dir", po::value(&o.plugin_dirs)->composing(),
      "DIR: look for plugins here first; repeatable");
  return d;
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "leda run: %s\n(see leda run --help)\n", message.c_str());
  return kExitUsage;
}

// Writes `text` to stdout or atomically to `path`.
void emit(const std::string& path, const std::string& text) {
  if (path.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else {
    util::write_file_atomically(path, text);
  }
}

std::string formatted(const host::KpiResult& r, const std::string& format, bool to_file) {
  if (format == "csv") return report::result_csv(r);
  if (format == "json") return report::results_json({&r}, false);
  // A table for a terminal fits its width; a table for a file keeps one line per row.
  return report::result_text(r, 0, to_file ? 0 : report::terminal_width(STDOUT_FILENO));
}

// Writes the successful results. `several`: more than one KPI was asked for, which decides the
// shape (a JSON array, one file per KPI) even when only one of them succeeded.
void write_results(const std::vector<const host::KpiResult*>& ok, bool several, const Options& o) {
  if (o.format == "csv")
    for (const auto* r : ok)
      for (const auto& note : r->table->notes)
        std::fprintf(stderr, "leda run: note (%s): %s\n", r->kpi.c_str(), note.c_str());
  if (o.format == "json") return emit(o.out, report::results_json(ok, several));
  if (!several) return emit(o.out, formatted(*ok[0], o.format, !o.out.empty()));
  if (!o.out.empty()) {
    // `--out results/`: the folder is made when it does not exist.
    if (o.out.back() == '/') std::filesystem::create_directories(o.out);
    const std::string ext = o.format == "csv" ? ".csv" : ".txt";
    for (const auto* r : ok)
      emit(o.out + r->kpi + ext, formatted(*r, o.format, true));
    return;
  }
  std::string all;
  for (std::size_t i = 0; i < ok.size(); ++i)
    all += (i ? "\n" : "") + formatted(*ok[i], o.format, false);
  emit({}, all);
}

}  // namespace

int run(int argc, char** argv) {
  Options o;
  po::options_description visible = visible_options(o);
  po::options_description all;
  all.add(visible).add_options()("kpi", po::value(&o.kpis)->composing());
  po::positional_options_description positional;
  positional.add("kpi", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return usage_error(e.what());
  }
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << visible << kMoreHelp;
    return kExitOk;
  }
  if (o.format != "table" && o.format != "csv" && o.format != "json")
    return usage_error("--format " + o.format + ": expected table, csv or json");
  if (o.kpis.empty()) return usage_error("name at least one KPI (`leda plugins` lists them)");
  if (o.data.empty()) return usage_error("--data DIR is required");

  bool partial = false;
  std::vector<host::PluginSearchEntry> path;
  try {
    path = host::plugin_search_path(o.plugin_dirs);
  } catch (const std::invalid_argument& e) {
    return usage_error(e.what());
  }
  host::PluginCatalog catalog = host::PluginCatalog::discover(path);
  for (const auto& f : catalog.failures()) {
    std::fprintf(stderr, "leda run: %s\n", host::describe_failure(f).c_str());
    partial = true;
  }

  std::vector<const host::LoadedPlugin*> chosen;
  std::set<std::string> seen;
  for (const auto& name : o.kpis) {
    if (!seen.insert(name).second) continue;
    if (const auto* entry = catalog.find(name)) {
      chosen.push_back(&entry->loaded);
    } else if (!catalog.find_failure(name)) {
      return usage_error("unknown KPI '" + name + "' (available: " + catalog.names() + ")");
    }
  }
  if (chosen.empty()) {
    std::fprintf(stderr, "leda run: none of the KPIs asked for could be loaded\n");
    return kExitFailed;
  }

  host::PreparedRun prepared;
  try {
    prepared = host::prepare_run(chosen, o.params);
  } catch (const host::ParamError& e) {
    return usage_error(e.what());
  }
  for (const auto& job : prepared.jobs)
    if (!job.error.empty()) std::fprintf(stderr, "leda run: %s\n", job.error.c_str());
  if (prepared.failed == prepared.jobs.size()) return kExitFailed;

  Joins joins;
  try {
    joins = host::read_joins(o.joins);
  } catch (const host::JoinSpecError& e) {
    return usage_error(e.what());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "leda run: join: %s\n", e.what());
    return kExitFailed;
  }

  std::optional<load::LoadResult> loaded;
  try {
    load::LoadOptions lo;
    lo.threads = o.threads;
    lo.needs = prepared.needs;
    loaded.emplace(load::load(o.data, lo));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "leda run: %s\n", e.what());
    return kExitFailed;
  }
  if (const std::string problems = report::load_problems_text(loaded->stats, 5);
      !problems.empty()) {
    std::fprintf(stderr, "leda run: %s", problems.c_str());
    partial = partial || o.strict;
  }

  const auto run_start = std::chrono::steady_clock::now();
  std::vector<host::KpiResult> results =
      host::run_kpis(prepared.jobs, loaded->model, joins, o.threads);
  if (o.timing) {
    const auto& st = loaded->stats;
    const double run_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - run_start).count();
    std::fprintf(stderr,
                 "leda run: loaded %.1f MB of JSON from %llu files in %.3f s (%.0f MB/s); "
                 "ran %zu KPIs over %zu shards in %.3f s\n",
                 st.bytes / 1e6, static_cast<unsigned long long>(st.files_total), st.seconds,
                 st.seconds > 0 ? st.bytes / 1e6 / st.seconds : 0.0, prepared.jobs.size(),
                 host::kShardCount, run_s);
  }
  std::vector<const host::KpiResult*> ok;
  for (auto& r : results) {
    if (!r.ok()) {
      if (r.error != prepared.jobs[&r - results.data()].error)
        std::fprintf(stderr, "leda run: %s\n", r.error.c_str());
      partial = true;
      continue;
    }
    ok.push_back(&r);
  }
  if (ok.empty()) return kExitFailed;
  try {
    write_results(ok, seen.size() > 1, o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "leda run: %s\n", e.what());
    return kExitFailed;
  }
  return partial ? kExitPartial : kExitOk;
}

}  // namespace leda::cli
