// conversations.cpp — the `conversations` KPI plugin: volume, abandonment, speed of answer,
// service level, chat length, interactivity and transfers per skill, agent, day or interval
// (KPI spec sections 3 and 6).
#include <cmath>
#include <memory>
#include <string>

#include "conversations_state.hpp"
#include "leda/conversation_facts.hpp"
#include "leda/kpi.hpp"

namespace leda::kpi {
namespace {

class Conversations final : public Kpi<ConversationsState> {
 public:
  const Description& describe() const override { return desc_; }

  void configure(const Params& params, const Joins&) override {
    ConversationsConfig c;
    c.group_by = conversation_dimensions().parse(params);
    c.sl_threshold_s = params.get_number("sl_threshold_s");
    if (!std::isfinite(c.sl_threshold_s) || c.sl_threshold_s < 0)
      throw ParamError("sl_threshold_s", "must be a number of seconds >= 0");
    c.buckets = TimeBuckets::from_params(params);
    config_ = std::move(c);
  }

  void consume(ConversationsState& st, const Batch& batch) const override {
    for (const Conversation& c : conversations_of(batch))
      add(st, ConversationFacts::of(*batch.model, c));
  }

  Table finish(ConversationsState&& st) const override {
    return conversations_table(config_, std::move(st));
  }

 private:
  void add(ConversationsState& st, const ConversationFacts& f) const {
    const ConversationsConfig& c = config_;
    ConversationKey k;
    if (c.by(ConversationDim::kSkill)) k.skill = f.skill_id;
    if (c.by(ConversationDim::kAgent)) k.agent = f.agent_id;
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
      .name = "conversations",
      .version = "1.1.0",
      .summary =
          "Conversations, abandonment, average speed of answer, service level, chat "
          "length, interactivity and transfers",
      .params =
          {
              conversation_dimensions().param("none",
                                              "row keys, comma-separated; none: one total row"),
              {"sl_threshold_s",
               ParamType::kNumber,
               "30",
               "service level threshold: connected within this many seconds of waiting",
               {}},
              TimeBuckets::interval_param(),
              TimeBuckets::tz_param(),
          },
      .needs = kNeedEngagement | kNeedTranscripts | kNeedTransfers,
      .columns = conversation_columns(),
      .state_version = 1};
  ConversationsConfig config_;
};

}  // namespace
}  // namespace leda::kpi

LEDA_PLUGIN(leda::kpi::Conversations, "conversations", "1.1.0")
