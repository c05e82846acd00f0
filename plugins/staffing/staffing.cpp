// staffing.cpp — the `staffing` KPI plugin: per interval (and skill), the demand LiveEngage saw
// (arrivals, handle time, Erlangs), the agents Erlang C says it needed, the agents the WFM
// schedule planned and the agents that were Online, and a forecast of the next days (wfm.md
// section 4).
#include <cmath>
#include <string>

#include "leda/agent_timeline.hpp"
#include "leda/conversation_facts.hpp"
#include "leda/kpi.hpp"
#include "staffing_state.hpp"

namespace leda::kpi {
namespace {

double number_in(const Params& p, const std::string& name, double lo, double hi, bool hi_open,
                 const char* what) {
  const double v = p.get_number(name);
  if (!std::isfinite(v) || v < lo || (hi_open ? v >= hi : v > hi)) throw ParamError(name, what);
  return v;
}

class Staffing final : public Kpi<StaffingState> {
 public:
  const Description& describe() const override { return desc_; }

  void configure(const Params& params, const Joins& joins) override {
    StaffingConfig c;
    c.buckets = TimeBuckets::from_params(params);
    const std::string group = params.get("group_by");
    if (group != "none" && group != "skill")
      throw ParamError("group_by", "must be none or skill, not '" + group + "'");
    c.by_skill = group == "skill";
    c.sl_target = number_in(params, "sl_target", 0, 1, true, "must be a fraction >= 0 and < 1");
    c.sl_threshold_s =
        number_in(params, "sl_threshold_s", 0, 1e9, false, "must be a number of seconds >= 0");
    const std::string shrink = params.get("shrinkage");
    if (shrink != "auto")
      c.shrinkage = number_in(params, "shrinkage", 0, 1, true,
                              "must be auto or a fraction >= 0 and < 1 (0.3: 30% of paid time)");
    c.forecast_days = params.get_int("forecast_days");
    if (c.forecast_days < 0 || c.forecast_days > 366)
      throw ParamError("forecast_days", "must be 0 (no forecast) to 366 days");
    c.min_history_days = params.get_int("min_history_days");
    if (c.min_history_days < 1 || c.min_history_days > 3660)
      throw ParamError("min_history_days", "must be 1 to 3660 days");
    if (joins.schedule) {
      if (!joins.activities)
        throw PluginError(
            "the schedule join needs the activity map too (--join activities=FILE): it says "
            "which activities count as work");
      c.schedule = &*joins.schedule;
      c.activities = &*joins.activities;
    }
    config_ = std::move(c);
  }

  void consume(StaffingState& st, const Batch& batch) const override {
    for (const Conversation& c : conversations_of(batch))
      add_conversation(st, *batch.model, c);
    for (const Agent& a : agents_of(batch))
      add_agent(st, *batch.model, a);
  }

  Table finish(StaffingState&& st) const override { return staffing_table(config_, std::move(st)); }

 private:
  void add_conversation(StaffingState& st, const Model& m, const Conversation& c) const {
    const TimeMs arrival = has_time(c.queue_start)          ? c.queue_start
                           : has_time(c.conversation_start) ? c.conversation_start
                                                            : kNoLong;
    if (!has(arrival)) {
      ++st.issues.undated;
      return;
    }
    DemandKey k;
    k.interval = config_.buckets->interval_of(arrival).start;
    if (config_.by_skill) k.skill = conversation_skill(m, c);
    DemandSums& s = st.demand[k];
    ++s.arrivals;
    if (!has_time(c.interaction_start)) return;  // abandoned
    if (has_time(c.conversation_end) && c.conversation_end >= c.interaction_start) {
      ++s.handled;
      s.handle_ms += c.conversation_end - c.interaction_start;
    } else {
      ++st.issues.no_handle;
    }
    // The wait as the conversations KPI measures it: queue end - queue start, else
    // interaction start - conversation start.
    std::optional<std::int64_t> wait;
    if (has_time(c.queue_start) && has_time(c.queue_end))
      wait = c.queue_end - c.queue_start;
    else if (has_time(c.conversation_start))
      wait = c.interaction_start - c.conversation_start;
    if (wait && *wait >= 0)
      s.within_sl += static_cast<double>(*wait) <= config_.sl_threshold_s * 1000.0;
    else
      ++st.issues.no_wait;
  }

  void add_agent(StaffingState& st, const Model& m, const Agent& a) const {
    const AgentTimeline tl = AgentTimeline::build(m, a);
    st.issues.untimed_ev += tl.events_without_time;
    for (const TimelinePiece& p : tl.pieces) {
      if (p.state != kStateOnline) continue;
      config_.buckets->split_by_interval(p.start, p.end, [&](TimeMs start, TimeMs from, TimeMs to) {
        SupplySums& s = st.supply[start];
        const std::int64_t d = to - from;
        s.online_ms += d;
        if (p.concurrency >= 1) s.online_engaged_ms += d;
        s.online_chat_ms += d * p.concurrency;
      });
    }
  }

  Description desc_{
      .name = "staffing",
      .version = "1.0.0",
      .summary =
          "Arrivals, handle time and Erlangs per interval; agents needed (Erlang C), scheduled "
          "and Online; predicted and actual service level; a weekly-profile forecast",
      .params =
          {
              TimeBuckets::interval_param("30m", "interval length"),
              TimeBuckets::tz_param("IANA time zone of the intervals and forecast days"),
              {"group_by",
               ParamType::kEnum,
               "none",
               "none: one row per interval; skill: one per interval and skill (agent columns "
               "null)",
               {"none", "skill"}},
              {"sl_target",
               ParamType::kNumber,
               "0.8",
               "service level target: share answered within sl_threshold_s (0 to < 1)",
               {}},
              {"sl_threshold_s",
               ParamType::kNumber,
               "30",
               "service level threshold, seconds of waiting",
               {}},
              {"shrinkage",
               ParamType::kString,
               "auto",
               "share of paid time away from the queue; auto: the schedule's planned "
               "shrinkage when a schedule is joined, else 0.3",
               {}},
              {"forecast_days",
               ParamType::kInt,
               "7",
               "days to forecast after the data's end (0: no forecast)",
               {}},
              {"min_history_days",
               ParamType::kInt,
               "14",
               "days of data the forecast needs at least",
               {}},
          },
      .needs = kNeedEngagement | kNeedAgentActivity | kNeedEvents,
      .joins = {{"schedule",
                 false,
                 {"wfm_agent_id", "activity_code", "start", "end"},
                 "WFM schedule: scheduled_agents per interval (needs activities)"},
                {"activities",
                 false,
                 {"activity_code", "counts_as_work"},
                 "activity map: which scheduled activities are work and which are shrinkage"}},
      .columns = staffing_columns(true),
      .state_version = 1};
  StaffingConfig config_;
};

}  // namespace
}  // namespace leda::kpi

LEDA_PLUGIN(leda::kpi::Staffing, "staffing", "1.0.0")
