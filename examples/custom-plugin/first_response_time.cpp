// first-response-time: how long visitors wait for an agent's first answer, per agent.
//
// The first response time of a conversation is the time from the visitor's first line in the
// transcript to the first agent line (message type 1, 3 or 4) at or after it. The agent is the
// one who wrote that line. Conversations where the visitor never wrote, or no agent answered,
// are not counted (the notes say how many).
//
//   leda run first-response-time --data DIR --plugin-dir build
//   leda run first-response-time --data DIR --plugin-dir build --param threshold_s=30
#include <leda/plugin.hpp>
#include <leda/stats.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace {

// Transcript line types written by an agent: rep text, rep URL, rep HTML.
bool is_agent_line(const leda::Message& m) {
  return m.type == 1 || m.type == 3 || m.type == 4;
}

class FirstResponseTime final : public leda::KpiPlugin {
  // Per agent, the response times (ms) of the conversations it answered first. Lists are
  // sorted at the end, so the result does not depend on how the host sharded the data.
  struct State final : leda::KpiState {
    std::map<std::string, std::vector<std::int64_t>> by_agent;
    std::int64_t no_visitor_line = 0, unanswered = 0;
  };

 public:
  const leda::Description& describe() const override { return desc_; }

  void configure(const leda::Params& params) override {
    threshold_ms_ = params.get_int("threshold_s") * 1000;
    if (threshold_ms_ < 0) throw leda::PluginError("threshold_s must not be negative");
  }

  std::unique_ptr<leda::KpiState> create_state() const override {
    return std::make_unique<State>();
  }

  void update(leda::KpiState& state, const leda::Batch& batch) const override {
    auto& st = static_cast<State&>(state);
    const leda::Model& model = *batch.model;
    for (std::uint32_t i = 0; i < batch.conversations.count; ++i) {
      const leda::Conversation& c = model.conversations[batch.conversations.first + i];
      const auto lines = model.transcript(c);
      const auto visitor = std::find_if(lines.begin(), lines.end(), [](const leda::Message& m) {
        return m.type == 0 && leda::has(m.timestamp);
      });
      if (visitor == lines.end()) {
        ++st.no_visitor_line;
        continue;
      }
      const auto answer = std::find_if(visitor, lines.end(), [&](const leda::Message& m) {
        return is_agent_line(m) && leda::has(m.timestamp) && m.timestamp >= visitor->timestamp;
      });
      if (answer == lines.end()) {
        ++st.unanswered;
        continue;
      }
      std::string agent(model.str(answer->agent_id));
      if (agent.empty()) agent = "(unknown)";
      st.by_agent[agent].push_back(answer->timestamp - visitor->timestamp);
    }
  }

  void merge(leda::KpiState& into, leda::KpiState&& from) const override {
    auto& a = static_cast<State&>(into);
    auto& b = static_cast<State&>(from);
    for (auto& [agent, times] : b.by_agent) {
      auto& dst = a.by_agent[agent];
      dst.insert(dst.end(), times.begin(), times.end());
    }
    a.no_visitor_line += b.no_visitor_line;
    a.unanswered += b.unanswered;
  }

  leda::Table finalize(leda::KpiState&& state) const override {
    auto& st = static_cast<State&>(state);
    leda::Table t;
    t.columns = {{"agent_id", leda::ColumnType::kString},
                 {"conversations", leda::ColumnType::kInt},
                 {"avg_first_response_s", leda::ColumnType::kNumber},
                 {"median_first_response_s", leda::ColumnType::kNumber},
                 {"p90_first_response_s", leda::ColumnType::kNumber},
                 {"max_first_response_s", leda::ColumnType::kNumber},
                 {"within_threshold", leda::ColumnType::kNumber}};
    for (auto& [agent, times] : st.by_agent) {
      std::sort(times.begin(), times.end());
      std::vector<double> seconds;
      std::int64_t total_ms = 0, within = 0;
      for (std::int64_t ms : times) {
        seconds.push_back(static_cast<double>(ms) / 1000.0);
        total_ms += ms;
        within += ms <= threshold_ms_;
      }
      const auto n = static_cast<std::int64_t>(times.size());
      t.rows.push_back({agent, n, static_cast<double>(total_ms) / 1000.0 / static_cast<double>(n),
                        leda::number_or_null(leda::quantile_type7(seconds, 0.5)),
                        leda::number_or_null(leda::quantile_type7(seconds, 0.9)), seconds.back(),
                        leda::ratio(within, n)});
    }
    if (st.no_visitor_line)
      t.notes.push_back(std::to_string(st.no_visitor_line) +
                        " conversations without a visitor line were not counted");
    if (st.unanswered)
      t.notes.push_back(std::to_string(st.unanswered) +
                        " conversations where no agent answered the visitor were not counted");
    return t;
  }

 private:
  leda::Description desc_{
      "first-response-time",
      "1.0.0",
      "Time from the visitor's first line to the agent's first answer, per agent",
      {{"threshold_s",
        leda::ParamType::kInt,
        "60",
        "answers within this many seconds count in within_threshold",
        {}}},
      leda::kNeedEngagement | leda::kNeedTranscripts,
      {}};
  std::int64_t threshold_ms_ = 60000;
};

}  // namespace

LEDA_PLUGIN(FirstResponseTime, "first-response-time", "1.0.0")
