// wfm/schedule_rows.hpp — schedule rows as read from a file, with the UTC offsets their times
// were written with, and the errors of rows that could not be read. Shared by the schedule join
// reader (schedule_reader.hpp) and the importers (importers.hpp).
//
//   leda::wfm::RowError e{"s.csv", 12, {}, "start", "no UTC offset"};
//   e.text();   // "s.csv:12: start: no UTC offset"
#pragma once

#include <cstdint>
#include <string>

#include "leda/schedule.hpp"

namespace leda::wfm {

/// One schedule row and the offsets (minutes east of UTC) its start and end are written with.
struct NeutralRow {
  ScheduleRow row;
  int start_offset_min = 0, end_offset_min = 0;
  std::uint32_t file = 0;  ///< index into ImportResult::files
};

/// A row or record that could not be read: the file, where in it, the field, and why.
struct RowError {
  std::string file;
  std::size_t line = 0;  ///< 1-based line; 0 when `where` says where instead (a JSON path)
  std::string where;     ///< JSON path of the record, or empty
  std::string field;     ///< column or JSON member to blame, or empty
  std::string message;

  /// "FILE:LINE: FIELD: message" (or "FILE: PATH.FIELD: message").
  std::string text() const;
};

}  // namespace leda::wfm
