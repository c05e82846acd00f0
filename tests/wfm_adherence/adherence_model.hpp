// The hand-made agents, agent map, schedule and activity map the wfm-adherence tests share, and
// the plugin loaded from its built library. Every agent exercises a few rules; the timelines
// and schedules are spelled out in adherence_model.cpp, where each figure the tests expect is
// worked out.
#pragma once

#include <string>

#include "leda/testkit.hpp"

namespace adherence_test {

/// The activity map: WORK (STRICT, ONLINE, work), BREAK (STRICT, BACK_SOON|AWAY|LOGGED_OUT,
/// shrinkage), LUNCH (STRICT, AWAY|LOGGED_OUT), MEETING (NEUTRAL, shrinkage), OFF (IGNORE).
extern const std::string kActivities;
/// The agent map: ann 101, bob 102, cy 103, dee 104 (absent), W-E (absent, no lp_agent_id),
/// eve 105, fay 106, hal 108 (no wfm id), ida 109 (a wfm id with no schedule rows).
extern const std::string kAgents;
/// The schedule, in file order (layers: a later row wins).
extern const std::string kSchedule;

/// The model: ann, bob, cy, eve, fay, gus (107, not in the map), hal, ida; dee has no agent.
leda::Model model();

/// The three joins read with leda's own readers.
leda::Joins joins();

/// wfm-adherence, loaded once.
const leda::testkit::PluginUnderTest& plugin();

}  // namespace adherence_test
