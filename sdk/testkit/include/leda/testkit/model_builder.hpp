// leda/testkit/model_builder.hpp — small leda::Model values built by hand for plugin tests:
// agents with sessions and events, visits with customer infos and purchases, conversations,
// surveys. The builder fills the flat vectors, the Ranges, the cross links and the lookup maps
// the way leda's loader does, so a plugin sees a model like a loaded one.
//
//   using namespace leda::testkit;
//   ModelBuilder b;
//   b.agent(7, "ann").session("s1", {login(at("2026-03-02T09:00:00"), 2),
//                                    event(at("2026-03-02T09:10:00"), 1, 2, 1, 3),
//                                    logout(at("2026-03-02T10:00:00"))});
//   b.visit("v1").customer(at("2026-03-02T09:00:00"), "C1").purchase(at(...), 45.0, "O-1");
//   b.conversation({.id = "c1", .interaction_start = at(...), .agent_id = "7"});
//   leda::Model m = b.build();
//
// Thread-safety: a builder is a plain value; build() may be called more than once.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "leda/model.hpp"

namespace leda::testkit {

using leda::TimeMs;

/// Epoch ms of "YYYY-MM-DDTHH:MM:SS" (UTC) or "YYYY-MM-DDTHH:MM:SS.mmm". Throws
/// std::invalid_argument for anything else.
TimeMs at(const std::string& utc);

/// An agent event. `state`, `c` (concurrentEng), `m` (maxConcurrentEng) may be leda::kNoInt.
leda::AgentEvent event(TimeMs t, std::int32_t type, std::int32_t state, std::int32_t c,
                       std::int32_t m = leda::kNoInt, std::int64_t group = 1);
/// A login event (type 3, maxConcurrentEng -9 as the API sends it).
leda::AgentEvent login(TimeMs t, std::int32_t state, std::int64_t group = 1);
/// A logout event (type 4, maxConcurrentEng -9).
leda::AgentEvent logout(TimeMs t, std::int32_t state = 0, std::int64_t group = 1);

struct SessionSpec {
  std::string id;
  std::vector<leda::AgentEvent> events;
};
struct AgentSpec {
  std::int64_t id;
  std::string login, employee;
  std::vector<SessionSpec> sessions;
  /// Adds a session with these events.
  AgentSpec& session(std::string id, std::vector<leda::AgentEvent> events) {
    sessions.push_back({std::move(id), std::move(events)});
    return *this;
  }
};

struct AttributeSpec {
  TimeMs ts;
  leda::AttributeKind kind;
  std::string customer_id;      ///< CustomerInfo
  std::optional<double> total;  ///< Purchase
  std::optional<std::string> order_id;
};
struct VisitSpec {
  std::string id;
  TimeMs first_time = leda::kNoLong;
  std::vector<AttributeSpec> attributes;
  /// Adds a CustomerInfo with this customer id.
  VisitSpec& customer(TimeMs t, std::string id) {
    attributes.push_back({t, leda::AttributeKind::kCustomerInfo, std::move(id), {}, {}});
    return *this;
  }
  /// Adds a Purchase; `order_id` nullopt means no orderId.
  VisitSpec& purchase(TimeMs t, std::optional<double> total,
                      std::optional<std::string> order_id = std::nullopt) {
    attributes.push_back({t, leda::AttributeKind::kPurchase, {}, total, std::move(order_id)});
    return *this;
  }
};

struct LineSpec {
  std::int32_t type;  ///< 0 visitor, 1 agent, ...
  std::string agent_id;
  TimeMs timestamp = leda::kNoLong;
};
struct ConversationSpec {
  std::string id;
  TimeMs conversation_start = leda::kNoLong, interaction_start = leda::kNoLong,
         conversation_end = leda::kNoLong, queue_start = leda::kNoLong, queue_end = leda::kNoLong;
  std::vector<std::int64_t> skills;
  std::string agent_id;  ///< empty: not sent
  std::vector<LineSpec> lines;
  int transfers = 0;
  std::int8_t interactive = leda::kNoBool;
  std::string visit_id;  ///< header visitId
};

struct AnswerSpec {
  std::string question, answer;
};
struct SurveySpec {
  std::int64_t id;
  std::int32_t type;  ///< 2 post-chat, 3 agent (operator)
  std::string conversation_id;
  std::vector<AnswerSpec> answers;
};

/// Collects specs, then lays them out as a Model.
class ModelBuilder {
 public:
  /// Adds an agent; add its sessions on the returned spec.
  AgentSpec& agent(std::int64_t id, std::string login, std::string employee = "") {
    agents_.push_back({id, std::move(login), std::move(employee), {}});
    return agents_.back();
  }
  /// Adds a visit; add its attributes on the returned spec.
  VisitSpec& visit(std::string id, TimeMs first_time = leda::kNoLong) {
    visits_.push_back({std::move(id), first_time, {}});
    return visits_.back();
  }
  /// Adds a conversation.
  ModelBuilder& conversation(ConversationSpec c) {
    conversations_.push_back(std::move(c));
    return *this;
  }
  /// Adds a survey.
  ModelBuilder& survey(SurveySpec s) {
    surveys_.push_back(std::move(s));
    return *this;
  }

  /// The model. Agents, visits, conversations and surveys keep the order they were added in.
  leda::Model build() const;

 private:
  std::deque<AgentSpec> agents_;  // deques: references returned by agent()/visit() stay valid
  std::deque<VisitSpec> visits_;
  std::vector<ConversationSpec> conversations_;
  std::vector<SurveySpec> surveys_;
};

}  // namespace leda::testkit
