// testkit/model_builder.cpp — see leda/testkit/model_builder.hpp.
#include "leda/testkit/model_builder.hpp"

#include <algorithm>
#include <chrono>
#include <sstream>
#include <stdexcept>

#include <date/date.h>

namespace leda::testkit {

TimeMs at(const std::string& s) {
  // YYYY-MM-DDTHH:MM:SS[.mmm]
  std::istringstream in(s);
  date::sys_time<std::chrono::milliseconds> t;
  in >> date::parse("%Y-%m-%dT%H:%M:%S", t);
  if (in.fail() || (s.size() != 19 && s.size() != 23))
    throw std::invalid_argument("not a time YYYY-MM-DDTHH:MM:SS[.mmm]: '" + s + "'");
  return t.time_since_epoch().count();
}

leda::AgentEvent event(TimeMs t, std::int32_t type, std::int32_t state, std::int32_t c,
                       std::int32_t m, std::int64_t group) {
  leda::AgentEvent e;
  e.timestamp = t;
  e.type = type;
  e.state = state;
  e.concurrent_eng = c;
  e.max_concurrent_eng = m;
  e.agent_group_id = group;
  return e;
}

leda::AgentEvent login(TimeMs t, std::int32_t state, std::int64_t group) {
  return event(t, 3, state, 0, -9, group);
}

leda::AgentEvent logout(TimeMs t, std::int32_t state, std::int64_t group) {
  return event(t, 4, state, 0, -9, group);
}

leda::Model ModelBuilder::build() const {
  leda::Model m;
  auto intern = [&](const std::string& s) { return m.strings.intern(s); };

  for (const AgentSpec& a : agents_) {
    leda::Agent agent;
    agent.agent_id = a.id;
    agent.login_name = intern(a.login);
    agent.employee_id = intern(a.employee);
    agent.sessions.first = static_cast<std::uint32_t>(m.agent_session_refs.size());
    const auto agent_index = static_cast<std::uint32_t>(m.agents.size());
    for (const SessionSpec& s : a.sessions) {
      leda::AgentSession session;
      session.session_id = intern(s.id);
      session.agent_id = a.id;
      session.login_name = agent.login_name;
      session.employee_id = agent.employee_id;
      session.agent = agent_index;
      std::vector<leda::AgentEvent> events = s.events;
      std::stable_sort(events.begin(), events.end(),
                       [](const auto& x, const auto& y) { return x.timestamp < y.timestamp; });
      if (!events.empty()) session.agent_group_id = events.front().agent_group_id;
      session.events.first = static_cast<std::uint32_t>(m.agent_events.size());
      session.events.count = static_cast<std::uint32_t>(events.size());
      m.agent_events.insert(m.agent_events.end(), events.begin(), events.end());
      m.agent_session_refs.push_back(static_cast<std::uint32_t>(m.agent_sessions.size()));
      m.agent_sessions.push_back(session);
    }
    agent.sessions.count = static_cast<std::uint32_t>(a.sessions.size());
    m.agents.push_back(agent);
  }

  for (const VisitSpec& v : visits_) {
    leda::Visit visit;
    visit.visit_id = intern(v.id);
    visit.first_time = v.first_time;
    std::vector<AttributeSpec> attrs = v.attributes;
    std::stable_sort(attrs.begin(), attrs.end(),
                     [](const auto& x, const auto& y) { return x.ts < y.ts; });
    visit.attributes.first = static_cast<std::uint32_t>(m.attributes.size());
    visit.attributes.count = static_cast<std::uint32_t>(attrs.size());
    for (const AttributeSpec& a : attrs) {
      leda::EngagementAttribute ea;
      ea.timestamp = a.ts;
      ea.kind = a.kind;
      if (a.kind == leda::AttributeKind::kCustomerInfo) {
        leda::CustomerInfo ci;
        ci.customer_id = intern(a.customer_id);
        ea.index = static_cast<std::uint32_t>(m.customer_infos.size());
        m.customer_infos.push_back(ci);
      } else {
        leda::Purchase p;
        p.total = a.total;
        if (a.order_id) p.order_id = intern(*a.order_id);
        ea.index = static_cast<std::uint32_t>(m.purchases.size());
        m.purchases.push_back(p);
      }
      m.attributes.push_back(ea);
    }
    m.visits.push_back(visit);
  }
  for (std::uint32_t i = 0; i < m.visits.size(); ++i)
    m.visit_by_id.emplace(m.str(m.visits[i].visit_id), i);

  for (const ConversationSpec& c : conversations_) {
    leda::Conversation conv;
    conv.conversation_id = intern(c.id);
    conv.conversation_start = c.conversation_start;
    conv.interaction_start = c.interaction_start;
    conv.conversation_end = c.conversation_end;
    conv.queue_start = c.queue_start;
    conv.queue_end = c.queue_end;
    conv.is_interactive = c.interactive;
    if (!c.agent_id.empty()) conv.agent_id = intern(c.agent_id);
    conv.skills.first = static_cast<std::uint32_t>(m.longs.size());
    conv.skills.count = static_cast<std::uint32_t>(c.skills.size());
    m.longs.insert(m.longs.end(), c.skills.begin(), c.skills.end());
    conv.transcript.first = static_cast<std::uint32_t>(m.messages.size());
    conv.transcript.count = static_cast<std::uint32_t>(c.lines.size());
    for (const LineSpec& l : c.lines) {
      leda::Message msg;
      msg.type = l.type;
      msg.agent_id = intern(l.agent_id);
      msg.timestamp = l.timestamp;
      m.messages.push_back(msg);
    }
    conv.transfers.first = static_cast<std::uint32_t>(m.transfers.size());
    conv.transfers.count = static_cast<std::uint32_t>(c.transfers);
    for (int i = 0; i < c.transfers; ++i)
      m.transfers.push_back({});
    conv.visit_id = intern(c.visit_id);
    if (auto it = m.visit_by_id.find(c.visit_id); it != m.visit_by_id.end())
      conv.visit = it->second;
    m.conversations.push_back(conv);
  }
  for (std::uint32_t i = 0; i < m.conversations.size(); ++i)
    m.conversation_by_id.emplace(m.str(m.conversations[i].conversation_id), i);
  for (std::uint32_t v = 0; v < m.visits.size(); ++v) {
    m.visits[v].conversations.first = static_cast<std::uint32_t>(m.index_refs.size());
    for (std::uint32_t i = 0; i < m.conversations.size(); ++i)
      if (m.conversations[i].visit == v) m.index_refs.push_back(i);
    m.visits[v].conversations.count =
        static_cast<std::uint32_t>(m.index_refs.size()) - m.visits[v].conversations.first;
  }

  for (const SurveySpec& s : surveys_) {
    leda::Survey survey;
    survey.survey_id = s.id;
    survey.type = s.type;
    survey.conversation_id = intern(s.conversation_id);
    if (auto it = m.conversation_by_id.find(s.conversation_id); it != m.conversation_by_id.end())
      survey.conversation = it->second;
    survey.answers.first = static_cast<std::uint32_t>(m.survey_answers.size());
    survey.answers.count = static_cast<std::uint32_t>(s.answers.size());
    for (const AnswerSpec& a : s.answers) {
      leda::SurveyAnswer ans;
      ans.question = intern(a.question);
      ans.answer = intern(a.answer);
      m.survey_answers.push_back(ans);
    }
    m.surveys.push_back(survey);
  }
  for (std::uint32_t c = 0; c < m.conversations.size(); ++c) {
    m.conversations[c].surveys.first = static_cast<std::uint32_t>(m.index_refs.size());
    for (std::uint32_t i = 0; i < m.surveys.size(); ++i)
      if (m.surveys[i].conversation == c) m.index_refs.push_back(i);
    m.conversations[c].surveys.count =
        static_cast<std::uint32_t>(m.index_refs.size()) - m.conversations[c].surveys.first;
  }

  for (std::uint32_t i = 0; i < m.agents.size(); ++i)
    m.agent_by_id.emplace(m.agents[i].agent_id, i);
  for (std::uint32_t i = 0; i < m.agent_sessions.size(); ++i)
    m.agent_session_by_id.emplace(m.str(m.agent_sessions[i].session_id), i);
  return m;
}

}  // namespace leda::testkit
