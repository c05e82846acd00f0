#include "agent_records.hpp"

#include <fmt/format.h>

namespace leda::test {
namespace {

std::string long_or_null(std::int64_t v) {
  return v == kNoLong ? "null" : fmt::format(R"({{"long":{}}})", v);
}
std::string int_or_null(std::int32_t v) {
  return v == kNoInt ? "null" : fmt::format(R"({{"long":{}}})", v);
}
std::string string_or_null(const std::string& v) {
  return v.empty() ? "null" : fmt::format(R"({{"string":"{}"}})", v);
}

}  // namespace

std::string agent_item(const std::string& session, const AgentNames& who,
                       const std::vector<AgentEvent>& events) {
  std::string items;
  for (const AgentEvent& e : events) {
    if (!items.empty()) items += ',';
    items += fmt::format(
        R"({{"agentID":{},"type":{},"state":{},"timestamp":{},"prevState":{},)"
        R"("agentEmployeeId":{},"agentUsername":{},"agentNickname":{},"agentLoginname":{},)"
        R"("prevConcurrentEng":{},"concurrentEng":{},"maxConcurrentEng":{},"agentGroupID":{}}})",
        long_or_null(who.agent_id), int_or_null(e.type), int_or_null(e.state),
        long_or_null(e.timestamp), int_or_null(e.prev_state), string_or_null(who.employee),
        string_or_null(who.user), string_or_null(who.nick), string_or_null(who.login),
        int_or_null(e.prev_concurrent_eng), int_or_null(e.concurrent_eng),
        int_or_null(e.max_concurrent_eng), long_or_null(e.agent_group_id));
  }
  return fmt::format(
      R"({{"body":{{"com.liveperson.dataaccess.AgentActivityData":{{"header":{{)"
      R"("com.liveperson.dataaccess.AgentHeader":{{"agentSessionId":{{"string":"{}"}}}}}},)"
      R"("agentSessionsData":{{"array":[{}]}}}}}}}})",
      session, items);
}

std::string agent_record_of(const std::vector<std::string>& items, TimeMs start, TimeMs end) {
  std::string collection;
  for (const std::string& item : items)
    collection += (collection.empty() ? "" : ",") + item;
  return fmt::format(
             R"({{"dataType":{{"com.liveperson.dataaccess.DataTypeEnum":"AgentActivity"}},)"
             R"("metaData":{{"accountId":{{"string":"75555851"}},"schemaVersion":"1.0.0.4",)"
             R"("startTime":{},"endTime":{}}},"recordCollection":[{}]}})",
             long_or_null(start), long_or_null(end), collection) +
         "\n";
}

AgentEvent agent_event(TimeMs t, std::int32_t type, std::int32_t state, std::int32_t c,
                       std::int32_t m, std::int64_t group) {
  AgentEvent e;
  e.timestamp = t;
  e.type = type;
  e.state = state;
  e.concurrent_eng = c;
  e.max_concurrent_eng = m;
  e.agent_group_id = group;
  e.prev_state = kNoInt;
  e.prev_concurrent_eng = kNoInt;
  return e;
}

}  // namespace leda::test
