// report/kpi_charts.cpp — see kpi_charts.hpp.
#include "report/kpi_charts.hpp"

#include <algorithm>
#include <map>
#include <string_view>

#include "report/kpi_output.hpp"
#include "report/value_text.hpp"

namespace leda::report {
namespace {

// The headline columns of the built-in KPIs, by KPI name.
const std::map<std::string, std::vector<std::string>>& headline_columns() {
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

std::string pretty(std::string name) {
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

// The row's label: its key columns joined by " / ", the agent's login standing in for its id.
std::string label_of(const Table& t, const std::vector<std::size_t>& keys, std::size_t row) {
  std::string label;
  const auto login = column_of(t, "agent_login");
  for (std::size_t c : keys) {
    if (t.columns[c].name == "agent_id" && login && human_value(t.rows[row][*login]) != "-" &&
        !human_value(t.rows[row][*login]).empty())
      continue;
    label += (label.empty() ? "" : " / ") + human_value(t.rows[row][c]);
  }
  return label.empty() ? "row " + std::to_string(row + 1) : label;
}

std::optional<double> number_of(const Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  return std::nullopt;
}

}  // namespace

std::vector<BarChart> charts_for(const host::KpiResult& result) {
  if (!result.ok() || result.table->rows.empty()) return {};
  const Table& t = *result.table;
  std::vector<std::size_t> keys, values;
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (is_key_column(t.columns[c].name)) keys.push_back(c);
  if (auto it = headline_columns().find(result.kpi); it != headline_columns().end()) {
    for (const auto& name : it->second)
      if (auto c = column_of(t, name)) values.push_back(*c);
  } else {
    for (std::size_t c = 0; c < t.columns.size() && values.empty(); ++c)
      if (t.columns[c].type == ColumnType::kNumber && !is_key_column(t.columns[c].name))
        values.push_back(c);
  }
  std::string by;
  for (std::size_t c : keys)
    if (!(t.columns[c].name == "agent_id" && column_of(t, "agent_login")))
      by += (by.empty() ? "" : " / ") + pretty(t.columns[c].name);
  const std::size_t rows = std::min(t.rows.size(), kMaxBars);
  std::vector<BarChart> charts;
  for (std::size_t v : values) {
    BarChart chart;
    chart.title = pretty(t.columns[v].name) + (by.empty() ? "" : " by " + by);
    if (rows < t.rows.size())
      chart.title +=
          " (first " + std::to_string(rows) + " of " + std::to_string(t.rows.size()) + " rows)";
    bool any = false;
    for (std::size_t r = 0; r < rows; ++r) {
      chart.bars.push_back({label_of(t, keys, r), number_of(t.rows[r][v])});
      any = any || chart.bars.back().value.has_value();
    }
    if (any) charts.push_back(std::move(chart));  // a chart of nulls shows nothing
  }
  return charts;
}

}  // namespace leda::report
