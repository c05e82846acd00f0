// report/svg_bar_chart.cpp — see svg_bar_chart.hpp.
#include "report/svg_bar_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report/svg_parts.hpp"
#include "report/value_text.hpp"

namespace leda::report {
namespace {

constexpr double kLabelWidth = 190, kValueWidth = 100, kGap = 8, kLegendRow = 18;
constexpr std::size_t kMaxLabelChars = 28;

std::string legend(const BarChart& chart, double y) {
  std::string svg;
  double x = kLabelWidth;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"10\" height=\"10\" fill=\"{}\"/>\n",
                       x, y - 9, series_colour(s));
    svg += svg_text(x + 14, y, chart.series[s].name, "start", "legend");
    x += 28 + 7.0 * static_cast<double>(chart.series[s].name.size());
  }
  return svg;
}

}  // namespace

std::string render_svg(const BarChart& chart) {
  const std::size_t n_series = std::max<std::size_t>(1, chart.series.size());
  const bool grouped = chart.series.size() > 1;
  const double bar_h = grouped ? 12 : 18;
  const double group_h = bar_h * static_cast<double>(n_series) + kGap;
  double lo = 0, hi = 0;
  for (const auto& s : chart.series)
    for (const auto& v : s.values)
      if (v && std::isfinite(*v)) {
        lo = std::min(lo, *v);
        hi = std::max(hi, *v);
      }
  const ValueScale scale = value_scale(lo, hi, chart.measure);
  const double top = 30 + (grouped ? kLegendRow : 0) + 16;
  const double plot_left = kLabelWidth, plot_w = chart.width - kLabelWidth - kValueWidth;
  const double plot_bottom = top + group_h * static_cast<double>(chart.categories.size());
  const double height = plot_bottom + 44;
  const auto x_of = [&](double v) { return plot_left + scale.fraction(v) * plot_w; };

  std::string svg = svg_open(chart.width, height, chart.title);
  if (grouped) svg += legend(chart, 36);
  if (!chart.category_title.empty())
    svg += svg_text(kLabelWidth - 8, top - 6, chart.category_title, "end", "axis-title");
  // Grid lines and tick labels of the value axis, then its title.
  for (double t : scale.ticks) {
    const double x = x_of(t);
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#e3e8ee\"/>\n",
        x, top - 2, plot_bottom);
    svg += svg_text(x, plot_bottom + 14, scale.tick_text(t), "middle", "tick", 11);
  }
  svg += svg_text(plot_left + plot_w / 2, plot_bottom + 34, scale.title(chart.value_title),
                  "middle", "axis-title");

  const double zero = x_of(0);
  for (std::size_t c = 0; c < chart.categories.size(); ++c) {
    const std::string& label = chart.categories[c];
    const double y0 = top + group_h * static_cast<double>(c);
    svg += svg_text(kLabelWidth - 8, y0 + (group_h - kGap) / 2 + 4, shorten(label, kMaxLabelChars),
                    "end", "category");
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const auto& values = chart.series[s].values;
      const std::optional<double> v = c < values.size() ? values[c] : std::nullopt;
      const double y = y0 + bar_h * static_cast<double>(s);
      if (!v || !std::isfinite(*v)) {
        svg += svg_text(zero + 4, y + bar_h * 0.75, "-", "start", "value", 11);
        continue;
      }
      const std::string text = unit_number(*v, chart.measure);
      const std::string who = grouped ? label + ", " + chart.series[s].name : label;
      const double x = x_of(*v);
      svg += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" "
          "class=\"bar series-{}\"><title>{}: {}</title></rect>\n",
          std::min(x, zero), y + 1, std::max(std::fabs(x - zero), 0.5), bar_h - 2, series_colour(s),
          s, html_escape(who), html_escape(text));
      svg += svg_text(std::max(x, zero) + 4, y + bar_h * 0.75, text, "start", "value", 11);
    }
  }
  svg += fmt::format(
      "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#66737f\" "
      "class=\"axis\"/>\n",
      zero, top - 2, plot_bottom);
  return svg + svg_close();
}

}  // namespace leda::report
