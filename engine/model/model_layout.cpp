// ModelBuilder::finish: laying merged sessions out in the Model's flat vectors, then linking.
#include <algorithm>

#include "model/model_builder.hpp"
#include "util/thread_pool.hpp"

namespace leda {
namespace {

// Appends src[r] to dst; returns the new range.
template <class T>
Range append(std::vector<T>& dst, const std::vector<T>& src, Range r) {
  Range out{static_cast<std::uint32_t>(dst.size()), r.count};
  dst.insert(dst.end(), src.begin() + r.first, src.begin() + r.first + r.count);
  return out;
}

template <class T>
std::uint32_t push(std::vector<T>& dst, const T& value) {
  dst.push_back(value);
  return static_cast<std::uint32_t>(dst.size() - 1);
}

// Frees a vector's memory.
template <class T>
void release(std::vector<T>& v) {
  std::vector<T>().swap(v);
}

// Reserves the sum of one vector's sizes over all fragments (an upper bound: duplicates are
// dropped), so the target never reallocates while it fills.
template <class T>
void reserve_sum(std::vector<T>& dst, const std::vector<std::unique_ptr<Fragment>>& frags,
                 std::vector<T> Fragment::*member) {
  std::size_t n = 0;
  for (const auto& f : frags)
    n += ((*f).*member).size();
  dst.reserve(n);
}

// Gives back reserved room that duplicates left unused.
template <class T>
void trim(std::vector<T>& v) {
  if (v.capacity() - v.size() > v.size() / 16 + 64) v.shrink_to_fit();
}

void widen(TimeMs& first, TimeMs& last, TimeMs t) {
  if (t == kNoLong) return;
  if (first == kNoLong || t < first) first = t;
  if (last == kNoLong || t > last) last = t;
}

void fill(Str& dst, Str src) {
  if (!dst.present()) dst = src;
}

// Merges the fields of one geo or session-info body into the visit's info.
void merge_info(VisitInfo& dst, const VisitInfo& src) {
  fill(dst.ipv4, src.ipv4), fill(dst.ipv6, src.ipv6), fill(dst.country, src.country);
  fill(dst.country_code, src.country_code), fill(dst.city, src.city);
  fill(dst.state, src.state), fill(dst.org, src.org), fill(dst.isp, src.isp);
  if (dst.session_start == kNoLong) dst.session_start = src.session_start;
  fill(dst.user_agent, src.user_agent), fill(dst.device_os, src.device_os);
  fill(dst.device_family, src.device_family);
  fill(dst.site_control_group, src.site_control_group);
  fill(dst.search_engine, src.search_engine);
  fill(dst.search_engine_key, src.search_engine_key);
}

// Stable sort of v[r] by timestamp.
template <class T>
void sort_by_time(std::vector<T>& v, Range r) {
  std::stable_sort(v.begin() + r.first, v.begin() + r.first + r.count,
                   [](const T& a, const T& b) { return a.timestamp < b.timestamp; });
}

}  // namespace

Model ModelBuilder::finish(unsigned threads) {
  Model& m = model_;
  interner_.clear();
  session_by_key_.clear();
  survey_keys_.clear();
  body_keys_.clear();
  parallel_for(4, threads, [&](std::size_t part) {
    switch (part) {
      case 0:
        build_visits(m);
        break;
      case 1:
        build_conversations(m);
        break;
      case 2:
        build_agents(m);
        break;
      default:
        build_surveys(m);
        break;
    }
  });
  fragments_.clear();
  link(m);
  build_maps(m, threads);
  visit_by_key_.clear();
  conversation_by_key_.clear();
  sessions_ = {}, conversations_ = {}, surveys_ = {}, visits_ = {}, pieces_ = {};
  m.strings.freeze();
  return std::move(m);
}

void ModelBuilder::build_agents(Model& m) {
  reserve_sum(m.agent_events, fragments_, &Fragment::agent_events);
  m.agent_sessions.reserve(sessions_.size());
  std::vector<TimeMs> first_event;
  first_event.reserve(sessions_.size());
  for (Ref r : sessions_) {
    const Fragment& f = *fragments_[r.fragment];
    AgentSession s = f.agent_sessions[r.index];
    s.events = append(m.agent_events, f.agent_events, s.events);
    m.agent_sessions.push_back(s);
    first_event.push_back(f.agent_session_first_event[r.index]);
  }
  for (auto& f : fragments_)
    release(f->agent_sessions), release(f->agent_events), release(f->agent_session_first_event);
  trim(m.agent_events);

  // Agents by id; each lists its sessions by first event time (then by merge order).
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < m.agent_sessions.size(); ++i)
    if (m.agent_sessions[i].agent_id != kNoLong) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const auto& sa = m.agent_sessions[a];
    const auto& sb = m.agent_sessions[b];
    if (sa.agent_id != sb.agent_id) return sa.agent_id < sb.agent_id;
    if (first_event[a] != first_event[b]) return first_event[a] < first_event[b];
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

void ModelBuilder::build_visits(Model& m) {
  reserve_sum(m.page_views, fragments_, &Fragment::page_views);
  reserve_sum(m.strs, fragments_, &Fragment::strs);
  reserve_sum(m.attributes, fragments_, &Fragment::attributes);
  reserve_sum(m.customer_infos, fragments_, &Fragment::customer_infos);
  reserve_sum(m.personal_infos, fragments_, &Fragment::personal_infos);
  reserve_sum(m.contacts, fragments_, &Fragment::contacts);
  reserve_sum(m.purchases, fragments_, &Fragment::purchases);
  reserve_sum(m.viewed_products, fragments_, &Fragment::viewed_products);
  reserve_sum(m.products, fragments_, &Fragment::products);
  reserve_sum(m.leads, fragments_, &Fragment::leads);
  reserve_sum(m.service_activities, fragments_, &Fragment::service_activities);
  reserve_sum(m.visitor_errors, fragments_, &Fragment::visitor_errors);
  reserve_sum(m.marketing_infos, fragments_, &Fragment::marketing_infos);
  reserve_sum(m.goals, fragments_, &Fragment::goals);
  reserve_sum(m.eligibility, fragments_, &Fragment::eligibility);
  reserve_sum(m.eligible_campaigns, fragments_, &Fragment::eligible_campaigns);
  std::size_t engagements = 0;
  for (const auto& f : fragments_)
    engagements += f->campaign_engagements.size();
  m.campaign_engagements.reserve(engagements);
  reserve_sum(m.impressions, fragments_, &Fragment::impressions);
  m.visits.reserve(visits_.size());

  for (const VisitSlot& slot : visits_) {
    Visit v;
    v.visit_id = slot.visit_id;
    v.pages.first = static_cast<std::uint32_t>(m.page_views.size());
    v.attributes.first = static_cast<std::uint32_t>(m.attributes.size());
    v.goals.first = static_cast<std::uint32_t>(m.goals.size());
    v.eligibility.first = static_cast<std::uint32_t>(m.eligibility.size());
    v.impressions.first = static_cast<std::uint32_t>(m.impressions.size());
    VisitInfo info;
    bool has_info = false;
    for (std::uint32_t p = slot.first; p != kNoIndex; p = pieces_[p].next) {
      const Fragment& f = *fragments_[pieces_[p].fragment];
      const VisitPiece& piece = f.visit_pieces[pieces_[p].index];
      fill(v.visitor_id, piece.visitor_id);
      fill(v.context_id, piece.context_id);
      widen(v.first_time, v.last_time, piece.first_time);
      widen(v.first_time, v.last_time, piece.last_time);
      const Range c = piece.children;
      for (std::uint32_t i = c.first; i < c.first + c.count; ++i) {
        switch (piece.body) {
          case WebBody::kNavigation: {
            PageView pv = f.page_views[i];
            pv.sections = append(m.strs, f.strs, pv.sections);
            m.page_views.push_back(pv);
            break;
          }
          case WebBody::kEngagementAttributes:
            m.attributes.push_back(copy_attribute(m, f, f.attributes[i]));
            break;
          case WebBody::kGoals:
            m.goals.push_back(f.goals[i]);
            break;
          case WebBody::kEligibility: {
            Eligibility e = f.eligibility[i];
            const Range src = e.campaigns;
            e.campaigns.first = static_cast<std::uint32_t>(m.eligible_campaigns.size());
            for (std::uint32_t j = src.first; j < src.first + src.count; ++j) {
              EligibleCampaign ec = f.eligible_campaigns[j];
              ec.engagements =
                  append(m.campaign_engagements, f.campaign_engagements, ec.engagements);
              m.eligible_campaigns.push_back(ec);
            }
            m.eligibility.push_back(e);
            break;
          }
          case WebBody::kImpressions: {
            Impression im = f.impressions[i];
            if (im.engagement != kNoIndex)
              im.engagement = push(m.campaign_engagements, f.campaign_engagements[im.engagement]);
            m.impressions.push_back(im);
            break;
          }
          case WebBody::kGeo:
          case WebBody::kSessionInfo:
            merge_info(info, f.visit_infos[i]);
            has_info = true;
            break;
        }
      }
    }
    v.pages.count = static_cast<std::uint32_t>(m.page_views.size()) - v.pages.first;
    v.attributes.count = static_cast<std::uint32_t>(m.attributes.size()) - v.attributes.first;
    v.goals.count = static_cast<std::uint32_t>(m.goals.size()) - v.goals.first;
    v.eligibility.count = static_cast<std::uint32_t>(m.eligibility.size()) - v.eligibility.first;
    v.impressions.count = static_cast<std::uint32_t>(m.impressions.size()) - v.impressions.first;
    sort_by_time(m.page_views, v.pages);
    sort_by_time(m.attributes, v.attributes);
    if (has_info) v.info = push(m.visit_infos, info);
    m.visits.push_back(v);
  }

  for (auto& f : fragments_) {
    release(f->visit_pieces), release(f->page_views), release(f->strs);
    release(f->attributes), release(f->customer_infos), release(f->personal_infos);
    release(f->contacts), release(f->purchases), release(f->viewed_products);
    release(f->products), release(f->leads), release(f->service_activities);
    release(f->visitor_errors), release(f->marketing_infos), release(f->goals);
    release(f->eligibility), release(f->eligible_campaigns), release(f->campaign_engagements);
    release(f->impressions), release(f->visit_infos);
  }
  trim(m.page_views), trim(m.strs), trim(m.attributes), trim(m.customer_infos);
  trim(m.personal_infos), trim(m.contacts), trim(m.purchases), trim(m.viewed_products);
  trim(m.products), trim(m.leads), trim(m.service_activities), trim(m.visitor_errors);
  trim(m.marketing_infos), trim(m.goals), trim(m.eligibility), trim(m.eligible_campaigns);
  trim(m.campaign_engagements), trim(m.impressions);
}

EngagementAttribute ModelBuilder::copy_attribute(Model& m, const Fragment& f,
                                                 EngagementAttribute a) {
  switch (a.kind) {
    case AttributeKind::kCustomerInfo:
      a.index = push(m.customer_infos, f.customer_infos[a.index]);
      break;
    case AttributeKind::kPersonalInfo: {
      PersonalInfo p = f.personal_infos[a.index];
      p.contacts = append(m.contacts, f.contacts, p.contacts);
      a.index = push(m.personal_infos, p);
      break;
    }
    case AttributeKind::kPurchase:
    case AttributeKind::kCartStatus: {
      Purchase p = f.purchases[a.index];
      p.products = append(m.products, f.products, p.products);
      a.index = push(m.purchases, p);
      break;
    }
    case AttributeKind::kViewedProduct: {
      ViewedProduct p = f.viewed_products[a.index];
      p.products = append(m.products, f.products, p.products);
      a.index = push(m.viewed_products, p);
      break;
    }
    case AttributeKind::kLead:
      a.index = push(m.leads, f.leads[a.index]);
      break;
    case AttributeKind::kServiceActivity:
      a.index = push(m.service_activities, f.service_activities[a.index]);
      break;
    case AttributeKind::kVisitorError:
      a.index = push(m.visitor_errors, f.visitor_errors[a.index]);
      break;
    case AttributeKind::kMarketingCampaignInfo:
      a.index = push(m.marketing_infos, f.marketing_infos[a.index]);
      break;
    case AttributeKind::kUnknown:
      a.index = kNoIndex;
      break;
  }
  return a;
}

void ModelBuilder::build_conversations(Model& m) {
  reserve_sum(m.longs, fragments_, &Fragment::longs);
  reserve_sum(m.messages, fragments_, &Fragment::messages);
  reserve_sum(m.transfers, fragments_, &Fragment::transfers);
  m.conversations.reserve(conversations_.size());
  for (Ref r : conversations_) {
    const Fragment& f = *fragments_[r.fragment];
    Conversation c = f.conversations[r.index];
    c.skills = append(m.longs, f.longs, c.skills);
    c.transcript = append(m.messages, f.messages, c.transcript);
    c.transfers = append(m.transfers, f.transfers, c.transfers);
    m.conversations.push_back(c);
  }
  for (auto& f : fragments_)
    release(f->conversations), release(f->longs), release(f->messages), release(f->transfers);
  trim(m.longs), trim(m.messages), trim(m.transfers);
}

void ModelBuilder::build_surveys(Model& m) {
  reserve_sum(m.survey_answers, fragments_, &Fragment::survey_answers);
  m.surveys.reserve(surveys_.size());
  for (Ref r : surveys_) {
    const Fragment& f = *fragments_[r.fragment];
    Survey s = f.surveys[r.index];
    s.answers = append(m.survey_answers, f.survey_answers, s.answers);
    m.surveys.push_back(s);
  }
  for (auto& f : fragments_)
    release(f->surveys), release(f->survey_answers);
  trim(m.survey_answers);
}

void ModelBuilder::link(Model& m) {
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

void ModelBuilder::build_maps(Model& m, unsigned threads) {
  parallel_for(4, threads, [&](std::size_t part) {
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

}  // namespace leda
