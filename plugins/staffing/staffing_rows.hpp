// staffing_rows.hpp — the pieces finish() is made of: a row before it becomes table cells, the
// Erlang C requirement of some traffic, the schedule's supply of agents, and the forecast rows.
//
//   ScheduleSupply supply = schedule_supply(config);        // scheduled work per interval
//   Requirement r = requirement(config, arrivals, aht_s, interval_s, concurrency, shrinkage);
//   rows.push_back(...);                                    // observed rows, then
//   add_forecast(config, series, ..., rows, notes);         // forecast rows and their notes
//   table.rows.push_back(row_cells(config, row));
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "staffing_state.hpp"

namespace leda::kpi {

/// One row of the table, typed; nullopt prints as null.
struct StaffingRow {
  bool forecast = false;
  TimeMs interval = 0;
  std::int64_t skill = kNoLong;
  std::optional<std::int64_t> arrivals, required_slots;
  std::optional<double> aht_s, traffic, concurrency, required_agents, required_scheduled;
  std::optional<double> scheduled_agents, online_agents, gap, predicted_sl, predicted_asa_s;
  std::optional<double> actual_sl, forecast_arrivals, forecast_aht_s;
};

/// The table cells of `row`, in staffing_columns() order.
std::vector<Value> row_cells(const StaffingConfig& config, const StaffingRow& row);

/// What Erlang C asks of some traffic.
struct Requirement {
  double traffic = 0;      ///< Erlangs
  std::int64_t slots = 0;  ///< least N > A with SL >= target
  double agents = 0;       ///< slots / concurrency
  double scheduled = 0;    ///< agents / (1 - shrinkage)
};

/// The requirement of `arrivals` conversations of mean handle time `aht_s` in an interval of
/// `interval_s` seconds, served `concurrency` chats per agent. Precondition: aht_s > 0,
/// concurrency > 0.
Requirement requirement(const StaffingConfig& config, double arrivals, double aht_s,
                        double interval_s, double concurrency, double shrinkage);

/// The schedule's side: scheduled work per interval and its planned shrinkage.
struct ScheduleSupply {
  std::map<TimeMs, std::int64_t> work_ms;  ///< agents x time in counts_as_work, by interval
  std::int64_t paid_ms = 0;                ///< paid STRICT or NEUTRAL time
  std::int64_t shrinkage_ms = 0;           ///< of which in counts_as_shrinkage activities
  std::size_t agents = 0;                  ///< schedule agents
  /// shrinkage_ms / paid_ms; nullopt when nothing is paid.
  std::optional<double> planned_shrinkage() const;
};

/// Layers every schedule agent's rows and sums them. Empty when no schedule is joined.
ScheduleSupply schedule_supply(const StaffingConfig& config);

/// The length of the interval starting at `start`, in seconds.
double interval_seconds(const TimeBuckets& buckets, TimeMs start);

/// The observed series of one skill (or of all), for the forecast.
struct ObservedSeries {
  std::int64_t skill = kNoLong;
  std::vector<TimeMs> starts;              ///< every interval of the range
  std::vector<double> arrivals;            ///< per interval
  std::vector<std::optional<double>> aht;  ///< the interval's own mean handle time
};

/// What the forecast needs besides the series.
struct ForecastInputs {
  TimeMs first_interval = 0, last_interval = 0;  ///< the observed range
  double range_concurrency = 1;
  double shrinkage = kDefaultShrinkage;
  const ScheduleSupply* schedule = nullptr;  ///< scheduled agents of future intervals
};

/// Appends the forecast rows of every series (wfm.md section 4) and the notes saying what the
/// forecast did (its hold-out MAPE, or why there is none).
void add_forecast(const StaffingConfig& config, const std::vector<ObservedSeries>& series,
                  const ForecastInputs& in, std::vector<StaffingRow>& rows,
                  std::vector<std::string>& notes);

/// "12.3%".
std::string percent(double fraction);

}  // namespace leda::kpi
