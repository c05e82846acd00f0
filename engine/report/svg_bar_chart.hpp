// report/svg_bar_chart.hpp — a horizontal bar chart as inline SVG (no scripts, no fonts to
// fetch), for the HTML report.
//
//   leda::report::BarChart chart{"Engaged time rate by region", {{"EMEA", 0.61}, {"AMER", 0.7}}};
//   std::string svg = leda::report::render_svg(chart);
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace leda::report {

/// One bar: a label and a value (nullopt draws no bar and prints "-").
struct Bar {
  std::string label;
  std::optional<double> value;
};

/// A chart: bars top to bottom in the order given.
struct BarChart {
  std::string title;
  std::vector<Bar> bars;
};

/// The chart as an <svg> element sized to its bars. Negative values extend left of a zero line.
/// Labels and the title are escaped; long labels are shortened with an ellipsis.
std::string render_svg(const BarChart& chart);

}  // namespace leda::report
