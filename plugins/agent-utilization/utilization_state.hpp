// utilization_state.hpp — the configuration and the mergeable state of the agent-utilization
// KPI (KPI spec section 1).
//
// update() builds each agent's timeline (a shard holds every session of an agent) and adds its
// pieces to integer millisecond sums keyed by the group_by columns; merge() adds sums, so the
// result is the same for any sharding. finalize() turns the sums into the table.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "leda/agent_timeline.hpp"
#include "leda/plugin.hpp"
#include "leda/time_buckets.hpp"

namespace leda::kpi {

/// A group_by column of agent-utilization.
enum class UtilizationDim { kAgent, kGroup, kRegion, kDay, kInterval };

/// The region of agents the agent map does not place.
inline constexpr const char* kUnmappedRegion = "UNMAPPED";

/// Bound parameters.
struct UtilizationConfig {
  std::vector<UtilizationDim> group_by;  ///< in the user's order, no repeats
  std::optional<TimeBuckets> buckets;    ///< zone and interval length
  bool by(UtilizationDim d) const {
    for (UtilizationDim g : group_by)
      if (g == d) return true;
    return false;
  }
};

/// One output row's key; fields of columns not grouped by keep their defaults.
struct UtilizationKey {
  std::int64_t agent = kNoLong;
  std::int64_t group = kNoLong;  ///< kNoLong also when the events carry no agentGroupID
  std::string region;
  LocalDay day = 0;
  TimeMs interval = kNoLong;  ///< interval start
  auto operator<=>(const UtilizationKey&) const = default;
};

/// Per-shard state.
struct UtilizationState final : KpiState {
  std::map<UtilizationKey, UtilizationSums> sums;
  std::map<std::int64_t, std::string> logins;            ///< agents with sessions: their login
  std::map<std::int64_t, std::string> unmatched_agents;  ///< agents with no map row: login
  std::vector<std::string> map_rows;  ///< labels of the agent map rows (empty: none seen yet)
  std::vector<char> map_row_used;     ///< per map row: matched by an agent with sessions
  bool map_given = false;
  std::uint64_t events_without_time = 0, sessions_without_time = 0;
};

/// The result table of a fully merged state.
Table utilization_table(const UtilizationConfig& config, UtilizationState&& state);

}  // namespace leda::kpi
