// leda/conversation_facts.hpp — what KPI spec section 3 reads from a conversation: connected
// or abandoned, wait, chat length, skill, agent, the time it is dated by.
//
//   leda::ConversationFacts f = leda::ConversationFacts::of(model, conversation);
//   if (f.connected && f.wait_ms) waits.push_back(*f.wait_ms);
//   key.skill = f.skill_id;        // kNoLong when the conversation names no skill
//
// Thread-safety: plain values; `of` only reads the model.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "leda/model.hpp"

namespace leda {

/// True when a time field holds a real instant (present and > 0).
constexpr bool has_time(TimeMs t) {
  return has(t) && t > 0;
}

/// The skill of a conversation: the last entry of `skills`, else `skillID`; kNoLong if neither.
inline std::int64_t conversation_skill(const Model& model, const Conversation& c) {
  const auto skills = model.skills(c);
  if (!skills.empty()) return skills.back();
  return c.skill_id;
}

/// The agent of a conversation: its `agentId` when present, else the `agentId` of the last agent
/// line (message type 1, 3 or 4) of the transcript that names one ("0" names nobody). Empty
/// when there is none (an abandoned chat).
inline std::string_view conversation_agent(const Model& model, const Conversation& c) {
  const std::string_view own = model.str(c.agent_id);
  if (!own.empty()) return own;
  const auto lines = model.transcript(c);
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
    if (it->type != 1 && it->type != 3 && it->type != 4) continue;
    const std::string_view id = model.str(it->agent_id);
    if (!id.empty() && id != "0") return id;
  }
  return {};
}

/// The facts of one conversation.
struct ConversationFacts {
  bool connected = false;                 ///< `interactionStartTime` present and > 0
  std::optional<std::int64_t> wait_ms;    ///< connected and a wait could be measured (>= 0)
  bool negative_wait = false;             ///< connected, but the times give a negative wait
  std::optional<std::int64_t> length_ms;  ///< connected, ended, end >= interaction start
  std::int64_t skill_id = kNoLong;        ///< conversation_skill()
  AgentKey agent_id = kNoLong;            ///< agent_key(conversation_agent()); kNoLong when none
  std::string_view agent_text;            ///< conversation_agent() as sent; empty when none
  TimeMs dated_at = kNoLong;              ///< `conversationEndTime`, else the latest other time
  bool end_missing = false;               ///< no `conversationEndTime`
  bool interactive = false;               ///< `isInteractive` true
  bool transferred = false;               ///< `transfers` not empty

  /// Reads the facts of `c`. The wait is `queueEndTime - queueStartTime`, or, when a queue time
  /// is missing, `interactionStartTime - conversationStartTime`.
  static ConversationFacts of(const Model& model, const Conversation& c) {
    ConversationFacts f;
    f.connected = has_time(c.interaction_start);
    if (f.connected) {
      std::optional<std::int64_t> wait;
      if (has_time(c.queue_start) && has_time(c.queue_end))
        wait = c.queue_end - c.queue_start;
      else if (has_time(c.conversation_start))
        wait = c.interaction_start - c.conversation_start;
      if (wait && *wait < 0) {
        f.negative_wait = true;
        wait.reset();
      }
      f.wait_ms = wait;
      if (has_time(c.conversation_end) && c.conversation_end >= c.interaction_start)
        f.length_ms = c.conversation_end - c.interaction_start;
    }
    f.skill_id = conversation_skill(model, c);
    f.agent_text = conversation_agent(model, c);
    f.agent_id = agent_key(f.agent_text);
    f.end_missing = !has_time(c.conversation_end);
    if (!f.end_missing) {
      f.dated_at = c.conversation_end;
    } else {
      for (TimeMs t : {c.conversation_start, c.queue_start, c.queue_end, c.interaction_start})
        if (has_time(t) && (!has(f.dated_at) || t > f.dated_at)) f.dated_at = t;
    }
    f.interactive = c.is_interactive == 1;
    f.transferred = c.transfers.count > 0;
    return f;
  }
};

}  // namespace leda
