// conversations.cpp — the `conversations` KPI plugin: volume, abandonment, speed of answer,
// service level, chat length, interactivity and transfers per skill, agent, day or interval
// (KPI spec sections 3 and 6).
#include <cmath>
#include <memory>
#include <string>

#include "conversations_state.hpp"
#include "leda/conversation_facts.hpp"
#include "leda/plugin.hpp"

namespace leda::kpi {
namespace {

class Conversations final : public KpiPlugin {
 public:
  const Description& describe() const override { return desc_; }

  void configure(const Params& params) override {
    ConversationsConfig c;
    const auto list = params.get_list("group_by");
    for (const std::string& g : list) {
      ConversationDim d;
      if (g == "none") {
        if (list.size() > 1) throw PluginError("group_by: 'none' cannot be combined with columns");
        continue;
      } else if (g == "skill") {
        d = ConversationDim::kSkill;
      } else if (g == "agent") {
        d = ConversationDim::kAgent;
      } else if (g == "day") {
        d = ConversationDim::kDay;
      } else if (g == "interval") {
        d = ConversationDim::kInterval;
      } else {
        throw PluginError("group_by: unknown column '" + g +
                          "' (choices: skill, agent, day, interval, none)");
      }
      if (!c.by(d)) c.group_by.push_back(d);
    }
    const std::string& sl = params.get("sl_threshold_s");
    try {
      c.sl_threshold_s = std::stod(sl);
    } catch (const std::exception&) {
      throw PluginError("sl_threshold_s: not a number: '" + sl + "'");
    }
    if (!std::isfinite(c.sl_threshold_s) || c.sl_threshold_s < 0)
      throw PluginError("sl_threshold_s must be a number of seconds >= 0, not '" + sl + "'");
    c.buckets.emplace(params.get("tz"), parse_interval_minutes(params.get("interval")));
    config_ = std::move(c);
  }

  std::unique_ptr<KpiState> create_state() const override {
    return std::make_unique<ConversationsState>();
  }

  void update(KpiState& s, const Batch& batch) const override {
    auto& st = static_cast<ConversationsState&>(s);
    const Model& m = *batch.model;
    const std::uint32_t end = batch.conversations.first + batch.conversations.count;
    for (std::uint32_t i = batch.conversations.first; i < end; ++i)
      add(st, ConversationFacts::of(m, m.conversations[i]));
  }

  void merge(KpiState& into_s, KpiState&& from_s) const override {
    auto& into = static_cast<ConversationsState&>(into_s);
    auto& from = static_cast<ConversationsState&>(from_s);
    for (const auto& [key, sums] : from.sums)
      into.sums[key].merge(sums);
    into.issues.merge(from.issues);
  }

  Table finalize(KpiState&& s) const override {
    return conversations_table(config_, std::move(static_cast<ConversationsState&>(s)));
  }

 private:
  void add(ConversationsState& st, const ConversationFacts& f) const {
    const ConversationsConfig& c = config_;
    ConversationKey k;
    if (c.by(ConversationDim::kSkill)) k.skill = f.skill_id;
    if (c.by(ConversationDim::kAgent)) k.agent = std::string(f.agent_id);
    if (has(f.dated_at)) {
      if (c.by(ConversationDim::kDay)) k.day = c.buckets->day_of(f.dated_at);
      if (c.by(ConversationDim::kInterval)) k.interval = c.buckets->interval_of(f.dated_at).start;
    } else {
      ++st.issues.undated;
    }
    st.issues.end_missing += f.end_missing;

    ConversationSums& s = st.sums[k];
    ++s.conversations;
    s.interactive += f.interactive;  // over all conversations, as `transferred`
    s.transferred += f.transferred;
    if (!f.connected) return;
    ++s.connected;
    if (f.wait_ms) {
      ++s.waits;
      s.wait_ms += *f.wait_ms;
      s.max_wait_ms = std::max(s.max_wait_ms, *f.wait_ms);
      s.within_sl += static_cast<double>(*f.wait_ms) <= c.sl_threshold_s * 1000.0;
    } else {
      ++(f.negative_wait ? st.issues.negative_wait : st.issues.no_wait);
    }
    if (f.length_ms) {
      ++s.lengths;
      s.length_ms += *f.length_ms;
    } else {
      ++st.issues.no_length;
    }
  }

  Description desc_{
      "conversations",
      "1.0.0",
      "Conversations, abandonment, average speed of answer, service level, chat length, "
      "interactivity and transfers",
      {
          {"group_by",
           ParamType::kList,
           "none",
           "row keys, comma-separated; none: one total row",
           {"skill", "agent", "day", "interval", "none"}},
          {"sl_threshold_s",
           ParamType::kNumber,
           "30",
           "service level threshold: connected within this many seconds of waiting",
           {}},
          {"interval",
           ParamType::kEnum,
           "60m",
           "interval length when grouping by interval",
           {"15m", "30m", "60m"}},
          {"tz", ParamType::kString, "UTC", "IANA time zone of days and intervals", {}},
      },
      kNeedEngagement | kNeedTranscripts | kNeedTransfers,
      {}};
  ConversationsConfig config_;
};

}  // namespace
}  // namespace leda::kpi

LEDA_PLUGIN(leda::kpi::Conversations, "conversations", "1.0.0")
