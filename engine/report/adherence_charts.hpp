// report/adherence_charts.hpp — the HTML report's charts of wfm-adherence: adherence and
// conformance as bars sorted lowest first, and a heatmap of adherence per agent and interval.
//
//   // registered in kpi_charts.cpp: chart_makers()["wfm-adherence"] = adherence_chart_svgs
//   for (const std::string& svg : leda::report::adherence_chart_svgs(result)) html += svg;
//
// The charts follow the table's grouping. Bars: one per agent (its login, the part before the @
// of an address) when the table has the agent columns, else per region, day, activity or
// interval (the first of those it has); the ratios
// are those of wfm.md section 3, recomputed from the table's sums over the rows of each bar
// (adherence = in adherence / (scheduled - neutral), conformance = (work in shift + out-of-shift
// work) / scheduled work), so a table by agent and interval gives each agent's whole figure.
// Heatmap: when the table has both the agent and interval columns, one per local date of the
// intervals (at most kMaxHeatmapDays), agents as rows in the order of the adherence bars,
// intervals as columns, 0% to 100% from pale to dark; a cell with no STRICT scheduled time is
// grey. A table without the sums it needs gets no chart.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "host/kpi_runner.hpp"

namespace leda::report {

/// The most bars in one adherence chart: the lowest ones are kept (the title says so).
inline constexpr std::size_t kMaxAdherenceBars = 40;
/// The most days drawn as heatmaps (the first ones; the last heatmap's title says so).
inline constexpr std::size_t kMaxHeatmapDays = 7;

/// The SVG charts of a wfm-adherence result (see the top of the file); empty for a failed
/// result, one without rows, or one without the sums.
std::vector<std::string> adherence_chart_svgs(const host::KpiResult& result);

}  // namespace leda::report
