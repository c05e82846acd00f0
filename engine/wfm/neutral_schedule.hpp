// wfm/neutral_schedule.hpp — the neutral schedule as importers produce it: rows with the UTC
// offset of each time, what went wrong where, the layering-preserving sort and the CSV text.
//
//   leda::wfm::ImportResult r = leda::wfm::import_iex(files, options);  // any importer
//   leda::wfm::finish_import(r);                    // sorted by agent, start; layering kept
//   std::string csv = leda::wfm::neutral_csv(r.rows);
//
// Neutral CSV: `wfm_agent_id,schedule_date,activity_code,start,end,paid` (wfm.md §1), RFC 4180,
// LF line ends, times RFC 3339 with the offset each was read with.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "leda/schedule.hpp"
#include "wfm/schedule_rows.hpp"

namespace leda::wfm {

/// A day off of a WFM export that has no scheduled time (nothing to import), for the summary.
struct DayOff {
  std::string wfm_agent_id, date;
};

/// What an importer read.
struct ImportResult {
  std::vector<std::string> files;            ///< the input files, in argument order
  std::vector<NeutralRow> rows;              ///< in input order until finish_import sorts them
  std::vector<RowError> errors;              ///< rows skipped (every other row was kept)
  std::vector<RowError> file_errors;         ///< files that could not be read at all
  std::size_t records = 0;                   ///< data lines or JSON activities seen
  std::size_t full_day_rows = 0;             ///< IEX rows with stop == start (24 hours)
  std::vector<DayOff> days_off;              ///< Genesys fullDayTimeOffMarkers
  std::vector<std::string> ignored_columns;  ///< "FILE: NAME" of columns no one reads
  std::vector<std::string> flattened;        ///< agents whose rows were written as their layers
};

/// Sorts `r.rows` stably by agent (byte order) and start, so each agent's rows are together
/// and a base row stays before an overlay starting at the same instant. When that order would
/// change which row wins somewhere (an overlay written after its base but starting before it),
/// that agent's rows are replaced by its layered segments, each a row of the winner's fields,
/// and the agent is listed in `r.flattened`: the schedule means exactly what the input meant.
void finish_import(ImportResult& r);

/// The neutral CSV text of `rows`, header first.
std::string neutral_csv(const std::vector<NeutralRow>& rows);

}  // namespace leda::wfm
