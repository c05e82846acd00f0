// host/join_files.hpp — reads the `--join NAME=FILE` tables of a run and checks them against
// what the run's plugins declare (Description::joins).
//
//   auto args = leda::host::parse_join_args({"agents=agents.csv"});      // JoinSpecError
//   leda::host::check_join_names(args, descriptions);                    // JoinSpecError
//   auto tables = leda::host::read_join_tables(args);                     // leda::JoinError
//   leda::host::check_join_requirements(tables, descriptions);           // JoinSpecError
//   leda::Joins joins = leda::host::joins_of(std::move(tables));          // leda::JoinError
//
// `agents` is typed as the agent map and `membership` as the membership file (leda/joins.hpp);
// every join, those included, is also kept as a plain JoinTable under its name. All files are
// read and checked before any data is loaded, so a bad join stops the run early.
#pragma once

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "leda/joins.hpp"
#include "leda/plugin.hpp"

namespace leda::host {

/// A `--join` that cannot be used: malformed, given twice, read by no KPI of the run, required
/// by a KPI but missing, or missing a column a KPI declares. A usage error.
class JoinSpecError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// One `--join NAME=FILE`.
struct JoinArg {
  std::string name, file;
};

/// Splits every `NAME=FILE`. Throws JoinSpecError for a malformed argument or a repeated name.
std::vector<JoinArg> parse_join_args(const std::vector<std::string>& specs);

/// Throws JoinSpecError for a join that none of `plugins` declares, listing the joins they read.
void check_join_names(const std::vector<JoinArg>& args,
                      const std::vector<const Description*>& plugins);

/// Reads every join's file. Throws leda::JoinError (naming the file, line and column) for a
/// file that cannot be read.
std::vector<JoinTable> read_join_tables(const std::vector<JoinArg>& args);

/// read_join_tables, then joins_of: what a test or a tool without plugins uses.
Joins read_joins(const std::vector<JoinArg>& args);

/// The joins of tables already read: the typed tables built (`agents`, `membership`,
/// `schedule`, `activities`; leda::JoinError for bad values, and for a scheduled activity code
/// the activity map lacks), every table kept under its name.
Joins joins_of(std::vector<JoinTable> tables);

/// Throws JoinSpecError when a plugin requires a join that is missing (naming the plugin, the
/// join and the `--join` to add), or when a given join lacks a column a plugin declares or its
/// typed form needs (`lp_agent_id` of agents, ...).
void check_join_requirements(const std::vector<JoinTable>& tables,
                             const std::vector<const Description*>& plugins);

/// The columns a typed join must have (`agents`: lp_agent_id; `membership`: customer_id,
/// segment; `schedule` and `activities`: those of wfm.md section 1); none for other names.
std::vector<std::string> typed_join_columns(std::string_view name);

/// The agent map of a table (`lp_agent_id` required and numeric, the other columns optional).
AgentMap agent_map_from(JoinTable table);

/// The membership file of a table (`customer_id`, `segment`, optional `valid_from`, `valid_to`).
Membership membership_from(JoinTable table);

/// The names of the joins present in `joins`.
std::set<std::string> join_names(const Joins& joins);

}  // namespace leda::host
