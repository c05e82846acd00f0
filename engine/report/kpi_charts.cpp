// report/kpi_charts.cpp — see kpi_charts.hpp.
#include "report/kpi_charts.hpp"

#include <algorithm>
#include <map>
#include <string_view>

#include "leda/strings.hpp"
#include "report/adherence_charts.hpp"
#include "report/key_order.hpp"
#include "report/staffing_report.hpp"
#include "report/unit_text.hpp"

namespace leda::report {
namespace {

// KPIs that draw their own charts, by KPI name. A KPI listed here gets only these charts.
const std::map<std::string, ChartMaker>& chart_makers() {
  static const std::map<std::string, ChartMaker> makers = {
      {"staffing", staffing_charts},
      {"wfm-adherence", adherence_chart_svgs},
  };
  return makers;
}

// The chart columns of the built-in KPIs, by KPI name.
const std::map<std::string, std::vector<std::string>>& chart_columns() {
  static const std::map<std::string, std::vector<std::string>> columns = {
      {"agent-utilization", {"engaged_time_rate", "occupancy"}},
      {"aov-by-segment", {"aov", "revenue"}},
      {"conversations", {"conversations", "abandon_rate"}},
      {"surveys", {"csat", "nps"}},
      {"conversion", {"conversion_rate", "revenue_per_visit"}},
  };
  return columns;
}

std::optional<std::size_t> column_of(const Table& t, std::string_view name) {
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (t.columns[c].name == name) return c;
  return std::nullopt;
}

bool is_number(const Column& c) {
  return c.type == ColumnType::kNumber || c.type == ColumnType::kInt;
}

// The row's label: its key columns joined by " / ", the agent's login standing in for its id.
std::string label_of(const Table& t, const std::vector<std::size_t>& keys, std::size_t row) {
  std::string label;
  const auto login = column_of(t, "agent_login");
  for (std::size_t c : keys) {
    if (t.columns[c].name == "agent_id" && login) {
      const std::string name = cell_text(t.rows[row][*login], t.columns[*login]);
      if (name != "-" && !name.empty()) continue;
    }
    label += (label.empty() ? "" : " / ") + cell_text(t.rows[row][c], t.columns[c]);
  }
  return label.empty() ? "row " + std::to_string(row + 1) : label;
}

std::optional<double> number_of(const Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  return std::nullopt;
}

// "Engaged time rate": the first letter upper-cased for a title.
std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace

std::vector<BarChart> charts_for(const host::KpiResult& result) {
  if (!result.ok() || result.table->rows.empty()) return {};
  const Table& t = *result.table;
  std::vector<std::size_t> keys, values;
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (is_key(t.columns[c])) keys.push_back(c);
  if (auto it = chart_columns().find(result.kpi); it != chart_columns().end()) {
    for (const auto& name : it->second)
      if (auto c = column_of(t, name)) values.push_back(*c);
  } else {
    for (std::size_t c = 0; c < t.columns.size() && values.empty(); ++c)
      if (t.columns[c].role == ColumnRole::kHeadline && is_number(t.columns[c]))
        values.push_back(c);
    for (std::size_t c = 0; c < t.columns.size() && values.empty(); ++c)
      if (t.columns[c].type == ColumnType::kNumber && !is_key(t.columns[c])) values.push_back(c);
  }
  std::string by;
  for (std::size_t c : keys)
    if (!(t.columns[c].name == "agent_login" && column_of(t, "agent_id")))
      by += (by.empty() ? "" : " / ") + (t.columns[c].name == "agent_id"
                                             ? std::string("agent")
                                             : readable_name(t.columns[c].name));
  const std::size_t rows = std::min(t.rows.size(), kMaxBars);
  std::vector<BarChart> charts;
  for (std::size_t v : values) {
    BarChart chart;
    chart.value_title = readable_name(t.columns[v].name);
    chart.category_title = by;
    chart.measure = measure_of(t.columns[v]);
    chart.title = capitalised(chart.value_title) + (by.empty() ? "" : " by " + by);
    if (rows < t.rows.size())
      chart.title +=
          " (first " + std::to_string(rows) + " of " + plural(t.rows.size(), "row") + ")";
    BarSeries series;
    series.name = chart.value_title;
    bool any = false;
    for (std::size_t r = 0; r < rows; ++r) {
      chart.categories.push_back(label_of(t, keys, r));
      series.values.push_back(number_of(t.rows[r][v]));
      any = any || series.values.back().has_value();
    }
    chart.series.push_back(std::move(series));
    if (any) charts.push_back(std::move(chart));  // a chart of nulls shows nothing
  }
  return charts;
}

std::vector<std::string> kpi_chart_svgs(const host::KpiResult& result) {
  if (!result.ok() || result.table->rows.empty()) return {};
  if (const auto it = chart_makers().find(result.kpi); it != chart_makers().end())
    return it->second(result);
  std::vector<std::string> svgs;
  for (const auto& chart : charts_for(result))
    svgs.push_back(render_svg(chart));
  return svgs;
}

}  // namespace leda::report
