// load/load_report.hpp — describing a load for people (a table) and for tools (JSON).
//
//   leda::load::LoadResult r = leda::load::load(paths, options);
//   std::cout << leda::load_report_json(r.stats, r.model);   // the `leda inspect --format json`
//   std::cerr << leda::describe_errors(r.stats, 5);          // "3 errors in the input: ..."
//
// The JSON object is a contract other tools read. Top-level keys:
//   files, records        objects keyed agentActivity, webSession, engagement, survey
//   sessions              {agent_sessions, visits, conversations, surveys}: after merging
//   duplicates, errors    counts
//   merged_parts          agent-session copies merged into a session already seen, holding
//                         other events than every earlier copy (a duplicate holds the same)
//   error_samples         [{file, line, offset, reason}], at most 20, in path order
//   time_range            {from, to} as RFC 3339 UTC with milliseconds (null when no times)
//   schema_versions       [string], sorted
//   bytes                 uncompressed bytes read
// and also: files_total, agents, compressed_bytes, seconds, mb_per_s, peak_rss_bytes,
// model_bytes, unknown_fields, unknown_branches.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <cstddef>
#include <string>

#include "leda/model.hpp"
#include "load/loader.hpp"

namespace leda::load {

/// The JSON description of a load (pretty-printed, ends with a newline).
std::string load_report_json(const LoadStats& stats, const Model& model);

/// The human-readable description of a load: counts per type, time range, errors.
std::string load_report_table(const LoadStats& stats, const Model& model);

/// "N errors in the input" and the first `max_samples` as `file:line (byte N): reason` lines;
/// empty when there were none.
std::string describe_errors(const LoadStats& stats, std::size_t max_samples);

}  // namespace leda::load
