// host/plugin_library.hpp — opens one plugin file, checks its manifest and creates its plugin.
//
//   auto opened = leda::host::open_plugin("/usr/lib/leda/plugins/libconversations.so");
//   if (auto* p = std::get_if<leda::host::LoadedPlugin>(&opened))
//     run(*p->plugin);
//   else
//     report(std::get<leda::host::PluginLoadFailure>(opened).reason);
//
// The library is opened with `rtld_now | rtld_local` (a missing symbol fails here, not in the
// middle of a run; plugins never see each other's symbols) and stays loaded for the life of the
// process: libraries are kept in a process-wide registry and every plugin object holds its
// library, so no plugin code is ever unmapped while something it made is alive. The manifest is
// read as data (no plugin code runs) and must match this host before `leda_create` is called.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "leda/abi.h"
#include "leda/plugin.hpp"

namespace leda::host {

/// A plugin's manifest, copied out of its library.
struct ManifestInfo {
  std::uint32_t abi_version = 0;
  std::uint32_t sdk_major = 0, sdk_minor = 0, sdk_patch = 0;
  std::string name;          ///< empty when the manifest is too old or too short to carry one
  std::string version;       ///< the plugin's own version
  std::string toolchain;     ///< the plugin build's LEDA_TOOLCHAIN_FINGERPRINT
  std::uint64_t layout = 0;  ///< the plugin build's leda::sdk_layout_fingerprint()
};

/// Copies what `size` bytes of a manifest hold (fields past `size` stay zero/empty). `raw` points
/// to a manifest of at least `size` bytes; `size` must be at least 12 (magic, size, abi_version).
ManifestInfo read_manifest(const LedaManifest& raw);

/// Why a manifest cannot be used by this host (wrong magic, ABI version, SDK version, toolchain
/// or layout fingerprint), or nullopt when it is compatible. The reason names both sides' values.
std::optional<std::string> check_manifest(const LedaManifest& raw);

/// A plugin that was loaded, checked and created.
struct LoadedPlugin {
  std::filesystem::path file;  ///< the file it was loaded from (as found)
  ManifestInfo manifest;
  std::shared_ptr<KpiPlugin> plugin;  ///< shared by all threads; holds its library
  Description description;            ///< describe(), copied once at load
};

/// A file that could not be used as a plugin.
struct PluginLoadFailure {
  std::filesystem::path file;
  std::string name;    ///< the plugin's name when its manifest could be read, else empty
  std::string reason;  ///< why, for a user: names both versions for an ABI mismatch
};

/// Opens `file` and creates its plugin. Never throws for a bad file: every problem (not a shared
/// library, an unresolved symbol, no `leda_manifest`, an incompatible manifest, no
/// `leda_create`, a plugin that throws or returns null while being created or described) is a
/// PluginLoadFailure. Opening the same file twice returns the same library.
std::variant<LoadedPlugin, PluginLoadFailure> open_plugin(const std::filesystem::path& file);

}  // namespace leda::host
