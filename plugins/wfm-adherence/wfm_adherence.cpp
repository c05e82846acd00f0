// wfm_adherence.cpp — the `wfm-adherence` KPI plugin: schedule adherence (in and out of
// adherence, exceptions), conformance and planned and actual shrinkage of the agents a WFM
// schedule names, per agent, region, schedule day, interval or activity (wfm.md sections 3
// and 5). The actual side is the agent state timeline of kpis.md sections 1 and 6.
#include <string>

#include "adherence_state.hpp"
#include "leda/agent_timeline.hpp"
#include "leda/kpi.hpp"
#include "leda/time_buckets.hpp"

namespace leda::kpi {
namespace {

// Longest exception threshold accepted: a year (longer ones mean nothing, and keep ms in range).
constexpr std::int64_t kMaxThresholdS = 366LL * 86400;

class WfmAdherence final : public Kpi<AdherenceState> {
 public:
  const Description& describe() const override { return desc_; }

  void configure(const Params& params, const Joins& joins) override {
    AdherenceConfig c;
    c.group_by = adherence_dimensions().parse(params);
    c.buckets = TimeBuckets::from_params(params);
    const std::int64_t threshold = params.get_int("exception_threshold_s");
    if (threshold < 0 || threshold > kMaxThresholdS)
      throw ParamError("exception_threshold_s",
                       "must be from 0 to " + std::to_string(kMaxThresholdS) + " seconds");
    c.threshold_ms = threshold * 1000;
    c.engaged_counts_as_work = params.get_bool("engaged_counts_as_work");
    link_schedule(c, joins);
    config_ = std::move(c);
  }

  void consume(AdherenceState& st, const Batch& batch) const override {
    for (const Agent& a : agents_of(batch))
      add_agent(st, *batch.model, a);
  }

  Table finish(AdherenceState&& st) const override {
    // Absent agents once, here, from the merged set of linked agents: never in a shard.
    for (const ScheduledAgent* a : absent_agents(config_, st))
      walk_agent(config_, {lp_agent_id_of(*a->row), a->row->wfm_agent_id, region_of(*a->row)},
                 a->segments, {}, st);
    return adherence_table(config_, std::move(st));
  }

 private:
  void add_agent(AdherenceState& st, const Model& m, const Agent& a) const {
    const AgentTimeline tl = AgentTimeline::build(m, a);
    st.events_without_time += tl.events_without_time;
    st.sessions_without_time += tl.sessions_without_time;
    if (tl.sessions.empty()) return;  // no session: absent, if the schedule names it
    for (const TimelineSession& s : tl.sessions) {
      st.first_activity = std::min(st.first_activity, s.start);
      st.last_activity = std::max(st.last_activity, s.end);
    }

    const AgentMapRow* row =
        config_.map->match(a.agent_id, m.str(a.employee_id), m.str(a.login_name));
    std::string login(m.str(a.login_name));
    if (login.empty() && row) login = row->login_name;
    if (!row) {
      st.unscheduled[a.agent_id] = {login, static_cast<std::int32_t>(NoSchedule::kNoMapRow), {}};
      return;
    }
    if (row->wfm_agent_id.empty()) {
      st.unscheduled[a.agent_id] = {login, static_cast<std::int32_t>(NoSchedule::kNoWfmId), {}};
      return;
    }
    const auto it = config_.scheduled.find(row->wfm_agent_id);
    if (it == config_.scheduled.end()) {
      st.unscheduled[a.agent_id] = {login, static_cast<std::int32_t>(NoSchedule::kNoScheduleRows),
                                    row->wfm_agent_id};
      return;
    }
    st.linked[{a.agent_id, row->wfm_agent_id}] = login;
    walk_agent(config_, {a.agent_id, row->wfm_agent_id, region_of(*row)}, it->second.segments,
               tl.pieces, st);
  }

  Description desc_{
      .name = "wfm-adherence",
      .version = "1.0.0",
      .summary =
          "WFM schedule adherence, exceptions, conformance and planned and actual shrinkage of "
          "scheduled agents",
      .params =
          {
              adherence_dimensions().param(
                  "agent",
                  "row keys, comma-separated: agent, region, day, interval, activity (none: one "
                  "total row)"),
              TimeBuckets::interval_param("30m"),
              TimeBuckets::tz_param(
                  "IANA time zone of intervals and of the days of out-of-shift work"),
              {"exception_threshold_s",
               ParamType::kInt,
               "0",
               "out-of-adherence runs shorter than this (seconds) count as in adherence",
               {}},
              {"engaged_counts_as_work",
               ParamType::kBool,
               "false",
               "during counts_as_work activities, logged-in time with a chat counts as Online",
               {}},
          },
      .needs = kNeedAgentActivity | kNeedEvents,
      .joins = {{"agents",
                 true,
                 {"lp_agent_id", "wfm_agent_id"},
                 "agent map: links each agent to its schedule by wfm_agent_id, and its region"},
                {"schedule",
                 true,
                 {"wfm_agent_id", "schedule_date", "activity_code", "start", "end"},
                 "WFM schedule, neutral form (leda wfm import writes it)"},
                {"activities",
                 true,
                 {"activity_code", "expected_states", "counts_as_work", "counts_as_shrinkage",
                  "adherence_mode"},
                 "activity map: what each schedule code expects and counts as"}},
      .columns = adherence_columns(),
      .state_version = 1};
  AdherenceConfig config_;
};

}  // namespace
}  // namespace leda::kpi

LEDA_PLUGIN(leda::kpi::WfmAdherence, "wfm-adherence", "1.0.0")
