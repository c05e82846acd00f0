// host/plugin_guard.hpp — the one place where the host calls into plugin code.
//
//   Table t = leda::host::call_plugin(who, "finalize", [&] { return p.finalize(std::move(s)); });
//
// Whatever a plugin throws (leda::PluginError, any std::exception, or anything else) is caught
// here while its library is still loaded and turned into a PluginFailure that names the
// plugin, its file and the call that failed, so one broken plugin never takes the run down.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <utility>

#include <boost/core/demangle.hpp>

#include "leda/plugin.hpp"

namespace leda::host {

/// Who is being called: for error messages.
struct PluginIdentity {
  std::string name;  ///< the plugin's name (may be empty before its manifest is read)
  std::filesystem::path file;

  /// "plugin 'name' (file)" or "plugin file" when the name is unknown.
  std::string describe() const {
    if (name.empty()) return "plugin " + file.string();
    return "plugin '" + name + "' (" + file.string() + ")";
  }
};

/// A call into a plugin failed. what() reads "plugin 'x' (file) failed in update: reason".
class PluginFailure : public std::runtime_error {
 public:
  PluginFailure(const PluginIdentity& who, std::string phase, const std::string& reason)
      : std::runtime_error(who.describe() + " failed in " + phase + ": " + reason),
        plugin_(who.name),
        phase_(std::move(phase)),
        reason_(reason) {}

  const std::string& plugin() const { return plugin_; }
  const std::string& phase() const { return phase_; }  ///< describe, configure, update, ...
  const std::string& reason() const { return reason_; }

 private:
  std::string plugin_, phase_, reason_;
};

/// Calls `f()` (which calls plugin code) and returns its result; rethrows anything it throws as a
/// PluginFailure for `phase`. A PluginError's message is kept as the plugin wrote it; any other
/// exception is named by its type, so a stray std::out_of_range is recognisable as a bug.
template <class F>
decltype(auto) call_plugin(const PluginIdentity& who, const char* phase, F&& f) {
  try {
    return std::forward<F>(f)();
  } catch (const PluginError& e) {
    throw PluginFailure(who, phase, e.what());
  } catch (const std::exception& e) {
    throw PluginFailure(who, phase, boost::core::demangle(typeid(e).name()) + ": " + e.what());
  } catch (...) {
    throw PluginFailure(who, phase, "an exception not derived from std::exception");
  }
}

}  // namespace leda::host
