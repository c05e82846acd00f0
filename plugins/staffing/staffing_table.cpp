// staffing_table.cpp — the staffing result table: every interval from the first to the last
// with an arrival (per skill when grouped), its demand, Erlang C requirement, scheduled and
// Online agents, then the forecast rows, and notes that summarise it for a reader.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "leda/erlang.hpp"
#include "leda/forecast.hpp"
#include "leda/stats.hpp"
#include "leda/strings.hpp"
#include "staffing_rows.hpp"

namespace leda::kpi {
namespace {

// Handle times pooled over some intervals: a count and a millisecond sum.
struct Pool {
  std::int64_t n = 0, ms = 0;
  void add(const DemandSums& s) {
    n += s.handled;
    ms += s.handle_ms;
  }
  std::optional<double> mean_s() const {
    if (n == 0) return std::nullopt;
    return static_cast<double>(ms) / static_cast<double>(n) / 1000.0;
  }
};

// The aht_s fall-backs of wfm.md: the interval's own connected arrivals, else every connected
// arrival of the same hour of the week (pooled, not a mean of means), else the whole range.
struct AhtPools {
  std::map<std::pair<std::int64_t, int>, Pool> by_hour;  // (skill, hour of week)
  std::map<std::int64_t, Pool> by_skill;
  Pool all;
};

std::string fixed(double v, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string plain(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

}  // namespace

Table staffing_table(const StaffingConfig& config, StaffingState&& st) {
  const TimeBuckets& buckets = *config.buckets;
  Table t;
  t.columns = staffing_columns(config.by_skill);

  const ScheduleSupply schedule = schedule_supply(config);
  const std::optional<double> planned = schedule.planned_shrinkage();
  const double shrinkage = config.shrinkage             ? *config.shrinkage
                           : config.schedule && planned ? *planned
                                                        : kDefaultShrinkage;

  // The range's concurrency: the fall-back of intervals where nobody Online was engaged.
  std::int64_t chat_ms = 0, engaged_ms = 0;
  for (const auto& [start, s] : st.supply) {
    chat_ms += s.online_chat_ms;
    engaged_ms += s.online_engaged_ms;
  }
  const bool range_has_concurrency = engaged_ms > 0;
  const double range_concurrency =
      range_has_concurrency ? static_cast<double>(chat_ms) / static_cast<double>(engaged_ms) : 1.0;

  AhtPools pools;
  std::set<std::int64_t> skills;
  std::uint64_t conversations = 0;
  for (const auto& [k, s] : st.demand) {
    pools.by_hour[{k.skill, hour_of_week(buckets, k.interval)}].add(s);
    pools.by_skill[k.skill].add(s);
    pools.all.add(s);
    skills.insert(k.skill);
    conversations += static_cast<std::uint64_t>(s.arrivals);
  }

  std::vector<StaffingRow> rows;
  std::vector<ObservedSeries> series;
  std::uint64_t from_hour = 0, from_range = 0, no_aht = 0, conc_fallback = 0, short_intervals = 0,
                intervals = 0;
  double shortfall_agent_s = 0;
  const StaffingRow* peak = nullptr;
  TimeMs first = 0, last = 0;
  if (!st.demand.empty()) {
    first = last = st.demand.begin()->first.interval;
    for (const auto& [k, s] : st.demand) {
      first = std::min(first, k.interval);
      last = std::max(last, k.interval);
    }
    std::vector<TimeMs> grid;
    for (TimeMs at = first; at <= last; at = buckets.interval_of(at).end)
      grid.push_back(at);
    intervals = grid.size();
    for (std::int64_t skill : skills) {
      ObservedSeries ser;
      ser.skill = skill;
      for (TimeMs start : grid) {
        const DemandSums* d = st.demand.find({start, skill});
        const DemandSums none;
        const DemandSums& s = d ? *d : none;
        const double interval_s = interval_seconds(buckets, start);
        StaffingRow r;
        r.interval = start;
        r.skill = skill;
        r.arrivals = s.arrivals;
        ser.starts.push_back(start);
        ser.arrivals.push_back(static_cast<double>(s.arrivals));
        ser.aht.push_back(Pool{s.handled, s.handle_ms}.mean_s());

        const SupplySums* sup = st.supply.find(start);
        if (sup && sup->online_engaged_ms > 0) {
          r.concurrency = static_cast<double>(sup->online_chat_ms) /
                          static_cast<double>(sup->online_engaged_ms);
        } else {
          r.concurrency = range_concurrency;
          ++conc_fallback;
        }
        if (s.arrivals == 0) {
          r.traffic = 0;
          r.required_slots = 0;
          r.required_agents = 0;
          r.required_scheduled = 0;
        } else {
          r.aht_s = ser.aht.back();
          if (!r.aht_s) {
            r.aht_s = pools.by_hour[{skill, hour_of_week(buckets, start)}].mean_s();
            if (r.aht_s) ++from_hour;
          }
          if (!r.aht_s) {
            r.aht_s = pools.by_skill[skill].mean_s();
            if (!r.aht_s) r.aht_s = pools.all.mean_s();
            if (r.aht_s) ++from_range;
          }
          if (r.aht_s && *r.aht_s > 0) {
            const Requirement q = requirement(config, static_cast<double>(s.arrivals), *r.aht_s,
                                              interval_s, *r.concurrency, shrinkage);
            r.traffic = q.traffic;
            r.required_slots = q.slots;
            r.required_agents = q.agents;
            r.required_scheduled = q.scheduled;
          } else {
            ++no_aht;
          }
          r.actual_sl = static_cast<double>(s.within_sl) / static_cast<double>(s.arrivals);
        }
        if (!config.by_skill) {
          const double online_ms = sup ? static_cast<double>(sup->online_ms) : 0.0;
          r.online_agents = online_ms / (interval_s * 1000.0);
          if (config.schedule) {
            const auto it = schedule.work_ms.find(start);
            r.scheduled_agents = it == schedule.work_ms.end()
                                     ? 0.0
                                     : static_cast<double>(it->second) / (interval_s * 1000.0);
          }
          if (r.required_agents) {
            r.gap = *r.online_agents - *r.required_agents;
            if (*r.gap < 0) {
              ++short_intervals;
              shortfall_agent_s -= *r.gap * interval_s;
            }
          }
          if (s.arrivals > 0 && r.traffic && r.aht_s) {
            const auto n = static_cast<std::int64_t>(std::floor(*r.online_agents * *r.concurrency));
            const ErlangC q = erlang_c(*r.traffic, *r.aht_s, n, config.sl_threshold_s);
            r.predicted_sl = q.service_level;
            if (q.stable) r.predicted_asa_s = q.asa_s;
          }
        }
        rows.push_back(r);
      }
      series.push_back(std::move(ser));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const StaffingRow& a, const StaffingRow& b) {
      return a.interval < b.interval;
    });
    for (const StaffingRow& r : rows)
      if (r.required_agents && (!peak || *r.required_agents > *peak->required_agents)) peak = &r;
  }

  // Notes: what was computed, how, and the figures a reader looks for first.
  t.notes.push_back(plural(conversations, "conversation") + " in " + plural(intervals, "interval") +
                    " of " + std::to_string(buckets.interval_ms() / 60000) + " min (" +
                    buckets.zone_name() + "); service level target " + percent(config.sl_target) +
                    " within " + plain(config.sl_threshold_s) + " s; shrinkage " +
                    percent(shrinkage) +
                    (config.shrinkage             ? " (parameter)"
                     : config.schedule && planned ? " (the schedule's planned shrinkage)"
                                                  : " (default)"));
  if (peak)
    t.notes.push_back("peak: " + fixed(*peak->required_agents, 1) + " agents required at " +
                      buckets.rfc3339(peak->interval) +
                      (config.by_skill && peak->skill != kNoLong
                           ? " for skill " + std::to_string(peak->skill)
                           : std::string()) +
                      " (" + plural(static_cast<std::uint64_t>(*peak->arrivals), "arrival") + ")");
  if (!config.by_skill && intervals)
    t.notes.push_back(std::to_string(short_intervals) + " of " + plural(intervals, "interval") +
                      " had fewer agents Online than required (" +
                      fixed(shortfall_agent_s / 3600.0, 1) + " agent-hours short in all)");
  if (config.by_skill)
    t.notes.push_back(
        "grouped by skill: agents are not tied to skills, so scheduled_agents, online_agents, "
        "gap and the predicted service level are null; concurrency is the interval's");
  if (from_hour || from_range)
    t.notes.push_back(
        "aht_s without a connected arrival in the interval: " + std::to_string(from_hour) +
        " from the hour of the week, " + std::to_string(from_range) + " from the whole range");
  if (no_aht)
    t.notes.push_back(plural(no_aht, "interval") +
                      " with arrivals but no handle time in the whole range: no requirement");
  if (conc_fallback && intervals)
    t.notes.push_back(plural(conc_fallback, "row") +
                      " without an engaged Online agent used the range's concurrency " +
                      fixed(range_concurrency, 2) +
                      (range_has_concurrency ? "" : " (no agent was ever engaged: 1 assumed)"));
  if (config.schedule)
    t.notes.push_back("schedule: " + plural(schedule.agents, "agent") + ", planned shrinkage " +
                      (planned ? percent(*planned) : std::string("unknown (no paid time)")) +
                      " of " + fixed(static_cast<double>(schedule.paid_ms) / 3.6e6, 1) +
                      " paid hours");
  else
    t.notes.push_back(
        "no schedule joined (--join schedule=FILE --join activities=FILE): "
        "scheduled_agents is null");
  const StaffingIssues& is = st.issues;
  if (is.undated)
    t.notes.push_back(plural(is.undated, "conversation") + " without queue or start time " +
                      std::string(agree(is.undated, "was", "were")) + " not counted");
  if (is.no_handle)
    t.notes.push_back(plural(is.no_handle, "connected conversation") +
                      " without a usable end time " +
                      std::string(agree(is.no_handle, "is", "are")) + " not in aht_s");
  if (is.no_wait)
    t.notes.push_back(plural(is.no_wait, "connected conversation") + " without a measurable wait " +
                      std::string(agree(is.no_wait, "is", "are")) + " not within actual_sl");
  if (is.untimed_ev)
    t.notes.push_back(plural(is.untimed_ev, "agent event") + " without a timestamp " +
                      std::string(agree(is.untimed_ev, "was", "were")) + " skipped");

  if (!rows.empty()) {
    ForecastInputs in;
    in.first_interval = first;
    in.last_interval = last;
    in.range_concurrency = range_concurrency;
    in.shrinkage = shrinkage;
    in.schedule = config.schedule && !config.by_skill ? &schedule : nullptr;
    add_forecast(config, series, in, rows, t.notes);
  }
  for (const StaffingRow& r : rows)
    t.rows.push_back(row_cells(config, r));
  return t;
}

}  // namespace leda::kpi
