// staffing_state.hpp — the configuration and the mergeable state of the staffing KPI (wfm.md
// section 4): demand per interval (and skill), the agents' Online supply per interval.
//
// consume() reduces every conversation to integer counts and millisecond sums keyed by its
// arrival interval (and skill), and every agent's timeline to millisecond sums per interval;
// merging adds them, so the state is the same for any sharding. Everything that is not a sum
// (handle-time fall-backs, Erlang C, the schedule's agents, the forecast) is computed once, in
// finish(), from the merged sums.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "leda/keyed_map.hpp"
#include "leda/plugin.hpp"
#include "leda/time_buckets.hpp"

namespace leda::kpi {

/// Bound parameters and what configure() kept of the joins.
struct StaffingConfig {
  std::optional<TimeBuckets> buckets;  ///< zone and interval length
  bool by_skill = false;               ///< group_by=skill
  double sl_target = 0.8;
  double sl_threshold_s = 30;
  std::optional<double> shrinkage;  ///< the parameter; nullopt: the schedule's, else 0.3
  std::int64_t forecast_days = 7;
  std::int64_t min_history_days = 14;
  const Schedule* schedule = nullptr;       ///< the joined schedule, or nullptr
  const ActivityMap* activities = nullptr;  ///< set whenever schedule is
};

/// The default shrinkage when neither the parameter nor a schedule gives one.
inline constexpr double kDefaultShrinkage = 0.3;

/// One demand row's key: the arrival interval's start and the skill (kNoLong when not grouped
/// by skill, or when the conversation names none).
struct DemandKey {
  TimeMs interval = 0;
  std::int64_t skill = kNoLong;
  auto operator<=>(const DemandKey&) const = default;
  LEDA_FIELDS(interval, skill)
};

/// The conversations that arrived in one interval (and skill).
struct DemandSums {
  std::int64_t arrivals = 0;   ///< every conversation, abandoned included
  std::int64_t handled = 0;    ///< connected ones with a handle time (end >= interaction start)
  std::int64_t handle_ms = 0;  ///< their summed handle time
  std::int64_t within_sl = 0;  ///< connected with a wait <= sl_threshold_s
  void merge(const DemandSums& o) {
    arrivals += o.arrivals;
    handled += o.handled;
    handle_ms += o.handle_ms;
    within_sl += o.within_sl;
  }
  LEDA_FIELDS(arrivals, handled, handle_ms, within_sl)
};

/// The agents' Online time in one interval, summed over agents.
struct SupplySums {
  std::int64_t online_ms = 0;          ///< time Online (agents x time)
  std::int64_t online_engaged_ms = 0;  ///< time Online with at least one chat
  std::int64_t online_chat_ms = 0;     ///< chats x time while Online
  void merge(const SupplySums& o) {
    online_ms += o.online_ms;
    online_engaged_ms += o.online_engaged_ms;
    online_chat_ms += o.online_chat_ms;
  }
  LEDA_FIELDS(online_ms, online_engaged_ms, online_chat_ms)
};

/// Data problems counted for the notes.
struct StaffingIssues {
  std::uint64_t undated = 0;     ///< no queueStartTime nor conversationStartTime: not counted
  std::uint64_t no_handle = 0;   ///< connected without a usable end: not in aht_s
  std::uint64_t no_wait = 0;     ///< connected, no measurable wait: not within the SL
  std::uint64_t untimed_ev = 0;  ///< agent events without a timestamp (skipped)
  void merge(const StaffingIssues& o) {
    undated += o.undated;
    no_handle += o.no_handle;
    no_wait += o.no_wait;
    untimed_ev += o.untimed_ev;
  }
  LEDA_FIELDS(undated, no_handle, no_wait, untimed_ev)
};

/// Per-shard state.
struct StaffingState {
  KeyedMap<DemandKey, DemandSums> demand;
  KeyedMap<TimeMs, SupplySums> supply;  ///< by interval start
  StaffingIssues issues;
  void merge(StaffingState&& o) {
    demand.merge(std::move(o.demand));
    supply.merge(std::move(o.supply));
    issues.merge(o.issues);
  }
  LEDA_FIELDS(demand, supply, issues)
};

/// Every column of the table, in table order (key columns marked kKey).
std::vector<Column> staffing_columns(bool by_skill);

/// The result table of a fully merged state.
Table staffing_table(const StaffingConfig& config, StaffingState&& state);

}  // namespace leda::kpi
