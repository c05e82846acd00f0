// staffing_forecast.cpp — the forecast rows of the staffing KPI: arrivals and handle time of
// each series fitted as hour-of-week effects plus a linear trend (leda/forecast.hpp, Eigen's
// rank-revealing QR), projected over `forecast_days` whole days from the first midnight (in tz)
// after the last arrival, and turned into required agents like the observed rows. The notes
// give each fit's mean absolute percentage error on the held-out last week.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "leda/forecast.hpp"
#include "leda/strings.hpp"
#include "staffing_rows.hpp"

namespace leda::kpi {
namespace {

constexpr std::size_t kSkillNotes = 20;  // per-skill MAPE notes before "and N more"

std::string mape_text(const HoldoutFit& f, const char* what) {
  if (!f.holdout.value) return std::string(what) + " MAPE not measurable (no held-out value)";
  return std::string(what) + " MAPE " + percent(*f.holdout.value) + " over " +
         plural(f.holdout.used, "interval");
}

std::string signed_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.4f", v);
  return buf;
}

}  // namespace

void add_forecast(const StaffingConfig& config, const std::vector<ObservedSeries>& series,
                  const ForecastInputs& in, std::vector<StaffingRow>& rows,
                  std::vector<std::string>& notes) {
  const TimeBuckets& buckets = *config.buckets;
  if (config.forecast_days == 0) {
    notes.push_back("forecast off (forecast_days=0)");
    return;
  }
  const LocalDay first_day = buckets.day_of(in.first_interval);
  const LocalDay last_day = buckets.day_of(in.last_interval);
  const std::int64_t history = last_day - first_day + 1;
  if (history < config.min_history_days) {
    notes.push_back("no forecast: the data holds " +
                    plural(static_cast<std::uint64_t>(history), "day") +
                    ", the forecast needs at least " + std::to_string(config.min_history_days) +
                    " (min_history_days)");
    return;
  }
  const TimeMs from = buckets.day_start(last_day + 1);
  const TimeMs to = buckets.day_start(last_day + 1 + config.forecast_days);
  std::vector<TimeMs> grid;
  for (TimeMs at = from; at < to; at = buckets.interval_of(at).end)
    grid.push_back(at);

  std::vector<StaffingRow> out;
  std::vector<std::string> fit_notes;
  for (const ObservedSeries& s : series) {
    std::vector<ForecastSample> arrivals, aht;
    double aht_sum = 0;
    for (std::size_t i = 0; i < s.starts.size(); ++i) {
      const int how = hour_of_week(buckets, s.starts[i]);
      arrivals.push_back({s.starts[i], how, s.arrivals[i]});
      if (s.aht[i]) {
        aht.push_back({s.starts[i], how, *s.aht[i]});
        aht_sum += *s.aht[i];
      }
    }
    const HoldoutFit fa = fit_and_holdout(arrivals);
    std::optional<HoldoutFit> fh;
    if (!aht.empty()) fh = fit_and_holdout(aht);
    const double aht_mean = aht.empty() ? 0 : aht_sum / static_cast<double>(aht.size());

    std::string label = s.skill == kNoLong ? std::string() : ", skill " + std::to_string(s.skill);
    if (config.by_skill && s.skill == kNoLong) label = ", no skill";
    fit_notes.push_back(
        "forecast hold-out (the fit without the last 7 days, on those days" + label +
        "): " + mape_text(fa, "arrivals") + "; " +
        (fh ? mape_text(*fh, "aht_s") : std::string("aht_s not forecast (no handle time)")) +
        "; arrivals trend " + signed_text(fa.model.trend_per_day()) + " per interval per day");

    for (TimeMs start : grid) {
      const int how = hour_of_week(buckets, start);
      StaffingRow r;
      r.forecast = true;
      r.interval = start;
      r.skill = s.skill;
      const double a = std::max(0.0, fa.model.predict(how, start));
      r.forecast_arrivals = a;
      if (fh) {
        double h = fh->model.predict(how, start);
        if (!(h > 0)) h = aht_mean;  // a linear fit can go below zero far out; keep the mean
        r.forecast_aht_s = h;
      }
      r.concurrency = in.range_concurrency;
      if (a == 0) {
        r.traffic = 0;
        r.required_slots = 0;
        r.required_agents = 0;
        r.required_scheduled = 0;
      } else if (r.forecast_aht_s && *r.forecast_aht_s > 0) {
        const Requirement q =
            requirement(config, a, *r.forecast_aht_s, interval_seconds(buckets, start),
                        in.range_concurrency, in.shrinkage);
        r.traffic = q.traffic;
        r.required_slots = q.slots;
        r.required_agents = q.agents;
        r.required_scheduled = q.scheduled;
      }
      if (in.schedule) {
        const auto it = in.schedule->work_ms.find(start);
        r.scheduled_agents =
            it == in.schedule->work_ms.end()
                ? 0.0
                : static_cast<double>(it->second) / (interval_seconds(buckets, start) * 1000.0);
      }
      out.push_back(r);
    }
  }
  // Rows by interval, then skill, like the observed ones.
  std::stable_sort(out.begin(), out.end(), [](const StaffingRow& a, const StaffingRow& b) {
    return a.interval < b.interval;
  });
  rows.insert(rows.end(), out.begin(), out.end());

  notes.push_back("forecast: " + plural(static_cast<std::uint64_t>(config.forecast_days), "day") +
                  " from " + buckets.rfc3339(from) + ", fitted on " +
                  plural(static_cast<std::uint64_t>(history), "day") +
                  " (hour-of-week effects plus a linear trend, least squares)");
  for (std::size_t i = 0; i < fit_notes.size() && i < kSkillNotes; ++i)
    notes.push_back(fit_notes[i]);
  if (fit_notes.size() > kSkillNotes)
    notes.push_back("forecast hold-out: and " + std::to_string(fit_notes.size() - kSkillNotes) +
                    " more skills");
}

}  // namespace leda::kpi
