// agent_records.hpp — AgentActivity records with every event field, for data sets whose agent
// sessions arrive in parts: several items in one record, or records in several files.
//
//   const AgentNames ann{201, "ann@example.com", "E201", "ann", "Ann"};
//   std::string record = agent_record_of({agent_item("s1", ann, {e1, e2}),
//                                         agent_item("s1", ann, {e3})}, e1.timestamp);
//   dir.write("acct/agentActivity/a.json", record);
//
// Absent values (kNoInt, kNoLong, an empty name) are written as JSON null, as the API does.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "leda/model.hpp"

namespace leda::test {

/// The agent fields every event of a session carries.
struct AgentNames {
  std::int64_t agent_id = 0;
  std::string login, employee, user, nick;
};

/// One `recordCollection` item: an AgentActivityData body of `session` with `events`
/// (written in the order given).
std::string agent_item(const std::string& session, const AgentNames& who,
                       const std::vector<AgentEvent>& events);

/// One AgentActivity record (one line) holding `items`, with metaData start and end times.
std::string agent_record_of(const std::vector<std::string>& items, TimeMs start,
                            TimeMs end = kNoLong);

/// An event with its key fields and group given; prevState and prevConcurrentEng absent.
AgentEvent agent_event(TimeMs t, std::int32_t type, std::int32_t state, std::int32_t c,
                       std::int32_t m, std::int64_t group = 10);

}  // namespace leda::test
