// host/plugin_catalog.hpp — every plugin found on the search path, by name.
//
//   leda::host::PluginCatalog catalog =
//       leda::host::PluginCatalog::discover(leda::host::plugin_search_path(cli_dirs));
//   for (const auto& f : catalog.failures()) warn(f.file, f.reason);
//   if (const auto* p = catalog.find("conversations")) run(*p);
//
// Discovery opens every `*.so` file of each search folder (in name order, folders in search
// order) with open_plugin(). A file that cannot be used is kept as a failure with its reason.
// Two files declaring one plugin name are both refused: which one would run would depend on the
// folder order, and a result from the wrong build is worse than an error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "host/plugin_library.hpp"
#include "host/plugin_search_path.hpp"

namespace leda::host {

/// A usable plugin and where it came from.
struct CatalogEntry {
  LoadedPlugin loaded;
  PluginSource source = PluginSource::kBuiltIn;
};

/// "plugin 'name' (file): reason", or "plugin file: reason" when the name is unknown.
std::string describe_failure(const PluginLoadFailure& f);

/// The plugins of a search path. Not thread-safe; built once per command.
class PluginCatalog {
 public:
  /// Opens every plugin file under `path`. Never throws for a bad plugin file.
  static PluginCatalog discover(const std::vector<PluginSearchEntry>& path);

  /// The usable plugins, sorted by name.
  const std::vector<CatalogEntry>& plugins() const { return plugins_; }
  /// Mutable access for configuring a plugin before a run.
  std::vector<CatalogEntry>& plugins() { return plugins_; }
  /// The files that could not be used, in search order.
  const std::vector<PluginLoadFailure>& failures() const { return failures_; }

  /// The plugin named `name`, or nullptr.
  CatalogEntry* find(std::string_view name);
  /// The failure of a file whose manifest names `name`, or nullptr.
  const PluginLoadFailure* find_failure(std::string_view name) const;
  /// Comma-separated names of the usable plugins (for "unknown KPI" messages).
  std::string names() const;

 private:
  std::vector<CatalogEntry> plugins_;
  std::vector<PluginLoadFailure> failures_;
};

}  // namespace leda::host
