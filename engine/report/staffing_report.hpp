// report/staffing_report.hpp — how a report shows the staffing KPI: its intervals gathered per
// day, as a summary table for the text report and as one line chart per day (required vs
// scheduled vs Online agents per interval, forecast days dashed) for the HTML report.
//
//   std::vector<StaffingInterval> in = staffing_intervals(*result.table);   // skills summed
//   Table days = staffing_days(result);           // one row per local day, observed then forecast
//   std::string text = staffing_text(result, 100);               // "" for any other KPI
//   for (const std::string& svg : staffing_charts(result)) html += svg;   // a ChartMaker
//
// Everything reads the staffing table's columns by name; a table without them gives nothing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "host/kpi_runner.hpp"

namespace leda::report {

/// One interval of the staffing table, its skill rows (group_by=skill) summed.
struct StaffingInterval {
  std::string start;     ///< interval_start as printed (local time with offset)
  long long utc_ms = 0;  ///< the same instant, for ordering (the text does not sort so
                         ///< on a fall-back day)
  bool forecast = false;
  double arrivals = 0;                                ///< observed arrivals, or forecast_arrivals
  std::optional<double> required, scheduled, online;  ///< agents
  std::optional<double> actual_sl;
  std::string day() const { return start.substr(0, 10); }
  std::string clock() const { return start.substr(11, 5); }
};

/// The intervals of a staffing table in time order, observed before forecast.
std::vector<StaffingInterval> staffing_intervals(const Table& table);

/// One row per local day: arrivals, peak required agents, agent time required, scheduled and
/// Online, intervals short of the requirement, and the day's actual service level.
/// `interval_s` is the interval length (the KPI's `interval` parameter).
Table staffing_days(const std::vector<StaffingInterval>& intervals, double interval_s);

/// The text report's day table for a staffing result ("" for other KPIs or a failed one).
std::string staffing_text(const host::KpiResult& result, std::size_t max_width);

/// The HTML report's charts for a staffing result: one line chart per day.
std::vector<std::string> staffing_charts(const host::KpiResult& result);

}  // namespace leda::report
