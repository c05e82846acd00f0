// wfm/importers.hpp — `leda wfm import`: WFM exports (NICE IEX, Genesys Cloud, the neutral CSV
// itself) turned into neutral schedule rows (wfm.md §2 and §5).
//
//   leda::wfm::IexOptions o;
//   o.tz = "America/New_York";                       // the management unit's zone
//   o.unpaid = {"MEAL", "OFF"};
//   leda::wfm::ImportResult r = leda::wfm::import_iex({"detail.txt"}, o);
//   for (const auto& e : r.errors) std::cerr << e.text() << "\n";   // rows skipped
//   std::string csv = leda::wfm::neutral_csv(r.rows);               // sorted, layering kept
//
// Every importer reads all its files, keeps every row it can read and reports each one it
// cannot (file, line or JSON path, field, reason) in `errors`; a file that cannot be read at
// all (missing, no column list, a required column missing, broken JSON) is in `file_errors`.
// The rows come back sorted by finish_import (neutral_schedule.hpp). Thread-safe: no shared
// state.
#pragma once

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "wfm/mu_zone.hpp"
#include "wfm/neutral_schedule.hpp"

namespace leda::wfm {

/// Options that cannot work together or a value that cannot be used: a usage error.
class WfmUsageError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// How to read a NICE IEX schedule detail export (pipe-delimited).
struct IexOptions {
  std::string tz;                   ///< the management unit's IANA zone (required)
  std::vector<std::string> fields;  ///< column names for files without a `#fields:` line
  /// Column name per role: "agent" (default tvID), "date" (schedDate), "code" (excCode),
  /// "start" (startTime), "stop" (stopTime).
  std::map<std::string, std::string> names;
  bool twelve_hour = false;      ///< times are `hh:mmAM`, not `HH:MM`
  Fold fold = Fold::kEarlier;    ///< which occurrence of a repeated local time
  std::set<std::string> unpaid;  ///< activity codes written paid=false
};

/// Adds `ROLE=NAME` (from --field) to `o.names`; throws WfmUsageError for an unknown role or a
/// missing name.
void add_iex_field_name(IexOptions& o, std::string_view spec);

/// Splits a `|` or `,` separated list (--fields, --unpaid), trimming each name.
std::vector<std::string> split_names(std::string_view list);

/// Reads IEX files. Throws WfmZoneError for an unknown `o.tz`.
ImportResult import_iex(const std::vector<std::string>& files, const IexOptions& o);

/// How to read Genesys Cloud schedule-search JSON.
struct GenesysOptions {
  /// The activity code list (`{"entities": [{"id", "name", ...}]}`); when given, activity
  /// codes are written by name instead of by id. Empty: none.
  std::string activity_codes;
  /// Zone for a file without `managementUnitTimeZone`; empty: such a file cannot be read.
  std::string tz;
};

/// Reads the activity code list: id -> name. Throws std::runtime_error naming the file and the
/// entity for an unreadable file, an entity without id or name, or an id given twice.
std::map<std::string, std::string> read_genesys_activity_codes(const std::string& path);

/// Reads Genesys files. Throws std::runtime_error when `o.activity_codes` cannot be read,
/// WfmZoneError for an unknown `o.tz`.
ImportResult import_genesys(const std::vector<std::string>& files, const GenesysOptions& o);

/// Reads neutral schedule CSV files: checked, offsets kept, sorted.
ImportResult import_csv(const std::vector<std::string>& files);

}  // namespace leda::wfm
