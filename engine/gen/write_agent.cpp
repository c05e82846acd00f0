// AgentActivity records: one per agent login session, with every event of the session.
#include "gen/records.hpp"

namespace leda::gen {

void write_agent_session(const World& w, std::uint32_t index, bool wrapped, std::string& out) {
  const SessionPlan& s = w.sessions[index];
  const AgentPlan& a = w.agents[s.agent];
  const auto events = w.events_of(s);
  AvroJson j(out);
  begin_envelope(j, w, "AgentActivity", events.front().t, s.close, wrapped);
  j.begin_object();
  j.key("body").begin_named("AgentActivityData");
  j.key("header").begin_named("AgentHeader");
  j.key("agentSessionId").string_value(session_id(w, index));
  j.end_named();
  j.key("agentSessionsData").begin_union_array();
  for (const EventPlan& e : events) {
    j.begin_object();
    j.key("agentID").long_value(a.id);
    j.key("type").long_value(e.type);
    j.key("state").long_value(e.state);
    j.key("timestamp").long_value(e.t);
    j.key("prevState").long_value(e.prev_state);
    j.key("agentEmployeeId").string_value(a.employee_id);
    j.key("agentUsername").string_value(a.user_name);
    j.key("agentNickname").string_value(a.nick_name);
    j.key("agentLoginname").string_value(a.login_name);
    j.key("prevConcurrentEng").long_value(e.prev_concurrent);
    j.key("concurrentEng").long_value(e.concurrent);
    j.key("maxConcurrentEng").long_value(e.max_concurrent);
    j.key("agentGroupID").long_value(a.group_id);
    j.end_object();
  }
  j.end_union_array();
  j.end_named();
  j.end_object();
  end_envelope(j, out, wrapped);
}

}  // namespace leda::gen
