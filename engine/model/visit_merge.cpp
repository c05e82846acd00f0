// ModelBuilder::add for web sessions: each kept body of a visit appends its children to the
// visit's ranges, which are moved to the end of their vector first when something else was
// appended after them.
#include "model/model_builder.hpp"

namespace leda::model {
namespace {

template <class T>
std::uint32_t push(std::vector<T>& v, const T& value) {
  v.push_back(value);
  return static_cast<std::uint32_t>(v.size() - 1);
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

}  // namespace

template <class T>
void ModelBuilder::make_room(std::vector<T>& v, Range& r, std::uint64_t& holes) {
  if (r.count == 0) {
    r.first = static_cast<std::uint32_t>(v.size());
  } else if (r.first + r.count != v.size()) {
    const auto first = static_cast<std::uint32_t>(v.size());
    for (std::uint32_t i = 0; i < r.count; ++i)
      v.push_back(T(v[r.first + i]));  // a copy: push_back may reallocate
    holes += r.count;
    r.first = first;
  }
}

bool ModelBuilder::first_body(std::uint32_t visit, WebBody body, TimeMs start) {
  VisitBodies& seen = visit_bodies_[visit];
  const auto bit = static_cast<std::uint8_t>(1u << static_cast<unsigned>(body));
  if (seen.mask == 0 || seen.start == start) {
    if (seen.mask & bit) return false;
    seen.start = start;
    seen.mask |= bit;
    return true;
  }
  return body_keys_.try_emplace({start, visit, static_cast<std::uint32_t>(body)}, true).second;
}

void ModelBuilder::add_visit_pieces(const Fragment& f, std::vector<std::uint8_t>& seen) {
  Model& m = model_;
  for (const VisitPiece& p : f.visit_pieces) {
    const Str id = map(f, p.visit_id);
    const auto next = static_cast<std::uint32_t>(m.visits.size());
    const auto [visit, is_new] = visit_by_key_.try_emplace(id.id, next);
    if (is_new) {
      Visit v;
      v.visit_id = id;
      m.visits.push_back(v);
      visit_bodies_.emplace_back();
    }
    const std::uint32_t index = visit;
    const bool fresh = first_body(index, p.body, p.record_start);
    note(seen, p.record, fresh);
    if (fresh) add_piece(index, f, p);
  }
}

void ModelBuilder::add_piece(std::uint32_t visit, const Fragment& f, const VisitPiece& piece) {
  Model& m = model_;
  Visit& v = m.visits[visit];
  fill(v.visitor_id, map(f, piece.visitor_id));
  fill(v.context_id, map(f, piece.context_id));
  widen(v.first_time, v.last_time, piece.first_time);
  widen(v.first_time, v.last_time, piece.last_time);
  const Range c = piece.children;
  if (c.count == 0) return;
  switch (piece.body) {
    case WebBody::kNavigation:
      make_room(m.page_views, v.pages, page_holes_);
      for (std::uint32_t i = c.first; i < c.first + c.count; ++i) {
        PageView pv = mapped(f, f.page_views[i]);
        pv.sections.first = static_cast<std::uint32_t>(m.strs.size());
        for (std::uint32_t k = 0; k < pv.sections.count; ++k)
          m.strs.push_back(map(f, f.strs[f.page_views[i].sections.first + k]));
        m.page_views.push_back(pv);
      }
      v.pages.count += c.count;
      break;
    case WebBody::kEngagementAttributes:
      make_room(m.attributes, v.attributes, attribute_holes_);
      for (std::uint32_t i = c.first; i < c.first + c.count; ++i)
        m.attributes.push_back(copy_attribute(f, f.attributes[i]));
      v.attributes.count += c.count;
      break;
    case WebBody::kGoals:
      make_room(m.goals, v.goals, goal_holes_);
      for (std::uint32_t i = c.first; i < c.first + c.count; ++i)
        m.goals.push_back(mapped(f, f.goals[i]));
      v.goals.count += c.count;
      break;
    case WebBody::kEligibility:
      make_room(m.eligibility, v.eligibility, eligibility_holes_);
      for (std::uint32_t i = c.first; i < c.first + c.count; ++i) {
        Eligibility e = f.eligibility[i];
        e.campaigns.first = static_cast<std::uint32_t>(m.eligible_campaigns.size());
        for (std::uint32_t j = 0; j < e.campaigns.count; ++j) {
          EligibleCampaign ec =
              mapped(f, f.eligible_campaigns[f.eligibility[i].campaigns.first + j]);
          const Range src = ec.engagements;
          if (src.count == 1) {  // the usual case: one engagement, shared like an impression's
            ec.engagements.first = shared_engagement(f, src.first);
          } else {
            ec.engagements.first = static_cast<std::uint32_t>(m.campaign_engagements.size());
            for (std::uint32_t k = 0; k < src.count; ++k)
              m.campaign_engagements.push_back(mapped(f, f.campaign_engagements[src.first + k]));
          }
          m.eligible_campaigns.push_back(ec);
        }
        m.eligibility.push_back(e);
      }
      v.eligibility.count += c.count;
      break;
    case WebBody::kImpressions:
      make_room(m.impressions, v.impressions, impression_holes_);
      for (std::uint32_t i = c.first; i < c.first + c.count; ++i) {
        Impression im = mapped(f, f.impressions[i]);
        if (im.engagement != kNoIndex) im.engagement = shared_engagement(f, im.engagement);
        m.impressions.push_back(im);
      }
      v.impressions.count += c.count;
      break;
    case WebBody::kGeo:
    case WebBody::kSessionInfo: {
      const VisitInfo info = mapped(f, f.visit_infos[c.first]);
      if (v.info == kNoIndex)
        v.info = push(m.visit_infos, info);
      else
        merge_info(m.visit_infos[v.info], info);
      break;
    }
  }
}

std::uint32_t ModelBuilder::shared_engagement(const Fragment& f, std::uint32_t index) {
  Model& m = model_;
  const EngagementKey key{mapped(f, f.campaign_engagements[index])};
  const auto next = static_cast<std::uint32_t>(m.campaign_engagements.size());
  const auto [shared, fresh] = shared_engagements_.try_emplace(key, next);
  if (fresh) m.campaign_engagements.push_back(key.e);
  return shared;
}

EngagementAttribute ModelBuilder::copy_attribute(const Fragment& f, EngagementAttribute a) {
  Model& m = model_;
  a.type_name = map(f, a.type_name);
  switch (a.kind) {
    case AttributeKind::kCustomerInfo:
      a.index = push(m.customer_infos, mapped(f, f.customer_infos[a.index]));
      break;
    case AttributeKind::kPersonalInfo: {
      PersonalInfo p = mapped(f, f.personal_infos[a.index]);
      const Range src = p.contacts;
      p.contacts.first = static_cast<std::uint32_t>(m.contacts.size());
      for (std::uint32_t k = 0; k < src.count; ++k)
        m.contacts.push_back(mapped(f, f.contacts[src.first + k]));
      a.index = push(m.personal_infos, p);
      break;
    }
    case AttributeKind::kPurchase:
    case AttributeKind::kCartStatus: {
      Purchase p = mapped(f, f.purchases[a.index]);
      const Range src = p.products;
      p.products.first = static_cast<std::uint32_t>(m.products.size());
      for (std::uint32_t k = 0; k < src.count; ++k)
        m.products.push_back(mapped(f, f.products[src.first + k]));
      a.index = push(m.purchases, p);
      break;
    }
    case AttributeKind::kViewedProduct: {
      ViewedProduct p = f.viewed_products[a.index];
      const Range src = p.products;
      p.products.first = static_cast<std::uint32_t>(m.products.size());
      for (std::uint32_t k = 0; k < src.count; ++k)
        m.products.push_back(mapped(f, f.products[src.first + k]));
      a.index = push(m.viewed_products, p);
      break;
    }
    case AttributeKind::kLead:
      a.index = push(m.leads, mapped(f, f.leads[a.index]));
      break;
    case AttributeKind::kServiceActivity:
      a.index = push(m.service_activities, mapped(f, f.service_activities[a.index]));
      break;
    case AttributeKind::kVisitorError:
      a.index = push(m.visitor_errors, mapped(f, f.visitor_errors[a.index]));
      break;
    case AttributeKind::kMarketingCampaignInfo:
      a.index = push(m.marketing_infos, mapped(f, f.marketing_infos[a.index]));
      break;
    case AttributeKind::kUnknown:
      a.index = kNoIndex;
      break;
  }
  return a;
}

}  // namespace leda::model
