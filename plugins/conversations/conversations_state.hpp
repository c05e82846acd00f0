// conversations_state.hpp — configuration and mergeable state of the conversations KPI (KPI
// spec section 3).
//
// Every conversation is one merged record of the model, so consume() reduces each to counts
// and integer millisecond sums keyed by the group_by columns; merging adds them exactly.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "leda/group_by.hpp"
#include "leda/keyed_map.hpp"
#include "leda/plugin.hpp"
#include "leda/time_buckets.hpp"

namespace leda::kpi {

/// A group_by column of conversations.
enum class ConversationDim { kSkill, kAgent, kDay, kInterval };

/// Bound parameters.
struct ConversationsConfig {
  GroupBy<ConversationDim> group_by{{}};  ///< empty selection: one row
  double sl_threshold_s = 30;
  std::optional<TimeBuckets> buckets;
  bool by(ConversationDim d) const { return group_by.by(d); }
};

/// One output row's key; columns not grouped by keep their defaults.
struct ConversationKey {
  std::int64_t skill = kNoLong;  ///< kNoLong: no skill
  AgentKey agent = kNoLong;      ///< kNoLong: no agent
  std::int64_t day = kNoLong;    ///< LocalDay; kNoLong when the conversation has no time
  TimeMs interval = kNoLong;     ///< interval start; kNoLong when no time
  auto operator<=>(const ConversationKey&) const = default;
  LEDA_FIELDS(skill, agent, day, interval)
};

/// Counts and sums of one row.
struct ConversationSums {
  std::int64_t conversations = 0, connected = 0, interactive = 0, transferred = 0;
  std::int64_t waits = 0, wait_ms = 0, max_wait_ms = -1, within_sl = 0;
  std::int64_t lengths = 0, length_ms = 0;
  void merge(const ConversationSums& o) {
    conversations += o.conversations;
    connected += o.connected;
    interactive += o.interactive;
    transferred += o.transferred;
    waits += o.waits;
    wait_ms += o.wait_ms;
    max_wait_ms = std::max(max_wait_ms, o.max_wait_ms);
    within_sl += o.within_sl;
    lengths += o.lengths;
    length_ms += o.length_ms;
  }
  LEDA_FIELDS(conversations, connected, interactive, transferred, waits, wait_ms, max_wait_ms,
              within_sl, lengths, length_ms)
};

/// Data problems counted for the notes.
struct ConversationIssues {
  std::uint64_t end_missing = 0;    ///< no conversationEndTime: dated by the latest other time
  std::uint64_t undated = 0;        ///< no time at all: day and interval null
  std::uint64_t no_wait = 0;        ///< connected, wait not measurable
  std::uint64_t negative_wait = 0;  ///< connected, the times give a negative wait
  std::uint64_t no_length = 0;      ///< connected without a usable end: no chat length
  void merge(const ConversationIssues& o) {
    end_missing += o.end_missing;
    undated += o.undated;
    no_wait += o.no_wait;
    negative_wait += o.negative_wait;
    no_length += o.no_length;
  }
  LEDA_FIELDS(end_missing, undated, no_wait, negative_wait, no_length)
};

/// Per-shard state.
struct ConversationsState {
  KeyedMap<ConversationKey, ConversationSums> sums;
  ConversationIssues issues;
  void merge(ConversationsState&& o) {
    sums.merge(std::move(o.sums));
    issues.merge(o.issues);
  }
  LEDA_FIELDS(sums, issues)
};

/// The group_by choices and their key columns.
const GroupBy<ConversationDim>& conversation_dimensions();

/// Every column the table can have (for the description).
std::vector<Column> conversation_columns();

/// The result table of a fully merged state.
Table conversations_table(const ConversationsConfig& config, ConversationsState&& state);

}  // namespace leda::kpi
