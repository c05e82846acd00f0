// agent_utilization.cpp — the `agent-utilization` KPI plugin: logged-in time, state times,
// engaged time, labor, chat time, slot capacity and their rates per agent, group, region, day
// or interval (KPI spec sections 1 and 6).
#include <memory>
#include <string>

#include "leda/agent_timeline.hpp"
#include "leda/plugin.hpp"
#include "leda/time_buckets.hpp"
#include "utilization_state.hpp"

namespace leda::kpi {
namespace {

class AgentUtilization final : public KpiPlugin {
 public:
  const Description& describe() const override { return desc_; }

  void configure(const Params& params) override {
    UtilizationConfig c;
    for (const std::string& g : params.get_list("group_by")) {
      UtilizationDim d;
      if (g == "agent")
        d = UtilizationDim::kAgent;
      else if (g == "group")
        d = UtilizationDim::kGroup;
      else if (g == "region")
        d = UtilizationDim::kRegion;
      else if (g == "day")
        d = UtilizationDim::kDay;
      else if (g == "interval")
        d = UtilizationDim::kInterval;
      else
        throw PluginError("group_by: unknown column '" + g +
                          "' (choices: agent, group, region, day, interval)");
      if (!c.by(d)) c.group_by.push_back(d);
    }
    c.buckets.emplace(params.get("tz"), parse_interval_minutes(params.get("interval")));
    config_ = std::move(c);
  }

  std::unique_ptr<KpiState> create_state() const override {
    return std::make_unique<UtilizationState>();
  }

  void update(KpiState& s, const Batch& batch) const override {
    auto& st = static_cast<UtilizationState&>(s);
    const Model& m = *batch.model;
    const AgentMap* map = batch.joins && batch.joins->agents ? &*batch.joins->agents : nullptr;
    if (map) {
      st.map_given = true;
      if (st.map_rows.empty()) {
        for (const AgentMapRow& r : map->rows)
          st.map_rows.push_back("line " + std::to_string(r.line) + " (lp_agent_id '" +
                                r.lp_agent_id + "', login_name '" + r.login_name + "')");
        st.map_row_used.assign(map->rows.size(), 0);
      }
    }
    for (std::uint32_t i = batch.agents.first; i < batch.agents.first + batch.agents.count; ++i)
      add_agent(st, m, m.agents[i], map);
  }

  void merge(KpiState& into_s, KpiState&& from_s) const override {
    auto& into = static_cast<UtilizationState&>(into_s);
    auto& from = static_cast<UtilizationState&>(from_s);
    for (const auto& [key, sums] : from.sums)
      into.sums[key].merge(sums);
    into.logins.merge(from.logins);
    into.unmatched_agents.merge(from.unmatched_agents);
    if (into.map_rows.empty()) {
      into.map_rows = std::move(from.map_rows);
      into.map_row_used = std::move(from.map_row_used);
    } else {
      for (std::size_t i = 0; i < from.map_row_used.size() && i < into.map_row_used.size(); ++i)
        into.map_row_used[i] |= from.map_row_used[i];
    }
    into.map_given |= from.map_given;
    into.events_without_time += from.events_without_time;
    into.sessions_without_time += from.sessions_without_time;
  }

  Table finalize(KpiState&& s) const override {
    return utilization_table(config_, std::move(static_cast<UtilizationState&>(s)));
  }

 private:
  void add_agent(UtilizationState& st, const Model& m, const Agent& a, const AgentMap* map) const {
    const AgentTimeline tl = AgentTimeline::build(m, a);
    st.events_without_time += tl.events_without_time;
    st.sessions_without_time += tl.sessions_without_time;
    if (tl.sessions.empty()) return;  // only agents with a session get a row

    const AgentMapRow* row =
        map ? map->match(a.agent_id, m.str(a.employee_id), m.str(a.login_name)) : nullptr;
    std::string login(m.str(a.login_name));
    if (login.empty() && row) login = row->login_name;
    st.logins[a.agent_id] = login;
    if (map && !row) st.unmatched_agents[a.agent_id] = login;
    if (row) {
      const auto r = static_cast<std::size_t>(row - map->rows.data());
      if (r < st.map_row_used.size()) st.map_row_used[r] = 1;
    }

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
      "agent-utilization",
      "1.0.0",
      "Agent logged-in, state, engaged and labor time; engaged time rate, occupancy, capacity "
      "utilization and concurrency",
      {
          {"group_by",
           ParamType::kList,
           "agent",
           "row keys, comma-separated (empty: one total row)",
           {"agent", "group", "region", "day", "interval"}},
          {"interval",
           ParamType::kEnum,
           "60m",
           "interval length when grouping by interval",
           {"15m", "30m", "60m"}},
          {"tz", ParamType::kString, "UTC", "IANA time zone of days and intervals", {}},
      },
      kNeedAgentActivity | kNeedEvents,
      {"agents"}};
  UtilizationConfig config_;
};

}  // namespace
}  // namespace leda::kpi

LEDA_PLUGIN(leda::kpi::AgentUtilization, "agent-utilization", "1.0.0")
