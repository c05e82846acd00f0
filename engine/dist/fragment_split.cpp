// dist/fragment_split.cpp — see fragment_split.hpp.
#include "dist/fragment_split.hpp"

#include <stdexcept>
#include <type_traits>

#include "model/fields.hpp"

namespace leda::dist {
namespace {

using model::Fragment;
using model::VisitPiece;
using model::WebBody;

template <class T>
std::uint32_t push(std::vector<T>& v, const T& x) {
  v.push_back(x);
  return static_cast<std::uint32_t>(v.size() - 1);
}

// Copies records of `src` into one part, re-interning the strings they use.
class PartWriter {
 public:
  PartWriter(const Fragment& src, Fragment& dst)
      : src_(src), dst_(dst), remap_(src.strings.size(), 0) {
    dst_.records = src.records;
  }

  void session(std::uint32_t i) {
    AgentSession s = mapped(src_.agent_sessions[i]);
    s.events = copy_range(dst_.agent_events, src_.agent_events, s.events);
    dst_.agent_sessions.push_back(s);
    dst_.agent_session_records.push_back(src_.agent_session_records[i]);
    dst_.agent_session_first_event.push_back(src_.agent_session_first_event[i]);
    dst_.agent_session_digest.push_back(src_.agent_session_digest[i]);
  }

  void conversation(std::uint32_t i) {
    Conversation c = mapped(src_.conversations[i]);
    c.skills = copy_range(dst_.longs, src_.longs, c.skills);
    c.transcript = copy_range(dst_.messages, src_.messages, c.transcript);
    c.transfers = copy_range(dst_.transfers, src_.transfers, c.transfers);
    dst_.conversations.push_back(c);
    dst_.conversation_records.push_back(src_.conversation_records[i]);
  }

  void survey(std::uint32_t i) {
    Survey s = mapped(src_.surveys[i]);
    s.answers = copy_range(dst_.survey_answers, src_.survey_answers, s.answers);
    dst_.surveys.push_back(s);
    dst_.survey_records.push_back(src_.survey_records[i]);
  }

  void piece(std::uint32_t i) {
    VisitPiece p = src_.visit_pieces[i];
    p.visit_id = map(p.visit_id);
    p.visitor_id = map(p.visitor_id);
    p.context_id = map(p.context_id);
    const Range c = p.children;
    switch (p.body) {
      case WebBody::kNavigation:
        p.children.first = static_cast<std::uint32_t>(dst_.page_views.size());
        for (std::uint32_t k = c.first; k < c.first + c.count; ++k) {
          PageView pv = mapped(src_.page_views[k]);
          pv.sections = copy_range(dst_.strs, src_.strs, pv.sections);
          dst_.page_views.push_back(pv);
        }
        break;
      case WebBody::kEngagementAttributes:
        p.children.first = static_cast<std::uint32_t>(dst_.attributes.size());
        for (std::uint32_t k = c.first; k < c.first + c.count; ++k)
          dst_.attributes.push_back(attribute(src_.attributes[k]));
        break;
      case WebBody::kGoals:
        p.children = copy_range(dst_.goals, src_.goals, c);
        break;
      case WebBody::kEligibility:
        p.children.first = static_cast<std::uint32_t>(dst_.eligibility.size());
        for (std::uint32_t k = c.first; k < c.first + c.count; ++k) {
          Eligibility e = mapped(src_.eligibility[k]);
          const Range campaigns = e.campaigns;
          e.campaigns.first = static_cast<std::uint32_t>(dst_.eligible_campaigns.size());
          for (std::uint32_t j = campaigns.first; j < campaigns.first + campaigns.count; ++j) {
            EligibleCampaign ec = mapped(src_.eligible_campaigns[j]);
            ec.engagements =
                copy_range(dst_.campaign_engagements, src_.campaign_engagements, ec.engagements);
            dst_.eligible_campaigns.push_back(ec);
          }
          dst_.eligibility.push_back(e);
        }
        break;
      case WebBody::kImpressions:
        p.children.first = static_cast<std::uint32_t>(dst_.impressions.size());
        for (std::uint32_t k = c.first; k < c.first + c.count; ++k) {
          Impression im = mapped(src_.impressions[k]);
          if (im.engagement != kNoIndex)
            im.engagement =
                push(dst_.campaign_engagements, mapped(src_.campaign_engagements[im.engagement]));
          dst_.impressions.push_back(im);
        }
        break;
      case WebBody::kGeo:
      case WebBody::kSessionInfo:
        p.children = copy_range(dst_.visit_infos, src_.visit_infos, c);
        break;
    }
    dst_.visit_pieces.push_back(p);
  }

 private:
  Str map(Str s) {
    if (s.id <= 1) return s;
    std::uint32_t& d = remap_[s.id];
    if (d == 0) {
      const std::string_view text = src_.strings.view(s);
      d = (src_.strings.added(s) ? dst_.strings.add(text)
                                 : dst_.strings.intern(text, src_.strings.hash(s)))
              .id;
    }
    return Str{d};
  }

  template <class T>
  T mapped(T x) {
    model::fields(x, [&](std::string_view, auto& v) {
      if constexpr (std::is_same_v<std::decay_t<decltype(v)>, Str>) v = map(v);
    });
    return x;
  }

  // Appends src[r] (strings re-interned) to dst; the Range of the copy.
  template <class T>
  Range copy_range(std::vector<T>& dst, const std::vector<T>& src, Range r) {
    const Range out{static_cast<std::uint32_t>(dst.size()), r.count};
    for (std::uint32_t k = r.first; k < r.first + r.count; ++k) {
      if constexpr (std::is_same_v<T, Str>)
        dst.push_back(map(src[k]));
      else if constexpr (std::is_arithmetic_v<T>)
        dst.push_back(src[k]);
      else
        dst.push_back(mapped(src[k]));
    }
    return out;
  }

  EngagementAttribute attribute(EngagementAttribute a) {
    a.type_name = map(a.type_name);
    switch (a.kind) {
      case AttributeKind::kCustomerInfo:
        a.index = push(dst_.customer_infos, mapped(src_.customer_infos[a.index]));
        break;
      case AttributeKind::kPersonalInfo: {
        PersonalInfo p = mapped(src_.personal_infos[a.index]);
        p.contacts = copy_range(dst_.contacts, src_.contacts, p.contacts);
        a.index = push(dst_.personal_infos, p);
        break;
      }
      case AttributeKind::kPurchase:
      case AttributeKind::kCartStatus: {
        Purchase p = mapped(src_.purchases[a.index]);
        p.products = copy_range(dst_.products, src_.products, p.products);
        a.index = push(dst_.purchases, p);
        break;
      }
      case AttributeKind::kViewedProduct: {
        ViewedProduct p = mapped(src_.viewed_products[a.index]);
        p.products = copy_range(dst_.products, src_.products, p.products);
        a.index = push(dst_.viewed_products, p);
        break;
      }
      case AttributeKind::kLead:
        a.index = push(dst_.leads, mapped(src_.leads[a.index]));
        break;
      case AttributeKind::kServiceActivity:
        a.index = push(dst_.service_activities, mapped(src_.service_activities[a.index]));
        break;
      case AttributeKind::kVisitorError:
        a.index = push(dst_.visitor_errors, mapped(src_.visitor_errors[a.index]));
        break;
      case AttributeKind::kMarketingCampaignInfo:
        a.index = push(dst_.marketing_infos, mapped(src_.marketing_infos[a.index]));
        break;
      case AttributeKind::kUnknown:
        break;
    }
    return a;
  }

  const Fragment& src_;
  Fragment& dst_;
  std::vector<std::uint32_t> remap_;
};

}  // namespace

namespace {

void check(const Fragment& f, const Destinations& to) {
  if (to.sessions.size() != f.agent_sessions.size() || to.pieces.size() != f.visit_pieces.size() ||
      to.conversations.size() != f.conversations.size() || to.surveys.size() != f.surveys.size())
    throw std::logic_error("split_fragment: a destination per record is needed");
}

}  // namespace

std::vector<std::uint32_t> shared_records(const Fragment& f, const Destinations& to) {
  check(f, to);
  // The first part each record went to; kNoIndex - 1 once it went to a second one.
  constexpr std::uint32_t kShared = kNoIndex - 1;
  std::vector<std::uint32_t> went(f.records, kNoIndex);
  auto note = [&](std::uint32_t record, std::uint32_t d) {
    std::uint32_t& w = went[record];
    if (w == kNoIndex)
      w = d;
    else if (w != d)
      w = kShared;
  };
  for (std::uint32_t i = 0; i < f.agent_sessions.size(); ++i)
    note(f.agent_session_records[i], to.sessions[i]);
  for (std::uint32_t i = 0; i < f.visit_pieces.size(); ++i)
    note(f.visit_pieces[i].record, to.pieces[i]);
  for (std::uint32_t i = 0; i < f.conversations.size(); ++i)
    note(f.conversation_records[i], to.conversations[i]);
  for (std::uint32_t i = 0; i < f.surveys.size(); ++i)
    note(f.survey_records[i], to.surveys[i]);
  std::vector<std::uint32_t> out;
  for (std::uint32_t r = 0; r < f.records; ++r)
    if (went[r] == kShared) out.push_back(r);
  return out;
}

Fragment split_part(const Fragment& f, const Destinations& to, std::uint32_t part) {
  check(f, to);
  Fragment out;
  PartWriter w(f, out);
  for (std::uint32_t i = 0; i < f.agent_sessions.size(); ++i)
    if (to.sessions[i] == part) w.session(i);
  for (std::uint32_t i = 0; i < f.visit_pieces.size(); ++i)
    if (to.pieces[i] == part) w.piece(i);
  for (std::uint32_t i = 0; i < f.conversations.size(); ++i)
    if (to.conversations[i] == part) w.conversation(i);
  for (std::uint32_t i = 0; i < f.surveys.size(); ++i)
    if (to.surveys[i] == part) w.survey(i);
  return out;
}

SplitFragments split_fragment(const Fragment& f, const Destinations& to, std::uint32_t count) {
  SplitFragments out;
  out.shared_records = shared_records(f, to);
  for (std::uint32_t d = 0; d < count; ++d)
    out.parts.push_back(split_part(f, to, d));
  return out;
}

}  // namespace leda::dist
