// report/svg_bar_chart.hpp — a horizontal bar chart as inline SVG (no scripts, no fonts to
// fetch): one bar per category, or a group of bars per category with several series. Values
// are written by their unit (hours, percentages, money) on the bars, in the tooltips and on the
// value axis, which has ticks and a title with the unit.
//
//   leda::report::BarChart chart;
//   chart.title = "Engaged time rate by region";
//   chart.category_title = "region";
//   chart.value_title = "engaged time rate";
//   chart.measure = {leda::Unit::kRatio};
//   chart.categories = {"AMER", "EMEA"};
//   chart.series = {{"", {0.1257, 0.049}}};
//   std::string svg = leda::report::render_svg(chart);   // bars labelled 12.6% and 4.9%
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "report/unit_text.hpp"

namespace leda::report {

/// One series of values, one per category (nullopt: no bar, "-" printed).
struct BarSeries {
  std::string name;  ///< shown in the legend when there are several series
  std::vector<std::optional<double>> values;
};

/// A chart: categories top to bottom in the order given; each has one bar per series.
struct BarChart {
  std::string title;
  std::string category_title;  ///< what the categories are ("region", "agent")
  std::string value_title;     ///< what the values are ("engaged time rate"): the axis title
  Measure measure;             ///< the values' unit
  std::vector<std::string> categories;
  std::vector<BarSeries> series;
  double width = 720;
};

/// The chart as an <svg> element sized to its bars. Negative values extend left of a zero
/// line. Labels and the title are escaped; long labels are shortened with an ellipsis (the
/// tooltip keeps the whole label).
std::string render_svg(const BarChart& chart);

}  // namespace leda::report
