#include "cli_support.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace leda::test {
namespace {

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

std::string message_line(const std::string& text, std::int64_t t, const std::string& by, int type,
                         const std::string& agent_id, const std::string& id) {
  return "{\"text\":{\"string\":\"" + text + "\"},\"timestamp\":{\"long\":" + std::to_string(t) +
         "},\"by\":{\"string\":\"" + by + "\"},\"type\":{\"string\":\"" + std::to_string(type) +
         "\"},\"controlType\":null,\"agentId\":{\"string\":\"" + agent_id +
         "\"},\"contentFormat\":{\"string\":\"Text\"},\"messageId\":{\"string\":\"" + id +
         "\"},\"dialogId\":null,\"fileData\":null,\"linkData\":null,\"mcs\":null}";
}

std::string engagement_record(const ChatSpec& c) {
  const std::int64_t interaction = c.start_ms + 500, end = c.start_ms + 600000;
  std::string lines = message_line("hello", c.visitor_line_ms, "Visitor", 0, "", c.id + "-v");
  if (c.agent_line_ms)
    lines += "," + message_line("hi, how can I help?", c.agent_line_ms, "Agent " + c.agent_id, 1,
                                c.agent_id, c.id + "-a");
  const auto L = [](std::int64_t v) { return "{\"long\":" + std::to_string(v) + "}"; };
  return "{\"dataType\":{\"com.liveperson.dataaccess.DataTypeEnum\":\"Engagement\"},"
         "\"metaData\":{\"accountId\":{\"string\":\"75555851\"},\"schemaVersion\":\"1.0.0.22\","
         "\"startTime\":" +
         L(c.start_ms) + ",\"endTime\":" + L(end) +
         "},\"recordCollection\":[{\"body\":{\"com.liveperson.dataaccess.EngagementData\":{"
         "\"header\":{\"com.liveperson.dataaccess.VisitorHeader\":{\"visitId\":{\"string\":\"\"},"
         "\"visitorId\":{\"string\":\"\"},\"contextId\":{\"string\":\"\"}}},\"engagements\":{"
         "\"array\":[{\"com.liveperson.dataaccess.Conversation\":{\"type\":{\"com.liveperson."
         "dataaccess.ConversationType\":\"LIVE_CHAT\"},\"conversationId\":{\"string\":\"" +
         c.id + "\"},\"conversationStartTime\":" + L(c.start_ms) +
         ",\"interactionStartTime\":" + L(interaction) + ",\"conversationEndTime\":" + L(end) +
         ",\"consumerId\":null,\"isInteractive\":{\"boolean\":true},\"sourceOrigin\":{\"string\":"
         "\"Web\"},\"sourceDevice\":null,\"endReasonId\":{\"int\":205},\"campaignData\":null,"
         "\"skills\":{\"array\":[" +
         std::to_string(c.skill) +
         "]},\"startReasonId\":{\"int\":0},\"startPage\":null,\"startUrl\":null,\"transcripts\":{"
         "\"array\":[" +
         lines +
         "]},\"transfers\":{\"array\":[]},\"secureForms\":{\"array\":[]},\"mcs\":null,"
         "\"queueStartTime\":" +
         L(c.start_ms) + ",\"queueEndTime\":" + L(interaction) + "}}]}}}}]}";
}

}  // namespace

int run_shell(const std::string& command, const std::filesystem::path& log) {
  const int status = std::system((command + " >" + quoted(log.string()) + " 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::vector<ChatSpec> sample_chats(int count) {
  constexpr std::int64_t kStart = 1772442000000;  // 2026-03-02T09:00:00Z
  std::vector<ChatSpec> chats;
  for (int i = 0; i < count; ++i) {
    ChatSpec c;
    c.id = "conv-" + std::to_string(i);
    c.start_ms = kStart + std::int64_t{i} * 60000;
    c.visitor_line_ms = c.start_ms + 2000;
    c.agent_line_ms = c.visitor_line_ms + (i % 7 + 1) * 1000;
    c.agent_id = "10" + std::to_string(i % 3);
    c.skill = i % 4 + 1;
    chats.push_back(c);
  }
  return chats;
}

void write_engagement_files(const std::filesystem::path& dir, const std::vector<ChatSpec>& chats,
                            int per_file) {
  std::filesystem::create_directories(dir);
  for (std::size_t first = 0, n = 0; first < chats.size(); first += per_file, ++n) {
    std::string text;
    for (std::size_t i = first; i < std::min(chats.size(), first + per_file); ++i)
      text += engagement_record(chats[i]) + "\n";
    write_file(dir / ("engagement-" + std::to_string(n) + ".json"), text);
  }
}

}  // namespace leda::test
