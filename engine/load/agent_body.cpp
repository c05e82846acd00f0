// Agent activity bodies (spec §3.1): one agent login session and its events.
#include <algorithm>

#include "load/avro_reader.hpp"
#include "load/body_readers.hpp"
#include "model/event_union.hpp"

namespace leda::load {
namespace {

void read_event(ParseState& s) {
  EventRow row;
  AgentEvent& e = row.event;
  read_record(s, "agentSessionsData item", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("agentID", row.agent_id = read_long(s, key));
      LEDA_FIELD("type", e.type = read_int(s, key));
      LEDA_FIELD("state", e.state = read_int(s, key));
      LEDA_FIELD("timestamp", e.timestamp = read_time(s, key));
      LEDA_FIELD("prevState", e.prev_state = read_int(s, key));
      LEDA_FIELD("agentEmployeeId", row.employee_id = read_str(s, key));
      LEDA_FIELD2("agentUsername", "agentUserName", row.user_name = read_str(s, key));
      LEDA_FIELD2("agentNickname", "agentNickName", row.nick_name = read_str(s, key));
      LEDA_FIELD2("agentLoginname", "agentLoginName", row.login_name = read_str(s, key));
      LEDA_FIELD("prevConcurrentEng", e.prev_concurrent_eng = read_int(s, key));
      LEDA_FIELD("concurrentEng", e.concurrent_eng = read_int(s, key));
      LEDA_FIELD("maxConcurrentEng", e.max_concurrent_eng = read_int(s, key));
      LEDA_FIELD("agentGroupID", e.agent_group_id = read_long(s, key));
      default:
        unknown_field(s, key);
    }
  });
  s.events.push_back(row);
}

// `AgentHeader`: the agentSessionId.
Str read_agent_header(ParseState& s, std::string_view what) {
  Str id;
  read_record(s, what, [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("agentSessionId", id = read_str(s, key));
      default:
        unknown_field(s, key);
    }
  });
  return id;
}

}  // namespace

void read_agent_body(ParseState& s) {
  Str session_id;
  s.events.clear();
  read_record(s, "AgentActivityData", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("header", session_id = read_agent_header(s, key));
      LEDA_FIELD("agentSessionsData", read_array(s, key, [&] { read_event(s); }));
      default:
        unknown_field(s, key);
    }
  });
  model::Fragment& f = s.frag;
  if (!session_id.present() || f.strings.view(session_id).empty()) {
    s.reject("agent activity body without an agentSessionId");
    return;
  }

  std::stable_sort(s.events.begin(), s.events.end(), [](const EventRow& a, const EventRow& b) {
    return a.event.timestamp < b.event.timestamp;
  });
  AgentSession session;
  session.session_id = session_id;
  session.record_start = s.record_start;
  session.record_end = s.record_end;
  // Ids and names: those of the first event (in time order) that carries them. The digest of
  // the events tells copies of a session apart, even when the events are not loaded.
  std::uint64_t key_hashes = 0;
  for (const EventRow& r : s.events) {
    key_hashes += model::event_key_hash(r.event);
    if (session.agent_id == kNoLong) session.agent_id = r.agent_id;
    if (session.agent_group_id == kNoLong) session.agent_group_id = r.event.agent_group_id;
    if (!session.employee_id.present()) session.employee_id = r.employee_id;
    if (!session.user_name.present()) session.user_name = r.user_name;
    if (!session.nick_name.present()) session.nick_name = r.nick_name;
    if (!session.login_name.present()) session.login_name = r.login_name;
  }
  session.events.first = static_cast<std::uint32_t>(f.agent_events.size());
  if (s.need(kNeedEvents)) {
    for (const EventRow& r : s.events)
      f.agent_events.push_back(r.event);
    session.events.count = static_cast<std::uint32_t>(s.events.size());
  }
  f.agent_sessions.push_back(session);
  f.agent_session_records.push_back(s.record);
  f.agent_session_first_event.push_back(s.events.empty() ? kNoLong : s.events[0].event.timestamp);
  f.agent_session_digest.push_back(model::finish_digest(key_hashes, s.events.size()));
}

}  // namespace leda::load
