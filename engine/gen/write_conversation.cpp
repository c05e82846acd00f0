// Engagement records: one per chat, with its transcript (agent lines carry the agent's id) and
// transfers; the VisitorHeader names the visit the chat happened in.
#include <fmt/format.h>

#include <algorithm>

#include "gen/catalog.hpp"
#include "gen/records.hpp"

namespace leda::gen {
namespace {

struct Line {
  TimeMs t;
  std::string text;
  std::string_view by;
  int type;              // 0 visitor, 1 agent, 2 control
  std::string agent_id;  // "0" for lines not written by an agent
};

class Transcript {
 public:
  Transcript(const World& w, const ChatPlan& c, Rng& r) : w_(w), c_(c), r_(r) {}

  std::vector<Line> build() {
    control(c_.queue_start + 1, std::string(chat_welcome()));
    if (c_.connect == kNoLong) return std::move(lines_);
    const bool transferred = c_.agent2 != kNone;
    segment(c_.agent, c_.skill, c_.connect, transferred ? c_.transfer_at : c_.end, true,
            !transferred);
    if (transferred) {
      agent(c_.transfer_at - 2000, c_.agent,
            fmt::format("Let me transfer you to our {} team, they can help with that.",
                        skills()[c_.skill2].name));
      control(c_.transfer_at, fmt::format("Transferring you to {}.", skills()[c_.skill2].name));
      segment(c_.agent2, c_.skill2, c_.transfer_connect, c_.end, false, true);
    }
    return std::move(lines_);
  }

 private:
  void add(TimeMs t, std::string text, std::string_view by, int type, std::string agent_id) {
    if (!lines_.empty()) t = std::max(t, lines_.back().t + 1);
    lines_.push_back({t, std::move(text), by, type, std::move(agent_id)});
  }
  void control(TimeMs t, std::string text) { add(t, std::move(text), "info", 2, "0"); }
  void visitor(TimeMs t, std::string_view text) { add(t, std::string(text), "Visitor", 0, "0"); }
  void agent(TimeMs t, std::uint32_t a, std::string text) {
    const AgentPlan& p = w_.agents[a];
    add(t, std::move(text), p.nick_name, 1, std::to_string(p.id));
  }

  // Lines of one agent's part of the chat, from `from` (connected) to `to`.
  void segment(std::uint32_t a, int skill, TimeMs from, TimeMs to, bool first, bool last) {
    const AgentPlan& p = w_.agents[a];
    control(from + 1000, fmt::format("You are now chatting with {}.", p.nick_name));
    TimeMs t = from + r_.between(3000, 10000);
    agent(t, a,
          first ? fmt::format("Hi, my name is {}. How can I help you today?", p.nick_name)
                : fmt::format("Hi, I'm {} from the {} team. I've read the conversation so far.",
                              p.nick_name, skills()[skill].name));
    const TimeMs stop = to - 15000;
    if (!c_.interactive) {
      agent(std::min(stop, t + 60000), a, "Are you still there?");
      return;
    }
    if (first) {
      visitor(
          t + std::min<TimeMs>(r_.between(10000, 40000), std::max<TimeMs>(1000, (stop - t) / 3)),
          r_.pick(visitor_openers(skill)));
      t = lines_.back().t;
    }
    // Exchanges spread over the rest of the segment, as many as fit.
    const int turns =
        static_cast<int>(std::min<TimeMs>(1 + r_.below(5), std::max<TimeMs>(0, (stop - t) / 4000)));
    const TimeMs step = turns > 0 ? (stop - t) / (2 * turns + 1) : 0;
    for (int i = 0; i < turns; ++i) {
      t += step;
      agent(t, a, std::string(r_.pick(agent_lines(skill))));
      t += step;
      visitor(t, r_.pick(visitor_lines()));
    }
    if (last) {
      if (r_.chance(0.6)) visitor(to - 8000, r_.pick(visitor_closings()));
      agent(to - 3000, a, std::string(r_.pick(agent_closings())));
    }
  }

  const World& w_;
  const ChatPlan& c_;
  Rng& r_;
  std::vector<Line> lines_;
};

void transfers(AvroJson& j, const World& w, const ChatPlan& c) {
  j.key("transfers").begin_union_array();
  if (c.agent2 != kNone) {
    j.begin_object();
    j.key("timestamp").long_value(c.transfer_at);
    j.key("skillId").long_value(skills()[c.skill].id);
    j.key("targetSkillId").long_value(skills()[c.skill2].id);
    j.key("agentId").string_value(std::to_string(w.agents[c.agent].id));
    j.key("targetAgentId").string_value(std::to_string(w.agents[c.agent2].id));
    j.key("reason").long_value(1);
    j.key("queueStartTime").long_value(c.transfer_at);
    j.key("queueEndTime").long_value(c.transfer_connect);
    j.key("isInteractive").bool_value(c.interactive);
    j.end_object();
  }
  j.end_union_array();
}

}  // namespace

void write_conversation(const World& w, std::uint32_t index, bool wrapped, std::string& out) {
  const ChatPlan& c = w.chats[index];
  const VisitPlan& v = w.visits[c.visit];
  Rng r = Rng::stream(w.options.seed, Stream::kChatContent, index);
  const std::vector<Line> lines = Transcript(w, c, r).build();
  AvroJson j(out);
  begin_envelope(j, w, "Engagement", c.queue_start, c.record_end, wrapped);
  j.begin_object();
  j.key("body").begin_named("EngagementData");
  visitor_header(j, visit_id(w, c.visit), visitor_id(w, v.visitor), "");
  j.key("engagements").begin_union_array();
  j.begin_named("Conversation");
  j.key("type").enum_value("ConversationType", "LIVE_CHAT");
  j.key("conversationId").string_value(conversation_id(w, index));
  j.key("conversationStartTime").long_value(c.queue_start);
  j.key("interactionStartTime");
  if (c.connect == kNoLong)
    j.null();
  else
    j.long_value(c.connect);
  j.key("conversationEndTime").long_value(c.end);
  j.key("consumerId").null();
  j.key("isInteractive").bool_value(c.interactive);
  j.key("sourceOrigin").string_value("Web");
  j.key("sourceDevice").null();
  j.key("endReasonId").int_value(c.end_reason);
  j.key("campaignData").null();
  j.key("skills").begin_union_array();
  j.bare_long(skills()[c.skill].id);
  if (c.agent2 != kNone) j.bare_long(skills()[c.skill2].id);
  j.end_union_array();
  j.key("startReasonId").int_value(0);
  j.key("startPage").null();
  j.key("startUrl").null();
  j.key("transcripts").begin_union_array();
  for (const Line& line : lines) {
    j.begin_object();
    j.key("text").string_value(line.text);
    j.key("timestamp").long_value(line.t);
    j.key("by").string_value(line.by);
    j.key("type").string_value(std::to_string(line.type));
    j.key("controlType");
    if (line.type == 2)
      j.string_value("4");
    else
      j.null();
    j.key("agentId").string_value(line.agent_id);
    j.key("contentFormat").string_value("Text");
    std::string message_id;
    append_token(r, 22, message_id);
    j.key("messageId").string_value(message_id);
    for (const char* field : {"dialogId", "fileData", "linkData", "mcs"})
      j.key(field).null();
    j.end_object();
  }
  j.end_union_array();
  transfers(j, w, c);
  j.key("secureForms").begin_union_array();
  j.end_union_array();
  j.key("mcs").null();
  j.key("queueStartTime").long_value(c.queue_start);
  j.key("queueEndTime");
  if (c.connect == kNoLong)
    j.null();
  else
    j.long_value(c.connect);
  j.end_named();
  j.end_union_array();
  j.end_named();
  j.end_object();
  end_envelope(j, out, wrapped);
}

}  // namespace leda::gen
