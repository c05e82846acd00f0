// dist/state_envelope.hpp — a plugin's state as bytes that say what they are, checked on
// arrival before the plugin reads them.
//
// A state travels from one process to another (an MPI rank to the one that merges it) as an
// envelope around the bytes the plugin's encode_state() wrote:
//
//   offset  size  field
//   0       8     magic "LEDASTAT"
//   8       2     envelope format (1), little-endian
//   10      2     n: length of the plugin name; then n bytes
//   ..      2     m: length of the plugin version; then m bytes
//   ..      4     the plugin's state version (Description::state_version)
//   ..      8     fingerprint of the plugin's bound parameters (params_fingerprint)
//   ..      8     payload length p; then p bytes of payload
//   ..      4     CRC-32 of every byte before it
//
// Every integer is little-endian whatever the machine. open_state() refuses, with a message
// that says which, an input that is too short, has another magic or format, is cut short or
// has bytes after it, fails its checksum, or was written by another plugin, plugin version,
// state version or with other parameters; decode_state() then refuses a payload the plugin
// cannot read (or does not read to its end).
//
//   leda::dist::StateIdentity who = leda::dist::identity_of(plugin, params);
//   std::string bytes = leda::dist::encode_state(*plugin.plugin, who, state);
//   std::unique_ptr<leda::KpiState> back = leda::dist::decode_state(*plugin.plugin, who, bytes);
//
// Thread-safety: pure functions; the plugin calls are const (see plugin.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "leda/plugin.hpp"

namespace leda::host {
struct LoadedPlugin;
}

namespace leda::dist {

/// An envelope that cannot be used; what() says why, starting with "state envelope: ".
class EnvelopeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What an envelope must carry to be accepted.
struct StateIdentity {
  std::string plugin;                    ///< the plugin's name
  std::string version;                   ///< the plugin's version
  std::uint32_t state_version = 0;       ///< Description::state_version
  std::uint64_t params_fingerprint = 0;  ///< params_fingerprint() of the bound parameters
};

/// A 64-bit fingerprint (FNV-1a) of the parameter values a plugin was bound with: every name and
/// value, in name order, each with its length, so ("ab","c") and ("a","bc") differ.
std::uint64_t params_fingerprint(const Params& params);

/// The identity of `plugin` run with `params`.
StateIdentity identity_of(const host::LoadedPlugin& plugin, const Params& params);

/// The envelope of `payload` for `who`.
std::string seal_state(const StateIdentity& who, std::string_view payload);

/// The payload of `envelope`, after every check above against `expected`. The view points into
/// `envelope`. Throws EnvelopeError.
std::string_view open_state(std::string_view envelope, const StateIdentity& expected);

/// encode_state() of `plugin`, sealed. Throws what the plugin throws.
std::string encode_state(const KpiPlugin& plugin, const StateIdentity& who, const KpiState& state);

/// open_state(), then the plugin's decode_state(), which must read the payload to its end.
/// Throws EnvelopeError for a refused envelope or payload (a StateFormatError of the plugin is
/// reported as one), and what the plugin throws otherwise.
std::unique_ptr<KpiState> decode_state(const KpiPlugin& plugin, const StateIdentity& expected,
                                       std::string_view envelope);

}  // namespace leda::dist
