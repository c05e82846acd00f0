#include "load_test_support.hpp"

#include <fmt/format.h>

#include "support/files.hpp"

namespace leda::test {
namespace fs = std::filesystem;

std::string spec_example_path(const std::string& name) {
  return std::string(LEDA_SPEC_EXAMPLES) + "/" + name;
}

std::string spec_example(const std::string& name) {
  return read_file(spec_example_path(name));
}

load::LoadResult load_all(const std::vector<std::string>& paths, unsigned threads,
                          std::uint32_t needs) {
  load::LoadOptions options;
  options.threads = threads;
  options.needs = needs;
  options.progress = false;
  return load::load(paths, options);
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
    text.replace(pos, from.size(), to);
  return text;
}

std::string agent_record(const std::string& session, std::int64_t agent,
                         const std::vector<TestEvent>& events, const std::string& login) {
  std::string items;
  for (const TestEvent& e : events) {
    if (!items.empty()) items += ',';
    items += fmt::format(
        R"({{"agentID":{{"long":{}}},"type":{{"long":{}}},"state":{{"long":{}}},)"
        R"("timestamp":{{"long":{}}},"prevState":{{"long":1}},"agentEmployeeId":{{"string":"E{}"}},)"
        R"("agentUsername":{{"string":"user{}"}},"agentNickname":{{"string":"nick{}"}},)"
        R"("agentLoginname":{{"string":"{}"}},"prevConcurrentEng":{{"long":0}},)"
        R"("concurrentEng":{{"long":0}},"maxConcurrentEng":{{"long":3}},"agentGroupID":{{"long":-1}}}})",
        agent, e.type, e.state, e.timestamp, agent, agent, agent, login);
  }
  const std::int64_t start = events.empty() ? 0 : events.front().timestamp;
  return fmt::format(
             R"({{"dataType":{{"com.liveperson.dataaccess.DataTypeEnum":"AgentActivity"}},)"
             R"("metaData":{{"accountId":{{"string":"75555851"}},"schemaVersion":"1.0.0.4",)"
             R"("startTime":{{"long":{}}},"endTime":null}},"recordCollection":[{{"body":{{)"
             R"("com.liveperson.dataaccess.AgentActivityData":{{"header":{{)"
             R"("com.liveperson.dataaccess.AgentHeader":{{"agentSessionId":{{"string":"{}"}}}}}},)"
             R"("agentSessionsData":{{"array":[{}]}}}}}}}}]}})",
             start, session, items) +
         "\n";
}

namespace {

std::string visitor_header(const std::string& visit) {
  return fmt::format(
      R"("header":{{"com.liveperson.dataaccess.VisitorHeader":{{"visitId":{{"string":"{}"}},)"
      R"("visitorId":{{"string":"visitor-{}"}},"contextId":null}}}})",
      visit, visit);
}

std::string envelope(const char* type, std::int64_t start, const std::string& bodies) {
  return fmt::format(
             R"({{"dataType":{{"com.liveperson.dataaccess.DataTypeEnum":"{}"}},)"
             R"("metaData":{{"accountId":{{"string":"75555851"}},"schemaVersion":"1.0.0.35",)"
             R"("startTime":{{"long":{}}},"endTime":{{"long":{}}}}},"recordCollection":[{}]}})",
             type, start, start + 1000, bodies) +
         "\n";
}

}  // namespace

std::string navigation_record(const std::string& visit, std::int64_t start,
                              const std::vector<std::int64_t>& page_times) {
  std::string pages;
  for (std::int64_t t : page_times) {
    if (!pages.empty()) pages += ',';
    pages +=
        fmt::format(R"({{"timestamp":{{"long":{}}},"url":{{"string":"https://example.com/{}"}},)"
                    R"("referrerUrl":{{"string":""}},"sections":{{"array":["s{}"]}}}})",
                    t, t, t);
  }
  return envelope(
      "WebSession", start,
      fmt::format(R"({{"body":{{"com.liveperson.dataaccess.WebSessionNavigationData":{{{},)"
                  R"("navigationData":{{"array":[{}]}}}}}}}})",
                  visitor_header(visit), pages));
}

std::string conversation_record(const std::string& conversation, const std::string& visit,
                                std::int64_t start) {
  return envelope(
      "Engagement", start,
      fmt::format(
          R"({{"body":{{"com.liveperson.dataaccess.EngagementData":{{{},"engagements":{{"array":[)"
          R"({{"com.liveperson.dataaccess.Conversation":{{"type":{{)"
          R"("com.liveperson.dataaccess.ConversationType":"LIVE_CHAT"}},)"
          R"("conversationId":{{"string":"{}"}},"conversationStartTime":{{"long":{}}},)"
          R"("interactionStartTime":{{"long":{}}},"conversationEndTime":{{"long":{}}},)"
          R"("skills":{{"array":[7]}},"transcripts":{{"array":[{{"text":{{"string":"hello"}},)"
          R"("timestamp":{{"long":{}}},"by":{{"string":"info"}},"type":{{"string":"2"}}}}]}},)"
          R"("transfers":{{"array":[]}}}}}}]}}}}}}}})",
          visitor_header(visit), conversation, start, start + 10, start + 900, start + 1));
}

std::string survey_record(std::int64_t survey, const std::string& conversation,
                          std::int64_t start) {
  return envelope(
      "Survey", start,
      fmt::format(R"({{"body":{{"com.liveperson.dataaccess.SurveyData":{{{},"surveys":{{"array":[)"
                  R"({{"id":{{"long":{}}},"type":{{"int":2}},"viewTime":null,)"
                  R"("conversationId":{{"string":"{}"}},"contents":{{"array":[{{)"
                  R"("question":{{"string":"How satisfied were you?"}},"answer":{{"string":"5"}},)"
                  R"("answerSubmitTime":{{"long":{}}},"surveyName":{{"string":"Exit"}},)"
                  R"("answerType":{{"int":2}},"csatThreshold":{{"double":4}}}}]}}}}]}}}}}}}})",
                  visitor_header(""), survey, conversation, start));
}

std::string error_text(const load::LoadStats& stats) {
  std::string out;
  for (const load::LoadError& e : stats.error_samples)
    out += e.file + ":" + std::to_string(e.line) + " @" + std::to_string(e.offset) + ": " +
           e.reason + "\n";
  return out;
}

}  // namespace leda::test
