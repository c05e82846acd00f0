// leda/testkit/joins.hpp — joined tables for plugin tests, read exactly as `leda run --join`
// reads them (same CSV reader, same checks, same typed tables).
//
//   leda::Joins j = leda::testkit::joins({{"agents", "lp_agent_id,region,team\n7,EMEA,blue\n"},
//                                         {"membership", "customer_id,segment\nC1,Gold\n"}});
//   leda::Joins f = leda::testkit::join_files({{"agents", "tests/data/agents.csv"}});
//
// Errors are leda::JoinError, with the messages users see.
#pragma once

#include <map>
#include <string>

#include "leda/joins.hpp"

namespace leda::testkit {

/// Joins from CSV text, by join name (`agents` and `membership` are typed as leda types them).
Joins joins(const std::map<std::string, std::string>& csv_by_name);

/// Joins read from files, by join name.
Joins join_files(const std::map<std::string, std::string>& path_by_name);

}  // namespace leda::testkit
