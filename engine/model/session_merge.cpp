// ModelBuilder for agent sessions: one session per `agentSessionId`, whatever the number of
// copies it arrives in (items of one record, records of several files).
//
// The first copy is stored as it comes. Each later copy
// - counts as a duplicate when its digest (model/event_union.hpp) equals that of a copy already
//   seen, else as a merged part;
// - leaves the events alone when they are identical to the session's, else replaces them by the
//   union in canonical order (in place when they are last in Model::agent_events, else appended,
//   leaving a hole that finish() compacts away);
// - is remembered with its fields, which finish() settles for the whole session (a copy like
//   the first in events and fields, the common re-delivery, needs no remembering).
// So a session delivered once, or several times identically, keeps its events as its record
// lists them (ties in time included); any other set of copies gives the canonical union, which
// depends only on the copies, not on the order the files are read in.
#include <algorithm>
#include <tuple>

#include "model/event_union.hpp"
#include "model/model_builder.hpp"

namespace leda::model {

void ModelBuilder::add_agent_sessions(const Fragment& f, std::vector<std::uint8_t>& seen) {
  Model& m = model_;
  for (std::uint32_t i = 0; i < f.agent_sessions.size(); ++i) {
    const AgentSession& src = f.agent_sessions[i];
    const auto next = static_cast<std::uint32_t>(m.agent_sessions.size());
    const auto [index, fresh] = session_by_key_.try_emplace(map(f, src.session_id).id, next);
    if (!fresh) {
      const std::uint32_t session = index;  // before the map may grow
      note(seen, f.agent_session_records[i], add_session_copy(session, f, i));
      continue;
    }
    note(seen, f.agent_session_records[i], true);
    AgentSession s = mapped(f, src);
    s.events = {static_cast<std::uint32_t>(m.agent_events.size()), src.events.count};
    m.agent_events.insert(m.agent_events.end(), f.agent_events.begin() + src.events.first,
                          f.agent_events.begin() + src.events.first + src.events.count);
    m.agent_sessions.push_back(s);
    first_event_.push_back(f.agent_session_first_event[i]);
    first_digest_.push_back(f.agent_session_digest[i]);
  }
}

namespace {

// True when the fragment's session `a` has the fields of the model's session `b` (compared as
// text: the copy's strings need not be interned to tell).
bool same_fields(const Fragment& f, const AgentSession& a, const Model& m, const AgentSession& b) {
  auto same = [&](Str x, Str y) {
    return x.present() == y.present() && f.strings.view(x) == m.str(y);
  };
  return a.agent_id == b.agent_id && a.agent_group_id == b.agent_group_id &&
         a.record_start == b.record_start && a.record_end == b.record_end &&
         same(a.employee_id, b.employee_id) && same(a.user_name, b.user_name) &&
         same(a.nick_name, b.nick_name) && same(a.login_name, b.login_name);
}

}  // namespace

bool ModelBuilder::add_session_copy(std::uint32_t session, const Fragment& f, std::uint32_t i) {
  Model& m = model_;
  const AgentSession& src = f.agent_sessions[i];
  unite_session_events(m.agent_sessions[session],
                       {f.agent_events.data() + src.events.first, src.events.count});
  const TimeMs first_event = f.agent_session_first_event[i];
  const std::uint64_t digest = f.agent_session_digest[i];
  const std::uint32_t* known = repeated_by_session_.find(session);
  if (known == nullptr) {
    // A copy like the first (the common re-delivery of a whole record) settles nothing.
    if (digest == first_digest_[session] && first_event == first_event_[session] &&
        same_fields(f, src, m, m.agent_sessions[session]))
      return false;
    repeated_by_session_.try_emplace(session, static_cast<std::uint32_t>(repeated_.size()));
    RepeatedSession r;
    r.session = session;
    r.copies.push_back({m.agent_sessions[session], first_event_[session], first_digest_[session]});
    repeated_.push_back(std::move(r));
  }
  RepeatedSession& r = known != nullptr ? repeated_[*known] : repeated_.back();
  const bool part = std::none_of(r.copies.begin(), r.copies.end(),
                                 [&](const SessionCopy& c) { return c.digest == digest; });
  r.copies.push_back({mapped(f, src), first_event, digest});
  if (part) ++merged_parts_;
  return part;
}

void ModelBuilder::unite_session_events(AgentSession& s, std::span<const AgentEvent> copy) {
  std::vector<AgentEvent>& events = model_.agent_events;
  const std::span<const AgentEvent> current(events.data() + s.events.first, s.events.count);
  if (identical(current, copy)) return;  // the common re-delivery of a whole session
  union_a_.assign(current.begin(), current.end());
  union_b_.assign(copy.begin(), copy.end());
  sort_canonical(union_a_);
  sort_canonical(union_b_);
  unite_events(union_a_, union_b_, union_out_);
  if (identical(current, union_out_)) return;
  if (s.events.first + s.events.count == events.size()) {
    events.resize(s.events.first);  // last in the vector: rewritten in place
  } else {
    event_holes_ += s.events.count;
    s.events.first = static_cast<std::uint32_t>(events.size());
  }
  events.insert(events.end(), union_out_.begin(), union_out_.end());
  s.events.count = static_cast<std::uint32_t>(union_out_.size());
}

namespace {

// Sort keys that put absent values last.
auto later_if_absent(std::int64_t v) {
  return std::make_pair(v == kNoLong, v);
}
auto later_if_absent(Str s, const StringPool& pool) {
  return std::make_pair(!s.present(), pool.view(s));
}

void take_first(std::int64_t& dst, std::int64_t v) {
  if (dst == kNoLong) dst = v;
}
void take_first(Str& dst, Str v) {
  if (!dst.present()) dst = v;
}

}  // namespace

// The fields of a session delivered in several copies: the earliest record start and first
// event, the latest record end; the agent id, group and names of the copy that starts first
// (by first event, then record start), a field it lacks from the next copy in that order, and
// copies that start together in the order of those values (absent last).
void ModelBuilder::settle_session_copies() {
  Model& m = model_;
  const StringPool& pool = m.strings;
  auto order = [&](const SessionCopy& c) {
    const AgentSession& s = c.fields;
    return std::make_tuple(later_if_absent(c.first_event), later_if_absent(s.record_start),
                           later_if_absent(s.agent_id), later_if_absent(s.agent_group_id),
                           later_if_absent(s.employee_id, pool), later_if_absent(s.user_name, pool),
                           later_if_absent(s.nick_name, pool), later_if_absent(s.login_name, pool),
                           later_if_absent(s.record_end));
  };
  for (RepeatedSession& r : repeated_) {
    std::sort(r.copies.begin(), r.copies.end(),
              [&](const SessionCopy& a, const SessionCopy& b) { return order(a) < order(b); });
    AgentSession& s = m.agent_sessions[r.session];
    const Range events = s.events;
    const Str id = s.session_id;
    s = AgentSession{};
    s.session_id = id;
    s.events = events;
    TimeMs first_event = kNoLong;
    for (const SessionCopy& c : r.copies) {
      const AgentSession& x = c.fields;
      take_first(s.agent_id, x.agent_id);
      take_first(s.agent_group_id, x.agent_group_id);
      take_first(s.employee_id, x.employee_id);
      take_first(s.user_name, x.user_name);
      take_first(s.nick_name, x.nick_name);
      take_first(s.login_name, x.login_name);
      take_first(first_event, c.first_event);  // the copies are in first-event order
      if (has(x.record_start) && (!has(s.record_start) || x.record_start < s.record_start))
        s.record_start = x.record_start;
      if (has(x.record_end) && (!has(s.record_end) || x.record_end > s.record_end))
        s.record_end = x.record_end;
    }
    first_event_[r.session] = first_event;
  }
}

void ModelBuilder::compact_agent_events() {
  if (event_holes_ == 0) return;
  Model& m = model_;
  std::vector<AgentEvent> out;
  out.reserve(m.agent_events.size() - event_holes_);
  for (AgentSession& s : m.agent_sessions) {
    const auto first = static_cast<std::uint32_t>(out.size());
    out.insert(out.end(), m.agent_events.begin() + s.events.first,
               m.agent_events.begin() + s.events.first + s.events.count);
    s.events.first = first;
  }
  m.agent_events = std::move(out);
}

}  // namespace leda::model
