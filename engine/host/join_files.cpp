// host/join_files.cpp — see join_files.hpp.
#include "host/join_files.hpp"

#include <algorithm>
#include <map>

#include "host/csv_reader.hpp"
#include "util/civil_time.hpp"
#include "wfm/schedule_reader.hpp"

namespace leda::host {
namespace {

std::string listed(const std::set<std::string>& names) {
  std::string out;
  for (const auto& n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none" : out;
}

std::string cell_error(const JoinTable& t, std::size_t row, std::string_view column,
                       const std::string& what) {
  return t.path() + ":" + std::to_string(t.line(row)) + ": column " + std::string(column) + ": " +
         what;
}

}  // namespace

std::vector<JoinArg> parse_join_args(const std::vector<std::string>& specs) {
  std::vector<JoinArg> out;
  for (const auto& spec : specs) {
    const std::size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
      throw JoinSpecError("--join " + spec + ": expected NAME=FILE (e.g. agents=agents.csv)");
    JoinArg a{spec.substr(0, eq), spec.substr(eq + 1)};
    for (const auto& b : out)
      if (b.name == a.name)
        throw JoinSpecError("--join " + spec + ": '" + a.name + "' is given twice");
    out.push_back(std::move(a));
  }
  return out;
}

void check_join_names(const std::vector<JoinArg>& args,
                      const std::vector<const Description*>& plugins) {
  std::set<std::string> read;
  for (const Description* d : plugins)
    for (const JoinSpec& j : d->joins)
      read.insert(j.name);
  for (const JoinArg& a : args)
    if (!read.count(a.name))
      throw JoinSpecError("--join " + a.name + "=" + a.file +
                          ": no KPI of this run reads a join named '" + a.name +
                          "' (the KPIs read: " + listed(read) + ")");
}

std::vector<JoinTable> read_join_tables(const std::vector<JoinArg>& args) {
  std::vector<JoinTable> tables;
  for (const JoinArg& a : args)
    tables.push_back(read_csv(a.name, a.file));
  return tables;
}

Joins read_joins(const std::vector<JoinArg>& args) {
  return joins_of(read_join_tables(args));
}

std::vector<std::string> typed_join_columns(std::string_view name) {
  if (name == "agents") return {"lp_agent_id"};
  if (name == "membership") return {"customer_id", "segment"};
  if (name == "schedule") return {"wfm_agent_id", "schedule_date", "activity_code", "start", "end"};
  if (name == "activities")
    return {"activity_code", "expected_states", "counts_as_work", "counts_as_shrinkage",
            "adherence_mode"};
  return {};
}

Joins joins_of(std::vector<JoinTable> tables) {
  Joins joins;
  for (JoinTable& t : tables) {
    if (t.name() == "agents") joins.agents = agent_map_from(t);
    if (t.name() == "membership") joins.membership = membership_from(t);
    if (t.name() == "schedule") joins.schedule = wfm::schedule_from_table(t);
    if (t.name() == "activities") joins.activities = wfm::activity_map_from_table(t);
    std::string name = t.name();
    joins.tables.emplace(std::move(name), std::move(t));
  }
  // Every scheduled activity must be one the activity map describes (wfm.md section 1).
  if (joins.schedule && joins.activities)
    wfm::check_activity_codes(*joins.schedule, *joins.activities, joins.table("schedule")->path());
  return joins;
}

void check_join_requirements(const std::vector<JoinTable>& tables,
                             const std::vector<const Description*>& plugins) {
  for (const JoinTable& t : tables)
    for (const std::string& c : typed_join_columns(t.name()))
      if (!t.column(c))
        throw JoinSpecError(t.path() + ": no column '" + c + "', which --join " + t.name() +
                            " needs");
  for (const Description* d : plugins) {
    for (const JoinSpec& j : d->joins) {
      const auto it = std::find_if(tables.begin(), tables.end(),
                                   [&](const JoinTable& t) { return t.name() == j.name; });
      const JoinTable* t = it == tables.end() ? nullptr : &*it;
      if (!t) {
        if (j.required)
          throw JoinSpecError(d->name + " requires the join '" + j.name + "': add --join " +
                              j.name + "=FILE" + (j.help.empty() ? "" : " (" + j.help + ")"));
        continue;
      }
      for (const std::string& c : j.columns)
        if (!t->column(c))
          throw JoinSpecError(t->path() + ": no column '" + c + "', which " + d->name +
                              " reads from --join " + j.name);
    }
  }
}

AgentMap agent_map_from(JoinTable t) {
  const std::size_t id = t.require("lp_agent_id");
  const auto emp = t.column("employee_id"), login = t.column("login_name"),
             region = t.column("region"), tz = t.column("site_tz"), wfm = t.column("wfm_agent_id");
  std::vector<AgentMapRow> rows;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    auto get = [&](std::optional<std::size_t> c) {
      return c ? std::string(trim(t.cell(r, *c))) : std::string();
    };
    AgentMapRow row{get(id), get(emp), get(login), get(region), get(tz), get(wfm), t.line(r), r};
    if (!std::all_of(row.lp_agent_id.begin(), row.lp_agent_id.end(),
                     [](char c) { return c >= '0' && c <= '9'; }) ||
        row.lp_agent_id.size() > 18)
      throw JoinError(cell_error(t, r, "lp_agent_id", "not a number: '" + row.lp_agent_id + "'"));
    rows.push_back(std::move(row));
  }
  return AgentMap(std::move(t), std::move(rows));
}

Membership membership_from(JoinTable t) {
  const std::size_t cid = t.require("customer_id"), seg = t.require("segment");
  const auto from = t.column("valid_from"), to = t.column("valid_to");
  std::vector<MembershipRow> rows;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    auto date = [&](std::optional<std::size_t> c, const char* name) -> std::optional<std::int64_t> {
      if (!c) return std::nullopt;
      const std::string_view v = trim(t.cell(r, *c));
      if (v.empty()) return std::nullopt;
      auto d = util::parse_date(v);
      if (!d)
        throw JoinError(
            cell_error(t, r, name, "not a date (YYYY-MM-DD): '" + std::string(v) + "'"));
      return d;
    };
    MembershipRow row{std::string(trim(t.cell(r, cid))),
                      std::string(trim(t.cell(r, seg))),
                      date(from, "valid_from"),
                      date(to, "valid_to"),
                      t.line(r),
                      r};
    rows.push_back(std::move(row));
  }
  return Membership(std::move(t), std::move(rows));
}

std::set<std::string> join_names(const Joins& joins) {
  std::set<std::string> names;
  for (const auto& [name, table] : joins.tables)
    names.insert(name);
  return names;
}

}  // namespace leda::host
