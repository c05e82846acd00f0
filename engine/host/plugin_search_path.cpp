// host/plugin_search_path.cpp — see plugin_search_path.hpp.
#include "host/plugin_search_path.hpp"

#include <cstdlib>
#include <set>
#include <stdexcept>
#include <system_error>

namespace leda::host {
namespace {

std::filesystem::path executable_path() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : p;
}

// The canonical form used to notice a folder named twice; the path itself when it cannot be
// resolved.
std::filesystem::path identity(const std::filesystem::path& p) {
  std::error_code ec;
  auto c = std::filesystem::canonical(p, ec);
  return ec ? std::filesystem::absolute(p) : c;
}

}  // namespace

std::filesystem::path builtin_plugin_dir() {
  const auto exe = executable_path();
  if (!exe.empty()) {
    std::error_code ec;
    const auto installed = exe.parent_path().parent_path() / LEDA_PLUGIN_INSTALL_DIR;
    if (std::filesystem::is_directory(installed, ec)) return installed;
  }
  return LEDA_BUILTIN_PLUGIN_DIR;
}

std::vector<PluginSearchEntry> plugin_search_path(const std::vector<std::string>& cli_dirs,
                                                  bool include_environment, bool include_builtin) {
  std::vector<PluginSearchEntry> out;
  std::set<std::filesystem::path> seen;
  auto add = [&](const std::filesystem::path& p, PluginSource source) {
    if (seen.insert(identity(p)).second) out.push_back({p, source});
  };
  for (const auto& d : cli_dirs) {
    std::error_code ec;
    if (!std::filesystem::exists(d, ec))
      throw std::invalid_argument("--plugin-dir " + d + ": no such folder");
    add(d, PluginSource::kCommandLine);
  }
  if (include_environment) {
    if (const char* env = std::getenv("LEDA_PLUGIN_PATH")) {
      std::string all = env;
      std::size_t start = 0;
      while (start <= all.size()) {
        std::size_t end = all.find(':', start);
        if (end == std::string::npos) end = all.size();
        const std::string entry = all.substr(start, end - start);
        std::error_code ec;
        if (!entry.empty() && std::filesystem::exists(entry, ec))
          add(entry, PluginSource::kEnvironment);
        start = end + 1;
      }
    }
  }
  if (include_builtin) {
    const auto builtin = builtin_plugin_dir();
    std::error_code ec;
    if (std::filesystem::is_directory(builtin, ec)) add(builtin, PluginSource::kBuiltIn);
  }
  return out;
}

const char* source_name(PluginSource source) {
  switch (source) {
    case PluginSource::kCommandLine:
      return "--plugin-dir";
    case PluginSource::kEnvironment:
      return "LEDA_PLUGIN_PATH";
    case PluginSource::kBuiltIn:
      return "built-in";
  }
  return "?";
}

}  // namespace leda::host
