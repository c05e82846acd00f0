// report/svg_parts.cpp — see svg_parts.hpp.
#include "report/svg_parts.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report/value_text.hpp"

namespace leda::report {
namespace {

// How many of the values' own units one displayed unit is: hours, percent, ...
double display_factor(const Measure& m, double scale) {
  if (m.unit == Unit::kSeconds) return 1.0 / scale;
  if (m.unit == Unit::kRatio) return 100.0;
  return 1.0;
}

double nice_step(double range, int max_ticks, bool whole) {
  const double raw = range / std::max(1, max_ticks);
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / mag;
  double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
  if (whole) step = std::max(1.0, std::round(step));
  return step;
}

}  // namespace

std::string ValueScale::tick_text(double v) const {
  return axis_number(v, measure, scale, true);
}

std::string ValueScale::title(std::string_view name) const {
  return axis_title(name, measure, scale);
}

ValueScale value_scale(double lo, double hi, const Measure& m, int max_ticks) {
  ValueScale s;
  s.measure = m;
  lo = std::min(lo, 0.0);
  hi = std::max(hi, 0.0);
  if (m.unit == Unit::kSeconds) s.scale = duration_scale(std::max(std::fabs(lo), std::fabs(hi)));
  if (m.unit == Unit::kRatio && hi > 0.5) hi = std::max(hi, 1.0);
  const double f = display_factor(m, s.scale);
  double d_lo = lo * f, d_hi = hi * f;
  if (d_hi - d_lo < 1e-12) d_hi = d_lo + 1;
  const bool whole = m.unit == Unit::kCount;
  const double step = nice_step(d_hi - d_lo, max_ticks, whole);
  d_lo = std::floor(d_lo / step + 1e-9) * step;
  d_hi = std::ceil(d_hi / step - 1e-9) * step;
  for (double d = d_lo; d <= d_hi + step * 1e-6; d += step)
    s.ticks.push_back(std::fabs(d) < step * 1e-9 ? 0.0 : d / f);
  s.lo = d_lo / f;
  s.hi = d_hi / f;
  return s;
}

const char* series_colour(std::size_t i) {
  static constexpr const char* kPalette[] = {"#3572b0", "#d9822b", "#4b9b5e",
                                             "#8e5ea2", "#c23b3b", "#6b7785"};
  return kPalette[i % 6];
}

std::string sequential_colour(double t) {
  // Five stops from a pale to a deep blue, linear between them.
  static constexpr int kStops[][3] = {
      {239, 245, 251}, {189, 215, 238}, {107, 174, 214}, {33, 113, 181}, {8, 48, 107}};
  if (!std::isfinite(t)) t = 0;
  t = std::clamp(t, 0.0, 1.0) * 4;
  const int i = std::min(3, static_cast<int>(t));
  const double u = t - i;
  int rgb[3];
  for (int k = 0; k < 3; ++k)
    rgb[k] = static_cast<int>(std::lround(kStops[i][k] + (kStops[i + 1][k] - kStops[i][k]) * u));
  return fmt::format("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
}

std::string svg_open(double width, double height, std::string_view title) {
  return fmt::format(
             "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{0}\" "
             "height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"{2}\" "
             "font-family=\"system-ui, sans-serif\" font-size=\"12\" fill=\"#1d2733\">\n",
             width, height, html_escape(title)) +
         svg_text(0, 16, title, "start", "chart-title", 14);
}

std::string svg_close() {
  return "</svg>\n";
}

std::string svg_text(double x, double y, std::string_view text, std::string_view anchor,
                     std::string_view cls, double font_size) {
  std::string attrs;
  if (anchor != "start") attrs += fmt::format(" text-anchor=\"{}\"", anchor);
  if (!cls.empty()) attrs += fmt::format(" class=\"{}\"", cls);
  if (font_size != 12) attrs += fmt::format(" font-size=\"{}\"", font_size);
  if (cls == "chart-title") attrs += " font-weight=\"600\"";
  return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\"{}>{}</text>\n", x, y, attrs,
                     html_escape(text));
}

std::string shorten(std::string_view s, std::size_t max_chars) {
  std::size_t chars = 0, cut = s.size();
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((s[i] & 0xC0) == 0x80) continue;
    if (chars == max_chars - 1) cut = i;
    ++chars;
  }
  if (chars <= max_chars) return std::string(s);
  return std::string(s.substr(0, cut)) + "\xE2\x80\xA6";  // …
}

}  // namespace leda::report
