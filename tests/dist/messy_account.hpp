// A generated account re-delivered the way the Data Access API does on a bad day: agent
// sessions in parts (halves of their events in two files, items of several agents in one
// record, a whole copy besides the parts), files delivered twice, and conversations delivered
// again without their visitId, once before the original in path order and once after.
//
//   leda::test::TempDir dir("mpi");
//   leda::test::MessyAccount a = leda::test::make_messy_account(dir);
//   run(..., "--data", a.data, "--join", "agents=" + a.agents, ...);
#pragma once

#include <string>

#include "support/temp_dir.hpp"

namespace leda::test {

struct MessyAccount {
  std::string data;                ///< the account's folder
  std::string agents, membership;  ///< the generated joins
};

/// Generates the account in `dir` and rewrites it as above. Fails the running test (REQUIRE)
/// when generating or rewriting does not work.
MessyAccount make_messy_account(const TempDir& dir);

}  // namespace leda::test
