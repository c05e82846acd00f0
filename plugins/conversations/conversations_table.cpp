// conversations_table.cpp — the conversations result table: key columns in group_by order, then
// the counts and rates of KPI spec section 3.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "conversations_state.hpp"
#include "leda/stats.hpp"

namespace leda::kpi {
namespace {

Value count(std::int64_t n) {
  return Value(std::in_place_type<std::int64_t>, n);
}

// Mean of a millisecond sum over n values, in seconds; null when n is 0.
Value mean_seconds(std::int64_t sum_ms, std::int64_t n) {
  if (n == 0) return std::monostate{};
  return static_cast<double>(sum_ms) / static_cast<double>(n) / 1000.0;
}

// A maximum in milliseconds as seconds; null when there was no value (-1).
Value max_seconds(std::int64_t ms) {
  if (ms < 0) return std::monostate{};
  return static_cast<double>(ms) / 1000.0;
}

std::string plain(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

int compare_on(ConversationDim d, const ConversationKey& a, const ConversationKey& b) {
  auto cmp = [](const auto& x, const auto& y) { return x < y ? -1 : y < x ? 1 : 0; };
  switch (d) {
    case ConversationDim::kSkill:
      return cmp(a.skill, b.skill);
    case ConversationDim::kAgent:
      return cmp(a.agent, b.agent);
    case ConversationDim::kDay:
      return cmp(a.day, b.day);
    case ConversationDim::kInterval:
      return cmp(a.interval, b.interval);
  }
  return 0;
}

}  // namespace

Table conversations_table(const ConversationsConfig& config, ConversationsState&& st) {
  Table t;
  for (ConversationDim d : config.group_by) {
    switch (d) {
      case ConversationDim::kSkill:
        t.columns.push_back({"skill_id", ColumnType::kInt});
        break;
      case ConversationDim::kAgent:
        t.columns.push_back({"agent_id", ColumnType::kString});
        break;
      case ConversationDim::kDay:
        t.columns.push_back({"day", ColumnType::kString});
        break;
      case ConversationDim::kInterval:
        t.columns.push_back({"interval_start", ColumnType::kString});
        break;
    }
  }
  t.columns.insert(t.columns.end(), {{"conversations", ColumnType::kInt},
                                     {"connected", ColumnType::kInt},
                                     {"abandoned", ColumnType::kInt},
                                     {"abandon_rate", ColumnType::kNumber},
                                     {"asa_s", ColumnType::kNumber},
                                     {"max_wait_s", ColumnType::kNumber},
                                     {"service_level", ColumnType::kNumber},
                                     {"avg_chat_length_s", ColumnType::kNumber},
                                     {"interactive", ColumnType::kInt},
                                     {"interactive_rate", ColumnType::kNumber},
                                     {"transferred", ColumnType::kInt},
                                     {"transfer_rate", ColumnType::kNumber}});

  std::vector<const std::pair<const ConversationKey, ConversationSums>*> rows;
  for (const auto& entry : st.sums)
    rows.push_back(&entry);
  std::stable_sort(rows.begin(), rows.end(), [&](const auto* a, const auto* b) {
    for (ConversationDim d : config.group_by)
      if (int c = compare_on(d, a->first, b->first)) return c < 0;
    return false;
  });

  std::int64_t total = 0;
  for (const auto* entry : rows) {
    const ConversationKey& k = entry->first;
    const ConversationSums& s = entry->second;
    total += s.conversations;
    std::vector<Value> row;
    for (ConversationDim d : config.group_by) {
      switch (d) {
        case ConversationDim::kSkill:
          row.push_back(k.skill == kNoLong ? Value() : count(k.skill));
          break;
        case ConversationDim::kAgent:
          row.push_back(k.agent.empty() ? Value() : Value(k.agent));
          break;
        case ConversationDim::kDay:
          row.push_back(k.day == kNoLong ? Value() : Value(day_text(k.day)));
          break;
        case ConversationDim::kInterval:
          row.push_back(k.interval == kNoLong ? Value()
                                              : Value(config.buckets->rfc3339(k.interval)));
          break;
      }
    }
    const std::int64_t abandoned = s.conversations - s.connected;
    row.push_back(count(s.conversations));
    row.push_back(count(s.connected));
    row.push_back(count(abandoned));
    row.push_back(ratio(abandoned, s.conversations));
    row.push_back(mean_seconds(s.wait_ms, s.waits));
    row.push_back(max_seconds(s.max_wait_ms));
    row.push_back(ratio(s.within_sl, s.conversations));
    row.push_back(mean_seconds(s.length_ms, s.lengths));
    row.push_back(count(s.interactive));
    row.push_back(ratio(s.interactive, s.connected));
    row.push_back(count(s.transferred));
    row.push_back(ratio(s.transferred, s.connected));
    t.rows.push_back(std::move(row));
  }

  const ConversationIssues& is = st.issues;
  t.notes.push_back(std::to_string(total) + " conversations; service level threshold " +
                    plain(config.sl_threshold_s) + " s");
  if (is.end_missing)
    t.notes.push_back(std::to_string(is.end_missing) +
                      " conversations without conversationEndTime were dated by their latest "
                      "other time");
  if (is.undated)
    t.notes.push_back(std::to_string(is.undated) +
                      " conversations without any time have no day or interval");
  if (is.no_wait)
    t.notes.push_back(std::to_string(is.no_wait) +
                      " connected conversations without queue or start times have no wait (not "
                      "in asa_s, max_wait_s, nor within the service level)");
  if (is.negative_wait)
    t.notes.push_back(std::to_string(is.negative_wait) +
                      " connected conversations with a negative wait were left out of the wait "
                      "figures");
  if (is.no_length)
    t.notes.push_back(std::to_string(is.no_length) +
                      " connected conversations without a usable end time have no chat length");
  return t;
}

}  // namespace leda::kpi
