// utilization_state.hpp — the configuration and the mergeable state of the agent-utilization
// KPI (KPI spec section 1).
//
// consume() builds each agent's timeline (a shard holds every session of an agent) and adds its
// pieces to integer millisecond sums keyed by the group_by columns; merging adds sums, so the
// result is the same for any sharding. finish() turns the sums into the table.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "leda/agent_timeline.hpp"
#include "leda/group_by.hpp"
#include "leda/keyed_map.hpp"
#include "leda/plugin.hpp"
#include "leda/time_buckets.hpp"

namespace leda::kpi {

/// A group_by column of agent-utilization.
enum class UtilizationDim { kAgent, kGroup, kRegion, kDay, kInterval };

/// The region of agents the agent map does not place.
inline constexpr const char* kUnmappedRegion = "UNMAPPED";

/// Bound parameters and what configure() read of the agent map.
struct UtilizationConfig {
  GroupBy<UtilizationDim> group_by{{}};
  std::optional<TimeBuckets> buckets;  ///< zone and interval length
  const AgentMap* map = nullptr;       ///< the joined agent map, or nullptr
  bool by(UtilizationDim d) const { return group_by.by(d); }
};

/// One output row's key; fields of columns not grouped by keep their defaults.
struct UtilizationKey {
  AgentKey agent = kNoLong;
  std::int64_t group = kNoLong;  ///< kNoLong also when the events carry no agentGroupID
  std::string region;
  LocalDay day = 0;
  TimeMs interval = kNoLong;  ///< interval start
  auto operator<=>(const UtilizationKey&) const = default;
  LEDA_FIELDS(agent, group, region, day, interval)
};

/// Per-shard state.
struct UtilizationState {
  KeyedMap<UtilizationKey, UtilizationSums> sums;
  std::map<AgentKey, std::string> logins;            ///< agents with sessions: their login
  std::map<AgentKey, std::string> unmatched_agents;  ///< agents with no map row: login
  std::set<std::size_t> map_rows_used;  ///< agent map rows matched by an agent with sessions
  std::uint64_t events_without_time = 0, sessions_without_time = 0;

  void merge(UtilizationState&& o) {
    sums.merge(std::move(o.sums));
    logins.merge(o.logins);
    unmatched_agents.merge(o.unmatched_agents);
    map_rows_used.merge(o.map_rows_used);
    events_without_time += o.events_without_time;
    sessions_without_time += o.sessions_without_time;
  }
  LEDA_FIELDS(sums, logins, unmatched_agents, map_rows_used, events_without_time,
              sessions_without_time)
};

/// The group_by choices and their key columns.
const GroupBy<UtilizationDim>& utilization_dimensions();

/// Every column the table can have (for the description).
std::vector<Column> utilization_columns();

/// The result table of a fully merged state.
Table utilization_table(const UtilizationConfig& config, UtilizationState&& state);

}  // namespace leda::kpi
