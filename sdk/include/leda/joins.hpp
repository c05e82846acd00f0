// leda/joins.hpp — the brand's own tables joined to LiveEngage data: CSV reading (RFC 4180),
// the agent map and the membership file.
//
//   leda::Joins joins;
//   joins.agents = leda::AgentMap::read("agents.csv");          // throws JoinError
//   joins.membership = leda::Membership::read("members.csv");
//   const leda::AgentMapRow* row = joins.agents->match(agent_id, employee_id, login_name);
//
// A file is read whole or not at all: any unreadable row throws a JoinError naming the file,
// the line and the column, so nothing is computed from a half-read file.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/config.hpp>

namespace leda {

/// A joined file could not be read. The message names the file, and the line and column when
/// one is to blame.
class BOOST_SYMBOL_VISIBLE JoinError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Removes leading and trailing whitespace (space, tab, CR, LF, FF, VT).
inline std::string_view trim(std::string_view s) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
  };
  while (!s.empty() && space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && space(s.back()))
    s.remove_suffix(1);
  return s;
}

/// Lower-cases ASCII letters.
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

/// Parses `YYYY-MM-DD` into days since 1970-01-01; nullopt when it is not a valid date.
inline std::optional<std::int64_t> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  const int y = std::stoi(std::string(s.substr(0, 4)));
  const unsigned m = static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))));
  const unsigned d = static_cast<unsigned>(std::stoi(std::string(s.substr(8, 2))));
  static constexpr unsigned kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return std::nullopt;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return std::nullopt;
  return days_from_civil(y, m, d);
}

/// A CSV file with a header row, read whole.
struct CsvTable {
  std::string path;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  ///< each as wide as the header
  std::vector<std::size_t> lines;              ///< the line each row starts on (1-based)

  /// The position of a header column, or nullopt.
  std::optional<std::size_t> column(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    return std::nullopt;
  }
  /// The position of a column that must exist; throws JoinError naming the file otherwise.
  std::size_t require(std::string_view name) const {
    if (auto c = column(name)) return *c;
    throw JoinError(path + ": missing column '" + std::string(name) + "' in the header");
  }

  /// Parses RFC 4180 text: fields separated by commas, optionally quoted with `"` (a quote
  /// inside is doubled), quoted fields may hold commas and newlines; CRLF or LF line ends; a
  /// UTF-8 byte order mark is skipped; blank lines are ignored. Throws JoinError naming `path`
  /// and the line for a stray quote or a row whose width differs from the header's.
  static CsvTable parse(std::string_view text, std::string path) {
    CsvTable t;
    t.path = std::move(path);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::size_t i = 0, line = 1;
    bool first = true;
    while (i < text.size()) {
      const std::size_t row_line = line;
      std::vector<std::string> row;
      std::string field;
      bool row_done = false;
      while (!row_done) {
        field.clear();
        if (i < text.size() && text[i] == '"') {
          ++i;
          for (;;) {
            if (i >= text.size())
              throw JoinError(t.path + ":" + std::to_string(row_line) +
                              ": unterminated quoted field");
            char c = text[i++];
            if (c == '"') {
              if (i < text.size() && text[i] == '"') {
                field += '"';
                ++i;
              } else {
                break;
              }
            } else {
              if (c == '\n') ++line;
              field += c;
            }
          }
          if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
            throw JoinError(t.path + ":" + std::to_string(line) + ": column " +
                            std::to_string(row.size() + 1) + ": text after a closing quote");
        } else {
          while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
            if (text[i] == '"')
              throw JoinError(t.path + ":" + std::to_string(line) + ": column " +
                              std::to_string(row.size() + 1) + ": quote inside an unquoted field");
            field += text[i++];
          }
        }
        row.push_back(field);
        if (i < text.size() && text[i] == ',') {
          ++i;
          continue;
        }
        if (i < text.size() && text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
        ++line;
        row_done = true;
      }
      if (row.size() == 1 && row[0].empty()) continue;  // blank line
      if (first) {
        for (auto& h : row)
          h = std::string(trim(h));
        t.header = std::move(row);
        first = false;
        continue;
      }
      if (row.size() != t.header.size())
        throw JoinError(t.path + ":" + std::to_string(row_line) + ": " +
                        std::to_string(row.size()) + " fields, the header has " +
                        std::to_string(t.header.size()));
      t.rows.push_back(std::move(row));
      t.lines.push_back(row_line);
    }
    if (first) throw JoinError(t.path + ": empty file (a header row is required)");
    return t;
  }

  /// Reads and parses a file; throws JoinError when it cannot be opened or parsed.
  static CsvTable read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw JoinError(path + ": cannot open");
    std::stringstream ss;
    ss << in.rdbuf();
    return parse(ss.str(), path);
  }
};

/// One row of the agent map.
struct AgentMapRow {
  std::string lp_agent_id, employee_id, login_name, region, site_tz, wfm_agent_id;
  std::size_t line = 0;  ///< line in the file
};

/// The agent map (`lp_agent_id`, optional `employee_id`, `login_name`, `region`, `site_tz`,
/// `wfm_agent_id`). An agent matches by `lp_agent_id`, else by `employee_id`, else by
/// `login_name` (case-insensitive); an empty value never matches; the first matching row wins.
class AgentMap {
 public:
  std::vector<AgentMapRow> rows;

  /// Builds the map from a parsed CSV; throws JoinError when the `lp_agent_id` column is
  /// missing, or a value in it is not a number or does not fit a 64-bit agent id.
  static AgentMap from_csv(const CsvTable& csv) {
    AgentMap m;
    const std::size_t id = csv.require("lp_agent_id");
    auto opt = [&](const char* name) { return csv.column(name); };
    const auto emp = opt("employee_id"), login = opt("login_name"), region = opt("region"),
               tz = opt("site_tz"), wfm = opt("wfm_agent_id");
    for (std::size_t r = 0; r < csv.rows.size(); ++r) {
      const auto& row = csv.rows[r];
      auto get = [&](std::optional<std::size_t> c) {
        return c ? std::string(trim(row[*c])) : std::string();
      };
      AgentMapRow out{get(id), get(emp), get(login), get(region), get(tz), get(wfm), csv.lines[r]};
      if (!out.lp_agent_id.empty() &&
          !std::all_of(out.lp_agent_id.begin(), out.lp_agent_id.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        throw JoinError(csv.path + ":" + std::to_string(csv.lines[r]) +
                        ": column lp_agent_id: not a number: '" + out.lp_agent_id + "'");
      if (!out.lp_agent_id.empty()) {
        try {
          (void)std::stoll(out.lp_agent_id);
        } catch (const std::out_of_range&) {
          throw JoinError(csv.path + ":" + std::to_string(csv.lines[r]) +
                          ": column lp_agent_id: too large for an agent id: '" + out.lp_agent_id +
                          "'");
        }
      }
      m.rows.push_back(std::move(out));
    }
    m.index();
    return m;
  }
  /// Reads a file; throws JoinError.
  static AgentMap read(const std::string& path) { return from_csv(CsvTable::read(path)); }

  /// The row of an agent, or nullptr. `employee_id` and `login_name` may be empty.
  const AgentMapRow* match(std::int64_t agent_id, std::string_view employee_id,
                           std::string_view login_name) const {
    if (auto it = by_id_.find(std::to_string(agent_id)); it != by_id_.end())
      return &rows[it->second];
    employee_id = trim(employee_id);
    if (!employee_id.empty())
      if (auto it = by_employee_.find(std::string(employee_id)); it != by_employee_.end())
        return &rows[it->second];
    login_name = trim(login_name);
    if (!login_name.empty())
      if (auto it = by_login_.find(ascii_lower(login_name)); it != by_login_.end())
        return &rows[it->second];
    return nullptr;
  }

 private:
  void index() {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      if (!r.lp_agent_id.empty()) by_id_.emplace(std::to_string(std::stoll(r.lp_agent_id)), i);
      if (!r.employee_id.empty()) by_employee_.emplace(r.employee_id, i);
      if (!r.login_name.empty()) by_login_.emplace(ascii_lower(r.login_name), i);
    }
  }
  std::unordered_map<std::string, std::size_t> by_id_, by_employee_, by_login_;
};

/// One row of the membership file.
struct MembershipRow {
  std::string customer_id, segment;
  std::optional<std::int64_t> valid_from, valid_to;  ///< days since 1970-01-01, inclusive
  std::size_t line = 0;
};

/// The membership file (`customer_id`, `segment`, optional `valid_from`, `valid_to` as
/// YYYY-MM-DD, inclusive; empty means unbounded). Customer ids are trimmed.
class Membership {
 public:
  std::vector<MembershipRow> rows;

  /// Builds from a parsed CSV; throws JoinError naming line and column for a bad date.
  static Membership from_csv(const CsvTable& csv) {
    Membership m;
    const std::size_t cid = csv.require("customer_id"), seg = csv.require("segment");
    const auto from = csv.column("valid_from"), to = csv.column("valid_to");
    for (std::size_t r = 0; r < csv.rows.size(); ++r) {
      const auto& row = csv.rows[r];
      MembershipRow out{
          std::string(trim(row[cid])), std::string(trim(row[seg])), {}, {}, csv.lines[r]};
      auto date = [&](std::optional<std::size_t> c,
                      const char* name) -> std::optional<std::int64_t> {
        if (!c) return std::nullopt;
        std::string_view v = trim(row[*c]);
        if (v.empty()) return std::nullopt;
        auto d = parse_date(v);
        if (!d)
          throw JoinError(csv.path + ":" + std::to_string(csv.lines[r]) + ": column " + name +
                          ": not a date (YYYY-MM-DD): '" + std::string(v) + "'");
        return d;
      };
      out.valid_from = date(from, "valid_from");
      out.valid_to = date(to, "valid_to");
      m.rows.push_back(std::move(out));
    }
    for (std::size_t i = 0; i < m.rows.size(); ++i)
      if (!m.rows[i].customer_id.empty()) m.by_customer_[m.rows[i].customer_id].push_back(i);
    return m;
  }
  /// Reads a file; throws JoinError.
  static Membership read(const std::string& path) { return from_csv(CsvTable::read(path)); }

  /// The row valid for `customer_id` (trimmed by the caller) on `day` (days since 1970-01-01),
  /// or nullptr. The first valid row in file order wins.
  const MembershipRow* find(std::string_view customer_id, std::int64_t day) const {
    auto it = by_customer_.find(std::string(customer_id));
    if (it == by_customer_.end()) return nullptr;
    for (std::size_t i : it->second) {
      const auto& r = rows[i];
      if ((!r.valid_from || *r.valid_from <= day) && (!r.valid_to || day <= *r.valid_to)) return &r;
    }
    return nullptr;
  }

 private:
  std::unordered_map<std::string, std::vector<std::size_t>> by_customer_;
};

/// The joined tables of a run. Absent ones were not given on the command line.
struct Joins {
  std::optional<AgentMap> agents;          ///< --join agents=FILE
  std::optional<Membership> membership;    ///< --join membership=FILE
  std::map<std::string, CsvTable> tables;  ///< every --join NAME=FILE, as read
};

}  // namespace leda
