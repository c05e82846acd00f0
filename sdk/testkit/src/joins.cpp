// testkit/joins.cpp — see leda/testkit/joins.hpp. The tables go through leda's own readers.
#include "leda/testkit/joins.hpp"

#include <vector>

#include "host/csv_reader.hpp"
#include "host/join_files.hpp"

namespace leda::testkit {
Joins joins(const std::map<std::string, std::string>& csv_by_name) {
  std::vector<JoinTable> tables;
  for (const auto& [name, csv] : csv_by_name)
    tables.push_back(host::parse_csv(name, csv, name + ".csv"));
  return host::joins_of(std::move(tables));
}

Joins join_files(const std::map<std::string, std::string>& path_by_name) {
  std::vector<host::JoinArg> args;
  for (const auto& [name, path] : path_by_name)
    args.push_back({name, path});
  return host::read_joins(args);
}

}  // namespace leda::testkit
