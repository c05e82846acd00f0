// report/svg_line_chart.hpp — a line chart as inline SVG: several series over shared x labels
// (intervals of a day, days), a value axis with ticks and a title in the values' unit, and a
// legend. A series can be drawn dashed whole (a target) or from a point on (a forecast after
// the actuals); a missing value breaks its line.
//
//   leda::report::LineChart chart;
//   chart.title = "Agents needed and scheduled, 2026-11-02";
//   chart.x_title = "interval";
//   chart.x_labels = {"09:00", "09:30", "10:00"};
//   chart.value_title = "agents";
//   chart.measure = {leda::Unit::kNumber};
//   chart.series = {{"required", {4, 6, 5}}, {"scheduled", {5, 5, 6}, false, 1}};
//   chart.dashed_meaning = "forecast";
//   std::string svg = leda::report::render_svg(chart);
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "report/unit_text.hpp"

namespace leda::report {

/// One line: a value per x label (nullopt: a gap).
struct LineSeries {
  std::string name;
  std::vector<std::optional<double>> values;
  bool dashed = false;  ///< the whole line dashed
  /// The line is dashed from this point on (the segment that starts at it and every later
  /// one); npos: not at all.
  std::size_t dashed_from = std::numeric_limits<std::size_t>::max();
};

/// A line chart; series are coloured in the order given (series_colour).
struct LineChart {
  std::string title;
  std::string x_title;                ///< what the x labels are ("interval", "day")
  std::vector<std::string> x_labels;  ///< left to right; thinned out when they do not fit
  std::string value_title;            ///< the y axis' title, written with the unit
  Measure measure;
  std::vector<LineSeries> series;
  std::string dashed_meaning;  ///< when not empty, the legend explains dashed lines with it
  double width = 720, height = 300;
};

/// The chart as an <svg> element. Each point has a tooltip "series, x label: value".
std::string render_svg(const LineChart& chart);

}  // namespace leda::report
