// report/svg_heatmap.hpp — a heatmap as inline SVG: rows (agents) by columns (intervals), each
// cell coloured from pale to dark blue by its value, with a colour legend that names the scale
// in the values' unit, and a tooltip per cell. A missing value is a grey cell ("no data").
//
//   leda::report::Heatmap map;
//   map.title = "Adherence by agent and interval, 2026-11-02";
//   map.row_title = "agent";
//   map.column_title = "interval";
//   map.value_title = "adherence";
//   map.measure = {leda::Unit::kRatio};
//   map.rows = {"ann", "bob"};
//   map.columns = {"09:00", "09:15"};
//   map.cells = {{0.9, 1.0}, {std::nullopt, 0.5}};
//   map.low = 0;  map.high = 1;                     // else the data's own range
//   std::string svg = leda::report::render_svg(map);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/unit_text.hpp"

namespace leda::report {

/// A grid of values: cells[row][column].
struct Heatmap {
  std::string title;
  std::string row_title, column_title;  ///< what rows and columns are ("agent", "interval")
  std::string value_title;              ///< what the values are: the legend's title
  Measure measure;
  std::vector<std::string> rows, columns;
  std::vector<std::vector<std::optional<double>>> cells;
  std::optional<double> low, high;  ///< the colour scale's ends; default: the data's range
  double width = 720;
  double row_height = 16;
};

/// The heatmap as an <svg> element. Column labels are thinned out when they do not fit.
std::string render_svg(const Heatmap& map);

}  // namespace leda::report
