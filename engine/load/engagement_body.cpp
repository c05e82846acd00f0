// Engagement bodies (spec §3.3): conversations with their transcripts and transfers.
#include "load/avro_reader.hpp"
#include "load/body_readers.hpp"

namespace leda::load {
namespace {

// `fileData` ({caption, fileType}) or `linkData` ({externalFileLink, fileType, caption}).
// A message has at most one of them; the first seen fills the shared fields.
void read_file_data(ParseState& s, std::string_view what, Message& m) {
  Str caption, type;
  read_record(s, what, [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("caption", caption = read_str(s, key));
      LEDA_FIELD("fileType", type = read_str(s, key));
      LEDA_FIELD("externalFileLink", m.link_url = read_str(s, key));
      default:
        unknown_field(s, key);
    }
  });
  if (!m.file_caption.present()) m.file_caption = caption;
  if (!m.file_type.present()) m.file_type = type;
}

void read_campaign_data(ParseState& s, std::string_view what, Conversation& c) {
  read_record(s, what, [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("campaignId", c.campaign_id = read_long(s, key));
      LEDA_FIELD("campaignEngagementId", c.campaign_engagement_id = read_long(s, key));
      default:
        unknown_field(s, key);
    }
  });
}

void read_message(ParseState& s) {
  Message m;
  read_record(s, "transcripts item", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("text", m.text = read_text(s, key));
      LEDA_FIELD("timestamp", m.timestamp = read_time(s, key));
      LEDA_FIELD("by", m.by = read_str(s, key));
      LEDA_FIELD("type", m.type = read_int(s, key));  // numeric text, e.g. "2"
      LEDA_FIELD("controlType", m.control_type = read_str(s, key));
      LEDA_FIELD("agentId", m.agent_id = read_str(s, key));
      LEDA_FIELD("contentFormat", m.content_format = read_str(s, key));
      LEDA_FIELD("messageId", m.message_id = read_text(s, key));
      LEDA_FIELD("dialogId", m.dialog_id = read_str(s, key));
      LEDA_FIELD("fileData", read_file_data(s, key, m));
      LEDA_FIELD("linkData", read_file_data(s, key, m));
      LEDA_FIELD("mcs", s.cur.skip_value());
      default:
        unknown_field(s, key);
    }
  });
  s.frag.messages.push_back(m);
}

void read_transfer(ParseState& s) {
  Transfer t;
  read_record(s, "transfers item", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("timestamp", t.timestamp = read_time(s, key));
      LEDA_FIELD("skillId", t.skill_id = read_long(s, key));
      LEDA_FIELD("targetSkillId", t.target_skill_id = read_long(s, key));
      LEDA_FIELD("agentId", t.agent_id = read_str(s, key));
      LEDA_FIELD("targetAgentId", t.target_agent_id = read_str(s, key));
      LEDA_FIELD("reason", t.reason = read_long(s, key));
      LEDA_FIELD("queueStartTime", t.queue_start = read_time(s, key));
      LEDA_FIELD("queueEndTime", t.queue_end = read_time(s, key));
      LEDA_FIELD("isInteractive", t.is_interactive = read_bool(s, key));
      default:
        unknown_field(s, key);
    }
  });
  s.frag.transfers.push_back(t);
}

// The number of items of an array whose items are not modelled (secure forms, Q13).
std::uint32_t count_items(ParseState& s, std::string_view what) {
  std::uint32_t n = 0;
  read_array(s, what, [&] {
    s.cur.skip_value();
    ++n;
  });
  return n;
}

// `mcs` as compact JSON text (its structure is undocumented, Q13).
Str read_compact_json(ParseState& s) {
  if (s.cur.try_null()) return Str{};
  s.cur.peek();
  const char* from = s.cur.position();
  s.cur.skip_value();
  const char* to = s.cur.position();
  std::string& out = s.text;
  out.clear();
  bool in_string = false;
  for (const char* p = from; p < to; ++p) {
    const char c = *p;
    if (in_string) {
      out += c;
      if (c == '\\' && p + 1 < to) {
        out += *++p;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
      out += c;
      in_string = c == '"';
    }
  }
  return s.intern(out);
}

void read_conversation_member(ParseState& s, std::string_view key, Conversation& c) {
  model::Fragment& f = s.frag;
  switch (key_hash(key)) {
    LEDA_FIELD("type", c.type = read_str(s, key));
    LEDA_FIELD("conversationId", c.conversation_id = read_str(s, key));
    LEDA_FIELD("conversationStartTime", c.conversation_start = read_time(s, key));
    LEDA_FIELD("interactionStartTime", c.interaction_start = read_time(s, key));
    LEDA_FIELD("conversationEndTime", c.conversation_end = read_time(s, key));
    LEDA_FIELD("consumerId", c.consumer_id = read_str(s, key));
    LEDA_FIELD("isInteractive", c.is_interactive = read_bool(s, key));
    LEDA_FIELD("sourceOrigin", c.source_origin = read_str(s, key));
    LEDA_FIELD("sourceDevice", c.source_device = read_str(s, key));
    LEDA_FIELD("endReasonId", c.end_reason_id = read_int(s, key));
    LEDA_FIELD2("startReasonId", "StartReasonId", c.start_reason_id = read_int(s, key));
    LEDA_FIELD("campaignData", read_campaign_data(s, key, c));
    LEDA_FIELD("skills", c.skills = read_list(s, key, f.longs, [&] {
                           f.longs.push_back(read_long(s, "skills item"));
                         }));
    LEDA_FIELD("agentId", c.agent_id = read_str(s, key));
    LEDA_FIELD2("skillID", "skillId", c.skill_id = read_long(s, key));
    LEDA_FIELD("startPage", c.start_page = read_str(s, key));
    LEDA_FIELD("startUrl", c.start_url = read_str(s, key));
    LEDA_FIELD("transcripts", c.transcript = read_list_if(s, kNeedTranscripts, key, f.messages,
                                                          [&] { read_message(s); }));
    LEDA_FIELD("transfers", c.transfers = read_list_if(s, kNeedTransfers, key, f.transfers,
                                                       [&] { read_transfer(s); }));
    LEDA_FIELD("secureForms", c.secure_forms = count_items(s, key));
    LEDA_FIELD("mcs", c.mcs = read_compact_json(s));
    LEDA_FIELD("queueStartTime", c.queue_start = read_time(s, key));
    LEDA_FIELD("queueEndTime", c.queue_end = read_time(s, key));
    default:
      unknown_field(s, key);
  }
}

// One `engagements` item: a union whose Conversation branch is read (a bare Conversation
// record is accepted too); other branches are counted and skipped.
void read_engagement_item(ParseState& s) {
  Conversation c;
  std::string_view branch;
  bool other = false;
  const bool present = read_record(
      s, "engagements item",
      [&](std::string_view key) {
        if (!branch.empty() && short_name(branch) != "Conversation") {
          other = true;
          s.cur.skip_value();
          return;
        }
        read_conversation_member(s, key, c);
      },
      &branch);
  if (!present) return;  // a null item
  if (other || (!branch.empty() && short_name(branch) != "Conversation")) {
    ++s.unknown_branches;
    return;
  }
  if (!c.conversation_id.present() || s.frag.strings.view(c.conversation_id).empty()) {
    s.reject("conversation without a conversationId");
    return;
  }
  c.record_start = s.record_start;
  c.record_end = s.record_end;
  s.frag.conversations.push_back(c);
  s.frag.conversation_records.push_back(s.record);
}

}  // namespace

void read_engagement_body(ParseState& s) {
  model::Fragment& f = s.frag;
  const std::size_t first = f.conversations.size();
  Str visit_id, visitor_id, context_id;
  read_record(s, "EngagementData", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("header", read_visitor_header(s, key, visit_id, visitor_id, context_id));
      LEDA_FIELD("engagements", read_array(s, key, [&] { read_engagement_item(s); }));
      default:
        unknown_field(s, key);
    }
  });
  for (std::size_t i = first; i < f.conversations.size(); ++i) {
    f.conversations[i].visit_id = visit_id;
    f.conversations[i].visitor_id = visitor_id;
    f.conversations[i].context_id = context_id;
  }
}

}  // namespace leda::load
