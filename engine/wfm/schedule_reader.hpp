// wfm/schedule_reader.hpp — the host's readers of the neutral WFM files (wfm.md §1): the
// schedule, the activity map, and the check that every scheduled code is in the map.
//
//   leda::Schedule schedule = leda::wfm::read_schedule("schedule.csv");         // JoinError
//   leda::ActivityMap activities = leda::wfm::read_activity_map("activities.csv");
//   leda::wfm::check_activity_codes(schedule, activities, "schedule.csv");      // JoinError
//
// Both files are RFC 4180 CSV with a header; columns in any order, unknown ones ignored. A file
// is read whole or not at all: any row that cannot be read makes the reader throw a JoinError
// that names the file and, for every bad row, its line and column.
#pragma once

#include <string>
#include <vector>

#include "leda/joins.hpp"
#include "leda/schedule.hpp"
#include "wfm/schedule_rows.hpp"

namespace leda::wfm {

/// The rows of a neutral schedule table that could be read (in file order, with the offsets
/// their times were written with) and an error for each row that could not. `file` is the
/// value given to every row's NeutralRow::file. Throws JoinError when a required column
/// (`wfm_agent_id`, `schedule_date`, `activity_code`, `start`, `end`) is missing. Unknown
/// columns are appended to `ignored` as "FILE: NAME".
std::vector<NeutralRow> parse_schedule_rows(const JoinTable& csv, std::uint32_t file,
                                            std::vector<RowError>& errors,
                                            std::vector<std::string>* ignored = nullptr);

/// The schedule of a joined table (`--join schedule=FILE`); throws JoinError listing every bad
/// row.
Schedule schedule_from_table(const JoinTable& csv);
/// Reads a schedule file; throws JoinError (cannot open, missing column, bad rows).
Schedule read_schedule(const std::string& path);

/// The activity map of a joined table (`--join activities=FILE`) (`activity_code`, `expected_states`,
/// `counts_as_work`, `counts_as_shrinkage`, `adherence_mode` required; `category` optional).
/// Throws JoinError listing every bad row: an empty or repeated code, an unknown state or
/// mode, a boolean that is not true/false, a STRICT activity with no expected state.
ActivityMap activity_map_from_table(const JoinTable& csv);
/// Reads an activity map file; throws JoinError.
ActivityMap read_activity_map(const std::string& path);

/// The activity codes of `schedule` that `activities` does not have, sorted, each once.
std::vector<std::string> unknown_activity_codes(const Schedule& schedule,
                                                const ActivityMap& activities);
/// Throws JoinError naming `schedule_path` and every unknown code (with the first line that
/// uses it) when there is any.
void check_activity_codes(const Schedule& schedule, const ActivityMap& activities,
                          const std::string& schedule_path);

/// Throws JoinError with the errors, one per line (at most 20, then how many more).
[[noreturn]] void throw_row_errors(const std::string& path, const std::vector<RowError>& errors);

}  // namespace leda::wfm
