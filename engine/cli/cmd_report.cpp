// `leda report`: every built-in KPI over loaded data, as one readable report.
#include <algorithm>
#include <cstdio>
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
#include "report/kpi_report.hpp"
#include "report/load_summary.hpp"
#include "report/terminal_width.hpp"
#include "util/atomic_file.hpp"

namespace leda::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: leda report --data DIR [--data DIR...] [--join agents=FILE]\n"
    "                   [--join membership=FILE] [--param [KPI.]NAME=VALUE]...\n"
    "                   [--format text|html] [--out FILE] [--threads N] [--max-rows N]\n"
    "                   [--strict]\n\n"
    "Runs every built-in KPI over Data Access files into one report: a header with the data\n"
    "range and counts, then each KPI as a titled table with its notes. --format html writes one\n"
    "self-contained HTML file (no scripts, nothing fetched) with the tables and bar charts.\n"
    "A KPI whose join is not given runs without it (its notes say so).\n"
    "Report defaults (a --param overrides them): agent-utilization by region when an agent map\n"
    "is joined, else by agent; conversations and surveys by skill; conversion by segment when a\n"
    "membership file is joined.\n";

constexpr const char* kExitCodes =
    "\nExit codes: 0 ok; 1 a KPI failed (the others are still reported), or --strict and the\n"
    "data had problems; 2 usage error; 3 nothing could be done (a join file could not be read,\n"
    "the data could not be listed, no built-in KPI found, the report could not be written).\n";

// The order KPIs appear in the report; others follow by name.
constexpr const char* kReportOrder[] = {"agent-utilization", "conversations", "surveys",
                                        "aov-by-segment", "conversion"};

struct Options {
  std::vector<std::string> data, joins, params;
  std::string format = "text", out;
  unsigned threads = 0;
  std::size_t max_rows = 25;
  bool strict = false;
};

int usage_error(const std::string& message) {
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

std::vector<std::string> report_params(const std::vector<const host::LoadedPlugin*>& plugins,
                                       const Options& o, const Joins& joins) {
  std::vector<std::string> names;
  for (const auto* p : plugins)
    names.push_back(p->manifest.name);
  const auto given = host::parse_params(o.params, names);
  std::vector<std::string> out;
  for (const auto* p : plugins) {
    const auto& name = p->manifest.name;
    if (name == "agent-utilization")
      add_default(out, *p, "group_by", joins.agents ? "region" : "agent", given);
    if (name == "conversations" || name == "surveys")
      add_default(out, *p, "group_by", "skill", given);
    if (name == "conversion" && joins.membership)
      add_default(out, *p, "group_by", "segment", given);
  }
  out.insert(out.end(), o.params.begin(), o.params.end());
  return out;
}

// The joined tables given, then those the KPIs read that were not given.
std::vector<std::string> join_lines(const Options& o, const Joins& joins,
                                    const std::vector<const host::LoadedPlugin*>& plugins) {
  std::vector<std::string> lines;
  for (const auto& spec : o.joins) {
    const std::string name = spec.substr(0, spec.find('='));
    const auto it = joins.tables.find(name);
    if (it != joins.tables.end())
      lines.push_back(name + " = " + it->second.path + " (" +
                      std::to_string(it->second.rows.size()) + " rows)");
  }
  std::set<std::string> missing;
  for (const auto* p : plugins)
    for (const auto& j : p->description.joins)
      if (!joins.tables.count(j)) missing.insert(j);
  for (const auto& j : missing)
    lines.push_back("no " + j + " table (--join " + j + "=FILE): KPIs reading it ran without it");
  return lines;
}

}  // namespace

int report(int argc, char** argv) {
  Options o;
  po::options_description opts("options");
  opts.add_options()("help,h", "show this help")(
      "data", po::value(&o.data)->composing(),
      "DIR|FILE: Data Access files to load (folders are walked); repeatable")(
      "join", po::value(&o.joins)->composing(),
      "NAME=FILE: agents=FILE (agent map: regions), membership=FILE (customer segments)")(
      "param", po::value(&o.params)->composing(),
      "KPI.NAME=VALUE for one KPI, NAME=VALUE for every KPI that has it (e.g. tz=Europe/London)")(
      "format", po::value(&o.format)->default_value("text"), "text or html")(
      "out", po::value(&o.out), "FILE: write the report here (written whole or not at all)")(
      "threads", po::value(&o.threads)->default_value(0),
      "N: threads for loading and running (0: all cores)")(
      "max-rows", po::value(&o.max_rows)->default_value(25),
      "N: rows shown per KPI in the text report (0: all; HTML shows all)")(
      "strict", po::bool_switch(&o.strict), "problems in the data make the exit code 1");
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
  if (o.format != "text" && o.format != "html")
    return usage_error("--format " + o.format + ": expected text or html");
  if (o.data.empty()) return usage_error("--data DIR is required");

  bool partial = false;
  host::PluginCatalog catalog = host::PluginCatalog::discover(host::plugin_search_path({}, false));
  for (const auto& f : catalog.failures()) {
    std::fprintf(stderr, "leda report: %s\n", host::describe_failure(f).c_str());
    partial = true;
  }
  std::vector<const host::LoadedPlugin*> plugins;
  for (const auto& e : catalog.plugins())
    plugins.push_back(&e.loaded);
  std::stable_sort(plugins.begin(), plugins.end(), [](const auto* a, const auto* b) {
    return report_rank(a->manifest.name) < report_rank(b->manifest.name);
  });
  if (plugins.empty()) {
    std::fprintf(stderr, "leda report: no built-in KPI plugins found in %s\n",
                 host::builtin_plugin_dir().c_str());
    return kExitFailed;
  }

  Joins joins;
  try {
    joins = host::read_joins(o.joins);
  } catch (const host::JoinSpecError& e) {
    return usage_error(e.what());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "leda report: join: %s\n", e.what());
    return kExitFailed;
  }

  host::PreparedRun prepared;
  try {
    prepared = host::prepare_run(plugins, report_params(plugins, o, joins));
  } catch (const host::ParamError& e) {
    return usage_error(e.what());
  }
  for (const auto& job : prepared.jobs)
    if (!job.error.empty()) {
      std::fprintf(stderr, "leda report: %s\n", job.error.c_str());
      partial = true;
    }

  std::optional<load::LoadResult> loaded;
  try {
    load::LoadOptions lo;
    lo.threads = o.threads;
    lo.needs = prepared.needs;
    loaded.emplace(load::load(o.data, lo));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "leda report: %s\n", e.what());
    return kExitFailed;
  }
  report::ReportContent content;
  content.problems = report::load_problems_text(loaded->stats, 5);
  if (!content.problems.empty()) {
    std::fprintf(stderr, "leda report: %s", content.problems.c_str());
    partial = partial || o.strict;
  }
  content.facts = report::data_summary(*loaded, o.data, join_lines(o, joins, plugins));
  content.results = host::run_kpis(prepared.jobs, loaded->model, joins, o.threads);
  for (std::size_t i = 0; i < content.results.size(); ++i) {
    auto& r = content.results[i];
    if (!r.ok()) {
      if (r.error != prepared.jobs[i].error)
        std::fprintf(stderr, "leda report: %s\n", r.error.c_str());
      partial = true;
    }
  }

  // Wide tables are cut into blocks that fit the terminal (or 120 columns in a file).
  const std::size_t tty = o.out.empty() ? report::terminal_width(STDOUT_FILENO) : 0;
  const std::size_t width = tty ? tty : 120;
  const std::string text = o.format == "html" ? report::html_report(content)
                                              : report::text_report(content, o.max_rows, width);
  try {
    if (o.out.empty())
      std::fwrite(text.data(), 1, text.size(), stdout);
    else
      util::write_file_atomically(o.out, text);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "leda report: %s\n", e.what());
    return kExitFailed;
  }
  return partial ? kExitPartial : kExitOk;
}

}  // namespace leda::cli
