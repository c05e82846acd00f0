// model/event_union.hpp — the events of an agent session delivered in several copies.
//
// The same `agentSessionId` may arrive more than once: split over several `recordCollection`
// items of one record, or in records of several files (a late re-delivery with more events).
// Its events are then the union of the copies' events (docs/kpis.md, "General rules"):
//
//   - Two events are the same event when they have the same timestamp, type, state,
//     concurrentEng and maxConcurrentEng (the event key). An event in several copies counts once;
//     an event a copy holds twice is kept twice (the union of multisets: each key as often as the
//     copy holding it most often).
//   - Copies of the same event that differ in another field (agentGroupID, prevState,
//     prevConcurrentEng) keep the variant with present values first, then the smaller values,
//     compared in that order.
//   - The union is in canonical order: timestamp, then the timeline's tie rank (logout, other
//     events, login), then type, state, concurrentEng, maxConcurrentEng, then the variant
//     order above. Every field takes part, so the result does not depend on the copies' order.
//
//   std::vector<AgentEvent> a = ..., b = ...;          // two copies
//   sort_canonical(a), sort_canonical(b);
//   std::vector<AgentEvent> u;
//   unite_events(a, b, u);                              // a ∪ b, in canonical order
//   std::uint64_t d = finish_digest(sum_key_hashes(a), a.size());  // same multiset, same digest
//
// Thread-safety: pure functions.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <tuple>
#include <vector>

#include "leda/model.hpp"
#include "model/flat_map.hpp"

namespace leda::model {

/// The timeline's order of events at one timestamp: logout (0), other events (1), login (2).
inline int tie_rank(const AgentEvent& e) {
  return e.type == 4 ? 0 : e.type == 3 ? 2 : 1;
}

/// The event key (timestamp, type, state, concurrentEng, maxConcurrentEng) in canonical order.
inline auto event_key(const AgentEvent& e) {
  return std::make_tuple(e.timestamp, tie_rank(e), e.type, e.state, e.concurrent_eng,
                         e.max_concurrent_eng);
}

/// The fields outside the key, ordered so that present values come first, then smaller ones.
inline auto event_variant(const AgentEvent& e) {
  return std::make_tuple(e.agent_group_id == kNoLong, e.agent_group_id, e.prev_state == kNoInt,
                         e.prev_state, e.prev_concurrent_eng == kNoInt, e.prev_concurrent_eng);
}

/// True when `a` and `b` are the same event (equal keys).
inline bool same_event(const AgentEvent& a, const AgentEvent& b) {
  return event_key(a) == event_key(b);
}

/// The canonical order: the key, then the variant. A total order on every field.
inline bool canonical_less(const AgentEvent& a, const AgentEvent& b) {
  const auto ka = event_key(a), kb = event_key(b);
  if (ka != kb) return ka < kb;
  return event_variant(a) < event_variant(b);
}

/// True when the two events are equal in every field.
inline bool identical(const AgentEvent& a, const AgentEvent& b) {
  return a.timestamp == b.timestamp && a.type == b.type && a.state == b.state &&
         a.concurrent_eng == b.concurrent_eng && a.max_concurrent_eng == b.max_concurrent_eng &&
         a.agent_group_id == b.agent_group_id && a.prev_state == b.prev_state &&
         a.prev_concurrent_eng == b.prev_concurrent_eng;
}

/// True when the two lists hold identical events in the same order.
inline bool identical(std::span<const AgentEvent> a, std::span<const AgentEvent> b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const AgentEvent& x, const AgentEvent& y) { return identical(x, y); });
}

/// Sorts `events` in canonical order.
inline void sort_canonical(std::vector<AgentEvent>& events) {
  std::sort(events.begin(), events.end(), canonical_less);
}

/// Writes the union of `a` and `b` (both in canonical order) to `out`, in canonical order.
inline void unite_events(std::span<const AgentEvent> a, std::span<const AgentEvent> b,
                         std::vector<AgentEvent>& out) {
  out.clear();
  out.reserve(std::max(a.size(), b.size()));
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const auto ka = event_key(a[i]), kb = event_key(b[j]);
    if (ka < kb) {
      out.push_back(a[i++]);
    } else if (kb < ka) {
      out.push_back(b[j++]);
    } else {  // the same event in both: once, its preferred variant
      out.push_back(canonical_less(b[j], a[i]) ? b[j] : a[i]);
      ++i, ++j;
    }
  }
  out.insert(out.end(), a.begin() + i, a.end());
  out.insert(out.end(), b.begin() + j, b.end());
}

/// A hash of one event's key; summed over a copy's events it hashes the copy's multiset of keys.
inline std::uint64_t event_key_hash(const AgentEvent& e) {
  auto u32 = [](std::int32_t v) { return std::uint64_t{static_cast<std::uint32_t>(v)}; };
  std::uint64_t h = mix64(static_cast<std::uint64_t>(e.timestamp) ^ 0x9E3779B97F4A7C15ull);
  h = mix64(h ^ (u32(e.type) | u32(e.state) << 32));
  return mix64(h ^ (u32(e.concurrent_eng) | u32(e.max_concurrent_eng) << 32));
}

/// The digest of a copy from the sum of its events' key hashes and their number: two copies
/// with the same events (by key, in any order) have the same digest.
inline std::uint64_t finish_digest(std::uint64_t key_hash_sum, std::size_t events) {
  return mix64(key_hash_sum ^ mix64(events + 1));
}

}  // namespace leda::model
