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
#include "report/value_text.hpp"

namespace leda::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: leda plugins [--plugin-dir DIR]... [--format text|json]\n\n"
    "Lists the KPI plugins found (name, version, summary, parameters, where each was loaded\n"
    "from) and the plugin files that could not be used, with why. Plugins are searched in each\n"
    "--plugin-dir, then in the folders of LEDA_PLUGIN_PATH (colon-separated), then in the\n"
    "built-in plugin folder.\n";

constexpr const char* kExitCodes =
    "\nExit codes: 0 ok; 1 some plugin files could not be used; 2 usage error.\n";

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

std::string text_listing(const std::vector<host::PluginSearchEntry>& path,
                         const host::PluginCatalog& catalog) {
  std::string out = "Search path:\n";
  for (const auto& e : path)
    out += fmt::format("  {:<17} {}\n", host::source_name(e.source), e.path.string());
  if (path.empty()) out += "  (empty)\n";
  out += fmt::format("\n{} plugin{}:\n", catalog.plugins().size(),
                     catalog.plugins().size() == 1 ? "" : "s");
  for (const auto& entry : catalog.plugins()) {
    const auto& p = entry.loaded;
    const auto& d = p.description;
    out += fmt::format("\n{} {}\n", d.name, d.version);
    if (!d.summary.empty()) out += "  " + d.summary + "\n";
    out +=
        fmt::format("  loaded from: {} ({})\n", p.file.string(), host::source_name(entry.source));
    out += "  reads: " + joined(host::need_names(d.needs)) + "\n";
    if (!d.joins.empty()) out += "  joins: " + joined(d.joins) + " (--join NAME=FILE)\n";
    if (d.params.empty()) {
      out += "  parameters: none\n";
      continue;
    }
    out += "  parameters (--param " + d.name + ".NAME=VALUE):\n";
    for (const auto& s : d.params) {
      out += fmt::format("    {:<16} {:<7} default '{}'", s.name, host::param_type_name(s.type),
                         s.default_value);
      if (!s.choices.empty()) out += "; one of: " + joined(s.choices);
      out += "\n";
      if (!s.help.empty()) out += "                     " + s.help + "\n";
    }
  }
  if (!catalog.failures().empty()) {
    out += fmt::format("\n{} plugin file{} could not be used:\n", catalog.failures().size(),
                       catalog.failures().size() == 1 ? "" : "s");
    for (const auto& f : catalog.failures())
      out += "  " + host::describe_failure(f) + "\n";
  }
  return out;
}

std::string json_listing(const std::vector<host::PluginSearchEntry>& path,
                         const host::PluginCatalog& catalog) {
  using report::json_string;
  std::string out = "{\n  \"search_path\": [";
  for (std::size_t i = 0; i < path.size(); ++i)
    out += fmt::format("{}\n    {{\"path\": {}, \"source\": {}}}", i ? "," : "",
                       json_string(path[i].path.string()),
                       json_string(host::source_name(path[i].source)));
  out += path.empty() ? "],\n" : "\n  ],\n";
  out += "  \"plugins\": [";
  for (std::size_t i = 0; i < catalog.plugins().size(); ++i) {
    const auto& entry = catalog.plugins()[i];
    const auto& p = entry.loaded;
    const auto& d = p.description;
    out += fmt::format(
        "{}\n    {{\"name\": {}, \"version\": {}, \"summary\": {}, \"file\": {}, \"source\": {}, "
        "\"abi_version\": {}, \"sdk_version\": \"{}.{}.{}\", \"needs\": {}, \"joins\": {}, "
        "\"params\": [",
        i ? "," : "", json_string(d.name), json_string(d.version), json_string(d.summary),
        json_string(p.file.string()), json_string(host::source_name(entry.source)),
        p.manifest.abi_version, p.manifest.sdk_major, p.manifest.sdk_minor, p.manifest.sdk_patch,
        json_list(host::need_names(d.needs)), json_list(d.joins));
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
  out += catalog.plugins().empty() ? "],\n" : "\n  ],\n";
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
  std::vector<std::string> dirs;
  std::string format = "text";
  po::options_description opts("options");
  opts.add_options()("help,h", "show this help")("plugin-dir", po::value(&dirs)->composing(),
                                                 "DIR: look for plugins here first; repeatable")(
      "format", po::value(&format)->default_value("text"), "text or json");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(opts).run(), vm);
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
  const auto catalog = host::PluginCatalog::discover(path);
  const std::string out =
      format == "json" ? json_listing(path, catalog) : text_listing(path, catalog);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return catalog.failures().empty() ? kExitOk : kExitPartial;
}

}  // namespace leda::cli
