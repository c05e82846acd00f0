// conversations_table.cpp — the conversations result table: key columns in group_by order, then
// the counts and rates of KPI spec section 3.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "conversations_state.hpp"
#include "leda/samples.hpp"
#include "leda/stats.hpp"

namespace leda::kpi {
namespace {

Value count(std::int64_t n) {
  return Value(std::in_place_type<std::int64_t>, n);
}

// Mean of a millisecond sum over n values, in seconds at millisecond precision; null when n is 0.
Value mean_seconds(std::int64_t sum_ms, std::int64_t n) {
  if (n == 0) return std::monostate{};
  return round_to(static_cast<double>(sum_ms) / static_cast<double>(n) / 1000.0, 3);
}

// A maximum in milliseconds as seconds; null when there was no value (-1).
Value max_seconds(std::int64_t ms) {
  if (ms < 0) return std::monostate{};
  return seconds(ms);
}

std::string plain(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

Value or_null(std::int64_t v) {
  return v == kNoLong ? Value() : count(v);
}

int compare_on(ConversationDim d, const ConversationKey& a, const ConversationKey& b) {
  switch (d) {
    case ConversationDim::kSkill:
      return three_way(a.skill, b.skill);
    case ConversationDim::kAgent:
      return three_way(a.agent, b.agent);
    case ConversationDim::kDay:
      return three_way(a.day, b.day);
    case ConversationDim::kInterval:
      return three_way(a.interval, b.interval);
  }
  return 0;
}

std::vector<Column> measure_columns() {
  using enum Unit;
  constexpr auto kInt = ColumnType::kInt;
  constexpr auto kNum = ColumnType::kNumber;
  constexpr auto kHeadline = ColumnRole::kHeadline;
  return {
      {"conversations", kInt, kCount, "conversations dated in the row", kHeadline},
      {"connected", kInt, kCount, "conversations an agent joined"},
      {"abandoned", kInt, kCount, "conversations no agent joined"},
      {"abandon_rate", kNum, kRatio, "abandoned / conversations", kHeadline},
      {"asa_s", kNum, kSeconds, "average speed of answer: mean wait of connected conversations",
       kHeadline},
      {"max_wait_s", kNum, kSeconds, "longest wait of a connected conversation"},
      {"service_level", kNum, kRatio,
       "connected within the threshold (sl_threshold_s) / conversations", kHeadline},
      {"avg_chat_length_s", kNum, kSeconds, "mean chat length of connected conversations",
       kHeadline},
      {"interactive", kInt, kCount, "conversations marked interactive"},
      {"interactive_rate", kNum, kRatio, "interactive / connected"},
      {"transferred", kInt, kCount, "conversations with at least one transfer"},
      {"transfer_rate", kNum, kRatio, "transferred / connected"},
  };
}

}  // namespace

const GroupBy<ConversationDim>& conversation_dimensions() {
  using enum Unit;
  static const GroupBy<ConversationDim> kDims{{
      {"skill",
       ConversationDim::kSkill,
       {{"skill_id", ColumnType::kInt, kId, "the conversation's last skill"}}},
      {"agent",
       ConversationDim::kAgent,
       {{"agent_id", ColumnType::kInt, kId, "LiveEngage agent id of the conversation's agent"}}},
      {"day",
       ConversationDim::kDay,
       {{"day", ColumnType::kString, kDate, "local day of the conversation's end in tz"}}},
      {"interval",
       ConversationDim::kInterval,
       {{"interval_start", ColumnType::kString, kTimestamp,
         "start of the interval of the conversation's end in tz"}}},
  }};
  return kDims;
}

std::vector<Column> conversation_columns() {
  std::vector<Column> all = conversation_dimensions().all_key_columns();
  for (Column c : measure_columns())
    all.push_back(std::move(c));
  return all;
}

Table conversations_table(const ConversationsConfig& config, ConversationsState&& st) {
  Table t;
  t.columns = config.group_by.key_columns();
  for (Column c : measure_columns())
    t.columns.push_back(std::move(c));

  std::vector<const std::pair<const ConversationKey, ConversationSums>*> rows;
  for (const auto& entry : st.sums)
    rows.push_back(&entry);
  std::stable_sort(rows.begin(), rows.end(), [&](const auto* a, const auto* b) {
    return config.group_by.less(a->first, b->first, compare_on);
  });

  std::int64_t total = 0;
  for (const auto* entry : rows) {
    const ConversationKey& k = entry->first;
    const ConversationSums& s = entry->second;
    total += s.conversations;
    std::vector<Value> row;
    for (ConversationDim d : config.group_by.dims()) {
      switch (d) {
        case ConversationDim::kSkill:
          row.push_back(or_null(k.skill));
          break;
        case ConversationDim::kAgent:
          row.push_back(or_null(k.agent));
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
  t.notes.push_back(plural(static_cast<std::uint64_t>(total), "conversation") +
                    "; service level threshold " + plain(config.sl_threshold_s) + " s");
  if (is.end_missing)
    t.notes.push_back(plural(is.end_missing, "conversation") + " without conversationEndTime " +
                      std::string(agree(is.end_missing, "was", "were")) +
                      " dated by the latest other time");
  if (is.undated)
    t.notes.push_back(plural(is.undated, "conversation") + " without any time " +
                      std::string(agree(is.undated, "has", "have")) + " no day or interval");
  if (is.no_wait)
    t.notes.push_back(plural(is.no_wait, "connected conversation") +
                      " without queue or start times " +
                      std::string(agree(is.no_wait, "has", "have")) +
                      " no wait (not in asa_s, max_wait_s, nor within the service level)");
  if (is.negative_wait)
    t.notes.push_back(
        plural(is.negative_wait, "connected conversation") + " with a negative wait " +
        std::string(agree(is.negative_wait, "was", "were")) + " left out of the wait figures");
  if (is.no_length)
    t.notes.push_back(plural(is.no_length, "connected conversation") +
                      " without a usable end time " +
                      std::string(agree(is.no_length, "has", "have")) + " no chat length");
  return t;
}

}  // namespace leda::kpi
