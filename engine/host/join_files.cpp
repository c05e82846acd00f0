// host/join_files.cpp — see join_files.hpp.
#include "host/join_files.hpp"

namespace leda::host {

Joins read_joins(const std::vector<std::string>& specs) {
  Joins joins;
  for (const auto& spec : specs) {
    const std::size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
      throw JoinSpecError("--join " + spec + ": expected NAME=FILE (e.g. agents=agents.csv)");
    const std::string name = spec.substr(0, eq), file = spec.substr(eq + 1);
    if (joins.tables.count(name))
      throw JoinSpecError("--join " + spec + ": '" + name + "' is given twice");
    CsvTable table = CsvTable::read(file);
    if (name == "agents") joins.agents = AgentMap::from_csv(table);
    if (name == "membership") joins.membership = Membership::from_csv(table);
    joins.tables.emplace(name, std::move(table));
  }
  return joins;
}

std::set<std::string> join_names(const Joins& joins) {
  std::set<std::string> names;
  for (const auto& [name, table] : joins.tables)
    names.insert(name);
  return names;
}

}  // namespace leda::host
