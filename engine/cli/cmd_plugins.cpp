// `leda plugins`: lists the KPI plugins found, their parameters, and the files that failed.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "cli/commands.hpp"
#include "host/need_names.hpp"
#include "host/param_binding.hpp"
#include "host/plugin_catalog.hpp"
#include "report/kpi_output.hpp"
#include "report/value_text.hpp"

namespace leda::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: leda plugins [NAME...] [--plugin-dir DIR]... [--format text|json]\n\n"
    "Lists the KPI plugins found (name, version, summary, parameters, the joins each reads,\n"
    "where each was loaded from) and the plugin files that could not be used, with why. With\n"
    "NAMEs, tells those plugins only, with every column of their tables (unit and meaning).\n"
    "Plugins are searched in each\n"
    "--plugin-dir, then in the folders of LEDA_PLUGIN_PATH (colon-separated), then in the\n"
    "built-in plugin folder.\n";

constexpr const char* kExitCodes =
    "\nExit codes: 0 ok; 1 some plugin files could not be used (or a NAME is such a file);\n"
    "2 usage error (an unknown NAME).\n";

std::string joined(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (const auto& s : items)
    out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string json_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items)
    out += (out.empty() ? "" : ", ") + report::json_string(s);
  return "[" + out + "]";
}

std::string joins_text(const Description& d) {
  if (d.joins.empty()) return "  joins: none\n";
  std::string out = "  joins (--join NAME=FILE):\n";
  for (const auto& j : d.joins) {
    out += fmt::format("    {:<16} {}", j.name, j.required ? "required" : "optional");
    if (!j.columns.empty()) out += "; columns: " + joined(j.columns);
    out += "\n";
    if (!j.help.empty()) out += "                     " + j.help + "\n";
  }
  return out;
}

std::string params_text(const Description& d) {
  if (d.params.empty()) return "  parameters: none\n";
  std::string out = "  parameters (--param " + d.name + ".NAME=VALUE):\n";
  for (const auto& s : d.params) {
    out += fmt::format("    {:<16} {:<7} default '{}'", s.name, host::param_type_name(s.type),
                       s.default_value);
    if (!s.choices.empty()) out += "; one of: " + joined(s.choices);
    out += "\n";
    if (!s.help.empty()) out += "                     " + s.help + "\n";
  }
  return out;
}

std::string columns_text(const Description& d) {
  if (d.columns.empty()) return "  columns: not declared\n";
  std::string out = "  columns:\n";
  for (const auto& c : d.columns) {
    std::string unit = report::unit_name(c.unit);
    if (c.unit == Unit::kMoney && !c.currency.empty()) unit += " " + c.currency;
    out += fmt::format("    {:<24} {:<10} {}{}\n", c.name, unit, c.description,
                       c.role == ColumnRole::kKey ? " (key)" : "");
  }
  return out;
}

// The listing; `detailed` adds each plugin's columns (for `leda plugins NAME`).
std::string text_listing(const std::vector<host::PluginSearchEntry>& path,
                         const std::vector<const host::CatalogEntry*>& plugins,
                         const host::PluginCatalog& catalog, bool detailed) {
  std::string out;
  if (!detailed) {
    out += "Search path:\n";
    for (const auto& e : path)
      out += fmt::format("  {:<17} {}\n", host::source_name(e.source), e.path.string());
    if (path.empty()) out += "  (empty)\n";
    out += fmt::format("\n{} plugin{}:\n", plugins.size(), plugins.size() == 1 ? "" : "s");
  }
  for (const auto* entry_ptr : plugins) {
    const auto& entry = *entry_ptr;
    const auto& p = entry.loaded;
    const auto& d = p.description;
    out += fmt::format("\n{} {}\n", d.name, d.version);
    if (!d.summary.empty()) out += "  " + d.summary + "\n";
    out +=
        fmt::format("  loaded from: {} ({})\n", p.file.string(), host::source_name(entry.source));
    out += "  reads: " + joined(host::need_names(d.needs)) + "\n";
    out += joins_text(d);
    out += params_text(d);
    if (detailed) out += columns_text(d);
  }
  if (!detailed && !catalog.failures().empty()) {
    out += fmt::format("\n{} plugin file{} could not be used:\n", catalog.failures().size(),
                       catalog.failures().size() == 1 ? "" : "s");
    for (const auto& f : catalog.failures())
      out += "  " + host::describe_failure(f) + "\n";
  }
  return out;
}

std::string json_joins(const Description& d) {
  std::string out;
  for (const auto& j : d.joins)
    out += fmt::format("{}{{\"name\": {}, \"required\": {}, \"columns\": {}, \"help\": {}}}",
                       out.empty() ? "" : ", ", report::json_string(j.name),
                       j.required ? "true" : "false", json_list(j.columns),
                       report::json_string(j.help));
  return "[" + out + "]";
}

std::string json_columns(const Description& d) {
  std::string out;
  for (const auto& c : d.columns)
    out += (out.empty() ? "\n      " : ",\n      ") + report::column_json(c);
  return out.empty() ? "[]" : "[" + out + "\n    ]";
}

std::string json_listing(const std::vector<host::PluginSearchEntry>& path,
                         const std::vector<const host::CatalogEntry*>& plugins,
                         const host::PluginCatalog& catalog) {
  using report::json_string;
  std::string out = "{\n  \"search_path\": [";
  for (std::size_t i = 0; i < path.size(); ++i)
    out += fmt::format("{}\n    {{\"path\": {}, \"source\": {}}}", i ? "," : "",
                       json_string(path[i].path.string()),
                       json_string(host::source_name(path[i].source)));
  out += path.empty() ? "],\n" : "\n  ],\n";
  out += "  \"plugins\": [";
  for (std::size_t i = 0; i < plugins.size(); ++i) {
    const auto& entry = *plugins[i];
    const auto& p = entry.loaded;
    const auto& d = p.description;
    out += fmt::format(
        "{}\n    {{\"name\": {}, \"version\": {}, \"summary\": {}, \"file\": {}, \"source\": {}, "
        "\"abi_version\": {}, \"sdk_version\": \"{}.{}.{}\", \"state_version\": {}, "
        "\"needs\": {}, \"joins\": {}, \"columns\": {}, \"params\": [",
        i ? "," : "", json_string(d.name), json_string(d.version), json_string(d.summary),
        json_string(p.file.string()), json_string(host::source_name(entry.source)),
        p.manifest.abi_version, p.manifest.sdk_major, p.manifest.sdk_minor, p.manifest.sdk_patch,
        d.state_version, json_list(host::need_names(d.needs)), json_joins(d), json_columns(d));
    for (std::size_t k = 0; k < d.params.size(); ++k) {
      const auto& s = d.params[k];
      out += fmt::format(
          "{}\n      {{\"name\": {}, \"type\": \"{}\", \"default\": {}, \"help\": {}, "
          "\"choices\": {}}}",
          k ? "," : "", json_string(s.name), host::param_type_name(s.type),
          json_string(s.default_value), json_string(s.help), json_list(s.choices));
    }
    out += d.params.empty() ? "]}" : "\n    ]}";
  }
  out += plugins.empty() ? "],\n" : "\n  ],\n";
  out += "  \"failures\": [";
  for (std::size_t i = 0; i < catalog.failures().size(); ++i) {
    const auto& f = catalog.failures()[i];
    out += fmt::format("{}\n    {{\"file\": {}, \"name\": {}, \"reason\": {}}}", i ? "," : "",
                       json_string(f.file.string()), f.name.empty() ? "null" : json_string(f.name),
                       json_string(f.reason));
  }
  out += catalog.failures().empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace

int plugins(int argc, char** argv) {
  std::vector<std::string> dirs, names;
  std::string format = "text";
  po::options_description opts("options");
  opts.add_options()("help,h", "show this help")("plugin-dir", po::value(&dirs)->composing(),
                                                 "DIR: look for plugins here first; repeatable")(
      "format", po::value(&format)->default_value("text"), "text or json");
  po::options_description all;
  all.add(opts).add_options()("name", po::value(&names)->composing());
  po::positional_options_description positional;
  positional.add("name", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::fprintf(stderr, "leda plugins: %s\n(see leda plugins --help)\n", e.what());
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << opts << kExitCodes;
    return kExitOk;
  }
  if (format != "text" && format != "json") {
    std::fprintf(stderr, "leda plugins: --format %s: expected text or json\n", format.c_str());
    return kExitUsage;
  }
  std::vector<host::PluginSearchEntry> path;
  try {
    path = host::plugin_search_path(dirs);
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "leda plugins: %s\n", e.what());
    return kExitUsage;
  }
  auto catalog = host::PluginCatalog::discover(path);
  std::vector<const host::CatalogEntry*> shown;
  for (const auto& name : names) {
    const host::CatalogEntry* entry = catalog.find(name);
    if (!entry) {
      if (const auto* failure = catalog.find_failure(name)) {
        std::fprintf(stderr, "leda plugins: %s\n", host::describe_failure(*failure).c_str());
        return kExitPartial;
      }
      std::fprintf(stderr, "leda plugins: unknown KPI '%s' (available: %s)\n", name.c_str(),
                   catalog.names().c_str());
      return kExitUsage;
    }
    shown.push_back(entry);
  }
  const bool detailed = !names.empty();
  if (!detailed)
    for (const auto& e : catalog.plugins())
      shown.push_back(&e);
  const std::string out = format == "json" ? json_listing(path, shown, catalog)
                                           : text_listing(path, shown, catalog, detailed);
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (detailed) return kExitOk;
  return catalog.failures().empty() ? kExitOk : kExitPartial;
}

}  // namespace leda::cli
