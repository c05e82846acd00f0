// load/loader.hpp — reads Data Access files into a Model.
//
//   leda::LoadOptions opts;
//   opts.needs = leda::kNeedEverything;          // or a plugin's needs: load only that
//   leda::load::LoadResult r = leda::load::load({"store/75555851"}, opts);
//   // r.model is ready; r.stats says what was read, skipped and wrong.
//
// Paths may be directories (walked recursively; names starting with '.' are skipped, as are
// the store's manifest and temporary files) or files (`.gz` or plain JSON). A record's type
// comes from its `dataType`, not from the file name. Files are parsed in parallel; the model is
// the same whatever the thread count or the order of the paths.
//
// What a load does with its input:
// - Records are merged by natural key (model/model_builder.hpp). An agent session delivered in
//   parts (several items of a record, records in several files) has the union of their events;
//   a copy with the same events as one already seen counts in `duplicates`, one with other
//   events in `merged_parts`. Of a conversation or survey delivered twice, the first in sorted
//   path order is kept and the other counted in `duplicates`.
// - `needs`: a part bit implies its data type (kNeedEvents loads agent sessions, ...). A file
//   whose first record is of a type not needed is not read further (a gzip file is inflated
//   only far enough to tell), so its records are not counted in `records` and its bytes not in
//   `bytes`. A visit's first and last times come from the parts loaded.
// - Bad input: a record that cannot be used is dropped with an error naming the file, line and
//   byte offset; after broken JSON, reading resumes at the next line that starts with '{'.
// - Memory: what a load frees goes back to the system, and the peak stays near the model's own
//   size, when the program maps large blocks on their own: the `leda` command and the
//   benchmarks call util::return_large_blocks_to_system() (util/large_blocks.hpp) in main().
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "leda/model.hpp"

namespace leda::load {

/// How to load.
struct LoadOptions {
  unsigned threads = 0;                   ///< 0: the machine's cores
  std::uint32_t needs = kNeedEverything;  ///< Need bits (model.hpp): what to build
  bool progress = true;                   ///< a progress bar on stderr when it is a terminal
};

/// One problem found in the input. `line` is 1-based (0 when unknown); `offset` is the byte
/// offset in the decompressed content (or in the file, for gzip errors).
struct LoadError {
  std::string file;
  std::uint64_t line = 0;
  std::uint64_t offset = 0;
  std::string reason;
};

/// What a load read and found.
struct LoadStats {
  std::uint64_t files[kDataTypeCount] = {};    ///< files by the data type of their records
  std::uint64_t records[kDataTypeCount] = {};  ///< records read, before merging
  std::uint64_t files_total = 0;               ///< every file opened (including bad and empty)
  std::uint64_t duplicates = 0;                ///< records dropped as already seen
  std::uint64_t merged_parts = 0;              ///< agent-session parts added to a session
  std::uint64_t errors = 0;               ///< problems found (each in `error_samples` up to 20)
  std::vector<LoadError> error_samples;   ///< the first 20, in path order
  std::uint64_t unknown_fields = 0;       ///< fields this version does not know (skipped)
  std::uint64_t unknown_branches = 0;     ///< union branches / body types not known
  std::set<std::string> schema_versions;  ///< metaData.schemaVersion values seen
  TimeMs time_from = kNoLong, time_to = kNoLong;  ///< earliest and latest time in the records
  std::uint64_t bytes = 0;                        ///< uncompressed bytes read
  std::uint64_t compressed_bytes = 0;             ///< bytes read from disk
  double seconds = 0;                             ///< wall time of the load
  std::uint64_t peak_rss_bytes = 0;  ///< the process's peak resident memory after the load
  /// What the model holds after merging (over an MPI run: every rank's model, summed).
  struct Merged {
    std::uint64_t agent_sessions = 0, agents = 0, visits = 0, conversations = 0, surveys = 0;
  } merged;
};

struct LoadResult {
  Model model;
  LoadStats stats;
};

/// Loads every file under `paths`. Never throws for bad input: each problem is counted in
/// `stats.errors` and the good records are kept. Throws std::runtime_error only when a path
/// does not exist or cannot be listed.
LoadResult load(const std::vector<std::string>& paths, const LoadOptions& options);

struct FileReport;
/// Adds what reading one file found to `stats` (call in path order: error samples keep it).
void add_file_report(LoadStats& stats, const FileReport& report);

/// `needs` with the data type of every part bit added (kNeedEvents loads agent sessions, ...).
std::uint32_t normalize_needs(std::uint32_t needs);

/// The counts of `model` for LoadStats::merged.
LoadStats::Merged merged_counts(const Model& model);

/// The process's peak resident memory so far, in bytes.
std::uint64_t peak_rss_bytes();

}  // namespace leda::load
