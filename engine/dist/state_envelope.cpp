// dist/state_envelope.cpp — see state_envelope.hpp.
#include "dist/state_envelope.hpp"

#include <zlib.h>

#include <cstring>

#include "host/plugin_library.hpp"

namespace leda::dist {
namespace {

constexpr char kMagic[8] = {'L', 'E', 'D', 'A', 'S', 'T', 'A', 'T'};
constexpr std::uint16_t kFormat = 1;

void put(std::string& out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i)
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

std::uint32_t crc_of(std::string_view bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  // zlib takes at most 4 GiB per call.
  for (std::size_t at = 0; at < bytes.size();) {
    const std::size_t n = std::min<std::size_t>(bytes.size() - at, 1u << 30);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data() + at), static_cast<uInt>(n));
    at += n;
  }
  return static_cast<std::uint32_t>(crc);
}

[[noreturn]] void refuse(const std::string& why) {
  throw EnvelopeError("state envelope: " + why);
}

// Reads the header fields in order, refusing to read past the end.
class HeaderReader {
 public:
  explicit HeaderReader(std::string_view b) : b_(b) {}
  std::uint64_t uint(int bytes, const char* what) {
    need(bytes, what);
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
      v |= static_cast<std::uint64_t>(static_cast<unsigned char>(b_[pos_ + i])) << (8 * i);
    pos_ += bytes;
    return v;
  }
  std::string_view text(const char* what) {
    const auto n = static_cast<std::size_t>(uint(2, what));
    need(n, what);
    const std::string_view s = b_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  std::size_t pos() const { return pos_; }
  std::size_t left() const { return b_.size() - pos_; }
  void need(std::size_t n, const char* what) const {
    if (left() < n)
      refuse("cut short in its " + std::string(what) + " (" + std::to_string(b_.size()) +
             " bytes in all)");
  }

 private:
  std::string_view b_;
  std::size_t pos_ = 0;
};

std::string hex(std::uint64_t v) {
  char buf[19];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

std::uint64_t params_fingerprint(const Params& params) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  auto eat = [&](std::string_view s) {
    std::string len;
    put(len, s.size(), 8);
    for (char c : len + std::string(s)) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ull;
    }
  };
  for (const auto& [name, value] : params.all()) {
    eat(name);
    eat(value);
  }
  return h;
}

StateIdentity identity_of(const host::LoadedPlugin& plugin, const Params& params) {
  return {plugin.manifest.name, plugin.manifest.version, plugin.description.state_version,
          params_fingerprint(params)};
}

std::string seal_state(const StateIdentity& who, std::string_view payload) {
  if (who.plugin.size() > 0xffff || who.version.size() > 0xffff)
    refuse("a plugin name or version longer than 65535 bytes");
  std::string out(kMagic, sizeof kMagic);
  out.reserve(payload.size() + 64 + who.plugin.size() + who.version.size());
  put(out, kFormat, 2);
  put(out, who.plugin.size(), 2);
  out += who.plugin;
  put(out, who.version.size(), 2);
  out += who.version;
  put(out, who.state_version, 4);
  put(out, who.params_fingerprint, 8);
  put(out, payload.size(), 8);
  out.append(payload.data(), payload.size());
  put(out, crc_of(out), 4);
  return out;
}

std::string_view open_state(std::string_view envelope, const StateIdentity& expected) {
  HeaderReader r(envelope);
  r.need(sizeof kMagic, "magic");
  if (std::memcmp(envelope.data(), kMagic, sizeof kMagic) != 0)
    refuse("not a leda state (the first 8 bytes are not \"LEDASTAT\")");
  r.uint(4, "magic");
  r.uint(4, "magic");
  if (const auto format = r.uint(2, "format"); format != kFormat)
    refuse("envelope format " + std::to_string(format) + ", this leda reads format " +
           std::to_string(kFormat));
  const std::string_view name = r.text("plugin name");
  const std::string_view version = r.text("plugin version");
  const auto state_version = static_cast<std::uint32_t>(r.uint(4, "state version"));
  const std::uint64_t fingerprint = r.uint(8, "parameter fingerprint");
  const std::uint64_t length = r.uint(8, "payload length");
  if (length > r.left() || r.left() - length < 4)
    refuse("cut short: the payload says " + std::to_string(length) + " bytes and " +
           std::to_string(r.left()) + " bytes follow (with the 4-byte checksum)");
  if (r.left() - length > 4)
    refuse(std::to_string(r.left() - length - 4) + " bytes after the checksum");
  const std::size_t payload_at = r.pos();
  const std::size_t crc_at = payload_at + static_cast<std::size_t>(length);
  HeaderReader tail(envelope.substr(crc_at));
  const auto crc = static_cast<std::uint32_t>(tail.uint(4, "checksum"));
  if (crc != crc_of(envelope.substr(0, crc_at)))
    refuse("checksum mismatch: the bytes were altered on the way");
  if (name != expected.plugin)
    refuse("a state of plugin '" + std::string(name) + "' was given to plugin '" + expected.plugin +
           "'");
  if (version != expected.version)
    refuse("a state of " + expected.plugin + " version " + std::string(version) +
           ", this process runs version " + expected.version);
  if (state_version != expected.state_version)
    refuse("a state of " + expected.plugin + " in state format " + std::to_string(state_version) +
           ", this process reads format " + std::to_string(expected.state_version));
  if (fingerprint != expected.params_fingerprint)
    refuse("a state of " + expected.plugin + " built with other parameters (fingerprint " +
           hex(fingerprint) + ", this process has " + hex(expected.params_fingerprint) + ")");
  return envelope.substr(payload_at, static_cast<std::size_t>(length));
}

std::string encode_state(const KpiPlugin& plugin, const StateIdentity& who, const KpiState& state) {
  StateWriter w;
  plugin.encode_state(state, w);
  return seal_state(who, w.bytes());
}

std::unique_ptr<KpiState> decode_state(const KpiPlugin& plugin, const StateIdentity& expected,
                                       std::string_view envelope) {
  const std::string_view payload = open_state(envelope, expected);
  try {
    StateReader r(payload);
    std::unique_ptr<KpiState> state = plugin.decode_state(r);
    r.expect_end();
    if (!state) refuse("plugin '" + expected.plugin + "' decoded no state");
    return state;
  } catch (const StateFormatError& e) {
    refuse("plugin '" + expected.plugin + "' cannot read its payload: " + e.what());
  }
}

}  // namespace leda::dist
