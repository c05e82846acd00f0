// leda/joins.hpp — the brand's own tables joined to LiveEngage data, as a plugin sees them:
// read-only views built by the host from `--join NAME=FILE` before any data is loaded.
//
//   void configure(const leda::Params& p, const leda::Joins& joins) override {
//     if (const leda::JoinTable* costs = joins.table("costs")) {
//       rate_col_ = costs->require("hourly_rate");        // JoinError names file and column
//       by_region_ = costs->index("region");              // case-insensitive lookup
//     }
//   }
//   ...
//   for (std::size_t row : by_region_.find("EMEA")) use(costs->cell(row, rate_col_));
//
//   const leda::AgentMapRow* r = joins.agents->match(agent_id, employee_id, login_name);
//   std::string_view team = joins.agents->value(*r, "team");   // any extra column of the map
//
// Typed tables: `agents` (the agent map), `membership` (customer segments) and, from
// leda/schedule.hpp, `schedule` and `activities` (the WFM schedule and its activity map, wfm.md)
// are checked and typed by the host; every join, those included, is also a JoinTable under its
// name, with all of its columns.
//
// Thread-safety: everything here is immutable once built; any number of threads may read it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/config.hpp>

#include "leda/model.hpp"
#include "leda/schedule.hpp"
#include "leda/strings.hpp"

namespace leda {

/// A joined table that cannot be used: a file that could not be read, or a column a plugin
/// needs that it does not have. The message names the file, and the line and column when one
/// is to blame.
class BOOST_SYMBOL_VISIBLE JoinError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The key a case-insensitive lookup compares: the value with surrounding whitespace removed
/// and ASCII letters lower-cased.
inline std::string join_key(std::string_view value) {
  return ascii_lower(trim(value));
}

class JoinTable;

/// Rows of one JoinTable by the value of one column, built by JoinTable::index(). A value
/// matches case-insensitively, ignoring surrounding whitespace; an empty value matches nothing.
/// The index refers to its table, which must outlive it.
class JoinIndex {
 public:
  JoinIndex() = default;

  /// The rows (in file order) whose column holds `value`; empty when none.
  std::span<const std::size_t> find(std::string_view value) const {
    if (auto it = rows_.find(join_key(value)); it != rows_.end()) return it->second;
    return {};
  }
  /// The first row holding `value`, or nullopt.
  std::optional<std::size_t> first(std::string_view value) const {
    auto rows = find(value);
    if (rows.empty()) return std::nullopt;
    return rows.front();
  }

 private:
  friend class JoinTable;
  template <class>
  friend struct layout::StructLayout;
  std::unordered_map<std::string, std::vector<std::size_t>> rows_;
};

/// A joined CSV table as read by the host: a header and rows of text cells, with the line each
/// row starts on. Cells keep their text as written (quotes removed, nothing trimmed).
class JoinTable {
 public:
  JoinTable() = default;
  /// Built by the host (and by tests). `cells` holds rows.size() x columns.size() values, row
  /// by row; `lines[r]` is the 1-based line row r starts on.
  JoinTable(std::string name, std::string path, std::vector<std::string> columns,
            std::vector<std::string> cells, std::vector<std::size_t> lines)
      : name_(std::move(name)),
        path_(std::move(path)),
        columns_(std::move(columns)),
        cells_(std::move(cells)),
        lines_(std::move(lines)) {}

  /// The join's name (`agents` in `--join agents=FILE`).
  const std::string& name() const { return name_; }
  /// The file it was read from.
  const std::string& path() const { return path_; }
  /// The header, in file order.
  const std::vector<std::string>& columns() const { return columns_; }
  /// The number of rows (the header not counted).
  std::size_t rows() const { return lines_.size(); }

  /// The position of a column (exact name), or nullopt.
  std::optional<std::size_t> column(std::string_view name) const {
    for (std::size_t i = 0; i < columns_.size(); ++i)
      if (columns_[i] == name) return i;
    return std::nullopt;
  }
  /// The position of a column that must exist. Throws JoinError naming the file, the missing
  /// column and the columns there are.
  std::size_t require(std::string_view name) const {
    if (auto c = column(name)) return *c;
    std::string have;
    for (const auto& c : columns_)
      have += (have.empty() ? "" : ", ") + c;
    throw JoinError(path_ + ": no column '" + std::string(name) + "' (its columns: " + have + ")");
  }

  /// The text of a cell. Preconditions: row < rows(), column < columns().size().
  std::string_view cell(std::size_t row, std::size_t column) const {
    return cells_[row * columns_.size() + column];
  }
  /// The cell of `row` in the column named `name`; empty when there is no such column.
  std::string_view cell(std::size_t row, std::string_view name) const {
    auto c = column(name);
    return c ? cell(row, *c) : std::string_view();
  }
  /// The 1-based line of the file a row starts on, for messages.
  std::size_t line(std::size_t row) const { return lines_[row]; }

  /// An index of the column named `name` for lookups by value. Throws JoinError (as require())
  /// when there is no such column. Build indexes in configure(); the index refers to this table.
  JoinIndex index(std::string_view name) const {
    const std::size_t c = require(name);
    JoinIndex idx;
    for (std::size_t r = 0; r < rows(); ++r) {
      std::string key = join_key(cell(r, c));
      if (!key.empty()) idx.rows_[std::move(key)].push_back(r);
    }
    return idx;
  }

 private:
  template <class>
  friend struct layout::StructLayout;
  std::string name_, path_;
  std::vector<std::string> columns_;
  std::vector<std::string> cells_;
  std::vector<std::size_t> lines_;
};

/// One row of the agent map, its values trimmed.
struct AgentMapRow {
  std::string lp_agent_id, employee_id, login_name, region, site_tz, wfm_agent_id;
  std::size_t line = 0;  ///< line in the file
  std::size_t row = 0;   ///< position in AgentMap::table()
};

/// The agent map (`--join agents=FILE`: `lp_agent_id`, optional `employee_id`, `login_name`,
/// `region`, `site_tz`, `wfm_agent_id`, and any columns of your own). An agent matches by
/// `lp_agent_id`, else by `employee_id`, else by `login_name` (case-insensitive); an empty value
/// never matches; the first matching row wins. The host checks that `lp_agent_id` is a number.
class AgentMap {
 public:
  AgentMap() = default;
  /// Built by the host from the checked rows of `table`.
  AgentMap(JoinTable table, std::vector<AgentMapRow> rows)
      : table_(std::move(table)), rows_(std::move(rows)) {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const AgentMapRow& r = rows_[i];
      if (!r.lp_agent_id.empty()) by_id_.emplace(id_key(r.lp_agent_id), i);
      if (!r.employee_id.empty()) by_employee_.emplace(r.employee_id, i);
      if (!r.login_name.empty()) by_login_.emplace(join_key(r.login_name), i);
    }
  }

  /// The rows, in file order.
  const std::vector<AgentMapRow>& rows() const { return rows_; }
  /// The file as read, with every column (your own ones included).
  const JoinTable& table() const { return table_; }
  /// The value of any column of `row` (trimmed); empty when the map has no such column.
  std::string_view value(const AgentMapRow& row, std::string_view column) const {
    return trim(table_.cell(row.row, column));
  }

  /// The row of an agent, or nullptr. `employee_id` and `login_name` may be empty.
  const AgentMapRow* match(std::int64_t agent_id, std::string_view employee_id,
                           std::string_view login_name) const {
    if (agent_id != kNoLong)
      if (auto it = by_id_.find(std::to_string(agent_id)); it != by_id_.end())
        return &rows_[it->second];
    employee_id = trim(employee_id);
    if (!employee_id.empty())
      if (auto it = by_employee_.find(std::string(employee_id)); it != by_employee_.end())
        return &rows_[it->second];
    const std::string login = join_key(login_name);
    if (!login.empty())
      if (auto it = by_login_.find(login); it != by_login_.end()) return &rows_[it->second];
    return nullptr;
  }

 private:
  // "0042" and "42" name the same agent id.
  static std::string id_key(std::string_view digits) {
    const std::size_t nz = digits.find_first_not_of('0');
    return nz == std::string_view::npos ? std::string("0") : std::string(digits.substr(nz));
  }

  template <class>
  friend struct layout::StructLayout;
  JoinTable table_;
  std::vector<AgentMapRow> rows_;
  std::unordered_map<std::string, std::size_t> by_id_, by_employee_, by_login_;
};

/// One row of the membership file.
struct MembershipRow {
  std::string customer_id, segment;
  std::optional<std::int64_t> valid_from, valid_to;  ///< days since 1970-01-01, inclusive
  std::size_t line = 0;
  std::size_t row = 0;  ///< position in Membership::table()
};

/// The membership file (`--join membership=FILE`: `customer_id`, `segment`, optional
/// `valid_from`, `valid_to` as YYYY-MM-DD, inclusive; empty means unbounded). Customer ids are
/// trimmed.
class Membership {
 public:
  Membership() = default;
  /// Built by the host from the checked rows of `table`.
  Membership(JoinTable table, std::vector<MembershipRow> rows)
      : table_(std::move(table)), rows_(std::move(rows)) {
    for (std::size_t i = 0; i < rows_.size(); ++i)
      if (!rows_[i].customer_id.empty()) by_customer_[rows_[i].customer_id].push_back(i);
  }

  /// The rows, in file order.
  const std::vector<MembershipRow>& rows() const { return rows_; }
  /// The file as read, with every column.
  const JoinTable& table() const { return table_; }

  /// The row valid for `customer_id` (trimmed by the caller) on `day` (days since 1970-01-01),
  /// or nullptr. The first valid row in file order wins.
  const MembershipRow* find(std::string_view customer_id, std::int64_t day) const {
    auto it = by_customer_.find(std::string(customer_id));
    if (it == by_customer_.end()) return nullptr;
    for (std::size_t i : it->second) {
      const auto& r = rows_[i];
      if ((!r.valid_from || *r.valid_from <= day) && (!r.valid_to || day <= *r.valid_to)) return &r;
    }
    return nullptr;
  }

 private:
  template <class>
  friend struct layout::StructLayout;
  JoinTable table_;
  std::vector<MembershipRow> rows_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_customer_;
};

/// The joined tables of a run. Absent ones were not given on the command line.
struct Joins {
  std::optional<AgentMap> agents;                        ///< --join agents=FILE
  std::optional<Membership> membership;                  ///< --join membership=FILE
  std::optional<Schedule> schedule;                      ///< --join schedule=FILE
  std::optional<ActivityMap> activities;                 ///< --join activities=FILE
  std::map<std::string, JoinTable, std::less<>> tables;  ///< every join by name, as read

  /// The join named `name` as a plain table, or nullptr when it was not given.
  const JoinTable* table(std::string_view name) const {
    auto it = tables.find(name);
    return it == tables.end() ? nullptr : &it->second;
  }
};

}  // namespace leda
