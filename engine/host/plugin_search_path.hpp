// host/plugin_search_path.hpp — where the host looks for plugins, in order.
//
//   std::vector<std::filesystem::path> dirs = leda::host::plugin_search_path(cli_dirs);
//
// Order: every `--plugin-dir` as given, then each entry of LEDA_PLUGIN_PATH (colon-separated),
// then the built-in plugin folder: `<prefix>/lib/leda/plugins` next to an installed `leda`
// (`<prefix>/bin/leda`), else the build tree's plugin folder. A folder named twice is searched
// once.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace leda::host {

/// Where the search path entries came from (shown by `leda plugins`).
enum class PluginSource { kCommandLine, kEnvironment, kBuiltIn };

/// One folder (or single plugin file) to search.
struct PluginSearchEntry {
  std::filesystem::path path;
  PluginSource source = PluginSource::kBuiltIn;
};

/// The built-in plugin folder of this `leda`: the installed one when this executable runs from
/// an installation that has it, else the build tree's (LEDA_BUILTIN_PLUGIN_DIR at build time).
std::filesystem::path builtin_plugin_dir();

/// The search path for `cli_dirs` (from `--plugin-dir`) and the LEDA_PLUGIN_PATH environment
/// variable. Throws std::invalid_argument naming a `--plugin-dir` that does not exist; entries of
/// LEDA_PLUGIN_PATH that do not exist are skipped, as for PATH. `include_environment` false
/// leaves LEDA_PLUGIN_PATH out (`leda report` runs the built-in plugins only).
std::vector<PluginSearchEntry> plugin_search_path(const std::vector<std::string>& cli_dirs,
                                                  bool include_environment = true,
                                                  bool include_builtin = true);

/// "--plugin-dir", "LEDA_PLUGIN_PATH" or "built-in".
const char* source_name(PluginSource source);

}  // namespace leda::host
