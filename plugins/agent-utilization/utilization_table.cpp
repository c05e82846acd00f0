// utilization_table.cpp — agent-utilization's columns and result table: key columns in
// group_by order, then the time sums (seconds) and the rates of KPI spec section 1.
#include <algorithm>
#include <string>
#include <vector>

#include "leda/samples.hpp"
#include "leda/stats.hpp"
#include "utilization_state.hpp"

namespace leda::kpi {
namespace {

constexpr std::size_t kListed = 50;  // names listed in a note before "and N more"

Column measure(const char* name, Unit unit, const char* description,
               ColumnRole role = ColumnRole::kMeasure) {
  return {name, unit == Unit::kCount ? ColumnType::kInt : ColumnType::kNumber, unit, description,
          role};
}

// The measure columns, in table order.
std::vector<Column> measure_columns() {
  using enum Unit;
  constexpr auto kHeadline = ColumnRole::kHeadline;
  return {
      measure("logged_in_s", kSeconds, "logged-in time (overlapping sessions counted once)",
              kHeadline),
      measure("online_s", kSeconds, "logged-in time in state Online", kHeadline),
      measure("back_soon_s", kSeconds, "logged-in time in state Back Soon"),
      measure("away_s", kSeconds, "logged-in time in state Away"),
      measure("unknown_s", kSeconds, "logged-in time Offline or before the first known state"),
      measure("engaged_s", kSeconds, "logged-in time with at least one chat"),
      measure("online_engaged_s", kSeconds, "Online time with at least one chat"),
      measure("labor_s", kSeconds, "Online time, plus Away or Back Soon time with a chat"),
      measure("chat_time_s", kSeconds, "chat time: time multiplied by concurrent chats"),
      measure("slot_capacity_s", kSeconds, "Online time multiplied by the chat slots (capacity)"),
      measure("slot_used_s", kSeconds, "Online time multiplied by the slots in use"),
      measure("capacity_unknown_s", kSeconds, "Online time whose slot capacity is unknown"),
      measure("engaged_time_rate", kRatio, "engaged time / logged-in time", kHeadline),
      measure("occupancy", kRatio, "Online engaged time / Online time", kHeadline),
      measure("capacity_utilization", kRatio, "slots used / slot capacity", kHeadline),
      measure("concurrency", kNumber, "average chats while engaged: chat time / engaged time",
              kHeadline),
      measure("sessions", kCount, "agent sessions started in the row"),
      measure("imputed_ends", kCount, "sessions without a logout (ended at their last event)"),
  };
}

Value id_or_null(std::int64_t id) {
  if (id == kNoLong) return std::monostate{};
  return id;
}

int compare_on(UtilizationDim d, const UtilizationKey& a, const UtilizationKey& b) {
  switch (d) {
    case UtilizationDim::kAgent:
      return three_way(a.agent, b.agent);
    case UtilizationDim::kGroup:
      return three_way(a.group, b.group);
    case UtilizationDim::kRegion:
      return three_way(a.region, b.region);
    case UtilizationDim::kDay:
      return three_way(a.day, b.day);
    case UtilizationDim::kInterval:
      return three_way(a.interval, b.interval);
  }
  return 0;
}

std::string listed(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < kListed; ++i)
    out += (i ? ", " : "") + items[i];
  if (items.size() > kListed) out += ", and " + std::to_string(items.size() - kListed) + " more";
  return out;
}

}  // namespace

const GroupBy<UtilizationDim>& utilization_dimensions() {
  using enum Unit;
  static const GroupBy<UtilizationDim> kDims{{
      {"agent",
       UtilizationDim::kAgent,
       {{"agent_id", ColumnType::kInt, kId, "LiveEngage agent id (agentID)"},
        {"agent_login", ColumnType::kString, kText, "the agent's login name"}}},
      {"group",
       UtilizationDim::kGroup,
       {{"group_id", ColumnType::kInt, kId, "agent group (agentGroupID) of the time"}}},
      {"region",
       UtilizationDim::kRegion,
       {{"region", ColumnType::kString, kText, "region from the agent map (UNMAPPED: none)"}}},
      {"day", UtilizationDim::kDay, {{"day", ColumnType::kString, kDate, "local day in tz"}}},
      {"interval",
       UtilizationDim::kInterval,
       {{"interval_start", ColumnType::kString, kTimestamp, "start of the interval in tz"}}},
  }};
  return kDims;
}

std::vector<Column> utilization_columns() {
  std::vector<Column> all = utilization_dimensions().all_key_columns();
  for (Column c : measure_columns())
    all.push_back(std::move(c));
  return all;
}

Table utilization_table(const UtilizationConfig& config, UtilizationState&& st) {
  Table t;
  t.columns = config.group_by.key_columns();
  for (Column c : measure_columns())
    t.columns.push_back(std::move(c));

  std::vector<const std::pair<const UtilizationKey, UtilizationSums>*> rows;
  for (const auto& entry : st.sums)
    rows.push_back(&entry);
  std::stable_sort(rows.begin(), rows.end(), [&](const auto* a, const auto* b) {
    return config.group_by.less(a->first, b->first, compare_on);
  });

  std::int64_t sessions = 0, imputed = 0;
  const auto dims = config.group_by.dims();
  for (const auto* entry : rows) {
    const UtilizationKey& k = entry->first;
    const UtilizationSums& s = entry->second;
    sessions += s.sessions;
    imputed += s.imputed_ends;
    std::vector<Value> row;
    for (UtilizationDim d : dims) {
      switch (d) {
        case UtilizationDim::kAgent:
          row.push_back(k.agent);
          row.push_back(st.logins[k.agent]);
          break;
        case UtilizationDim::kGroup:
          row.push_back(id_or_null(k.group));
          break;
        case UtilizationDim::kRegion:
          row.push_back(k.region);
          break;
        case UtilizationDim::kDay:
          row.push_back(day_text(k.day));
          break;
        case UtilizationDim::kInterval:
          row.push_back(config.buckets->rfc3339(k.interval));
          break;
      }
    }
    for (std::int64_t ms : {s.logged_in_ms, s.online_ms, s.back_soon_ms, s.away_ms, s.unknown_ms,
                            s.engaged_ms, s.online_engaged_ms, s.labor_ms, s.chat_ms,
                            s.slot_capacity_ms, s.slot_used_ms, s.capacity_unknown_ms})
      row.emplace_back(std::in_place_type<double>, seconds(ms));
    row.push_back(ratio(s.engaged_ms, s.logged_in_ms));
    row.push_back(ratio(s.online_engaged_ms, s.online_ms));
    row.push_back(ratio(s.slot_used_ms, s.slot_capacity_ms));
    row.push_back(ratio(s.chat_ms, s.engaged_ms));
    row.emplace_back(std::in_place_type<std::int64_t>, s.sessions);
    row.emplace_back(std::in_place_type<std::int64_t>, s.imputed_ends);
    t.rows.push_back(std::move(row));
  }

  t.notes.push_back(plural(st.logins.size(), "agent") + " with sessions, " +
                    plural(static_cast<std::uint64_t>(sessions), "session") + ", " +
                    std::to_string(imputed) + " without a logout (ended at their last event)");
  if (st.events_without_time)
    t.notes.push_back(plural(st.events_without_time, "agent event") + " without a timestamp " +
                      std::string(agree(st.events_without_time, "was", "were")) + " skipped");
  if (st.sessions_without_time)
    t.notes.push_back(plural(st.sessions_without_time, "agent session") +
                      " without a timed event " +
                      std::string(agree(st.sessions_without_time, "was", "were")) + " skipped");
  const AgentMap* map = config.map;
  if (!map) {
    if (config.by(UtilizationDim::kRegion))
      t.notes.push_back("no agent map joined: every agent is in region UNMAPPED");
    return t;
  }
  if (!st.unmatched_agents.empty()) {
    std::vector<std::string> items;
    for (const auto& [id, login] : st.unmatched_agents)
      items.push_back(std::to_string(id) + (login.empty() ? "" : " (" + login + ")"));
    t.notes.push_back("agent map: " + plural(items.size(), "agent") +
                      " with sessions matched no row (region UNMAPPED): " + listed(items));
  }
  std::vector<std::string> unused;
  for (const AgentMapRow& r : map->rows())
    if (!st.map_rows_used.count(r.row))
      unused.push_back("line " + std::to_string(r.line) + " (lp_agent_id '" + r.lp_agent_id +
                       "', login_name '" + r.login_name + "')");
  if (!unused.empty())
    t.notes.push_back("agent map: " + plural(unused.size(), "row") +
                      " matched no agent with sessions: " + listed(unused));
  return t;
}

}  // namespace leda::kpi
