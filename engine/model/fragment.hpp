// model/fragment.hpp — the records of one file, parsed but not yet merged into a Model.
//
// The loader parses every file into its own Fragment on some thread; the ModelBuilder then
// merges fragments in sorted-path order (model_builder.hpp). A fragment holds the same record
// structs as the Model, but its string handles are local to `strings` and its Ranges and indexes
// point into its own vectors. Web sessions are kept as VisitPieces (one per record body) because
// a visit's bodies may come from several records and files.
//
//   leda::Fragment f;
//   leda::FragmentMark m = f.mark();
//   ... append a record's sessions and children ...
//   if (record_was_bad) f.rollback(m);   // as if the record had never been read
//
// Thread-safety: a fragment is built by one thread and then handed over whole.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "leda/model.hpp"
#include "model/string_table.hpp"

namespace leda::model {

/// The web-session body variants (spec §3.2); a VisitPiece is one of them.
enum class WebBody : std::uint8_t {
  kEngagementAttributes,  ///< children in Fragment::attributes
  kNavigation,            ///< children in Fragment::page_views
  kGoals,                 ///< children in Fragment::goals
  kEligibility,           ///< children in Fragment::eligibility
  kImpressions,           ///< children in Fragment::impressions
  kGeo,                   ///< one child in Fragment::visit_infos
  kSessionInfo,           ///< one child in Fragment::visit_infos
};
inline constexpr int kWebBodyCount = 7;

/// One web-session body: a part of the visit `visit_id`.
struct VisitPiece {
  Str visit_id, visitor_id, context_id;
  TimeMs record_start = kNoLong;  ///< `metaData.startTime` of its record (part of the dedupe key)
  TimeMs first_time = kNoLong;    ///< earliest time in the piece (record start included)
  TimeMs last_time = kNoLong;     ///< latest time in the piece
  std::uint32_t record = 0;       ///< ordinal of its record in the fragment
  WebBody body = WebBody::kNavigation;
  Range children;  ///< into the fragment vector named by `body` (empty when not loaded)
};

/// Sizes of every fragment vector at one point (see Fragment::mark).
struct FragmentMark {
  std::array<std::size_t, 33> sizes{};  // one per vector of Fragment::for_each_vector
};

/// The parsed content of one file.
struct Fragment {
  LocalStrings strings;  ///< owns the text of every Str below

  std::vector<AgentSession> agent_sessions;  ///< one per agent body; events sorted by time
  std::vector<AgentEvent> agent_events;
  std::vector<VisitPiece> visit_pieces;
  std::vector<PageView> page_views;
  std::vector<EngagementAttribute> attributes;
  std::vector<CustomerInfo> customer_infos;
  std::vector<PersonalInfo> personal_infos;
  std::vector<Contact> contacts;
  std::vector<Purchase> purchases;
  std::vector<ViewedProduct> viewed_products;
  std::vector<Product> products;
  std::vector<Lead> leads;
  std::vector<ServiceActivity> service_activities;
  std::vector<VisitorError> visitor_errors;
  std::vector<MarketingCampaignInfo> marketing_infos;
  std::vector<GoalAchieved> goals;
  std::vector<Eligibility> eligibility;
  std::vector<EligibleCampaign> eligible_campaigns;
  std::vector<CampaignEngagement> campaign_engagements;
  std::vector<Impression> impressions;
  std::vector<VisitInfo> visit_infos;
  std::vector<Conversation> conversations;
  std::vector<Message> messages;
  std::vector<Transfer> transfers;
  std::vector<Survey> surveys;
  std::vector<SurveyAnswer> survey_answers;
  std::vector<Str> strs;
  std::vector<std::int64_t> longs;

  /// The record ordinal of each agent session, conversation and survey (parallel vectors):
  /// a record all of whose sessions were already seen counts as one duplicate.
  std::vector<std::uint32_t> agent_session_records, conversation_records, survey_records;
  /// The time of each agent session's first event (kNoLong without events), parallel to
  /// agent_sessions: agents list their sessions in this order even when events are not loaded.
  std::vector<TimeMs> agent_session_first_event;
  /// The digest of each agent session's events (model/event_union.hpp: equal for copies with
  /// the same events), parallel to agent_sessions, computed even when events are not loaded.
  std::vector<std::uint64_t> agent_session_digest;

  std::uint32_t records = 0;  ///< records committed (the next record's ordinal)

  /// Empties the fragment for the next file, keeping its memory.
  void clear() {
    strings.clear();
    for_each_vector(*this, [](auto& v) { v.clear(); });
    records = 0;
  }

  /// Remembers the size of every vector, to undo a record that turns out to be bad.
  FragmentMark mark() const {
    FragmentMark m;
    std::size_t i = 0;
    for_each_vector(*const_cast<Fragment*>(this), [&](auto& v) { m.sizes[i++] = v.size(); });
    return m;
  }
  /// Drops everything appended since `m` (strings stay: they are harmless).
  void rollback(const FragmentMark& m) {
    std::size_t i = 0;
    for_each_vector(*this, [&](auto& v) { v.resize(m.sizes[i++]); });
  }

  /// Calls `f(vector)` for every vector above (not `strings`).
  template <class F>
  static void for_each_vector(Fragment& x, F&& f) {
    f(x.agent_sessions), f(x.agent_events), f(x.visit_pieces), f(x.page_views);
    f(x.attributes), f(x.customer_infos), f(x.personal_infos), f(x.contacts), f(x.purchases);
    f(x.viewed_products), f(x.products), f(x.leads), f(x.service_activities);
    f(x.visitor_errors), f(x.marketing_infos), f(x.goals), f(x.eligibility);
    f(x.eligible_campaigns), f(x.campaign_engagements), f(x.impressions), f(x.visit_infos);
    f(x.conversations), f(x.messages), f(x.transfers), f(x.surveys), f(x.survey_answers);
    f(x.strs), f(x.longs), f(x.agent_session_records), f(x.conversation_records);
    f(x.survey_records), f(x.agent_session_first_event), f(x.agent_session_digest);
  }

  /// Bytes held by the vectors and strings.
  std::size_t memory_bytes() const {
    std::size_t n = strings.memory_bytes();
    for_each_vector(*const_cast<Fragment*>(this), [&](auto& v) {
      n += v.capacity() * sizeof(typename std::decay_t<decltype(v)>::value_type);
    });
    return n;
  }
};

}  // namespace leda::model
