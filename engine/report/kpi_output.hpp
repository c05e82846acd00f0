// report/kpi_output.hpp — a KPI result as JSON, CSV or an aligned text table.
//
//   std::string json = leda::report::results_json(results, several); // an object, or an array
//   std::string csv = leda::report::result_csv(results[0]);   // header row + rows, no notes
//   std::string text = leda::report::result_text(results[0]); // title, table, notes
//
// The JSON and CSV forms are the output contract of kpis.md: one JSON object per KPI with keys
// kpi, plugin_version, params, columns (the names), rows ([{column: value}]) and notes, plus
// column_types and column_info (per column, in the order of `columns`: name, type, unit, role,
// currency, description: the shape `leda plugins --format json` gives its columns);
// a KPI that failed has `error` and `exit` in place of columns, rows and notes;
// null for a missing value; numbers as numbers, doubles in the shortest text that reads back
// exactly. CSV: a header row of the column names, RFC 4180 quoting, a null as an empty field,
// an empty string as "".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "host/kpi_runner.hpp"

namespace leda::report {

/// One KPI's JSON object (pretty-printed: one row per line, no trailing newline). A KPI that
/// failed is `{"kpi", "plugin_version", "params", "error", "exit": 1}`.
std::string result_json(const host::KpiResult& r);

/// The JSON of `results`: an array of their objects when `array` (a run of several KPIs), else
/// the one object. Ends with a newline.
std::string results_json(const std::vector<const host::KpiResult*>& results, bool array);

/// One KPI's table as CSV (LF line ends). Notes are not part of the CSV.
std::string result_csv(const host::KpiResult& r);

/// One column's description as a JSON object: {"name", "type", "unit", "role", "currency" (null
/// unless money), "description"}.
std::string column_json(const Column& c);

/// `table` with aligned columns (numbers right-aligned), a header and a rule; cells written by
/// their column's unit (unit_text.hpp: hours and minutes, percentages, money, separators). At
/// most `max_rows` rows (0: all), then a line saying how many were left out. When the table is
/// wider than `max_width` characters (0: no limit), its columns are printed in blocks that fit,
/// each block repeating the key columns (key_order.hpp's is_key).
std::string text_table(const Table& table, std::size_t max_rows = 0, std::size_t max_width = 0);

/// `text` wrapped at spaces to lines of at most `width` characters (0: not wrapped), each line
/// after the first indented by `indent` spaces, ending with a newline. A word longer than a line
/// keeps its own line; line breaks in `text` are kept (and indented).
std::string wrap_text(const std::string& text, std::size_t width, std::size_t indent);

/// True for the names of the columns that identify a row in the built-in KPIs (region, agent_id,
/// day, ...): the key columns of a plugin that sets no ColumnRole.
bool is_key_column(std::string_view name);

/// One KPI for a terminal: "name version - summary", then result_body_text().
std::string result_text(const host::KpiResult& r, std::size_t max_rows = 0,
                        std::size_t max_width = 0);

/// Its parameters, the table (or the error of a failed KPI) and the notes.
std::string result_body_text(const host::KpiResult& r, std::size_t max_rows = 0,
                             std::size_t max_width = 0);

/// The parameters as "name=value, ..." (for titles).
std::string params_text(const host::KpiResult& r);

}  // namespace leda::report
