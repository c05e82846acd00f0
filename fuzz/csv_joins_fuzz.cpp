// fuzz/csv_joins_fuzz.cpp — fuzz target: a join file through the CSV reader, then as the agent
// map and as the membership file (whichever its header allows).
//
//   scripts/fuzz 60 csv_joins
//
// Only JoinError may escape the readers (anything else would end `leda run`); what they accept
// must keep their promises: rows as wide as the header, every row findable by its own keys.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "host/csv_reader.hpp"
#include "host/join_files.hpp"
#include "leda/joins.hpp"

namespace {

void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "broken promise: %s\n", what);
  std::abort();
}

void check_agents(const leda::JoinTable& csv) {
  leda::AgentMap agents;
  try {
    agents = leda::host::agent_map_from(csv);
  } catch (const leda::JoinError&) {
    return;
  }
  for (const leda::AgentMapRow& row : agents.rows()) {
    // An accepted id fits an int64, and the row (or an earlier one with that id) matches it.
    if (row.lp_agent_id.empty()) continue;
    require(agents.match(std::stoll(row.lp_agent_id), "", "") != nullptr,
            "an agent map row is not matched by its lp_agent_id");
  }
}

void check_membership(const leda::JoinTable& csv) {
  leda::Membership members;
  try {
    members = leda::host::membership_from(csv);
  } catch (const leda::JoinError&) {
    return;
  }
  for (const leda::MembershipRow& row : members.rows()) {
    if (row.customer_id.empty()) continue;
    if (row.valid_from && row.valid_to && *row.valid_from > *row.valid_to) continue;
    const std::int64_t day = row.valid_from ? *row.valid_from : row.valid_to ? *row.valid_to : 0;
    require(members.find(row.customer_id, day) != nullptr,
            "a membership row is not found on a day it is valid");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  leda::JoinTable csv;
  try {
    csv = leda::host::parse_csv("fuzz", std::string_view(reinterpret_cast<const char*>(data), size),
                                "fuzz.csv");
  } catch (const leda::JoinError&) {
    return 0;
  }
  for (std::size_t r = 0; r < csv.rows(); ++r)
    for (std::size_t c = 0; c < csv.columns().size(); ++c)
      (void)csv.cell(r, c);  // every cell of every row is there (ASan checks the reads)
  check_agents(csv);
  check_membership(csv);
  return 0;
}
