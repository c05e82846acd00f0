// agent_utilization.cpp — the `agent-utilization` KPI plugin: logged-in time, state times,
// engaged time, labor, chat time, slot capacity and their rates per agent, group, region, day
// or interval (KPI spec sections 1 and 6).
#include <string>

#include "leda/agent_timeline.hpp"
#include "leda/kpi.hpp"
#include "leda/time_buckets.hpp"
#include "utilization_state.hpp"

namespace leda::kpi {
namespace {

class AgentUtilization final : public Kpi<UtilizationState> {
 public:
  const Description& describe() const override { return desc_; }

  void configure(const Params& params, const Joins& joins) override {
    UtilizationConfig c;
    c.group_by = utilization_dimensions().parse(params);
    c.buckets = TimeBuckets::from_params(params);
    c.map = joins.agents ? &*joins.agents : nullptr;
    config_ = std::move(c);
  }

  void consume(UtilizationState& st, const Batch& batch) const override {
    for (const Agent& a : agents_of(batch))
      add_agent(st, *batch.model, a);
  }

  Table finish(UtilizationState&& st) const override {
    return utilization_table(config_, std::move(st));
  }

 private:
  void add_agent(UtilizationState& st, const Model& m, const Agent& a) const {
    const AgentTimeline tl = AgentTimeline::build(m, a);
    st.events_without_time += tl.events_without_time;
    st.sessions_without_time += tl.sessions_without_time;
    if (tl.sessions.empty()) return;  // only agents with a session get a row

    const AgentMap* map = config_.map;
    const AgentMapRow* row =
        map ? map->match(a.agent_id, m.str(a.employee_id), m.str(a.login_name)) : nullptr;
    std::string login(m.str(a.login_name));
    if (login.empty() && row) login = row->login_name;
    st.logins[a.agent_id] = login;
    if (map && !row) st.unmatched_agents[a.agent_id] = login;
    if (row) st.map_rows_used.insert(row->row);

    const UtilizationConfig& c = config_;
    const TimeBuckets& buckets = *c.buckets;
    const bool by_day = c.by(UtilizationDim::kDay), by_interval = c.by(UtilizationDim::kInterval);
    UtilizationKey base;
    if (c.by(UtilizationDim::kAgent)) base.agent = a.agent_id;
    if (c.by(UtilizationDim::kRegion))
      base.region = row && !row->region.empty() ? row->region : kUnmappedRegion;
    const bool by_group = c.by(UtilizationDim::kGroup);

    for (const TimelinePiece& p : tl.pieces) {
      UtilizationKey k = base;
      if (by_group) k.group = p.group_id;
      if (by_interval) {
        buckets.split_by_interval(p.start, p.end, [&](TimeMs start, TimeMs from, TimeMs to) {
          UtilizationKey kk = k;
          kk.interval = start;
          if (by_day) kk.day = buckets.day_of(start);
          st.sums[kk].add(p, from, to);
        });
      } else if (by_day) {
        buckets.split_by_day(p.start, p.end, [&](LocalDay day, TimeMs from, TimeMs to) {
          UtilizationKey kk = k;
          kk.day = day;
          st.sums[kk].add(p, from, to);
        });
      } else {
        st.sums[k].add(p, p.start, p.end);
      }
    }
    // A session (and its imputed end) counts where it starts: its first event's group, the day
    // and interval of its start.
    for (const TimelineSession& session : tl.sessions) {
      UtilizationKey k = base;
      if (by_group) k.group = session.group_id;
      if (by_day) k.day = buckets.day_of(session.start);
      if (by_interval) k.interval = buckets.interval_of(session.start).start;
      UtilizationSums& sums = st.sums[k];
      ++sums.sessions;
      sums.imputed_ends += session.imputed_end;
    }
  }

  Description desc_{
      .name = "agent-utilization",
      .version = "1.1.0",
      .summary =
          "Agent logged-in, state, engaged and labor time; engaged time rate, occupancy, "
          "capacity utilization and concurrency",
      .params =
          {
              utilization_dimensions().param("agent",
                                             "row keys, comma-separated (none: one total row)"),
              TimeBuckets::interval_param(),
              TimeBuckets::tz_param(),
          },
      .needs = kNeedAgentActivity | kNeedEvents,
      .joins = {{"agents",
                 false,
                 {"lp_agent_id"},
                 "agent map: the region of each agent (agents not in it are UNMAPPED)"}},
      .columns = utilization_columns(),
      .state_version = 1};
  UtilizationConfig config_;
};

}  // namespace
}  // namespace leda::kpi

LEDA_PLUGIN(leda::kpi::AgentUtilization, "agent-utilization", "1.1.0")
