// `leda report`: every built-in KPI over loaded data, as one readable report.
#include <algorithm>
#include <cstdio>
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
#include "report/kpi_report.hpp"
#include "report/load_summary.hpp"
#include "report/terminal_width.hpp"
#include "report/unit_text.hpp"
#include "util/atomic_file.hpp"

namespace leda::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: leda report --data DIR [--data DIR...] [--join agents=FILE]\n"
    "                   [--join membership=FILE] [--join schedule=FILE --join activities=FILE]\n"
    "                   [--param [KPI.]NAME=VALUE]...\n"
    "                   [--format text|html] [--out FILE] [--threads N] [--max-rows N]\n"
    "                   [--strict] [--mpi]\n\n"
    "Runs every built-in KPI over Data Access files into one report: a header with the data\n"
    "range and counts, then each KPI as a titled table with its notes. --format html writes one\n"
    "self-contained HTML file (no scripts, nothing fetched) with bar charts and, per KPI, a\n"
    "table of its key and headline columns that fits the page, the full table one click away,\n"
    "and what each column means.\n"
    "A KPI whose join is not given runs without it (its notes say so). A KPI that requires joins\n"
    "runs when they are all given, else the report leaves it out and its header says so:\n"
    "wfm-adherence runs with --join agents=FILE --join schedule=FILE --join activities=FILE.\n"
    "Report defaults (a --param overrides them): agent-utilization by region when an agent map\n"
    "is joined, else by agent; conversations and surveys by skill; conversion by segment when a\n"
    "membership file is joined; wfm-adherence by region.\n"
    "Under mpirun (`mpirun -np 4 leda report ...`) the ranks share the work and rank 0 writes\n"
    "the same report as one process; --mpi forces the MPI launch.\n";

constexpr const char* kExitCodes =
    "\nValues are written for a person, by the unit of their column: durations in hours and\n"
    "minutes (134 h 55 min), ratios as percentages (4.8%), money with two decimals and its\n"
    "currency ($6,907.30), counts with separators (5,990). `leda run --format csv|json` keeps the\n"
    "raw values (seconds, fractions); `leda plugins KPI` tells what each column means.\n"
    "Rows are in the same order in every table and chart: by their keys, UNMATCHED and\n"
    "UNMAPPED last.\n"
    "\nText: tables wider than the output are split into blocks of columns, each repeating the\n"
    "key columns; the width is COLUMNS when set, else the terminal's, else 100 (a pipe, a file).\n"
    "\nThe format follows --out's extension (.html, .htm, .txt) when --format is not given; a\n"
    "--format that contradicts it is a usage error.\n"
    "\nExit codes: 0 ok; 1 a KPI failed (the others are still reported), or --strict and the\n"
    "data had problems; 2 usage error (unknown option, a parameter value a KPI refuses, such as\n"
    "an unknown tz, a --join no KPI reads); 3 nothing could be done (a join file could not be\n"
    "read, no data file was found or none could be read, no built-in KPI found, the report\n"
    "could not be written).\n";

// The order KPIs appear in the report; others follow by name.
constexpr const char* kReportOrder[] = {"agent-utilization", "wfm-adherence", "conversations",
                                        "staffing",          "surveys",       "aov-by-segment",
                                        "conversion"};

struct Options {
  KpiRunInputs in;
  std::string format, out;
  std::size_t max_rows = 25;
};

int usage_error(const std::string& message) {
  if (!dist::quiet_rank())  // under mpirun, rank 0 alone says it
    std::fprintf(stderr, "leda report: %s\n(see leda report --help)\n", message.c_str());
  return kExitUsage;
}

std::size_t report_rank(const std::string& name) {
  const auto it = std::find(std::begin(kReportOrder), std::end(kReportOrder), name);
  return static_cast<std::size_t>(it - std::begin(kReportOrder));
}

// `value` as the report's default for `kpi`.`param`, when the plugin declares the parameter,
// accepts the value, and the user did not set it.
void add_default(std::vector<std::string>& out, const host::LoadedPlugin& p,
                 const std::string& param, const std::string& value,
                 const std::vector<host::ParamAssignment>& given) {
  const auto& d = p.description;
  for (const auto& a : given)
    if (a.name == param && (a.kpi.empty() || a.kpi == d.name)) return;
  for (const auto& spec : d.params)
    if (spec.name == param && host::normalize_param(spec, value, nullptr))
      out.push_back(d.name + "." + param + "=" + value);
}

bool join_given(const Options& o, const std::string& name) {
  for (const auto& spec : o.in.joins)
    if (spec.substr(0, spec.find('=')) == name) return true;
  return false;
}

std::vector<std::string> report_params(const std::vector<const host::LoadedPlugin*>& plugins,
                                       const Options& o) {
  std::vector<std::string> names;
  for (const auto* p : plugins)
    names.push_back(p->manifest.name);
  const auto given = host::parse_params(o.in.params, names);
  std::vector<std::string> out;
  for (const auto* p : plugins) {
    const auto& name = p->manifest.name;
    if (name == "agent-utilization")
      add_default(out, *p, "group_by", join_given(o, "agents") ? "region" : "agent", given);
    if (name == "conversations" || name == "surveys")
      add_default(out, *p, "group_by", "skill", given);
    if (name == "conversion" && join_given(o, "membership"))
      add_default(out, *p, "group_by", "segment", given);
    if (name == "wfm-adherence") add_default(out, *p, "group_by", "region", given);
  }
  out.insert(out.end(), o.in.params.begin(), o.in.params.end());
  return out;
}

// The required joins of `p` that were not given.
std::vector<std::string> missing_required_joins(const host::LoadedPlugin& p, const Options& o) {
  std::vector<std::string> missing;
  for (const auto& j : p.description.joins)
    if (j.required && !join_given(o, j.name)) missing.push_back(j.name);
  return missing;
}

// Takes the KPIs that require a join not given out of `plugins` (in order) and returns them.
// Throws std::invalid_argument when a join given is read only by such a KPI: the user meant
// it to run, and is told which joins it still needs.
std::vector<const host::LoadedPlugin*> take_out_unjoined(
    std::vector<const host::LoadedPlugin*>& plugins, const Options& o) {
  std::vector<const host::LoadedPlugin*> kept, left_out;
  for (const auto* p : plugins)
    (missing_required_joins(*p, o).empty() ? kept : left_out).push_back(p);
  const auto reads = [](const host::LoadedPlugin& p, const std::string& name) {
    return std::any_of(p.description.joins.begin(), p.description.joins.end(),
                       [&](const JoinSpec& j) { return j.name == name; });
  };
  for (const auto& spec : o.in.joins) {
    const std::string name = spec.substr(0, spec.find('='));
    if (std::any_of(kept.begin(), kept.end(), [&](const auto* p) { return reads(*p, name); }))
      continue;
    for (const auto* p : left_out)
      if (reads(*p, name)) {
        std::string need;
        for (const auto& m : missing_required_joins(*p, o))
          need += " --join " + m + "=FILE";
        throw std::invalid_argument("--join " + spec + ": " + p->manifest.name +
                                    ", which reads it, also requires" + need);
      }
  }
  plugins = std::move(kept);
  return left_out;
}

// One header line per KPI left out for want of its joins.
std::vector<std::string> left_out_lines(const std::vector<const host::LoadedPlugin*>& left_out,
                                        const Options& o) {
  std::vector<std::string> lines;
  for (const auto* p : left_out) {
    std::string need;
    for (const auto& m : missing_required_joins(*p, o))
      need += (need.empty() ? "" : ", ") + m;
    lines.push_back(p->manifest.name + " left out: it requires the joins " + need +
                    " (--join NAME=FILE)");
  }
  return lines;
}

// The joined tables given, then those the KPIs read that were not given.
std::vector<std::string> join_lines(const Options& o, const Joins& joins,
                                    const std::vector<const host::LoadedPlugin*>& plugins) {
  std::vector<std::string> lines;
  for (const auto& spec : o.in.joins) {
    const std::string name = spec.substr(0, spec.find('='));
    if (const JoinTable* t = joins.table(name))
      lines.push_back(name + " = " + t->path() + " (" +
                      (t->rows() == 1
                           ? std::string("1 row")
                           : report::thousands(static_cast<std::int64_t>(t->rows())) + " rows") +
                      ")");
  }
  std::set<std::string> missing;
  for (const auto* p : plugins)
    for (const auto& j : p->description.joins)
      if (!joins.table(j.name)) missing.insert(j.name);
  for (const auto& j : missing)
    lines.push_back("no " + j + " table (--join " + j + "=FILE): KPIs reading it ran without it");
  return lines;
}

int write_report(KpiPipeline& pipeline, const std::vector<const host::LoadedPlugin*>& plugins,
                 const std::vector<const host::LoadedPlugin*>& left_out, const Options& o);

}  // namespace

int report(int argc, char** argv) {
  Options o;
  po::options_description opts("options");
  opts.add_options()("help,h", "show this help")(
      "data", po::value(&o.in.data)->composing(),
      "DIR|FILE: Data Access files to load (folders are walked); repeatable")(
      "join", po::value(&o.in.joins)->composing(),
      "NAME=FILE: agents=FILE (agent map: regions), membership=FILE (customer segments), "
      "schedule=FILE and activities=FILE (WFM schedule: staffing's scheduled agents), or "
      "another table a KPI reads (`leda plugins` lists them)")(
      "param", po::value(&o.in.params)->composing(),
      "KPI.NAME=VALUE for one KPI, NAME=VALUE for every KPI that has it (e.g. tz=Europe/London)")(
      "format", po::value(&o.format), "text or html (default: from --out's extension, else text)")(
      "out", po::value(&o.out), "FILE: write the report here (written whole or not at all)")(
      "threads", po::value(&o.in.threads)->default_value(0),
      "N: threads for loading and running (0: all cores)")(
      "max-rows", po::value(&o.max_rows)->default_value(25),
      "N: rows shown per KPI in the text report (0: all; HTML shows all)")(
      "strict", po::bool_switch(&o.in.strict), "problems in the data make the exit code 1")(
      "mpi", po::bool_switch(&o.in.mpi),
      "run as one rank of an MPI job (detected by itself under mpirun)");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(opts).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return usage_error(e.what());
  }
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << opts << kExitCodes;
    return kExitOk;
  }
  try {
    o.format = output_format(o.format, o.out, {"text", "html"}, "text");
  } catch (const std::invalid_argument& e) {
    return usage_error(e.what());
  }
  if (o.in.data.empty()) return usage_error("--data DIR is required");

  std::unique_ptr<dist::Cluster> cluster;
  try {
    cluster = dist::join_cluster(o.in.mpi, "leda report");
  } catch (const dist::ClusterError& e) {
    return usage_error(e.what());
  }
  KpiPipeline pipeline{"leda report", o.in};
  if (cluster && cluster->size() > 1) pipeline.cluster = cluster.get();
  host::PluginCatalog catalog = host::PluginCatalog::discover(host::plugin_search_path({}, false));
  for (const auto& f : catalog.failures()) {
    pipeline.say(host::describe_failure(f));
    pipeline.partial = true;
  }
  std::vector<const host::LoadedPlugin*> plugins;
  for (const auto& e : catalog.plugins())
    plugins.push_back(&e.loaded);
  std::stable_sort(plugins.begin(), plugins.end(), [](const auto* a, const auto* b) {
    return report_rank(a->manifest.name) < report_rank(b->manifest.name);
  });
  if (plugins.empty()) {
    pipeline.say("no built-in KPI plugins found in " + host::builtin_plugin_dir().string());
    return kExitFailed;
  }

  std::vector<const host::LoadedPlugin*> left_out;
  try {
    left_out = take_out_unjoined(plugins, o);
  } catch (const std::invalid_argument& e) {
    return usage_error(e.what());
  }
  pipeline.in.params = report_params(plugins, o);
  if (int code = pipeline.prepare(plugins)) return code;
  if (int code = pipeline.load()) return code;
  pipeline.run();
  if (!pipeline.speaks()) return pipeline.cluster->finish(kExitOk);
  const int code = write_report(pipeline, plugins, left_out, o);
  return pipeline.cluster ? pipeline.cluster->finish(code) : code;
}

namespace {

int write_report(KpiPipeline& pipeline, const std::vector<const host::LoadedPlugin*>& plugins,
                 const std::vector<const host::LoadedPlugin*>& left_out, const Options& o) {
  report::ReportContent content;
  content.problems = report::load_problems_text(pipeline.loaded->stats, 5);
  std::vector<std::string> lines = join_lines(o, *pipeline.prepared.joins, plugins);
  for (std::string& line : left_out_lines(left_out, o))
    lines.push_back(std::move(line));
  content.facts = report::data_summary(*pipeline.loaded, o.in.data, std::move(lines));
  content.results = std::move(pipeline.results);

  report::align_report(content);
  // Wide tables are cut into blocks that fit COLUMNS, else the terminal, else 100 columns.
  // Under mpirun stdout is mpirun's pipe or pseudo-terminal, not the user's: COLUMNS or 100.
  const bool user_terminal = o.out.empty() && !dist::launched_by_mpi();
  const std::size_t width = report::text_width(user_terminal ? STDOUT_FILENO : -1);
  const std::string text = o.format == "html" ? report::html_report(content)
                                              : report::text_report(content, o.max_rows, width);
  try {
    if (o.out.empty())
      std::fwrite(text.data(), 1, text.size(), stdout);
    else
      util::write_file_atomically(o.out, text);
  } catch (const std::exception& e) {
    pipeline.say(e.what());
    return kExitFailed;
  }
  return pipeline.partial ? kExitPartial : kExitOk;
}

}  // namespace
}  // namespace leda::cli
