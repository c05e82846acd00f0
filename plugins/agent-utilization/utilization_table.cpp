// utilization_table.cpp — agent-utilization's result table: key columns in group_by order,
// then the time sums (seconds) and the rates of KPI spec section 1.
#include <algorithm>
#include <string>
#include <vector>

#include "leda/stats.hpp"
#include "utilization_state.hpp"

namespace leda::kpi {
namespace {

constexpr std::size_t kListed = 50;  // names listed in a note before "and N more"

Value seconds(std::int64_t ms) {
  return static_cast<double>(ms) / 1000.0;
}

Value id_or_null(std::int64_t id) {
  if (id == kNoLong) return std::monostate{};
  return id;
}

// -1, 0, 1 comparing two keys on one group_by column.
int compare_on(UtilizationDim d, const UtilizationKey& a, const UtilizationKey& b) {
  auto cmp = [](const auto& x, const auto& y) { return x < y ? -1 : y < x ? 1 : 0; };
  switch (d) {
    case UtilizationDim::kAgent:
      return cmp(a.agent, b.agent);
    case UtilizationDim::kGroup:
      return cmp(a.group, b.group);
    case UtilizationDim::kRegion:
      return cmp(a.region, b.region);
    case UtilizationDim::kDay:
      return cmp(a.day, b.day);
    case UtilizationDim::kInterval:
      return cmp(a.interval, b.interval);
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

Table utilization_table(const UtilizationConfig& config, UtilizationState&& st) {
  Table t;
  for (UtilizationDim d : config.group_by) {
    switch (d) {
      case UtilizationDim::kAgent:
        t.columns.push_back({"agent_id", ColumnType::kInt});
        t.columns.push_back({"agent_login", ColumnType::kString});
        break;
      case UtilizationDim::kGroup:
        t.columns.push_back({"group_id", ColumnType::kInt});
        break;
      case UtilizationDim::kRegion:
        t.columns.push_back({"region", ColumnType::kString});
        break;
      case UtilizationDim::kDay:
        t.columns.push_back({"day", ColumnType::kString});
        break;
      case UtilizationDim::kInterval:
        t.columns.push_back({"interval_start", ColumnType::kString});
        break;
    }
  }
  for (const char* name : {"logged_in_s", "online_s", "back_soon_s", "away_s", "unknown_s",
                           "engaged_s", "online_engaged_s", "labor_s", "chat_time_s",
                           "slot_capacity_s", "slot_used_s", "capacity_unknown_s",
                           "engaged_time_rate", "occupancy", "capacity_utilization", "concurrency"})
    t.columns.push_back({name, ColumnType::kNumber});
  t.columns.push_back({"sessions", ColumnType::kInt});
  t.columns.push_back({"imputed_ends", ColumnType::kInt});

  std::vector<const std::pair<const UtilizationKey, UtilizationSums>*> rows;
  for (const auto& entry : st.sums)
    rows.push_back(&entry);
  std::stable_sort(rows.begin(), rows.end(), [&](const auto* a, const auto* b) {
    for (UtilizationDim d : config.group_by)
      if (int c = compare_on(d, a->first, b->first)) return c < 0;
    return false;
  });

  std::int64_t sessions = 0, imputed = 0;
  for (const auto* entry : rows) {
    const UtilizationKey& k = entry->first;
    const UtilizationSums& s = entry->second;
    sessions += s.sessions;
    imputed += s.imputed_ends;
    std::vector<Value> row;
    for (UtilizationDim d : config.group_by) {
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
      row.push_back(seconds(ms));
    row.push_back(ratio(s.engaged_ms, s.logged_in_ms));
    row.push_back(ratio(s.online_engaged_ms, s.online_ms));
    row.push_back(ratio(s.slot_used_ms, s.slot_capacity_ms));
    row.push_back(ratio(s.chat_ms, s.engaged_ms));
    row.emplace_back(std::in_place_type<std::int64_t>, s.sessions);
    row.emplace_back(std::in_place_type<std::int64_t>, s.imputed_ends);
    t.rows.push_back(std::move(row));
  }

  t.notes.push_back(std::to_string(st.logins.size()) + " agents with sessions, " +
                    std::to_string(sessions) + " sessions, " + std::to_string(imputed) +
                    " without a logout (ended at their last event)");
  if (st.events_without_time)
    t.notes.push_back(std::to_string(st.events_without_time) +
                      " agent events without a timestamp were skipped");
  if (st.sessions_without_time)
    t.notes.push_back(std::to_string(st.sessions_without_time) +
                      " agent sessions without a timed event were skipped");
  if (!st.map_given) {
    if (config.by(UtilizationDim::kRegion))
      t.notes.push_back("no agent map joined: every agent is in region UNMAPPED");
    return t;
  }
  if (!st.unmatched_agents.empty()) {
    std::vector<std::string> items;
    for (const auto& [id, login] : st.unmatched_agents)
      items.push_back(std::to_string(id) + (login.empty() ? "" : " (" + login + ")"));
    t.notes.push_back("agent map: " + std::to_string(items.size()) +
                      " agents with sessions matched no row (region UNMAPPED): " + listed(items));
  }
  std::vector<std::string> unused;
  for (std::size_t i = 0; i < st.map_rows.size(); ++i)
    if (i >= st.map_row_used.size() || !st.map_row_used[i]) unused.push_back(st.map_rows[i]);
  if (!unused.empty())
    t.notes.push_back("agent map: " + std::to_string(unused.size()) +
                      " rows matched no agent with sessions: " + listed(unused));
  return t;
}

}  // namespace leda::kpi
