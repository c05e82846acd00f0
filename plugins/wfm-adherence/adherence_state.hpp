// adherence_state.hpp — the configuration and the mergeable state of the wfm-adherence KPI
// (wfm.md sections 3 and 5): schedule adherence, conformance and shrinkage of the agents a WFM
// schedule names, compared with their LiveEngage state timeline.
//
// configure() links the joins once: every schedule agent with an agent map row gets its layered
// schedule (ScheduledAgent). consume() walks each agent of its shard that has sessions against
// its schedule (a shard holds whole agents; every shard sees the whole schedule) and adds integer
// millisecond sums keyed by the group_by columns. finish() walks the schedule agents no agent
// with sessions was linked to (absent: logged out all along) exactly once, from the merged set
// of linked agents, then builds the table.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "leda/agent_timeline.hpp"
#include "leda/group_by.hpp"
#include "leda/joins.hpp"
#include "leda/keyed_map.hpp"
#include "leda/plugin.hpp"
#include "leda/schedule.hpp"
#include "leda/time_buckets.hpp"

namespace leda::kpi {

/// A group_by column of wfm-adherence.
enum class AdherenceDim { kAgent, kRegion, kDay, kInterval, kActivity };

/// The region of an agent whose map row names none.
inline constexpr const char* kUnmappedRegion = "UNMAPPED";

/// A schedule agent (a `wfm_agent_id` with schedule rows) that the agent map links to.
struct ScheduledAgent {
  const AgentMapRow* row = nullptr;       ///< its first map row (file order)
  std::vector<ScheduleSegment> segments;  ///< its layered schedule, in time order
};

/// Bound parameters and what configure() made of the joins. Read-only after configure().
struct AdherenceConfig {
  GroupBy<AdherenceDim> group_by{{}};
  std::optional<TimeBuckets> buckets;  ///< tz and interval length
  TimeMs threshold_ms = 0;             ///< exception_threshold_s, in ms
  bool engaged_counts_as_work = false;
  const AgentMap* map = nullptr;
  const Schedule* schedule = nullptr;
  const ActivityMap* activities = nullptr;
  /// Per schedule row: its activity's position in activities->rows().
  std::vector<std::uint32_t> activity_of_row;
  /// Schedule agents with a map row, by wfm_agent_id.
  std::map<std::string, ScheduledAgent, std::less<>> scheduled;
  /// Schedule agents (wfm_agent_id) with no map row, in byte order.
  std::vector<std::string> unmapped_schedule_agents;

  bool by(AdherenceDim d) const { return group_by.by(d); }
};

/// One output row's key; fields of columns not grouped by keep their defaults.
struct AdherenceKey {
  AgentKey agent = kNoLong;  ///< LiveEngage agent id; kNoLong: none known (or not grouped)
  std::string wfm;           ///< wfm_agent_id (grouped by agent)
  std::string region;
  LocalDay day = 0;                     ///< schedule date, or the local date of out-of-shift work
  TimeMs interval = kNoLong;            ///< interval start
  std::optional<std::string> activity;  ///< activity code; none: outside every schedule row
  auto operator<=>(const AdherenceKey&) const = default;
  LEDA_FIELDS(agent, wfm, region, day, interval, activity)
};

/// The sums of one row, in milliseconds (and counts).
struct AdherenceSums {
  std::int64_t scheduled_ms = 0;  ///< STRICT + NEUTRAL
  std::int64_t neutral_ms = 0;
  std::int64_t in_ms = 0, out_ms = 0;     ///< STRICT, after the threshold rule
  std::int64_t exceptions = 0;            ///< out runs of at least the threshold, where they start
  std::int64_t scheduled_work_ms = 0;     ///< STRICT + NEUTRAL time of counts_as_work rows
  std::int64_t work_in_shift_ms = 0;      ///< work inside counts_as_work rows
  std::int64_t out_of_shift_work_ms = 0;  ///< work outside every row or in an IGNORE row
  std::int64_t paid_ms = 0;               ///< STRICT + NEUTRAL time of paid rows
  std::int64_t planned_shrinkage_ms = 0;  ///< paid time of counts_as_shrinkage rows
  std::int64_t productive_paid_ms = 0;    ///< work in paid STRICT or NEUTRAL rows
  std::int64_t agents = 0;                ///< agents with STRICT or NEUTRAL time in the row

  void merge(const AdherenceSums& o) {
    scheduled_ms += o.scheduled_ms;
    neutral_ms += o.neutral_ms;
    in_ms += o.in_ms;
    out_ms += o.out_ms;
    exceptions += o.exceptions;
    scheduled_work_ms += o.scheduled_work_ms;
    work_in_shift_ms += o.work_in_shift_ms;
    out_of_shift_work_ms += o.out_of_shift_work_ms;
    paid_ms += o.paid_ms;
    planned_shrinkage_ms += o.planned_shrinkage_ms;
    productive_paid_ms += o.productive_paid_ms;
    agents += o.agents;
  }
  LEDA_FIELDS(scheduled_ms, neutral_ms, in_ms, out_ms, exceptions, scheduled_work_ms,
              work_in_shift_ms, out_of_shift_work_ms, paid_ms, planned_shrinkage_ms,
              productive_paid_ms, agents)
};

/// Why an agent with sessions has no schedule.
enum class NoSchedule : std::int32_t { kNoMapRow = 0, kNoWfmId = 1, kNoScheduleRows = 2 };

/// An agent with sessions that no schedule row concerns (for the notes).
struct UnscheduledAgent {
  std::string login;
  std::int32_t reason = 0;  ///< a NoSchedule
  std::string wfm;          ///< its map row's wfm_agent_id, if any
  LEDA_FIELDS(login, reason, wfm)
};

/// Per-shard state.
struct AdherenceState {
  KeyedMap<AdherenceKey, AdherenceSums> sums;
  /// Agents with sessions linked to a schedule agent: (agent id, wfm_agent_id) -> login.
  std::map<std::pair<AgentKey, std::string>, std::string> linked;
  std::map<AgentKey, UnscheduledAgent> unscheduled;
  std::int64_t runs_below_threshold = 0;  ///< out runs shorter than the threshold (counted in)
  std::uint64_t events_without_time = 0, sessions_without_time = 0;
  /// The span of the agents' logged-in time in the data (first > last: none).
  TimeMs first_activity = std::numeric_limits<TimeMs>::max();
  TimeMs last_activity = std::numeric_limits<TimeMs>::min();

  void merge(AdherenceState&& o) {
    sums.merge(std::move(o.sums));
    linked.merge(o.linked);
    unscheduled.merge(o.unscheduled);
    runs_below_threshold += o.runs_below_threshold;
    events_without_time += o.events_without_time;
    sessions_without_time += o.sessions_without_time;
    first_activity = std::min(first_activity, o.first_activity);
    last_activity = std::max(last_activity, o.last_activity);
  }
  LEDA_FIELDS(sums, linked, unscheduled, runs_below_threshold, events_without_time,
              sessions_without_time, first_activity, last_activity)
};

/// Who a walk is about: the row key columns of one agent.
struct WalkedAgent {
  AgentKey agent = kNoLong;
  std::string wfm, region;
};

/// Adds one agent's scheduled and worked time to `st`: its layered schedule `segments` walked
/// against its logged-in `pieces` (both in time order, not overlapping; no pieces: an absent
/// agent, logged out throughout).
void walk_agent(const AdherenceConfig& config, const WalkedAgent& who,
                std::span<const ScheduleSegment> segments, std::span<const TimelinePiece> pieces,
                AdherenceState& st);

/// Links the joins into `config`: each schedule row's activity, each schedule agent's map row and
/// layered schedule, the schedule agents with no map row. Throws PluginError naming a missing
/// join, or listing schedule codes the activity map lacks.
void link_schedule(AdherenceConfig& config, const Joins& joins);

/// The schedule agents no agent with sessions was linked to (absent), by wfm_agent_id. Call on
/// the fully merged state.
std::vector<const ScheduledAgent*> absent_agents(const AdherenceConfig& config,
                                                 const AdherenceState& st);

/// The LiveEngage agent id of a map row's `lp_agent_id`, kNoLong when it is empty.
AgentKey lp_agent_id_of(const AgentMapRow& row);

/// The region of a map row (kUnmappedRegion when empty).
std::string region_of(const AgentMapRow& row);

/// The login printed for a row key: the agent's own, else its map row's.
std::string agent_login(const AdherenceConfig& config, const AdherenceState& st, AgentKey agent,
                        const std::string& wfm);

/// The notes: linked and absent agents, unmatched agents on both sides, the threshold, the
/// switch, skipped events, schedule rows outside the data.
std::vector<std::string> adherence_notes(const AdherenceConfig& config, const AdherenceState& st);

/// The group_by choices and their key columns.
const GroupBy<AdherenceDim>& adherence_dimensions();

/// Every column the table can have (for the description).
std::vector<Column> adherence_columns();

/// The result table of a fully merged state (absent agents already walked).
Table adherence_table(const AdherenceConfig& config, AdherenceState&& state);

}  // namespace leda::kpi
