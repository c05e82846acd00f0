// report/svg_parts.hpp — what the inline SVG charts share: the value scale of an axis (nice
// ticks in the unit a person reads), the colour palette, and the chart's frame (title, size,
// accessible name).
//
//   leda::report::ValueScale s = leda::report::value_scale(0, 485706, {leda::Unit::kSeconds});
//   // s.ticks = 0, 100 h, 200 h, ...  in seconds; s.title("logged in") = "logged in (hours)"
//   std::string svg = leda::report::svg_open(720, 300, "Logged-in time by region") + ... +
//                     leda::report::svg_close();
//
// Charts draw with presentation attributes (fill, stroke, font-size), not classes, so they look
// the same in any page; the classes they carry (chart, chart-title, axis-title, bar, series-N,
// cell) let a page restyle them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "report/unit_text.hpp"

namespace leda::report {

/// The value axis of a chart: its range, ticks and how to write them.
struct ValueScale {
  Measure measure;
  double scale = 1;           ///< seconds per displayed unit for durations (1, 60 or 3600), else 1
  double lo = 0, hi = 1;      ///< the axis' range, in the values' own unit (seconds, fractions)
  std::vector<double> ticks;  ///< nice values from lo to hi, in the values' own unit

  /// Where `v` falls between lo (0) and hi (1).
  double fraction(double v) const { return hi == lo ? 0 : (v - lo) / (hi - lo); }
  /// A tick's text with its unit ("100 h", "25%", "$1,000").
  std::string tick_text(double v) const;
  /// The axis title: `name` with the displayed unit ("logged in (hours)").
  std::string title(std::string_view name) const;
};

/// A scale that holds `lo`..`hi` (0 is always included; a ratio axis reaches at least 100%
/// when a value is above 50%) with about `max_ticks` nice ticks (1, 2, 2.5 or 5 times a power
/// of ten in the displayed unit: hours, minutes, seconds, percent, currency).
ValueScale value_scale(double lo, double hi, const Measure& m, int max_ticks = 6);

/// The colour of series `i` (a fixed palette of six, then repeating).
const char* series_colour(std::size_t i);

/// A colour between light (t = 0) and dark blue (t = 1) for heatmap cells, as "#rrggbb".
std::string sequential_colour(double t);

/// `<svg ...>` of the given size with class "chart", role img, the title as its accessible
/// name and as a visible <text class="chart-title"> at the top left.
std::string svg_open(double width, double height, std::string_view title);

/// `</svg>` and a newline.
std::string svg_close();

/// A <text> element; `anchor` is start, middle or end; `cls` its class ("" for none).
std::string svg_text(double x, double y, std::string_view text, std::string_view anchor = "start",
                     std::string_view cls = "", double font_size = 12);

/// `text` cut to `max_chars` code points, the last replaced by an ellipsis when cut.
std::string shorten(std::string_view text, std::size_t max_chars);

}  // namespace leda::report
