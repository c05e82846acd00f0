// host/plugin_library.cpp — see plugin_library.hpp.
#include "host/plugin_library.hpp"

#include <cstddef>
#include <cstring>
#include <map>
#include <mutex>

#include <fmt/format.h>
#include <boost/dll/shared_library.hpp>

#include "host/param_binding.hpp"
#include "host/plugin_guard.hpp"

namespace leda::host {
namespace {

using Library = boost::dll::shared_library;

// The fields every manifest has had since the first ABI: magic, size, abi_version.
constexpr std::size_t kManifestHeaderBytes = offsetof(LedaManifest, sdk_major);

// Libraries stay loaded until the process ends (the "late unload registry" of Boost.DLL's FAQ):
// a plugin's states, exceptions and vtables live in its code, and the host never knows for sure
// that nothing of a plugin is left. Keyed by canonical path, so a file is opened once.
class LibraryRegistry {
 public:
  static LibraryRegistry& instance() {
    static LibraryRegistry registry;
    return registry;
  }
  // Opens `file` (throws boost::system::system_error with dlerror()'s text) or returns the
  // library opened before for the same file.
  std::shared_ptr<Library> open(const std::filesystem::path& file) {
    std::error_code ec;
    std::filesystem::path key = std::filesystem::canonical(file, ec);
    if (ec) key = std::filesystem::absolute(file);
    std::lock_guard lock(mutex_);
    auto it = libraries_.find(key);
    if (it != libraries_.end()) return it->second;
    auto lib = std::make_shared<Library>(
        key, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    libraries_.emplace(key, lib);
    return lib;
  }

 private:
  std::mutex mutex_;
  std::map<std::filesystem::path, std::shared_ptr<Library>> libraries_;
};

std::string text_or_empty(const char* s) {
  return s ? std::string(s, strnlen(s, 4096)) : std::string();
}

// True when a manifest of `m.size` bytes holds the field at `offset` of `bytes` bytes.
bool has_field(const LedaManifest& m, std::size_t offset, std::size_t bytes) {
  return m.size >= offset + bytes;
}
#define LEDA_HAS_FIELD(m, field) has_field(m, offsetof(LedaManifest, field), sizeof(m.field))

}  // namespace

ManifestInfo read_manifest(const LedaManifest& raw) {
  ManifestInfo info;
  info.abi_version = raw.abi_version;
  if (LEDA_HAS_FIELD(raw, sdk_patch)) {
    info.sdk_major = raw.sdk_major;
    info.sdk_minor = raw.sdk_minor;
    info.sdk_patch = raw.sdk_patch;
  }
  if (LEDA_HAS_FIELD(raw, name)) info.name = text_or_empty(raw.name);
  if (LEDA_HAS_FIELD(raw, version)) info.version = text_or_empty(raw.version);
  if (LEDA_HAS_FIELD(raw, toolchain)) info.toolchain = text_or_empty(raw.toolchain);
  if (LEDA_HAS_FIELD(raw, layout)) info.layout = raw.layout;
  return info;
}

std::optional<std::string> check_manifest(const LedaManifest& raw) {
  if (raw.magic != LEDA_MANIFEST_MAGIC)
    return fmt::format("its leda_manifest has the wrong magic number {:#x} (expected {:#x})",
                       raw.magic, LEDA_MANIFEST_MAGIC);
  if (raw.abi_version != LEDA_ABI_VERSION)
    return fmt::format(
        "it was built for plugin ABI version {}, but this leda uses ABI version {}: rebuild it "
        "against this leda's SDK",
        raw.abi_version, LEDA_ABI_VERSION);
  if (raw.size < sizeof(LedaManifest))
    return fmt::format("its manifest is {} bytes, shorter than the {} bytes of ABI version {}",
                       raw.size, sizeof(LedaManifest), LEDA_ABI_VERSION);
  const ManifestInfo info = read_manifest(raw);
  if (info.sdk_major != LEDA_SDK_VERSION_MAJOR || info.sdk_minor > LEDA_SDK_VERSION_MINOR)
    return fmt::format(
        "it was built with leda SDK {}.{}.{}, newer than this leda's SDK {}.{}.{}: upgrade leda",
        info.sdk_major, info.sdk_minor, info.sdk_patch, LEDA_SDK_VERSION_MAJOR,
        LEDA_SDK_VERSION_MINOR, LEDA_SDK_VERSION_PATCH);
  if (info.toolchain != LEDA_TOOLCHAIN_FINGERPRINT)
    return fmt::format(
        "it was built with toolchain '{}', but this leda with '{}': C++ objects cannot cross "
        "between them; rebuild the plugin with the same compiler and standard library",
        info.toolchain, LEDA_TOOLCHAIN_FINGERPRINT);
  if (info.layout != sdk_layout_fingerprint())
    return fmt::format(
        "it was built against SDK headers whose shared types differ from this leda's (layout "
        "fingerprint {:#018x}, this leda {:#018x}: a field of the model, a join or a table was "
        "added, moved or retyped): rebuild the plugin against the SDK installed with this leda "
        "(find_package(leda) from its install prefix)",
        info.layout, sdk_layout_fingerprint());
  if (info.name.empty()) return std::string("its manifest has no plugin name");
  return std::nullopt;
}

std::variant<LoadedPlugin, PluginLoadFailure> open_plugin(const std::filesystem::path& file) {
  PluginLoadFailure failure{file, {}, {}};
  std::shared_ptr<Library> lib;
  try {
    lib = LibraryRegistry::instance().open(file);
  } catch (const std::exception& e) {
    failure.reason = std::string("not a loadable shared library: ") + e.what();
    return failure;
  }
  if (!lib->has("leda_manifest")) {
    failure.reason =
        "not a leda plugin: it exports no leda_manifest (plugins are made with "
        "LEDA_PLUGIN, see leda/plugin.hpp)";
    return failure;
  }
  // The alias is a pointer to the manifest (get_alias dereferences it): check it first.
  if (!lib->get<const LedaManifest*>("leda_manifest")) {
    failure.reason = "not a leda plugin: its leda_manifest is a null pointer";
    return failure;
  }
  const LedaManifest& raw = lib->get_alias<const LedaManifest>("leda_manifest");
  if (raw.magic == LEDA_MANIFEST_MAGIC && raw.size >= kManifestHeaderBytes)
    failure.name = read_manifest(raw).name;
  if (auto why = check_manifest(raw)) {
    failure.reason = "refused: " + *why;
    return failure;
  }
  if (!lib->has("leda_create")) {
    failure.reason =
        "not a complete leda plugin: it has a leda_manifest but no leda_create "
        "(plugins are made with LEDA_PLUGIN, see leda/plugin.hpp)";
    return failure;
  }

  LoadedPlugin loaded;
  loaded.file = file;
  loaded.manifest = read_manifest(raw);
  const PluginIdentity who{loaded.manifest.name, file};
  try {
    auto& create = lib->get_alias<KpiPlugin*()>("leda_create");
    KpiPlugin* raw_plugin = call_plugin(who, "create", [&] { return create(); });
    if (!raw_plugin) {
      failure.reason = "its leda_create returned no plugin";
      return failure;
    }
    // The deleter keeps the library loaded for as long as the plugin object lives.
    loaded.plugin = std::shared_ptr<KpiPlugin>(raw_plugin, [lib](KpiPlugin* p) { delete p; });
    loaded.description = call_plugin(who, "describe", [&] { return loaded.plugin->describe(); });
  } catch (const PluginFailure& e) {
    failure.reason = "failed in " + e.phase() + ": " + e.reason();
    return failure;
  }
  if (loaded.description.name != loaded.manifest.name) {
    failure.reason = "describe() names it '" + loaded.description.name +
                     "' but its manifest says '" + loaded.manifest.name + "'";
    return failure;
  }
  if (auto why = check_param_specs(loaded.description)) {
    failure.reason = "refused: " + *why;
    return failure;
  }
  return loaded;
}

}  // namespace leda::host
