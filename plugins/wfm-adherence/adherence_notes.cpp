// adherence_notes.cpp — the sentences under the wfm-adherence table: who was compared, who was
// left out on either side and why, and the rules that changed numbers (threshold, switch).
#include <map>
#include <string>
#include <vector>

#include "adherence_state.hpp"
#include "leda/strings.hpp"

namespace leda::kpi {
namespace {

constexpr std::size_t kListed = 50;  // names listed in a note before "and N more"

std::string listed(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < kListed; ++i)
    out += (i ? ", " : "") + items[i];
  if (items.size() > kListed) out += ", and " + std::to_string(items.size() - kListed) + " more";
  return out;
}

std::string agent_text(AgentKey id, const std::string& login) {
  return std::to_string(id) + (login.empty() ? "" : " (" + login + ")");
}

std::string were(std::size_t n) {
  return std::string(agree(n, "was", "were"));
}

// Agents with sessions that no schedule row concerns, one note per reason.
void unscheduled_notes(const AdherenceState& st, std::vector<std::string>& notes) {
  std::map<std::int32_t, std::vector<std::string>> by_reason;
  for (const auto& [id, u] : st.unscheduled) {
    std::string item = std::to_string(id);
    if (u.reason == static_cast<std::int32_t>(NoSchedule::kNoScheduleRows))
      item += " (" + (u.login.empty() ? "" : u.login + ", ") + "wfm_agent_id " + u.wfm + ")";
    else if (!u.login.empty())
      item += " (" + u.login + ")";
    by_reason[u.reason].push_back(std::move(item));
  }
  for (const auto& [reason, items] : by_reason) {
    const std::string who = plural(items.size(), "agent") + " with sessions";
    switch (static_cast<NoSchedule>(reason)) {
      case NoSchedule::kNoMapRow:
        notes.push_back("agent map: " + who + " matched no row, so no schedule, and " +
                        were(items.size()) + " left out: " + listed(items));
        break;
      case NoSchedule::kNoWfmId:
        notes.push_back("agent map: " + who + " matched a row with no wfm_agent_id, so no " +
                        "schedule, and " + were(items.size()) + " left out: " + listed(items));
        break;
      case NoSchedule::kNoScheduleRows:
        notes.push_back("schedule: " + who + " had a wfm_agent_id with no schedule rows and " +
                        were(items.size()) + " left out: " + listed(items));
        break;
    }
  }
}

}  // namespace

std::vector<std::string> adherence_notes(const AdherenceConfig& c, const AdherenceState& st) {
  std::vector<std::string> notes;
  const auto absent = absent_agents(c, st);
  const std::size_t present = c.scheduled.size() - absent.size();
  std::string summary = plural(c.scheduled.size(), "schedule agent") +
                        " linked through the agent map: " + std::to_string(present) +
                        " with sessions, " + std::to_string(absent.size()) + " absent";
  if (!absent.empty()) {
    std::vector<std::string> ids;
    for (const ScheduledAgent* a : absent)
      ids.push_back(a->row->wfm_agent_id);
    summary += " (no session: scheduled time out of adherence unless LOGGED_OUT is expected): " +
               listed(ids);
  }
  notes.push_back(summary);

  if (!c.unmapped_schedule_agents.empty())
    notes.push_back("schedule: " + plural(c.unmapped_schedule_agents.size(), "agent") +
                    " (wfm_agent_id) with no agent map row " +
                    were(c.unmapped_schedule_agents.size()) +
                    " left out: " + listed(c.unmapped_schedule_agents));
  unscheduled_notes(st, notes);

  // A schedule agent linked to several agents with sessions (map rows sharing a wfm_agent_id,
  // or one row matched by several agents): each agent is compared with the whole schedule.
  std::map<std::string, std::vector<std::string>> by_wfm;
  for (const auto& [key, login] : st.linked)
    by_wfm[key.second].push_back(agent_text(key.first, login));
  for (const auto& [wfm, agents] : by_wfm)
    if (agents.size() > 1)
      notes.push_back("wfm_agent_id " + wfm + " is linked to " + plural(agents.size(), "agent") +
                      " with sessions, each compared with its whole schedule: " + listed(agents));

  if (c.threshold_ms > 0)
    notes.push_back("exception threshold " + std::to_string(c.threshold_ms / 1000) + " s: " +
                    plural(static_cast<std::uint64_t>(st.runs_below_threshold), "out run") +
                    " shorter than that counted as in adherence");
  if (c.engaged_counts_as_work)
    notes.push_back(
        "engaged_counts_as_work: logged-in time with a chat during counts_as_work activities "
        "counts as Online");
  if (st.events_without_time)
    notes.push_back(plural(st.events_without_time, "agent event") + " without a timestamp " +
                    std::string(agree(st.events_without_time, "was", "were")) + " skipped");
  if (st.sessions_without_time)
    notes.push_back(plural(st.sessions_without_time, "agent session") + " without a timed event " +
                    std::string(agree(st.sessions_without_time, "was", "were")) + " skipped");

  // Scheduled rows the data cannot speak for: a schedule longer than the data makes absences.
  if (st.first_activity <= st.last_activity) {
    std::uint64_t outside = 0;
    for (const auto& [id, agent] : c.scheduled)
      for (std::uint32_t r : c.schedule->rows_of(id)) {
        const ScheduleRow& row = c.schedule->rows()[r];
        const auto mode = c.activities->rows()[c.activity_of_row[r]].adherence_mode;
        if (mode != AdherenceMode::kIgnore &&
            (row.end <= st.first_activity || row.start >= st.last_activity))
          ++outside;
      }
    if (outside)
      notes.push_back(
          plural(outside, "scheduled row") + " " + std::string(agree(outside, "lies", "lie")) +
          " wholly outside the agents' logged-in time in the data (" +
          c.buckets->rfc3339(st.first_activity) + " to " + c.buckets->rfc3339(st.last_activity) +
          "): when the data does not cover those days, their time counts as absent");
  } else {
    notes.push_back("no agent in the data has a session");
  }
  return notes;
}

}  // namespace leda::kpi
