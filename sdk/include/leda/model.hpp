// leda/model.hpp — the session model: what a loaded LiveEngage Data Access account looks like
// to a plugin.
//
// The loader turns raw Data Access records (JSON) into four kinds of sessions, merged by their
// natural key and cross-linked:
//
//   AgentSession   one agent login session (`agentSessionId`) with its ordered events
//   Visit          one visitor visit (`visitId`): pages, engagement attributes, goals, ...
//   Conversation   one chat (`conversationId`): times, skills, transcript, transfers
//   Survey         one survey (`id` + `conversationId`) with its answers
//
// Layout: records are plain structs in flat vectors owned by `Model`. A record's children
// (events of a session, pages of a visit, lines of a transcript) are a contiguous `Range` of
// another vector, read through the Model accessors, which return `std::span`s:
//
//   for (const leda::AgentSession& s : model.agent_sessions)
//     for (const leda::AgentEvent& e : model.events(s))
//       use(e.timestamp, e.state, e.concurrent_eng);
//
// Absent values: a long that was null or missing is `kNoLong`, an int `kNoInt`, a string
// `Str{}` (see strings.hpp), a double `std::nullopt`, a boolean `kNoBool`. Times are epoch
// milliseconds (UTC). Indexes between records (`kNoIndex` when there is no link) are positions in
// the Model vectors.
//
// Thread-safety: a Model is immutable once loaded; any number of threads may read it.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "leda/strings.hpp"

namespace leda {

/// Epoch milliseconds, UTC.
using TimeMs = std::int64_t;

/// The value of an absent (null or missing) long field.
inline constexpr std::int64_t kNoLong = std::numeric_limits<std::int64_t>::min();
/// The value of an absent int field.
inline constexpr std::int32_t kNoInt = std::numeric_limits<std::int32_t>::min();
/// The value of an absent boolean field (booleans are stored as int8: 0 false, 1 true).
inline constexpr std::int8_t kNoBool = -1;
/// "No link": an index field that points nowhere.
inline constexpr std::uint32_t kNoIndex = std::numeric_limits<std::uint32_t>::max();

/// True when a long field had a value.
constexpr bool has(std::int64_t v) {
  return v != kNoLong;
}
/// True when an int field had a value.
constexpr bool has(std::int32_t v) {
  return v != kNoInt;
}

/// An agent's key in every KPI: the numeric LiveEngage agent id (`agentID` of agent activity).
/// Engagement records and transcripts carry the same id as text; agent_key() reads it, so a
/// conversation's agent and a model Agent compare and print alike.
using AgentKey = std::int64_t;

/// The AgentKey of an agent id sent as text ("4245454"), or kNoLong when the text is empty, "0"
/// (which names nobody) or not a decimal number that fits.
constexpr AgentKey agent_key(std::string_view text) {
  if (text.empty() || text.size() > 18) return kNoLong;
  std::int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return kNoLong;
    v = v * 10 + (c - '0');
  }
  return v == 0 ? kNoLong : v;
}

/// A contiguous run of children in one of the Model's flat vectors.
struct Range {
  std::uint32_t first = 0;
  std::uint32_t count = 0;
};

/// The four Data Access data types.
enum class DataType : std::uint8_t {
  kAgentActivity = 0,
  kWebSession = 1,
  kEngagement = 2,
  kSurvey = 3
};
inline constexpr int kDataTypeCount = 4;

/// The name used in JSON outputs and on the command line: agentActivity, webSession, ...
constexpr std::string_view data_type_name(DataType t) {
  constexpr std::string_view names[] = {"agentActivity", "webSession", "engagement", "survey"};
  return names[static_cast<int>(t)];
}

/// What a consumer of the model reads. The loader builds only what is asked for and skips the
/// rest of a record without building it (a plugin declares its needs; see plugin.hpp).
/// A type bit loads that type's sessions with their scalar fields; the part bits add children.
enum Need : std::uint32_t {
  kNeedAgentActivity = 1u << 0,  ///< agent sessions (with kNeedEvents: their events)
  kNeedWebSession = 1u << 1,     ///< visits (header, times)
  kNeedEngagement = 1u << 2,     ///< conversations (scalars, skills)
  kNeedSurvey = 1u << 3,         ///< surveys (scalars)
  kNeedEvents = 1u << 4,         ///< AgentSession events
  kNeedNavigation = 1u << 5,     ///< Visit pages
  kNeedAttributes = 1u << 6,     ///< Visit engagement attributes (customer info, purchases, ...)
  kNeedGoals = 1u << 7,          ///< Visit achieved goals
  kNeedEligibility = 1u << 8,    ///< Visit eligible campaigns
  kNeedImpressions = 1u << 9,    ///< Visit impressions
  kNeedVisitInfo = 1u << 10,     ///< Visit geo and session info
  kNeedTranscripts = 1u << 11,   ///< Conversation transcript lines
  kNeedTransfers = 1u << 12,     ///< Conversation transfers
  kNeedAnswers = 1u << 13,       ///< Survey answers
  kNeedEverything = (1u << 14) - 1,
};

// ---------------------------------------------------------------------------------------------
// Agent activity

/// One entry of `agentSessionsData`: a state or concurrency change of an agent.
struct AgentEvent {
  TimeMs timestamp = kNoLong;
  std::int64_t agent_group_id = kNoLong;  ///< `agentGroupID`
  std::int32_t type = kNoInt;             ///< -1 unknown, 1 chat, 3 login, 4 logout
  std::int32_t state =
      kNoInt;  ///< -1 unknown, 0 irrelevant, 1 offline, 2 online, 3 back soon, 4 away
  std::int32_t prev_state = kNoInt;           ///< same codes as `state`
  std::int32_t concurrent_eng = kNoInt;       ///< `concurrentEng`
  std::int32_t prev_concurrent_eng = kNoInt;  ///< `prevConcurrentEng`
  std::int32_t max_concurrent_eng = kNoInt;   ///< `maxConcurrentEng` (-9 on login/logout)
};

/// One agent login session (`agentSessionId`). A session delivered in parts (several
/// recordCollection items, or records in several files) holds the union of their events, an
/// event present in several parts once. Names and ids come from the part whose first event is
/// earliest, a field it lacks from the next part (README, "Loading data").
struct AgentSession {
  Str session_id;                         ///< `agentSessionId`
  std::int64_t agent_id = kNoLong;        ///< `agentID`
  Str employee_id;                        ///< `agentEmployeeId` (a long branch is kept as text)
  Str user_name;                          ///< `agentUsername`
  Str nick_name;                          ///< `agentNickname`
  Str login_name;                         ///< `agentLoginname`
  std::int64_t agent_group_id = kNoLong;  ///< `agentGroupID` of the first event
  Range events;                           ///< into Model::agent_events, sorted by timestamp
  TimeMs record_start = kNoLong;          ///< `metaData.startTime`
  TimeMs record_end = kNoLong;            ///< `metaData.endTime`
  std::uint32_t agent = kNoIndex;         ///< index into Model::agents
};

/// One agent (`agentID`) and all its sessions.
struct Agent {
  std::int64_t agent_id = kNoLong;
  Str employee_id, user_name, nick_name, login_name;  ///< from its latest session that has them
  Range sessions;  ///< into Model::agent_session_refs (indexes of AgentSession, by start time)
};

// ---------------------------------------------------------------------------------------------
// Web sessions (visits)

/// One page view (`navigationData` item).
struct PageView {
  TimeMs timestamp = kNoLong;
  Str url;
  Str referrer;    ///< `referrerUrl`
  Range sections;  ///< into Model::strs
};

/// A product of a cart, a purchase or a product view.
struct Product {
  std::int32_t quantity = kNoInt;  ///< from the product container; absent for bare products
  Str name, category, sku;
  std::optional<double> price;
};

/// A date of the YMDDate record.
struct Date {
  std::int32_t year = kNoInt, month = kNoInt, day = kNoInt;
};

/// `CustomerInfo` engagement attribute.
struct CustomerInfo {
  Str customer_id, customer_status, customer_type, social_id, imei, user_name, account_name, role,
      store_zip_code, store_number, authenticated_conversation_id;
  std::optional<double> balance;
  std::int32_t company_size = kNoInt;
  std::int8_t is_authenticated = kNoBool;
  Date last_payment_date, registration_date;
};

/// `PersonalInfo` engagement attribute.
struct PersonalInfo {
  Str name, surname, gender, company, authenticated_conversation_id;
  std::int8_t is_authenticated = kNoBool;
  std::int32_t age_in_years = kNoInt, year_of_birth = kNoInt, month_of_birth = kNoInt,
               day_of_birth = kNoInt;
  Range contacts;  ///< into Model::contacts
};

/// One contact of PersonalInfo.
struct Contact {
  Str email, phone;
};

/// `Purchase` engagement attribute (an order) and `CartStatus` (a cart update) share it:
/// a purchase has `total`, `order_id` and its cart; a cart status has the cart only.
struct Purchase {
  std::optional<double> total;       ///< `Purchase.total` (the order value)
  Str order_id;                      ///< `orderId`, untrimmed
  std::optional<double> cart_total;  ///< `cart.total` (or CartStatus.total)
  std::int32_t cart_num_items = kNoInt;
  Range products;  ///< into Model::products
};

/// `Lead` engagement attribute.
struct Lead {
  Str topic, lead_id;
  std::optional<double> value;
};

/// `ServiceActivity` engagement attribute.
struct ServiceActivity {
  Str topic, category, service_id;
  std::int32_t status = kNoInt;
};

/// `VisitorError` engagement attribute. `code` is text (long codes are kept as text).
struct VisitorError {
  Str context_id, message, code;
  std::int64_t level = kNoLong;
  std::int8_t resolved = kNoBool;
};

/// `MarketingCampaignInfo` engagement attribute.
struct MarketingCampaignInfo {
  std::int32_t originating_channel = kNoInt;  ///< 0 direct, 1 search, 2 social, 3 email, 4 referral
  Str affiliate, campaign_id;
};

/// The kind of an engagement attribute; says which Model vector `EngagementAttribute::index`
/// points into.
enum class AttributeKind : std::uint8_t {
  kCustomerInfo,           ///< Model::customer_infos
  kPersonalInfo,           ///< Model::personal_infos
  kPurchase,               ///< Model::purchases
  kCartStatus,             ///< Model::purchases (cart fields only)
  kViewedProduct,          ///< Model::viewed_products
  kLead,                   ///< Model::leads
  kServiceActivity,        ///< Model::service_activities
  kVisitorError,           ///< Model::visitor_errors
  kMarketingCampaignInfo,  ///< Model::marketing_infos
  kUnknown,                ///< a type this version does not know; `index` is unused
};

/// One engagement attribute reported in a visit, in timestamp order within the visit.
struct EngagementAttribute {
  TimeMs timestamp = kNoLong;
  AttributeKind kind = AttributeKind::kUnknown;
  std::uint32_t index = kNoIndex;  ///< position in the vector named by `kind`
  Str type_name;                   ///< the union branch name (useful for kUnknown)
};

/// `ViewedProduct` engagement attribute.
struct ViewedProduct {
  Range products;  ///< into Model::products
};

/// One achieved goal (`achievedGoals` item).
struct GoalAchieved {
  Str id;
  TimeMs timestamp = kNoLong;
  std::int64_t campaign_goal_revision = kNoLong, campaign_goal_id = kNoLong;
  std::int32_t campaign_goal_type = kNoInt;
  Str metadata_type;                      ///< goal metadata branch name without namespace, e.g.
                                          ///< ReduceAbandonmentGoalMetadata
  std::int32_t number_of_pages = kNoInt;  ///< ReduceAbandonment
  Str url;                                ///< UrlGoal
  std::optional<double> total;            ///< Purchase goal
  Str order_id;                           ///< Purchase goal
};

/// A campaign engagement (the `Engagement` record of eligibility and impressions).
struct CampaignEngagement {
  std::int64_t id = kNoLong;
  Str channel, type, skill_name, availability_policy;
  std::int32_t skill_id = kNoInt, interaction_type = kNoInt, rendering_type = kNoInt;
  std::int8_t is_offsite = kNoBool;
};

/// One eligible campaign of an eligibility evaluation.
struct EligibleCampaign {
  std::int64_t campaign_id = kNoLong;
  std::int64_t goal_id = kNoLong;
  std::int32_t goal_type = kNoInt, goal_indicator_type = kNoInt;
  Str control_group;  ///< `controlGroupType`: NA, TEST, CONTROL
  Range engagements;  ///< into Model::campaign_engagements
};

/// One eligibility evaluation (`eligibilityData` item).
struct Eligibility {
  TimeMs timestamp = kNoLong;
  Range campaigns;  ///< into Model::eligible_campaigns
};

/// One impression (`impressions` item).
struct Impression {
  TimeMs timestamp = kNoLong;
  Str engagement_instance_id, impression_type, state, control_group;
  std::int64_t campaign_id = kNoLong, goal_id = kNoLong;
  std::uint32_t engagement = kNoIndex;  ///< into Model::campaign_engagements
};

/// Geo and session info of a visit (the two documented body variants without examples).
struct VisitInfo {
  Str ipv4, ipv6, country, country_code, city, state, org, isp;
  TimeMs session_start = kNoLong;
  Str user_agent, device_os, device_family, site_control_group, search_engine, search_engine_key;
};

/// One visit (`visitId`): all web-session body variants of that id, merged.
struct Visit {
  Str visit_id, visitor_id, context_id;
  TimeMs first_time = kNoLong;    ///< earliest time seen in the visit (record start, pages, ...)
  TimeMs last_time = kNoLong;     ///< latest time seen in the visit
  Range pages;                    ///< into Model::page_views, by timestamp
  Range attributes;               ///< into Model::attributes, by timestamp
  Range goals;                    ///< into Model::goals
  Range eligibility;              ///< into Model::eligibility
  Range impressions;              ///< into Model::impressions
  std::uint32_t info = kNoIndex;  ///< into Model::visit_infos
  Range conversations;  ///< into Model::index_refs: conversations whose header names this visit
};

// ---------------------------------------------------------------------------------------------
// Engagements (conversations)

/// One transcript line (`transcripts` item).
struct Message {
  TimeMs timestamp = kNoLong;
  Str text, by;
  std::int32_t type =
      kNoInt;  ///< 0 visitor, 1 rep, 2 control, 3 rep URL, 4 rep HTML, 5 rep comment
  Str control_type, agent_id, content_format, message_id, dialog_id;
  Str file_caption, file_type, link_url;  ///< fileData / linkData, when present
};

/// One transfer of a conversation.
struct Transfer {
  TimeMs timestamp = kNoLong;
  std::int64_t skill_id = kNoLong, target_skill_id = kNoLong, reason = kNoLong;
  Str agent_id, target_agent_id;
  TimeMs queue_start = kNoLong, queue_end = kNoLong;
  std::int8_t is_interactive = kNoBool;
};

/// One conversation (`Conversation` entity of an Engagement record), merged by `conversationId`.
struct Conversation {
  Str conversation_id;
  Str type;  ///< LIVE_CHAT, MESSAGING
  TimeMs conversation_start = kNoLong, interaction_start = kNoLong, conversation_end = kNoLong,
         queue_start = kNoLong, queue_end = kNoLong;
  Str consumer_id;
  std::int8_t is_interactive = kNoBool;
  Str source_origin, source_device;
  std::int32_t end_reason_id = kNoInt, start_reason_id = kNoInt;
  std::int64_t campaign_id = kNoLong, campaign_engagement_id = kNoLong;
  Range skills;                     ///< into Model::longs
  Str agent_id;                     ///< `agentId` (last agent), when sent
  std::int64_t skill_id = kNoLong;  ///< `skillID` (last skill), when sent
  Str start_page, start_url;
  Range transcript;                      ///< into Model::messages
  Range transfers;                       ///< into Model::transfers
  std::uint32_t secure_forms = 0;        ///< number of secure forms (structure undocumented)
  Str mcs;                               ///< `mcs` as compact JSON text, when present
  Str visit_id, visitor_id, context_id;  ///< from the record's VisitorHeader
  TimeMs record_start = kNoLong, record_end = kNoLong;
  std::uint32_t visit = kNoIndex;  ///< into Model::visits (header visitId)
  Range surveys;                   ///< into Model::index_refs
};

// ---------------------------------------------------------------------------------------------
// Surveys

/// One answered question.
struct SurveyAnswer {
  Str question, answer;
  TimeMs submit_time = kNoLong;
  Str survey_name;
  std::int32_t answer_type = kNoInt;
  std::optional<double> csat_threshold;
};

/// One survey (merged by survey `id` + `conversationId`).
struct Survey {
  std::int64_t survey_id = kNoLong;
  std::int32_t type = kNoInt;  ///< 1 pre-chat, 2 exit (post-chat), 3 agent, 4 offline
  TimeMs view_time = kNoLong;
  Str conversation_id;
  Range answers;  ///< into Model::survey_answers
  Str visit_id, visitor_id, context_id;
  TimeMs record_start = kNoLong, record_end = kNoLong;
  std::uint32_t conversation = kNoIndex;  ///< into Model::conversations
};

// ---------------------------------------------------------------------------------------------

/// A loaded account. Built by the engine's loader; plugins receive it `const`.
struct Model {
  StringPool strings;

  std::vector<AgentSession> agent_sessions;
  std::vector<AgentEvent> agent_events;
  std::vector<Agent> agents;
  std::vector<std::uint32_t> agent_session_refs;

  std::vector<Visit> visits;
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

  std::vector<Str> strs;                  ///< string lists (page sections)
  std::vector<std::int64_t> longs;        ///< long lists (conversation skills)
  std::vector<std::uint32_t> index_refs;  ///< index lists (visit -> conversations, ...)

  /// O(1) lookups by natural key. Keys view strings of `strings`.
  std::unordered_map<std::string_view, std::uint32_t> agent_session_by_id;
  std::unordered_map<std::int64_t, std::uint32_t> agent_by_id;
  std::unordered_map<std::string_view, std::uint32_t> visit_by_id;
  std::unordered_map<std::string_view, std::uint32_t> conversation_by_id;

  /// The text of a string handle.
  std::string_view str(Str s) const { return strings.view(s); }

  std::span<const AgentEvent> events(const AgentSession& s) const {
    return sub(agent_events, s.events);
  }
  std::span<const std::uint32_t> sessions_of(const Agent& a) const {
    return sub(agent_session_refs, a.sessions);
  }
  std::span<const PageView> pages(const Visit& v) const { return sub(page_views, v.pages); }
  std::span<const Str> sections(const PageView& p) const { return sub(strs, p.sections); }
  std::span<const EngagementAttribute> attributes_of(const Visit& v) const {
    return sub(attributes, v.attributes);
  }
  std::span<const GoalAchieved> goals_of(const Visit& v) const { return sub(goals, v.goals); }
  std::span<const Eligibility> eligibility_of(const Visit& v) const {
    return sub(eligibility, v.eligibility);
  }
  std::span<const EligibleCampaign> campaigns_of(const Eligibility& e) const {
    return sub(eligible_campaigns, e.campaigns);
  }
  std::span<const CampaignEngagement> engagements_of(const EligibleCampaign& c) const {
    return sub(campaign_engagements, c.engagements);
  }
  std::span<const Impression> impressions_of(const Visit& v) const {
    return sub(impressions, v.impressions);
  }
  std::span<const std::uint32_t> conversations_of(const Visit& v) const {
    return sub(index_refs, v.conversations);
  }
  std::span<const Contact> contacts_of(const PersonalInfo& p) const {
    return sub(contacts, p.contacts);
  }
  std::span<const Product> products_of(const Purchase& p) const {
    return sub(products, p.products);
  }
  std::span<const Product> products_of(const ViewedProduct& p) const {
    return sub(products, p.products);
  }
  std::span<const std::int64_t> skills(const Conversation& c) const { return sub(longs, c.skills); }
  std::span<const Message> transcript(const Conversation& c) const {
    return sub(messages, c.transcript);
  }
  std::span<const Transfer> transfers_of(const Conversation& c) const {
    return sub(transfers, c.transfers);
  }
  std::span<const std::uint32_t> surveys_of(const Conversation& c) const {
    return sub(index_refs, c.surveys);
  }
  std::span<const SurveyAnswer> answers(const Survey& s) const {
    return sub(survey_answers, s.answers);
  }

  /// The visit with this `visitId`, or nullptr.
  const Visit* find_visit(std::string_view id) const { return find(visits, visit_by_id, id); }
  /// The conversation with this `conversationId`, or nullptr.
  const Conversation* find_conversation(std::string_view id) const {
    return find(conversations, conversation_by_id, id);
  }
  /// The agent session with this `agentSessionId`, or nullptr.
  const AgentSession* find_agent_session(std::string_view id) const {
    return find(agent_sessions, agent_session_by_id, id);
  }
  /// The agent with this `agentID`, or nullptr.
  const Agent* find_agent(std::int64_t agent_id) const {
    auto it = agent_by_id.find(agent_id);
    return it == agent_by_id.end() ? nullptr : &agents[it->second];
  }

 private:
  template <class T>
  static std::span<const T> sub(const std::vector<T>& v, Range r) {
    return {v.data() + r.first, r.count};
  }
  template <class T>
  static const T* find(const std::vector<T>& v,
                       const std::unordered_map<std::string_view, std::uint32_t>& index,
                       std::string_view id) {
    auto it = index.find(id);
    return it == index.end() ? nullptr : &v[it->second];
  }
};

}  // namespace leda
