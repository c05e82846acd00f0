// leda/schedule.hpp — a WFM schedule and its activity map as a plugin sees them (the joins
// `schedule` and `activities`), and the layered view of one agent's schedule.
//
// The host reads the neutral files (one schedule row per scheduled activity segment, one
// activity-map row per activity code) and checks them before any plugin runs: every row has an
// agent, a real date, `end > start`, and every activity code of the schedule is in the map.
// Overlapping rows of one agent are layered: the later row in the file wins for the time it
// covers (a break written after the shift lies over it). `Schedule::layered` resolves that into
// non-overlapping segments, each carrying the row that wins there:
//
//   const leda::Schedule& schedule = ...;      // from the host
//   const leda::ActivityMap& activities = ...;
//   for (const leda::ScheduleSegment& seg : schedule.layered("WFM-4100")) {
//     const leda::ScheduleRow& row = schedule.rows()[seg.row];
//     const leda::ActivityRow* act = activities.find(row.activity_code);
//     bool in = act->expected_states.contains(leda::actual_state_of(piece.state));
//     ...                                      // [seg.start, seg.end) is scheduled as `row`
//   }
//
// Everything here is plain data: no parsing, no I/O. Thread-safety: a Schedule or ActivityMap
// is immutable after construction; any number of threads may read one.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "leda/agent_timeline.hpp"
#include "leda/model.hpp"
#include "leda/strings.hpp"

namespace leda {

/// What an agent is doing at an instant, as the activity map's `expected_states` names it.
enum class ActualState : std::uint8_t {
  kOnline = 0,     ///< ONLINE
  kBackSoon = 1,   ///< BACK_SOON
  kAway = 2,       ///< AWAY
  kLoggedOut = 3,  ///< LOGGED_OUT: outside every session
  kUnknown = 4,    ///< UNKNOWN: in a session, Offline or no state known yet
};

/// The name used in activity maps: "ONLINE", "BACK_SOON", "AWAY", "LOGGED_OUT", "UNKNOWN".
constexpr std::string_view actual_state_name(ActualState s) {
  constexpr std::string_view kNames[] = {"ONLINE", "BACK_SOON", "AWAY", "LOGGED_OUT", "UNKNOWN"};
  return kNames[static_cast<int>(s)];
}

/// The actual state of a logged-in agent whose timeline piece has `state` (an AgentState of
/// agent_timeline.hpp): Online, Back Soon and Away map to themselves, Offline and "not known
/// yet" to kUnknown. Time outside every session is kLoggedOut (the caller decides that).
constexpr ActualState actual_state_of(std::int32_t state) {
  switch (state) {
    case kStateOnline:
      return ActualState::kOnline;
    case kStateBackSoon:
      return ActualState::kBackSoon;
    case kStateAway:
      return ActualState::kAway;
    default:
      return ActualState::kUnknown;
  }
}

/// A set of ActualStates (a bit set: bit i is the state with value i).
class StateSet {
 public:
  constexpr StateSet() = default;
  constexpr StateSet(std::initializer_list<ActualState> states) {
    for (ActualState s : states)
      insert(s);
  }
  constexpr void insert(ActualState s) { bits_ |= bit(s); }
  constexpr bool contains(ActualState s) const { return (bits_ & bit(s)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  /// The bits, for hashing or printing; bit i is the ActualState with value i.
  constexpr std::uint8_t bits() const { return bits_; }
  friend constexpr bool operator==(StateSet, StateSet) = default;

 private:
  template <class>
  friend struct layout::StructLayout;
  static constexpr std::uint8_t bit(ActualState s) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(s));
  }
  std::uint8_t bits_ = 0;
};

/// How an activity takes part in adherence (wfm.md §1).
enum class AdherenceMode : std::uint8_t {
  kStrict,   ///< STRICT: scheduled; compared with the expected states
  kNeutral,  ///< NEUTRAL: scheduled, never in nor out of adherence
  kIgnore,   ///< IGNORE: not scheduled time at all (a day off)
};

/// "STRICT", "NEUTRAL" or "IGNORE".
constexpr std::string_view adherence_mode_name(AdherenceMode m) {
  constexpr std::string_view kNames[] = {"STRICT", "NEUTRAL", "IGNORE"};
  return kNames[static_cast<int>(m)];
}

/// One row of the activity map: what an activity code means.
struct ActivityRow {
  std::string code;                  ///< `activity_code` (case-sensitive, unique in the map)
  std::string category;              ///< free text for reports (WORK, BREAK, MEAL, ...); may be ""
  StateSet expected_states;          ///< states that are in adherence (never empty for STRICT)
  bool counts_as_work = false;       ///< time the agent is meant to take chats
  bool counts_as_shrinkage = false;  ///< paid time planned away from the queue
  AdherenceMode adherence_mode = AdherenceMode::kStrict;
  std::size_t line = 0;  ///< line in the file it was read from (1-based); 0: not a file
};

/// The activity map: rows in file order and a lookup by code.
class ActivityMap {
 public:
  ActivityMap() = default;
  /// Takes the rows. Precondition: codes are distinct (the host's reader refuses duplicates);
  /// if not, find() returns the first.
  explicit ActivityMap(std::vector<ActivityRow> rows) : rows_(std::move(rows)) {
    for (std::size_t i = 0; i < rows_.size(); ++i)
      by_code_.emplace(rows_[i].code, i);
  }
  const std::vector<ActivityRow>& rows() const { return rows_; }
  /// The row of `code` (compared byte for byte, so case-sensitive), or nullptr. The pointer
  /// stays valid as long as the map.
  const ActivityRow* find(std::string_view code) const {
    auto it = by_code_.find(code);
    return it == by_code_.end() ? nullptr : &rows_[it->second];
  }

 private:
  template <class>
  friend struct layout::StructLayout;
  std::vector<ActivityRow> rows_;
  std::map<std::string, std::size_t, std::less<>> by_code_;
};

/// One scheduled activity segment of one agent: `[start, end)`, end > start.
struct ScheduleRow {
  std::string wfm_agent_id;        ///< the agent in the WFM system (never empty)
  std::int64_t schedule_date = 0;  ///< the shift's date, days since 1970-01-01
  std::string schedule_date_text;  ///< the same date as `YYYY-MM-DD`
  std::string activity_code;       ///< a code of the activity map
  TimeMs start = 0, end = 0;       ///< epoch milliseconds, UTC
  bool paid = true;                ///< `paid` (true when the file has no such column)
  std::size_t line = 0;            ///< line in the file it was read from (1-based); 0: not a file
};

/// A stretch `[start, end)` of one agent's layered schedule and the row scheduled there.
struct ScheduleSegment {
  TimeMs start = 0, end = 0;
  std::uint32_t row = 0;  ///< index into Schedule::rows() (or into the span given to layer_rows)
  friend bool operator==(const ScheduleSegment&, const ScheduleSegment&) = default;
};

/// Layers rows: `order` lists indexes into `rows` from the bottom layer up (a later entry wins
/// where entries overlap). Returns the non-overlapping segments in time order, each with the
/// row that wins there; neighbouring pieces won by the same row are one segment, time covered
/// by no row is left out, rows with end <= start are ignored. O(n log n).
inline std::vector<ScheduleSegment> layer_rows(std::span<const ScheduleRow> rows,
                                               std::span<const std::uint32_t> order) {
  struct Edge {
    TimeMs t;
    std::uint32_t rank;  // position in `order`
    bool open;
  };
  std::vector<Edge> edges;
  edges.reserve(order.size() * 2);
  for (std::uint32_t k = 0; k < order.size(); ++k) {
    const ScheduleRow& r = rows[order[k]];
    if (r.end <= r.start) continue;
    edges.push_back({r.start, k, true});
    edges.push_back({r.end, k, false});
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.t < b.t; });
  std::vector<ScheduleSegment> out;
  std::set<std::uint32_t> active;  // ranks of the rows covering the current instant
  for (std::size_t i = 0; i < edges.size();) {
    const TimeMs t = edges[i].t;
    for (; i < edges.size() && edges[i].t == t; ++i) {
      if (edges[i].open)
        active.insert(edges[i].rank);
      else
        active.erase(edges[i].rank);
    }
    if (active.empty()) continue;  // then an edge is still to come: i < edges.size()
    const TimeMs next = edges[i].t;
    const std::uint32_t winner = order[*active.rbegin()];
    if (!out.empty() && out.back().row == winner && out.back().end == t)
      out.back().end = next;
    else
      out.push_back({t, next, winner});
  }
  return out;
}

/// The schedule: rows in file order (the order that decides layering) and an index from
/// `wfm_agent_id` to that agent's rows.
class Schedule {
 public:
  Schedule() = default;
  /// Takes the rows, in file order, and indexes them by agent.
  explicit Schedule(std::vector<ScheduleRow> rows) : rows_(std::move(rows)) {
    for (std::uint32_t i = 0; i < rows_.size(); ++i)
      by_agent_[rows_[i].wfm_agent_id].push_back(i);
    for (const auto& [id, list] : by_agent_)
      agents_.push_back(id);
  }
  /// Every row, in file order.
  const std::vector<ScheduleRow>& rows() const { return rows_; }
  /// The distinct `wfm_agent_id`s, in byte order.
  const std::vector<std::string>& agents() const { return agents_; }
  /// Indexes into rows() of the rows of one agent, in file order; empty for an unknown id.
  /// Valid as long as the Schedule.
  std::span<const std::uint32_t> rows_of(std::string_view wfm_agent_id) const {
    auto it = by_agent_.find(wfm_agent_id);
    if (it == by_agent_.end()) return {};
    return it->second;
  }
  /// One agent's layered schedule (layer_rows over its rows in file order); segment rows index
  /// rows(). Empty for an unknown id.
  std::vector<ScheduleSegment> layered(std::string_view wfm_agent_id) const {
    return layer_rows(rows_, rows_of(wfm_agent_id));
  }

 private:
  template <class>
  friend struct layout::StructLayout;
  std::vector<ScheduleRow> rows_;
  std::map<std::string, std::vector<std::uint32_t>, std::less<>> by_agent_;
  std::vector<std::string> agents_;
};

}  // namespace leda
