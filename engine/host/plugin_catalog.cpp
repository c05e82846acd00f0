// host/plugin_catalog.cpp — see plugin_catalog.hpp.
#include "host/plugin_catalog.hpp"

#include <algorithm>
#include <map>
#include <system_error>

namespace leda::host {
namespace {

// The plugin files of one search entry: the entry itself when it is a file, else the `*.so`
// files directly inside it, in name order.
std::vector<std::filesystem::path> plugin_files(const std::filesystem::path& where) {
  std::error_code ec;
  if (!std::filesystem::is_directory(where, ec)) return {where};
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(where, ec)) {
    const auto& p = e.path();
    if (p.extension() == ".so" && !p.filename().string().starts_with(".") && e.is_regular_file(ec))
      files.push_back(p);
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::string describe_failure(const PluginLoadFailure& f) {
  if (f.name.empty()) return "plugin " + f.file.string() + ": " + f.reason;
  return "plugin '" + f.name + "' (" + f.file.string() + "): " + f.reason;
}

PluginCatalog PluginCatalog::discover(const std::vector<PluginSearchEntry>& path) {
  PluginCatalog catalog;
  std::vector<CatalogEntry> found;
  for (const auto& entry : path) {
    for (const auto& file : plugin_files(entry.path)) {
      auto opened = open_plugin(file);
      if (auto* failure = std::get_if<PluginLoadFailure>(&opened)) {
        catalog.failures_.push_back(std::move(*failure));
        continue;
      }
      found.push_back({std::move(std::get<LoadedPlugin>(opened)), entry.source});
    }
  }
  std::map<std::string, std::vector<std::size_t>> by_name;
  for (std::size_t i = 0; i < found.size(); ++i)
    by_name[found[i].loaded.manifest.name].push_back(i);
  for (auto& [name, indexes] : by_name) {
    if (indexes.size() == 1) {
      catalog.plugins_.push_back(std::move(found[indexes[0]]));
      continue;
    }
    for (std::size_t i : indexes) {
      std::string others;
      for (std::size_t j : indexes)
        if (j != i) others += (others.empty() ? "" : ", ") + found[j].loaded.file.string();
      catalog.failures_.push_back(
          {found[i].loaded.file, name,
           "refused: another file also provides a plugin named '" + name + "' (" + others +
               "); neither is used: remove one or point --plugin-dir at only one of them"});
    }
  }
  return catalog;
}

CatalogEntry* PluginCatalog::find(std::string_view name) {
  for (auto& p : plugins_)
    if (p.loaded.manifest.name == name) return &p;
  return nullptr;
}

const PluginLoadFailure* PluginCatalog::find_failure(std::string_view name) const {
  for (const auto& f : failures_)
    if (!f.name.empty() && f.name == name) return &f;
  return nullptr;
}

std::string PluginCatalog::names() const {
  std::string out;
  for (const auto& p : plugins_)
    out += (out.empty() ? "" : ", ") + p.loaded.manifest.name;
  return out;
}

}  // namespace leda::host
