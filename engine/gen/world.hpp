// gen/world.hpp — the plan of a synthetic account: who did what and when, before any JSON.
//
//   leda::gen::World w = leda::gen::build_world(options);   // single-threaded, deterministic
//   for (std::uint32_t v : w.closing_in(leda::DataType::kWebSession, hour)) ...
//
// Building the world decides everything that links records together: agents and their login
// sessions, visits and their pages, chats routed to agents (with concurrency and transfers),
// orders and surveys. Writing a record (records.hpp) only adds detail that no other record
// depends on, drawn from the entity's own random stream, so records can be written in parallel
// in any order.
//
// All times are epoch milliseconds (UTC). A World is immutable once built; any number of
// threads may read it.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "gen/generator.hpp"
#include "leda/model.hpp"

namespace leda::gen {

/// "No entity".
inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
inline constexpr TimeMs kSecondMs = 1000, kMinuteMs = 60 * kSecondMs, kHourMs = 60 * kMinuteMs,
                        kDayMs = 24 * kHourMs;

/// How the brand's agent map (agents.csv) finds an agent.
enum class MapMatch : std::uint8_t { kById, kByEmployeeId, kByLoginName, kAbsent };

/// One agent.
struct AgentPlan {
  std::int64_t id = 0;  ///< agentID
  std::string employee_id, user_name, nick_name, login_name, wfm_id;
  std::uint8_t site = 0;       ///< index into sites()
  std::uint8_t skills = 0;     ///< bit i set: can take skills()[i]
  std::int64_t group_id = -1;  ///< agentGroupID (-1: no group)
  int capacity = 3;            ///< maxConcurrentEng
  MapMatch map = MapMatch::kById;
};

/// A break inside an agent session: Away or Back Soon from `start` to `end`.
struct BreakPlan {
  TimeMs start = 0, end = 0;
  std::int8_t state = 4;
};

/// One finished AgentActivity event.
struct EventPlan {
  TimeMs t = 0;
  std::int8_t type = 0, state = 0, prev_state = 0;
  std::int16_t concurrent = 0, prev_concurrent = 0, max_concurrent = 0;
};

/// One agent login session (one AgentActivity record).
struct SessionPlan {
  std::uint32_t agent = 0;
  std::uint64_t number = 0;     ///< agentSessionId is "<account>-<number>"
  TimeMs login = 0;             ///< login event (state Irrelevant)
  TimeMs online = 0;            ///< the agent sets Online
  TimeMs logout = 0;            ///< logout event; no chat runs past it
  bool logout_missing = false;  ///< the record has no logout event (the session ends unclosed)
  bool second_device = false;   ///< a short login from another device inside a main session:
                                ///< login and logout with state Irrelevant, never given chats
  Range breaks;                 ///< into World::breaks, by time
  Range events;                 ///< into World::events, by time
  TimeMs close = 0;             ///< time of the last event: decides the record's hour
};

/// One planned shift of an agent (the sessions it became are in World::sessions): what the
/// WFM schedule of the account is made from.
struct ShiftPlan {
  std::uint32_t agent = 0;
  std::int64_t day = 0;                ///< the site's local day, days since 1970-01-01
  TimeMs planned = 0;                  ///< the planned start: the agent's start time that day
  TimeMs login = 0, logout = 0;        ///< first login, last logout
  TimeMs lunch_out = 0, lunch_in = 0;  ///< logged out for lunch; both 0 when lunch was online
  bool in_range = false;               ///< every session of the shift is in the account
};

/// A visitor (a browser); some are known customers.
struct VisitorPlan {
  std::uint32_t customer = kNone;  ///< into World::customers
};

/// A customer of the brand (customer ids "C<number>").
struct CustomerPlan {
  int segment = -1;  ///< index into kSegments; -1: not in the membership file
};
inline constexpr std::string_view kSegments[] = {"Gold", "Silver", "Bronze"};

/// An order (a Purchase engagement attribute).
struct OrderPlan {
  enum class Total : std::uint8_t { kValid, kZero, kMissing };
  std::uint32_t visit = 0;
  TimeMs time = 0;
  Total total_kind = Total::kValid;
  std::int64_t total_cents = 0;  ///< Purchase.total (after any discount)
  std::int64_t cart_cents = 0;   ///< cart.total
  std::uint8_t items = 0;
  std::uint8_t product[4] = {}, quantity[4] = {};
};

/// One visit (one WebSession record).
struct VisitPlan {
  TimeMs start = 0, end = 0;
  std::uint32_t visitor = 0;
  Range pages;                          ///< into World::page_times
  std::uint32_t chat = kNone;           ///< into World::chats
  std::uint32_t order = kNone;          ///< its own order, into World::orders
  std::uint32_t resend = kNone;         ///< an earlier order sent again in this visit
  std::int64_t resend_total_cents = 0;  ///< total of the re-sent copy (differs for a conflict)
  bool resend_padded_id = false;        ///< the re-sent orderId has surrounding whitespace
  std::uint16_t chat_page = 0;          ///< page on which the chat was requested
};

/// One chat (one Engagement record).
struct ChatPlan {
  std::uint32_t visit = 0;
  int skill = 0;                 ///< index into skills()
  TimeMs queue_start = 0;        ///< conversationStartTime and queueStartTime
  TimeMs patience = 0;           ///< how long the visitor waits for an agent
  TimeMs duration = 0;           ///< wanted chat length once connected
  TimeMs connect = kNoLong;      ///< interactionStartTime / queueEndTime; kNoLong: abandoned
  TimeMs end = 0;                ///< conversationEndTime
  TimeMs record_end = 0;         ///< metaData.endTime: decides the record's hour
  std::uint32_t agent = kNone;   ///< first agent
  std::uint32_t agent2 = kNone;  ///< agent after a transfer
  int skill2 = -1;               ///< skill after a transfer
  TimeMs transfer_at = 0, transfer_connect = 0;
  int end_reason = 0;
  bool interactive = false;
  std::uint32_t survey = kNone, operator_survey = kNone;  ///< into World::surveys
};

/// One survey (one Survey record).
struct SurveyPlan {
  std::uint32_t chat = 0;
  bool operator_survey = false;
  TimeMs view = 0, first_answer = 0, last_answer = 0;
};

/// Items of one data type by the hour their record closes.
struct HourIndex {
  std::vector<std::uint32_t> items;  ///< entity indexes ordered by close time, then index
  std::vector<std::uint32_t> first;  ///< hours + 1 offsets into items
};

/// The whole plan. Entities refer to each other by index into these vectors.
struct World {
  GenOptions options;
  TimeMs range_start = 0, range_end = 0;  ///< [start, end): whole UTC days
  int hours = 0;                          ///< hour files per data type at most

  std::vector<AgentPlan> agents;
  std::vector<SessionPlan> sessions;  ///< main sessions by login time, then a second-device one
  std::vector<BreakPlan> breaks;      ///< of all sessions (SessionPlan::breaks)
  std::vector<EventPlan> events;      ///< of all sessions (SessionPlan::events)
  std::vector<ShiftPlan> shifts;      ///< every planned shift, by agent then day
  std::vector<CustomerPlan> customers;
  std::uint32_t segment_change_customer = kNone;  ///< Silver until change_day, Gold from it
  std::int64_t segment_change_day = 0;            ///< days since 1970-01-01
  std::vector<VisitorPlan> visitors;
  std::vector<VisitPlan> visits;   ///< by start time
  std::vector<TimeMs> page_times;  ///< of all visits (VisitPlan::pages)
  std::vector<OrderPlan> orders;
  std::vector<ChatPlan> chats;
  std::vector<SurveyPlan> surveys;
  HourIndex by_hour[kDataTypeCount];  ///< by DataType

  /// Entities of type `t` whose record goes in hour `h` (0-based from range_start).
  std::span<const std::uint32_t> closing_in(DataType t, int h) const {
    const HourIndex& x = by_hour[static_cast<int>(t)];
    return {x.items.data() + x.first[h], x.first[h + 1] - x.first[h]};
  }
  /// The children of an entity.
  std::span<const TimeMs> pages_of(const VisitPlan& v) const {
    return {page_times.data() + v.pages.first, v.pages.count};
  }
  std::span<const EventPlan> events_of(const SessionPlan& s) const {
    return {events.data() + s.events.first, s.events.count};
  }
  std::span<const BreakPlan> breaks_of(const SessionPlan& s) const {
    return {breaks.data() + s.breaks.first, s.breaks.count};
  }
};

/// Builds the plan. Throws GenUsageError for bad options, std::runtime_error when a time zone
/// is missing from the system's database.
World build_world(const GenOptions& options);

// The steps of build_world, in order (each in its own file).
void plan_agents(World& w);    ///< agents, login sessions, breaks (plan_agents.cpp)
void plan_visits(World& w);    ///< visitors, customers, visits, pages, chat requests
void route_chats(World& w);    ///< chats to agents, transfers, agent events (plan_routing.cpp)
void plan_outcomes(World& w);  ///< visit ends, orders, re-sent orders, surveys (plan_orders.cpp)
void index_by_hour(World& w);  ///< HourIndex of every data type

}  // namespace leda::gen
