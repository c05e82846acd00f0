// report/svg_line_chart.cpp — see svg_line_chart.hpp.
#include "report/svg_line_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report/svg_parts.hpp"
#include "report/value_text.hpp"

namespace leda::report {
namespace {

constexpr double kLeft = 78, kRight = 20, kTop = 56, kBottom = 50, kLabelSpacing = 64;
constexpr const char* kDash = "6 4";

bool present(const std::optional<double>& v) {
  return v && std::isfinite(*v);
}

std::string swatch(double x, double y, const char* colour, bool dashed) {
  return fmt::format(
      "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" "
      "stroke-width=\"2\"{}/>\n",
      x, y, x + 22, y, colour, dashed ? fmt::format(" stroke-dasharray=\"{}\"", kDash) : "");
}

std::string legend(const LineChart& chart) {
  std::string svg;
  double x = kLeft;
  const double y = 36;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    svg += swatch(x, y - 4, series_colour(s), chart.series[s].dashed);
    svg += svg_text(x + 26, y, chart.series[s].name, "start", "legend");
    x += 40 + 7.0 * static_cast<double>(chart.series[s].name.size());
  }
  if (!chart.dashed_meaning.empty()) {
    svg += swatch(x, y - 4, "#66737f", true);
    svg += svg_text(x + 26, y, "dashed: " + chart.dashed_meaning, "start", "legend");
  }
  return svg;
}

}  // namespace

std::string render_svg(const LineChart& chart) {
  double lo = 0, hi = 0;
  for (const auto& s : chart.series)
    for (const auto& v : s.values)
      if (present(v)) {
        lo = std::min(lo, *v);
        hi = std::max(hi, *v);
      }
  const ValueScale scale = value_scale(lo, hi, chart.measure);
  const std::size_t n = chart.x_labels.size();
  const double plot_w = chart.width - kLeft - kRight;
  const double plot_bottom = chart.height - kBottom, plot_h = plot_bottom - kTop;
  const auto x_of = [&](std::size_t i) {
    return n <= 1 ? kLeft + plot_w / 2
                  : kLeft + plot_w * static_cast<double>(i) / static_cast<double>(n - 1);
  };
  const auto y_of = [&](double v) { return plot_bottom - scale.fraction(v) * plot_h; };

  std::string svg = svg_open(chart.width, chart.height, chart.title) + legend(chart);
  for (double t : scale.ticks) {
    const double y = y_of(t);
    svg += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#e3e8ee\"/>\n",
        kLeft, y, kLeft + plot_w, y);
    svg += svg_text(kLeft - 6, y + 4, scale.tick_text(t), "end", "tick", 11);
  }
  const double mid = kTop + plot_h / 2;
  svg += fmt::format(
      "<text x=\"14\" y=\"{0:.1f}\" text-anchor=\"middle\" class=\"axis-title\" "
      "transform=\"rotate(-90 14 {0:.1f})\">{1}</text>\n",
      mid, html_escape(scale.title(chart.value_title)));
  // x labels, thinned to one every `step` so they do not overlap.
  const std::size_t step = std::max<std::size_t>(
      1, static_cast<std::size_t>(std::ceil(static_cast<double>(n) * kLabelSpacing / plot_w)));
  for (std::size_t i = 0; i < n; i += step)
    svg += svg_text(x_of(i), plot_bottom + 16, chart.x_labels[i], "middle", "tick", 11);
  svg += svg_text(kLeft + plot_w / 2, plot_bottom + 36, chart.x_title, "middle", "axis-title");
  svg += fmt::format(
      "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"#66737f\" "
      "class=\"axis\"/>\n",
      kLeft, y_of(std::max(scale.lo, 0.0)), kLeft + plot_w);

  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const LineSeries& series = chart.series[s];
    const auto value = [&](std::size_t i) {
      return i < series.values.size() ? series.values[i] : std::nullopt;
    };
    // Runs of segments with the same style become one polyline.
    std::string points;
    bool run_dashed = false;
    const auto flush = [&] {
      if (points.empty()) return;
      svg += fmt::format(
          "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\" "
          "class=\"line series-{}{}\"{}/>\n",
          points, series_colour(s), s, run_dashed ? " dashed" : "",
          run_dashed ? fmt::format(" stroke-dasharray=\"{}\"", kDash) : "");
      points.clear();
    };
    for (std::size_t i = 0; i + 1 < n; ++i) {
      const auto a = value(i), b = value(i + 1);
      if (!present(a) || !present(b)) {
        flush();
        continue;
      }
      const bool dashed = series.dashed || i >= series.dashed_from;
      if (!points.empty() && dashed != run_dashed) flush();
      if (points.empty()) {
        run_dashed = dashed;
        points = fmt::format("{:.1f},{:.1f}", x_of(i), y_of(*a));
      }
      points += fmt::format(" {:.1f},{:.1f}", x_of(i + 1), y_of(*b));
    }
    flush();
    for (std::size_t i = 0; i < n; ++i)
      if (const auto v = value(i); present(v))
        svg += fmt::format(
            "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\" fill=\"{}\" class=\"point\">"
            "<title>{}, {}: {}</title></circle>\n",
            x_of(i), y_of(*v), series_colour(s), html_escape(series.name),
            html_escape(chart.x_labels[i]), html_escape(unit_number(*v, chart.measure)));
  }
  return svg + svg_close();
}

}  // namespace leda::report
