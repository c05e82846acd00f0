// store/manifest.hpp — the record of what a store holds: one entry per stored file plus the
// per-type checkpoint, kept in one JSON file (DIR/<account>/.leda/manifest.json) that is always
// replaced whole (temp file + rename), so entries and checkpoint are always consistent.
//
//   leda::store::Manifest m = leda::store::Manifest::parse(text, path);  // or Manifest{}
//   m.put(entry);
//   m.set_checkpoint("agentActivity", end_ms);
//   std::string text = m.serialize();
//
// Thread-safety: none; AccountStore serialises access.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace leda::store {

/// One stored file.
struct ManifestEntry {
  std::string type;  ///< data type (layout.hpp kDataTypes)
  std::string name;  ///< dedupe key: the listed @name without ".gz"
  std::string path;  ///< where it is, relative to the account folder: "<type>/<file>"
  std::string href;  ///< the URL it was downloaded from
  std::int64_t scope_start_ms = 0;  ///< start of the covered hour (0 when unknown)
  std::int64_t scope_end_ms = 0;    ///< end of the covered hour (0 when unknown)
  std::uint64_t size = 0;           ///< bytes on disk (as served)
  std::string sha256;               ///< of the bytes on disk, lower-case hex
  std::int64_t fetched_ms = 0;      ///< when it was stored
};

class Manifest {
 public:
  /// Parses a manifest file's text. Throws std::runtime_error naming `path` and what is wrong.
  static Manifest parse(const std::string& text, const std::string& path);

  /// The manifest as pretty JSON (entries sorted by type, then name).
  std::string serialize() const;

  /// The entry of (`type`, `name`), or null.
  const ManifestEntry* find(const std::string& type, const std::string& name) const;
  /// Adds or replaces the entry of (entry.type, entry.name).
  void put(ManifestEntry entry);
  /// Removes the entry of (`type`, `name`) if present.
  void erase(const std::string& type, const std::string& name);
  /// Number of entries.
  std::size_t size() const { return entries_.size(); }
  /// All entries, sorted by (type, name).
  std::vector<const ManifestEntry*> entries() const;

  /// The end (epoch ms) of the last span of `type` fully stored, if any.
  std::optional<std::int64_t> checkpoint(const std::string& type) const;
  void set_checkpoint(const std::string& type, std::int64_t ms);

  std::string account;  ///< the account id the store belongs to

 private:
  std::map<std::pair<std::string, std::string>, ManifestEntry> entries_;
  std::map<std::string, std::int64_t> checkpoints_;
};

}  // namespace leda::store
