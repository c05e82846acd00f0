// `leda run`: runs chosen KPI plugins over loaded data and prints their tables.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "cli/commands.hpp"
#include "cli/kpi_pipeline.hpp"
#include "cli/output_format.hpp"
#include "dist/cluster.hpp"
#include "host/kpi_jobs.hpp"
#include "host/plugin_catalog.hpp"
#include "report/kpi_output.hpp"
#include "report/terminal_width.hpp"
#include "util/atomic_file.hpp"

namespace leda::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: leda run KPI [KPI...] --data DIR [--data DIR...] [--join NAME=FILE]...\n"
    "                [--param [KPI.]NAME=VALUE]... [--format table|csv|json] [--out FILE]\n"
    "                [--threads N] [--shards N] [--strict] [--plugin-dir DIR]... [--timing]\n"
    "                [--mpi]\n\n"
    "Runs KPI plugins over Data Access files and prints their tables. Only what the chosen\n"
    "KPIs read is loaded. `leda plugins` lists the KPIs, their parameters and the joins they\n"
    "read; `leda plugins KPI` tells one KPI's columns.\n";

constexpr const char* kMoreHelp =
    "\nTables (--format table) write values by unit: durations in hours and minutes, ratios as\n"
    "percentages, money with two decimals, counts with separators; on stdout they are split\n"
    "into blocks of columns that fit COLUMNS, else the terminal, else 100 (a pipe). CSV and\n"
    "JSON keep the raw values (seconds, fractions); JSON's column_info gives each column's\n"
    "unit, role and description.\n"
    "\nOutput (--out):\n"
    "  The format follows --out's extension (.json, .csv, .txt) when --format is not given;\n"
    "  a --format that contradicts the extension is a usage error.\n"
    "  one KPI       FILE holds its table in the chosen format.\n"
    "  several KPIs  json: FILE holds one JSON array of the KPI objects.\n"
    "                csv: one file per KPI, named FILE + <kpi> + .csv (FILE is a prefix:\n"
    "                `--out results/` writes results/<kpi>.csv, `--out day1-` writes\n"
    "                day1-<kpi>.csv); table: the same, named FILE + <kpi> + .txt.\n"
    "  Files are written whole or not at all; a FILE ending in / is a folder, made when\n"
    "  missing. Without --out everything goes to stdout (several CSV tables are separated\n"
    "  by an empty line). A KPI that failed keeps its place: in JSON as {\"kpi\", \"error\",\n"
    "  \"exit\": 1}, in a table as its error. CSV carries no notes: they are printed on stderr.\n"
    "\nJoins: --join NAME=FILE for each table a chosen KPI reads (`leda plugins` lists them with\n"
    "their columns); a NAME no chosen KPI reads, or a missing join a KPI requires, is a usage\n"
    "error.\n"
    "\nMerge check: --shards N cuts the data into N shards instead of 64. A plugin whose merge\n"
    "is right prints the same output for every N (and every --threads).\n"
    "\nMPI: under mpirun (`mpirun -np 4 leda run ...`, the same options) each rank reads a share\n"
    "of the files, the records are exchanged so that each rank holds whole agents and visits,\n"
    "and the states are merged into rank 0, which writes the output: the same bytes as one\n"
    "process. The launch is detected from mpirun's environment; --mpi forces it. Every KPI of\n"
    "the run must have a state codec.\n"
    "\nPlugins are searched in each --plugin-dir, then in the folders of LEDA_PLUGIN_PATH\n"
    "(colon-separated), then in the built-in plugin folder.\n"
    "\nExit codes: 0 ok; 1 a plugin failed (to load or to run: the others' results are still\n"
    "printed), or --strict and the data had problems; 2 usage error (unknown option, KPI,\n"
    "parameter or join; a parameter value or join a KPI refuses); 3 nothing could be done (a\n"
    "join file could not be read, no data file was found or none could be read, no KPI could\n"
    "run, the output could not be written).\n";

struct Options {
  std::vector<std::string> kpis, plugin_dirs;
  KpiRunInputs in;
  std::string format, out;
  bool timing = false;
};

po::options_description visible_options(Options& o) {
  po::options_description d("options");
  d.add_options()("help,h", "show this help")(
      "data", po::value(&o.in.data)->composing(),
      "DIR|FILE: Data Access files to load (folders are walked); repeatable")(
      "join", po::value(&o.in.joins)->composing(),
      "NAME=FILE: a CSV table a chosen KPI reads (agents=FILE: agent map, membership=FILE: "
      "customer segments, ...); repeatable")(
      "param", po::value(&o.in.params)->composing(),
      "KPI.NAME=VALUE sets a parameter of one KPI; NAME=VALUE sets it for every chosen KPI "
      "that has it; repeatable")("format", po::value(&o.format),
                                 "table, csv or json (default: from --out's extension, else "
                                 "table)")(
      "out", po::value(&o.out), "FILE: write the output here (see below for several KPIs)")(
      "threads", po::value(&o.in.threads)->default_value(0),
      "N: threads for loading and running (0: all cores)")(
      "shards", po::value(&o.in.shards)->default_value(host::kShardCount),
      "N: shards the data is cut into (see Merge check below)")(
      "strict", po::bool_switch(&o.in.strict), "problems in the data make the exit code 1")(
      "timing", po::bool_switch(&o.timing), "print on stderr how long loading and running took")(
      "mpi", po::bool_switch(&o.in.mpi),
      "run as one rank of an MPI job (detected by itself under mpirun)")(
      "plugin-dir", po::value(&o.plugin_dirs)->composing(),
      "DIR: look for plugins here first; repeatable");
  return d;
}

int usage_error(const std::string& message) {
  if (!dist::quiet_rank())  // under mpirun, rank 0 alone says it
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
  if (format == "csv") return r.ok() ? report::result_csv(r) : std::string();
  if (format == "json") return report::results_json({&r}, false);
  // A table on stdout fits COLUMNS, else the terminal, else 100 columns; a table for a file
  // keeps one line per row. Under mpirun stdout is mpirun's pipe or pseudo-terminal, not the
  // user's: its width is COLUMNS or 100.
  if (to_file) return report::result_text(r, 0, 0);
  return report::result_text(r, 0,
                             report::text_width(dist::launched_by_mpi() ? -1 : STDOUT_FILENO));
}

// Writes the results (a failed KPI keeps its place, except in CSV). `several`: more than one KPI
// was asked for, which decides the shape (a JSON array, one file per KPI).
void write_results(const std::vector<host::KpiResult>& results, bool several, const Options& o) {
  std::vector<const host::KpiResult*> shown;
  for (const auto& r : results)
    if (r.ok() || o.format != "csv") shown.push_back(&r);
  if (o.format == "csv")
    for (const auto* r : shown)
      for (const auto& note : r->table->notes)
        std::fprintf(stderr, "leda run: note (%s): %s\n", r->kpi.c_str(), note.c_str());
  if (shown.empty()) return;
  if (o.format == "json") return emit(o.out, report::results_json(shown, several));
  if (!several) return emit(o.out, formatted(*shown[0], o.format, !o.out.empty()));
  if (!o.out.empty()) {
    // `--out results/`: the folder is made when it does not exist.
    if (o.out.back() == '/') std::filesystem::create_directories(o.out);
    const std::string ext = o.format == "csv" ? ".csv" : ".txt";
    for (const auto* r : shown)
      emit(o.out + r->kpi + ext, formatted(*r, o.format, true));
    return;
  }
  std::string all;
  for (std::size_t i = 0; i < shown.size(); ++i)
    all += (i ? "\n" : "") + formatted(*shown[i], o.format, false);
  emit({}, all);
}

int write_and_exit_code(KpiPipeline& pipeline, bool several, const Options& o);

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
  try {
    o.format = output_format(o.format, o.out, {"table", "csv", "json"}, "table");
  } catch (const std::invalid_argument& e) {
    return usage_error(e.what());
  }
  if (o.kpis.empty()) return usage_error("name at least one KPI (`leda plugins` lists them)");
  if (o.in.data.empty()) return usage_error("--data DIR is required");
  if (o.in.shards == 0) return usage_error("--shards must be at least 1");

  std::unique_ptr<dist::Cluster> cluster;
  try {
    cluster = dist::join_cluster(o.in.mpi, "leda run");
  } catch (const dist::ClusterError& e) {
    return usage_error(e.what());
  }
  KpiPipeline pipeline{"leda run", o.in};
  if (cluster && cluster->size() > 1) pipeline.cluster = cluster.get();
  std::vector<host::PluginSearchEntry> path;
  try {
    path = host::plugin_search_path(o.plugin_dirs);
  } catch (const std::invalid_argument& e) {
    return usage_error(e.what());
  }
  host::PluginCatalog catalog = host::PluginCatalog::discover(path);
  for (const auto& f : catalog.failures()) {
    pipeline.say(host::describe_failure(f));
    pipeline.partial = true;
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
    pipeline.say("none of the KPIs asked for could be loaded");
    return kExitFailed;
  }

  if (int code = pipeline.prepare(chosen)) return code;
  if (int code = pipeline.load()) return code;
  const auto run_start = std::chrono::steady_clock::now();
  pipeline.run();
  if (o.timing) {
    const auto& st = pipeline.loaded->stats;
    const double run_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - run_start).count();
    std::optional<dist::ClusterTiming> t;
    if (pipeline.cluster) t = pipeline.cluster->timing();
    if (pipeline.speaks())
      std::fprintf(stderr,
                   "leda run: loaded %.1f MB of JSON from %llu files in %.3f s (%.0f MB/s); "
                   "ran %zu KPIs over %zu shards in %.3f s\n",
                   st.bytes / 1e6, static_cast<unsigned long long>(st.files_total), st.seconds,
                   st.seconds > 0 ? st.bytes / 1e6 / st.seconds : 0.0,
                   pipeline.prepared.jobs.size(), o.in.shards, run_s);
    if (t && pipeline.speaks())
      std::fprintf(stderr,
                   "leda run: %d MPI ranks exchanged %.1f MB; rank 0 spent %.3f s in MPI calls, "
                   "the most of any rank %.3f s (%.0f%% of the load and run)\n",
                   pipeline.cluster->size(), t->bytes_total / 1e6, t->exchange_seconds,
                   t->max_exchange_seconds,
                   100.0 * t->max_exchange_seconds / std::max(st.seconds + run_s, 1e-9));
  }
  if (!pipeline.speaks()) return pipeline.cluster->finish(kExitOk);
  const int code = write_and_exit_code(pipeline, seen.size() > 1, o);
  return pipeline.cluster ? pipeline.cluster->finish(code) : code;
}

namespace {

int write_and_exit_code(KpiPipeline& pipeline, bool several, const Options& o) {
  bool any_ok = false;
  for (const auto& r : pipeline.results)
    any_ok = any_ok || r.ok();
  try {
    write_results(pipeline.results, several, o);
  } catch (const std::exception& e) {
    pipeline.say(e.what());
    return kExitFailed;
  }
  if (!any_ok) return kExitFailed;
  return pipeline.partial ? kExitPartial : kExitOk;
}

}  // namespace
}  // namespace leda::cli
