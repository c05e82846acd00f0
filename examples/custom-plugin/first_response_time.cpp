// first-response-time: how long visitors wait for an agent's first answer, per agent, next to
// the agent's Online time.
//
// The first response time of a conversation is the time from the visitor's first line in the
// transcript to the first agent line (message type 1, 3 or 4) at or after it. The agent is the
// one who wrote that line. Conversations where the visitor never wrote, or no agent answered,
// are not counted (the notes say how many).
//
// The KPI reads agents (their Online time, from agent activity) and conversations together.
// leda shards them apart: an agent and the conversations it answered are usually in different
// shards. So the state keeps, per agent, what each side contributes (response times from the
// conversations, Online milliseconds from the agent), merges both by agent, and joins them in
// finish(), when every shard has been merged.
//
//   leda run first-response-time --data DIR --plugin-dir build
//   leda run first-response-time --data DIR --plugin-dir build --param threshold_s=30
#include <leda/agent_timeline.hpp>
#include <leda/keyed_map.hpp>
#include <leda/kpi.hpp>
#include <leda/samples.hpp>
#include <leda/stats.hpp>

#include <algorithm>
#include <string>

namespace {

// Transcript line types written by an agent: rep text, rep URL, rep HTML.
bool is_agent_line(const leda::Message& m) {
  return m.type == 1 || m.type == 3 || m.type == 4;
}

// What one agent contributes, from either side.
struct AgentFacts {
  leda::Samples responses = leda::Samples::durations();  // from conversations, in ms
  std::int64_t within_threshold = 0;                     // from conversations
  std::int64_t online_ms = 0;                            // from the agent's activity
  void merge(AgentFacts&& o) {
    responses.merge(std::move(o.responses));
    within_threshold += o.within_threshold;
    online_ms += o.online_ms;
  }
  LEDA_FIELDS(responses, within_threshold, online_ms)
};

struct State {
  leda::KeyedMap<leda::AgentKey, AgentFacts> agents;
  std::int64_t no_visitor_line = 0, unanswered = 0;
  void merge(State&& o) {
    agents.merge(std::move(o.agents));
    no_visitor_line += o.no_visitor_line;
    unanswered += o.unanswered;
  }
  LEDA_FIELDS(agents, no_visitor_line, unanswered)  // the state can travel between processes
};

class FirstResponseTime final : public leda::Kpi<State> {
 public:
  const leda::Description& describe() const override { return desc_; }

  void configure(const leda::Params& params, const leda::Joins&) override {
    threshold_ms_ = params.get_int("threshold_s") * 1000;
    if (threshold_ms_ < 0) throw leda::ParamError("threshold_s", "must not be negative");
  }

  void consume(State& st, const leda::Batch& batch) const override {
    const leda::Model& model = *batch.model;
    for (const leda::Conversation& c : leda::conversations_of(batch)) {
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
      const std::int64_t ms = answer->timestamp - visitor->timestamp;
      AgentFacts& f = st.agents[leda::agent_key(model.str(answer->agent_id))];
      f.responses.add(ms);
      f.within_threshold += ms <= threshold_ms_;
    }
    // The other side: Online time of the agents in this shard.
    for (const leda::Agent& a : leda::agents_of(batch)) {
      std::int64_t online = 0;
      for (const leda::TimelinePiece& p : leda::AgentTimeline::build(model, a).pieces)
        if (p.state == leda::kStateOnline) online += p.end - p.start;
      if (online > 0) st.agents[a.agent_id].online_ms += online;
    }
  }

  leda::Table finish(State&& st) const override {
    leda::Table t;
    t.columns = desc_.columns;
    for (const auto& [agent, f] : st.agents) {
      if (f.responses.empty()) continue;  // an agent who answered nobody: no row
      const leda::Value id = agent == leda::kNoLong ? leda::Value() : leda::Value(agent);
      const double hours = static_cast<double>(f.online_ms) / 3.6e6;
      t.rows.push_back(
          {id, f.responses.count(), f.responses.mean(), f.responses.quantile(0.5),
           f.responses.quantile(0.9), f.responses.max(),
           leda::ratio(f.within_threshold, f.responses.count()), leda::seconds(f.online_ms),
           hours > 0
               ? leda::Value(leda::round_to(static_cast<double>(f.responses.count()) / hours, 3))
               : leda::Value()});
    }
    if (st.no_visitor_line)
      t.notes.push_back(leda::plural(st.no_visitor_line, "conversation") +
                        " without a visitor line not counted");
    if (st.unanswered)
      t.notes.push_back(leda::plural(st.unanswered, "conversation") +
                        " where no agent answered the visitor not counted");
    return t;
  }

 private:
  leda::Description desc_{
      .name = "first-response-time",
      .version = "2.0.0",
      .summary = "Time from the visitor's first line to the agent's first answer, per agent",
      .params = {{"threshold_s",
                  leda::ParamType::kInt,
                  "60",
                  "answers within this many seconds count in within_threshold",
                  {}}},
      .needs = leda::kNeedEngagement | leda::kNeedTranscripts | leda::kNeedAgentActivity |
               leda::kNeedEvents,
      .columns = {{"agent_id", leda::ColumnType::kInt, leda::Unit::kId,
                   "the agent who answered first", leda::ColumnRole::kKey},
                  {"conversations", leda::ColumnType::kInt, leda::Unit::kCount,
                   "conversations the agent answered first", leda::ColumnRole::kHeadline},
                  {"avg_first_response_s", leda::ColumnType::kNumber, leda::Unit::kSeconds,
                   "mean first response time", leda::ColumnRole::kHeadline},
                  {"median_first_response_s", leda::ColumnType::kNumber, leda::Unit::kSeconds,
                   "median first response time"},
                  {"p90_first_response_s", leda::ColumnType::kNumber, leda::Unit::kSeconds,
                   "90th percentile of first response times"},
                  {"max_first_response_s", leda::ColumnType::kNumber, leda::Unit::kSeconds,
                   "longest first response time"},
                  {"within_threshold", leda::ColumnType::kNumber, leda::Unit::kRatio,
                   "share answered within threshold_s", leda::ColumnRole::kHeadline},
                  {"online_s", leda::ColumnType::kNumber, leda::Unit::kSeconds,
                   "the agent's Online time in the data"},
                  {"answers_per_online_hour", leda::ColumnType::kNumber, leda::Unit::kNumber,
                   "conversations answered first per hour Online"}},
      .state_version = 1};
  std::int64_t threshold_ms_ = 60000;
};

}  // namespace

LEDA_PLUGIN(FirstResponseTime, "first-response-time", "2.0.0")
