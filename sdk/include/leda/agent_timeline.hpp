// leda/agent_timeline.hpp — one agent's logged-in time cut into pieces of constant state,
// concurrency and capacity (KPI spec sections 1 and 6), and the sums agent KPIs make of them.
//
// All sessions of an agent are read as ONE event stream sorted by time (ties: logout, then
// other events, then login), so state and concurrency carry across sessions. A session runs
// from its login to its logout (no login: from its first event; no logout: to its last event,
// an "imputed end"); overlapping sessions count once (their union). Each piece between two
// consecutive events that lies inside the union is reported with the state, concurrency `c`,
// capacity `m` and `agentGroupID` set by the event that starts it. Pieces of zero length are
// dropped.
//
//   leda::AgentTimeline tl = leda::AgentTimeline::build(model, agent);
//   leda::UtilizationSums sums;
//   for (const leda::TimelinePiece& p : tl.pieces) sums.add(p, p.start, p.end);
//   double rate = double(sums.engaged_ms) / double(sums.logged_in_ms);
//
// Thread-safety: plain values; build() only reads its input.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "leda/model.hpp"
#include "leda/state_codec.hpp"

namespace leda {

/// Agent states of `AgentEvent::state` that the timeline tracks. 0 means "not known yet".
enum AgentState : std::int32_t {
  kStateUnknown = 0,
  kStateOffline = 1,
  kStateOnline = 2,
  kStateBackSoon = 3,
  kStateAway = 4,
};

/// Event types of `AgentEvent::type` that shape sessions.
inline constexpr std::int32_t kEventLogin = 3;
inline constexpr std::int32_t kEventLogout = 4;

/// One session as the timeline placed it.
struct TimelineSession {
  TimeMs start = 0;                 ///< login, else first event
  TimeMs end = 0;                   ///< logout, else last event (>= start)
  bool imputed_end = false;         ///< no logout event: the end is the last event
  std::int64_t group_id = kNoLong;  ///< `agentGroupID` of the session's first event
  std::uint32_t input = 0;          ///< position of the session in build()'s input
};

/// A stretch of logged-in time with constant attributes: `[start, end)`, end > start.
struct TimelinePiece {
  TimeMs start = 0, end = 0;
  std::int64_t group_id = kNoLong;     ///< `agentGroupID` of the event starting the piece
  std::int32_t state = kStateUnknown;  ///< AgentState; kStateUnknown before any state 1..4
  std::int32_t concurrency = 0;        ///< c: the last `concurrentEng`, negatives as 0
  std::int32_t capacity = 0;           ///< m: the session's capacity, 0 when unknown
};

/// The timeline of one agent.
struct AgentTimeline {
  std::vector<TimelineSession> sessions;    ///< one per input session with a timed event
  std::vector<TimelinePiece> pieces;        ///< in time order, not overlapping
  std::uint64_t events_without_time = 0;    ///< events skipped: no `timestamp`
  std::uint64_t sessions_without_time = 0;  ///< input sessions with no timed event (skipped)

  /// Builds the timeline from the event lists of one agent's sessions (each in any order).
  static AgentTimeline build(std::span<const std::span<const AgentEvent>> sessions);

  /// Builds the timeline of `agent` from all its sessions in `model`.
  static AgentTimeline build(const Model& model, const Agent& agent) {
    std::vector<std::span<const AgentEvent>> lists;
    for (std::uint32_t s : model.sessions_of(agent))
      lists.push_back(model.events(model.agent_sessions[s]));
    return build(lists);
  }
};

/// Sums of logged-in time by the columns of KPI spec section 1, in milliseconds (for `chat`,
/// `slot_capacity` and `slot_used`: chat-milliseconds, the integral of a count over time).
/// Integer sums, so adding pieces in any order gives identical results.
struct UtilizationSums {
  std::int64_t logged_in_ms = 0;
  std::int64_t online_ms = 0, back_soon_ms = 0, away_ms = 0, unknown_ms = 0;
  std::int64_t engaged_ms = 0;           ///< c >= 1
  std::int64_t online_engaged_ms = 0;    ///< Online and c >= 1
  std::int64_t labor_ms = 0;             ///< Online, or Away/Back Soon with c >= 1
  std::int64_t chat_ms = 0;              ///< integral of c
  std::int64_t slot_capacity_ms = 0;     ///< integral of m over Online time with known m
  std::int64_t slot_used_ms = 0;         ///< integral of min(c, m) over the same time
  std::int64_t capacity_unknown_ms = 0;  ///< Online time with unknown m
  std::int64_t sessions = 0, imputed_ends = 0;

  /// Adds the part `[from, to)` of piece `p` (from < to, inside the piece).
  void add(const TimelinePiece& p, TimeMs from, TimeMs to) {
    const std::int64_t d = to - from;
    const bool engaged = p.concurrency >= 1;
    logged_in_ms += d;
    switch (p.state) {
      case kStateOnline:
        online_ms += d;
        break;
      case kStateBackSoon:
        back_soon_ms += d;
        break;
      case kStateAway:
        away_ms += d;
        break;
      default:
        unknown_ms += d;
        break;  // Offline while logged in, or no state yet
    }
    if (engaged) engaged_ms += d;
    if (engaged && p.state == kStateOnline) online_engaged_ms += d;
    if (p.state == kStateOnline ||
        (engaged && (p.state == kStateAway || p.state == kStateBackSoon)))
      labor_ms += d;
    chat_ms += d * p.concurrency;
    if (p.state == kStateOnline) {
      if (p.capacity > 0) {
        slot_capacity_ms += d * p.capacity;
        slot_used_ms += d * std::min(p.concurrency, p.capacity);
      } else {
        capacity_unknown_ms += d;
      }
    }
  }

  /// Adds every sum of `o`.
  void merge(const UtilizationSums& o) {
    logged_in_ms += o.logged_in_ms;
    online_ms += o.online_ms;
    back_soon_ms += o.back_soon_ms;
    away_ms += o.away_ms;
    unknown_ms += o.unknown_ms;
    engaged_ms += o.engaged_ms;
    online_engaged_ms += o.online_engaged_ms;
    labor_ms += o.labor_ms;
    chat_ms += o.chat_ms;
    slot_capacity_ms += o.slot_capacity_ms;
    slot_used_ms += o.slot_used_ms;
    capacity_unknown_ms += o.capacity_unknown_ms;
    sessions += o.sessions;
    imputed_ends += o.imputed_ends;
  }

  friend bool operator==(const UtilizationSums&, const UtilizationSums&) = default;
  LEDA_FIELDS(logged_in_ms, online_ms, back_soon_ms, away_ms, unknown_ms, engaged_ms,
              online_engaged_ms, labor_ms, chat_ms, slot_capacity_ms, slot_used_ms,
              capacity_unknown_ms, sessions, imputed_ends)
};

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

/// Tie order at equal timestamps: logout (0), other events (1), login (2).
inline int tie_rank(const AgentEvent& e) {
  return e.type == kEventLogout ? 0 : e.type == kEventLogin ? 2 : 1;
}

struct StreamEvent {
  TimeMs ts;
  int rank;
  std::uint32_t session;  ///< index into AgentTimeline::sessions
  std::uint32_t order;    ///< position within the session's sorted events
  const AgentEvent* event;
  std::int32_t capacity;  ///< the session's capacity at this event (0 unknown)
};

}  // namespace detail

inline AgentTimeline AgentTimeline::build(std::span<const std::span<const AgentEvent>> input) {
  AgentTimeline tl;
  std::vector<detail::StreamEvent> stream;
  std::vector<const AgentEvent*> evs;
  for (std::uint32_t si = 0; si < input.size(); ++si) {
    evs.clear();
    for (const AgentEvent& e : input[si]) {
      if (has(e.timestamp))
        evs.push_back(&e);
      else
        ++tl.events_without_time;
    }
    if (evs.empty()) {
      ++tl.sessions_without_time;
      continue;
    }
    const auto by_time = [](const AgentEvent* a, const AgentEvent* b) {
      if (a->timestamp != b->timestamp) return a->timestamp < b->timestamp;
      return detail::tie_rank(*a) < detail::tie_rank(*b);
    };
    // Events mostly arrive in time order; a stable sort of sorted events changes nothing.
    if (!std::is_sorted(evs.begin(), evs.end(), by_time))
      std::stable_sort(evs.begin(), evs.end(), by_time);
    TimelineSession s;
    s.input = si;
    s.group_id = evs.front()->agent_group_id;
    s.start = evs.front()->timestamp;
    for (const AgentEvent* e : evs)
      if (e->type == kEventLogin) {
        s.start = e->timestamp;
        break;
      }
    s.imputed_end = true;
    s.end = evs.back()->timestamp;
    for (auto it = evs.rbegin(); it != evs.rend(); ++it)
      if ((*it)->type == kEventLogout) {
        s.end = (*it)->timestamp;
        s.imputed_end = false;
        break;
      }
    s.end = std::max(s.end, s.start);
    // Capacity: the last maxConcurrentEng > 0 so far in the session; before the first one,
    // the first one that follows.
    std::int32_t first_cap = 0;
    for (const AgentEvent* e : evs)
      if (has(e->max_concurrent_eng) && e->max_concurrent_eng > 0) {
        first_cap = e->max_concurrent_eng;
        break;
      }
    const auto session_index = static_cast<std::uint32_t>(tl.sessions.size());
    std::int32_t cap = first_cap;
    for (std::uint32_t k = 0; k < evs.size(); ++k) {
      const AgentEvent* e = evs[k];
      if (has(e->max_concurrent_eng) && e->max_concurrent_eng > 0) cap = e->max_concurrent_eng;
      stream.push_back({e->timestamp, detail::tie_rank(*e), session_index, k, e, cap});
    }
    tl.sessions.push_back(s);
  }
  // One stream: time, tie rank, then session (by start) and position, for a fixed order.
  std::vector<std::uint32_t> session_rank(tl.sessions.size());
  {
    std::vector<std::uint32_t> order(tl.sessions.size());
    for (std::uint32_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return tl.sessions[a].start < tl.sessions[b].start;
    });
    for (std::uint32_t r = 0; r < order.size(); ++r)
      session_rank[order[r]] = r;
  }
  const auto in_stream_order = [&](const detail::StreamEvent& a, const detail::StreamEvent& b) {
    if (a.ts != b.ts) return a.ts < b.ts;
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.session != b.session) return session_rank[a.session] < session_rank[b.session];
    return a.order < b.order;
  };
  // A total order (session and position are unique), so sorted is sorted: sessions that follow
  // one another are already in order.
  if (!std::is_sorted(stream.begin(), stream.end(), in_stream_order))
    std::sort(stream.begin(), stream.end(), in_stream_order);
  // Logged-in time: the union of session intervals, as sorted disjoint [a, b).
  std::vector<std::pair<TimeMs, TimeMs>> logged;
  for (const TimelineSession& s : tl.sessions)
    if (s.end > s.start) logged.emplace_back(s.start, s.end);
  std::sort(logged.begin(), logged.end());
  std::vector<std::pair<TimeMs, TimeMs>> merged;
  for (const auto& iv : logged) {
    if (!merged.empty() && iv.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, iv.second);
    else
      merged.push_back(iv);
  }
  // Walk the stream; each event sets the attributes of the piece up to the next event.
  std::int32_t state = kStateUnknown, c = 0;
  std::size_t seg = 0;
  for (std::size_t i = 0; i < stream.size(); ++i) {
    const detail::StreamEvent& se = stream[i];
    const AgentEvent& e = *se.event;
    if (has(e.state) && e.state >= kStateOffline && e.state <= kStateAway) state = e.state;
    if (has(e.concurrent_eng)) c = std::max<std::int32_t>(0, e.concurrent_eng);
    if (i + 1 == stream.size()) break;
    const TimeMs a = se.ts;
    const TimeMs b = stream[i + 1].ts;
    if (b <= a) continue;
    // Clip [a, b) to each union segment it overlaps (segment ends are event times, so
    // normally the piece lies wholly inside one segment or outside all).
    while (seg < merged.size() && merged[seg].second <= a)
      ++seg;
    for (std::size_t k = seg; k < merged.size() && merged[k].first < b; ++k) {
      const TimeMs from = std::max(a, merged[k].first), to = std::min(b, merged[k].second);
      if (to > from) tl.pieces.push_back({from, to, e.agent_group_id, state, c, se.capacity});
    }
  }
  return tl;
}

}  // namespace leda
