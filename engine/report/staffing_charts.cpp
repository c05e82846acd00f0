// report/staffing_charts.cpp — the staffing KPI's charts in the HTML report: per local day, a
// line chart of the agents required, scheduled and Online per interval; a forecast day is drawn
// dashed (see staffing_report.hpp).
#include <string>
#include <vector>

#include "report/staffing_report.hpp"
#include "report/svg_line_chart.hpp"

namespace leda::report {
namespace {

constexpr std::size_t kMaxObservedDays = 14;

bool any(const std::vector<std::optional<double>>& v) {
  for (const auto& x : v)
    if (x) return true;
  return false;
}

}  // namespace

std::vector<std::string> staffing_charts(const host::KpiResult& r) {
  if (!r.ok()) return {};
  const auto intervals = staffing_intervals(*r.table);
  std::vector<std::string> svgs;
  // The last kMaxObservedDays observed days are drawn (a stray old record must not turn the
  // page into thousands of charts); the table keeps every interval.
  std::vector<std::string> observed_days;
  for (const auto& in : intervals)
    if (!in.forecast && (observed_days.empty() || observed_days.back() != in.day()))
      observed_days.push_back(in.day());
  std::string first_drawn;
  if (observed_days.size() > kMaxObservedDays) {
    first_drawn = observed_days[observed_days.size() - kMaxObservedDays];
    svgs.push_back("<p class=\"notes\">Charts of the last " + std::to_string(kMaxObservedDays) +
                   " of " + std::to_string(observed_days.size()) +
                   " observed days; the table holds every interval.</p>\n");
  }
  for (std::size_t i = 0; i < intervals.size();) {
    if (!intervals[i].forecast && intervals[i].day() < first_drawn) {
      ++i;
      continue;
    }
    const std::string day = intervals[i].day();
    const bool forecast = intervals[i].forecast;
    LineChart chart;
    chart.x_title = "interval start (local time)";
    chart.value_title = "agents";
    chart.measure = {Unit::kNumber};
    LineSeries required, scheduled, online;
    required.name = "required";
    scheduled.name = "scheduled";
    online.name = "Online";
    for (; i < intervals.size() && intervals[i].day() == day && intervals[i].forecast == forecast;
         ++i) {
      chart.x_labels.push_back(intervals[i].clock());
      required.values.push_back(intervals[i].required);
      scheduled.values.push_back(intervals[i].scheduled);
      online.values.push_back(intervals[i].online);
    }
    for (LineSeries* s : {&required, &scheduled, &online})
      if (any(s->values)) {
        s->dashed = forecast;
        chart.series.push_back(std::move(*s));
      }
    // "Agents required, scheduled and Online, 2026-11-02", naming the lines drawn.
    std::string names;
    for (std::size_t k = 0; k < chart.series.size(); ++k)
      names += (k == 0                         ? " "
                : k + 1 == chart.series.size() ? " and "
                                               : ", ") +
               chart.series[k].name;
    chart.title = std::string(forecast ? "Forecast: agents" : "Agents") + names + ", " + day;
    if (forecast) chart.dashed_meaning = "forecast";
    if (!chart.series.empty()) svgs.push_back(render_svg(chart));
  }
  return svgs;
}

}  // namespace leda::report
