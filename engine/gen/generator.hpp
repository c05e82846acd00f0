// gen/generator.hpp — writes a deterministic synthetic LiveEngage account in the Data Access
// file format (what `leda generate` does).
//
//   leda::gen::GenOptions opt;
//   opt.out_dir = "data";
//   opt.seed = 7;
//   leda::gen::GenSummary s = leda::gen::generate(opt);
//   // wrote data/75555851/<type>/<Prefix>.<start>.<end>.part-00000-0.gz for the types
//   // agentActivity, webSession, engagement and survey, data/agents.csv, data/membership.csv,
//   // and the WFM schedule (gen/wfm_schedule.hpp): data/schedule.csv, activities.csv,
//   // schedule-iex.txt, schedule-genesys.json, genesys-activity-codes.json
//
// The same options give byte-identical files whatever the thread count. One gzip file per data
// type and UTC hour that has records; a record goes in the hour in which its session closed.
// Files are written to a hidden staging directory under `out_dir` and moved into place at the
// end, so a failed run leaves no half-written account behind.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "leda/model.hpp"

namespace leda::gen {

/// What to generate. Defaults are those of `leda generate`.
struct GenOptions {
  std::string out_dir;                  ///< parent directory of the account and the CSV files
  std::uint64_t seed = 1;               ///< the same seed gives the same account
  std::string account = "75555851";     ///< account (site) id, decimal digits
  int agents = 20;                      ///< number of agents (1..10000)
  int days = 3;                         ///< length of the range in days (1..366)
  int visits_per_day = 2000;            ///< average visits per day (0..10000000)
  std::int64_t start_day = 20757;       ///< first day, days since 1970-01-01 (2026-10-31)
  unsigned threads = 0;                 ///< writer threads; 0: the machine's cores
  bool force = false;                   ///< replace an existing account and CSVs in out_dir
  bool progress = true;                 ///< progress bar on stderr when it is a terminal
  std::size_t part_bytes = 256u << 20;  ///< uncompressed bytes after which a new part starts
  /// Web traffic (and chats) by the weekly profile of gen/weekly_profile.hpp, with a trend and
  /// noise, instead of the default daily curve.
  bool weekly_profile = false;
};

/// Options that cannot be used (the message says which and why).
class GenUsageError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// What a run wrote, per data type (DataType order: agentActivity, webSession, engagement,
/// survey).
struct GenSummary {
  std::uint64_t files[kDataTypeCount] = {};
  std::uint64_t records[kDataTypeCount] = {};
  std::uint64_t bytes[kDataTypeCount] = {};       ///< uncompressed JSON
  std::uint64_t compressed[kDataTypeCount] = {};  ///< gzip
  std::uint64_t agents = 0, visits = 0, conversations = 0, surveys = 0, orders = 0;
  std::string account_dir;  ///< where the account's files are
  double seconds = 0;       ///< wall time

  std::uint64_t total_files() const;
  std::uint64_t total_records() const;
  std::uint64_t total_bytes() const;
  std::uint64_t total_compressed() const;
};

/// Checks `options`; throws GenUsageError naming the bad one.
void validate(const GenOptions& options);

/// The account directory or a CSV file is already in the output directory (and `force` is
/// not set).
class GenOutputExists : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Generates and writes the account. Throws GenUsageError for bad options, GenOutputExists,
/// std::runtime_error for I/O failures (naming the path) or a time zone missing from the
/// system's database.
GenSummary generate(const GenOptions& options);

}  // namespace leda::gen
