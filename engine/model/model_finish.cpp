// ModelBuilder::finish: compaction, ordering, agents, cross-links and lookup maps.
#include <algorithm>

#include "model/model_builder.hpp"
#include "util/thread_pool.hpp"

namespace leda::model {
namespace {

// Rebuilds `v` in visit order without the holes left by moved children.
template <class T>
void compact(std::vector<T>& v, std::vector<Visit>& visits, Range Visit::*range) {
  std::vector<T> out;
  out.reserve(v.size());
  for (Visit& visit : visits) {
    Range& r = visit.*range;
    const auto first = static_cast<std::uint32_t>(out.size());
    out.insert(out.end(), v.begin() + r.first, v.begin() + r.first + r.count);
    r.first = first;
  }
  v = std::move(out);
}

// Stable sort of v[r] by timestamp.
template <class T>
void sort_by_time(std::vector<T>& v, Range r) {
  std::stable_sort(v.begin() + r.first, v.begin() + r.first + r.count,
                   [](const T& a, const T& b) { return a.timestamp < b.timestamp; });
}

}  // namespace

Model ModelBuilder::finish(unsigned threads) {
  interner_.clear();
  remap_ = {};
  session_by_key_.clear();
  survey_keys_.clear();
  body_keys_.clear();
  visit_bodies_ = {};
  shared_engagements_.clear();
  settle_session_copies();
  repeated_by_session_.clear();
  repeated_ = {};
  union_a_ = union_b_ = union_out_ = {};
  compact_agent_events();
  compact_visit_children();
  sort_visit_children();
  build_agents();
  link();
  build_maps(threads);
  trim();
  visit_by_key_.clear();
  conversation_by_key_.clear();
  first_event_ = {};
  first_digest_ = {};
  model_.strings.freeze();
  return std::move(model_);
}

void ModelBuilder::compact_visit_children() {
  Model& m = model_;
  if (page_holes_ > 0) compact(m.page_views, m.visits, &Visit::pages);
  if (attribute_holes_ > 0) compact(m.attributes, m.visits, &Visit::attributes);
  if (goal_holes_ > 0) compact(m.goals, m.visits, &Visit::goals);
  if (eligibility_holes_ > 0) compact(m.eligibility, m.visits, &Visit::eligibility);
  if (impression_holes_ > 0) compact(m.impressions, m.visits, &Visit::impressions);
}

void ModelBuilder::sort_visit_children() {
  Model& m = model_;
  for (const Visit& v : m.visits) {
    sort_by_time(m.page_views, v.pages);
    sort_by_time(m.attributes, v.attributes);
  }
}

void ModelBuilder::build_agents() {
  Model& m = model_;
  // Agents by id; each lists its sessions by first event time (then by merge order).
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < m.agent_sessions.size(); ++i)
    if (m.agent_sessions[i].agent_id != kNoLong) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const auto& sa = m.agent_sessions[a];
    const auto& sb = m.agent_sessions[b];
    if (sa.agent_id != sb.agent_id) return sa.agent_id < sb.agent_id;
    if (first_event_[a] != first_event_[b]) return first_event_[a] < first_event_[b];
    return a < b;
  });
  m.agent_session_refs = order;
  for (std::uint32_t i = 0; i < order.size();) {
    Agent a;
    a.agent_id = m.agent_sessions[order[i]].agent_id;
    a.sessions.first = i;
    const auto index = static_cast<std::uint32_t>(m.agents.size());
    for (; i < order.size() && m.agent_sessions[order[i]].agent_id == a.agent_id; ++i) {
      AgentSession& s = m.agent_sessions[order[i]];
      s.agent = index;
      // Names from the latest session that has them.
      if (s.employee_id.present()) a.employee_id = s.employee_id;
      if (s.user_name.present()) a.user_name = s.user_name;
      if (s.nick_name.present()) a.nick_name = s.nick_name;
      if (s.login_name.present()) a.login_name = s.login_name;
    }
    a.sessions.count = i - a.sessions.first;
    m.agents.push_back(a);
  }
}

void ModelBuilder::link() {
  Model& m = model_;
  // Conversation -> visit (header visitId), then visit -> conversations in conversation order.
  std::vector<std::uint32_t> per_visit(m.visits.size(), 0);
  for (Conversation& c : m.conversations) {
    if (!c.visit_id.present() || m.str(c.visit_id).empty()) continue;
    if (const std::uint32_t* v = visit_by_key_.find(c.visit_id.id)) {
      c.visit = *v;
      ++per_visit[*v];
    }
  }
  // Survey -> conversation (conversationId), then conversation -> surveys.
  std::vector<std::uint32_t> per_conversation(m.conversations.size(), 0);
  for (Survey& s : m.surveys) {
    if (!s.conversation_id.present()) continue;
    if (const std::uint32_t* c = conversation_by_key_.find(s.conversation_id.id)) {
      s.conversation = *c;
      ++per_conversation[*c];
    }
  }
  std::uint32_t next = 0;
  for (std::uint32_t v = 0; v < m.visits.size(); ++v) {
    m.visits[v].conversations = {next, 0};
    next += per_visit[v];
  }
  for (std::uint32_t c = 0; c < m.conversations.size(); ++c) {
    m.conversations[c].surveys = {next, 0};
    next += per_conversation[c];
  }
  m.index_refs.assign(next, 0);
  for (std::uint32_t c = 0; c < m.conversations.size(); ++c) {
    const std::uint32_t v = m.conversations[c].visit;
    if (v == kNoIndex) continue;
    Range& r = m.visits[v].conversations;
    m.index_refs[r.first + r.count++] = c;
  }
  for (std::uint32_t s = 0; s < m.surveys.size(); ++s) {
    const std::uint32_t c = m.surveys[s].conversation;
    if (c == kNoIndex) continue;
    Range& r = m.conversations[c].surveys;
    m.index_refs[r.first + r.count++] = s;
  }
}

void ModelBuilder::build_maps(unsigned threads) {
  Model& m = model_;
  util::parallel_for(4, threads, [&](std::size_t part) {
    switch (part) {
      case 0:
        m.visit_by_id.reserve(m.visits.size());
        for (std::uint32_t i = 0; i < m.visits.size(); ++i)
          m.visit_by_id.emplace(m.str(m.visits[i].visit_id), i);
        break;
      case 1:
        m.conversation_by_id.reserve(m.conversations.size());
        for (std::uint32_t i = 0; i < m.conversations.size(); ++i)
          m.conversation_by_id.emplace(m.str(m.conversations[i].conversation_id), i);
        break;
      case 2:
        m.agent_session_by_id.reserve(m.agent_sessions.size());
        for (std::uint32_t i = 0; i < m.agent_sessions.size(); ++i)
          m.agent_session_by_id.emplace(m.str(m.agent_sessions[i].session_id), i);
        break;
      default:
        m.agent_by_id.reserve(m.agents.size());
        for (std::uint32_t i = 0; i < m.agents.size(); ++i)
          m.agent_by_id.emplace(m.agents[i].agent_id, i);
        break;
    }
  });
}

void ModelBuilder::trim() {
  // Give back room well beyond the projection's margin (one vector at a time, so the copy
  // costs at most one vector's size at once).
  model_vectors(model_, [](std::string_view, auto& v) {
    if (v.capacity() - v.size() > v.size() / 8 + 64) v.shrink_to_fit();
  });
}

}  // namespace leda::model
