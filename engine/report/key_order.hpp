// report/key_order.hpp — one order for the rows of every table of a report, so a segment, a
// region or a skill is in the same place in each chart and table: rows sorted by their key
// columns, first to last.
//
//   for (auto& r : content.results) if (r.ok()) leda::report::order_by_keys(*r.table);
//
// Per key column: numbers (ids) ascending; text case-insensitively ascending, the catch-all
// labels UNMATCHED and UNMAPPED last; days and interval starts in time order (their text sorts
// so); null last. Rows with equal keys keep their order.
#pragma once

#include "leda/plugin.hpp"

namespace leda::report {

/// True for a column that identifies a row: its role is ColumnRole::kKey, or (for a plugin that
/// sets no roles) it has the name of a key column of the built-in KPIs (region, agent_id, day,
/// segment, skill_id, ...).
bool is_key(const Column& c);

/// Sorts `t`'s rows by its key columns in the order above (stable). A table without key
/// columns is left as it is.
void order_by_keys(Table& t);

}  // namespace leda::report
