// report/kpi_charts.hpp — which bar charts show a KPI table best.
//
//   for (const std::string& svg : leda::report::kpi_chart_svgs(result)) html += svg;
//
// Each KPI gets a chart per chart column (the built-in KPIs have theirs: engaged time rate and
// occupancy for agent-utilization, AOV and revenue for aov-by-segment, conversations and
// abandon rate for conversations, CSAT and NPS for surveys, conversion rate and revenue per
// visit for conversion; any other plugin gets its first headline column, else its first number
// column). A bar is one row, labelled by the row's key columns (region, agent, segment, skill,
// day, ...), in the table's row order. Values, ticks and tooltips are written by the column's
// unit; the value axis is titled with it. At most kMaxBars rows are drawn. A KPI with its own
// ChartMaker draws its own charts instead (wfm-adherence: report/adherence_charts.hpp).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "host/kpi_runner.hpp"
#include "report/svg_bar_chart.hpp"

namespace leda::report {

/// The most bars in one chart; later rows are left out (the title says so).
inline constexpr std::size_t kMaxBars = 40;

/// The bar charts for one successful result; empty when it has no rows or nothing to chart.
std::vector<BarChart> charts_for(const host::KpiResult& result);

/// Draws a KPI's own charts (a line chart per day, a heatmap, ...) as SVG elements.
using ChartMaker = std::vector<std::string> (*)(const host::KpiResult& result);

/// The SVG charts of a KPI's section in the HTML report: the KPI's own ChartMaker when it has
/// one (listed by KPI name in kpi_charts.cpp, chart_makers()), else the bar charts of
/// charts_for(). Empty for a failed result or one without rows.
std::vector<std::string> kpi_chart_svgs(const host::KpiResult& result);

}  // namespace leda::report
