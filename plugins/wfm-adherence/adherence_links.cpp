// adherence_links.cpp — how wfm-adherence links LiveEngage agents, the agent map and the
// schedule (wfm.md section 1 and 5): a schedule agent is a wfm_agent_id with schedule rows; it
// is linked when some agent map row carries that id (the first such row in file order gives
// its region and, for an absent agent, its lp_agent_id and login).
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "adherence_state.hpp"

namespace leda::kpi {

void link_schedule(AdherenceConfig& c, const Joins& joins) {
  for (const char* name : {"agents", "schedule", "activities"})
    if (!joins.table(name))
      throw PluginError(std::string("wfm-adherence needs the join '") + name + "' (--join " + name +
                        "=FILE)");
  if (!joins.agents || !joins.schedule || !joins.activities)
    throw PluginError("wfm-adherence: the joins agents, schedule and activities were not typed");
  c.map = &*joins.agents;
  c.schedule = &*joins.schedule;
  c.activities = &*joins.activities;

  std::set<std::string> unknown;
  c.activity_of_row.clear();
  for (const ScheduleRow& r : c.schedule->rows()) {
    const ActivityRow* act = c.activities->find(r.activity_code);
    if (!act) {
      unknown.insert(r.activity_code);
      c.activity_of_row.push_back(0);
      continue;
    }
    c.activity_of_row.push_back(static_cast<std::uint32_t>(act - c.activities->rows().data()));
  }
  if (!unknown.empty()) {
    std::string list;
    for (const auto& code : unknown)
      list += (list.empty() ? "" : ", ") + code;
    throw PluginError("wfm-adherence: schedule activity codes not in the activity map: " + list);
  }

  std::map<std::string_view, const AgentMapRow*> first_row;
  for (const AgentMapRow& r : c.map->rows())
    if (!r.wfm_agent_id.empty()) first_row.emplace(r.wfm_agent_id, &r);
  c.scheduled.clear();
  c.unmapped_schedule_agents.clear();
  for (const std::string& id : c.schedule->agents()) {
    const auto it = first_row.find(id);
    if (it == first_row.end())
      c.unmapped_schedule_agents.push_back(id);
    else
      c.scheduled.emplace(id, ScheduledAgent{it->second, c.schedule->layered(id)});
  }
}

std::vector<const ScheduledAgent*> absent_agents(const AdherenceConfig& c,
                                                 const AdherenceState& st) {
  std::set<std::string_view> present;
  for (const auto& [key, login] : st.linked)
    present.insert(key.second);
  std::vector<const ScheduledAgent*> out;
  for (const auto& [id, agent] : c.scheduled)
    if (!present.count(id)) out.push_back(&agent);
  return out;
}

AgentKey lp_agent_id_of(const AgentMapRow& row) {
  // The host checked it: digits only, at most 18 of them.
  if (row.lp_agent_id.empty()) return kNoLong;
  return std::stoll(row.lp_agent_id);
}

std::string region_of(const AgentMapRow& row) {
  return row.region.empty() ? kUnmappedRegion : row.region;
}

std::string agent_login(const AdherenceConfig& c, const AdherenceState& st, AgentKey agent,
                        const std::string& wfm) {
  if (auto it = st.linked.find({agent, wfm}); it != st.linked.end()) return it->second;
  if (auto it = c.scheduled.find(wfm); it != c.scheduled.end()) return it->second.row->login_name;
  return {};
}

}  // namespace leda::kpi
