// report/svg_heatmap.cpp — see svg_heatmap.hpp.
#include "report/svg_heatmap.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report/svg_parts.hpp"
#include "report/value_text.hpp"

namespace leda::report {
namespace {

constexpr double kLabelWidth = 170, kRight = 20, kTop = 76, kLabelSpacing = 56;
constexpr int kLegendSteps = 10;
constexpr double kLegendStep = 22;
constexpr const char* kEmpty = "#e9ecef";

bool present(const std::optional<double>& v) {
  return v && std::isfinite(*v);
}

}  // namespace

std::string render_svg(const Heatmap& map) {
  double data_lo = 0, data_hi = 0;
  bool any = false, any_missing = false;
  for (std::size_t r = 0; r < map.rows.size(); ++r)
    for (std::size_t c = 0; c < map.columns.size(); ++c) {
      const auto& v = r < map.cells.size() && c < map.cells[r].size() ? map.cells[r][c]
                                                                      : std::optional<double>();
      if (!present(v)) {
        any_missing = true;
        continue;
      }
      data_lo = any ? std::min(data_lo, *v) : *v;
      data_hi = any ? std::max(data_hi, *v) : *v;
      any = true;
    }
  const double lo = map.low.value_or(data_lo), hi = map.high.value_or(data_hi);
  const auto t_of = [&](double v) { return hi == lo ? 0.5 : (v - lo) / (hi - lo); };
  const double scale = map.measure.unit == Unit::kSeconds
                           ? duration_scale(std::max(std::fabs(lo), std::fabs(hi)))
                           : 1;

  const std::size_t n_cols = map.columns.size();
  const double grid_w = map.width - kLabelWidth - kRight;
  const double cell_w = n_cols ? grid_w / static_cast<double>(n_cols) : grid_w;
  const double grid_bottom = kTop + map.row_height * static_cast<double>(map.rows.size());
  const double height = grid_bottom + 44;
  std::string svg = svg_open(map.width, height, map.title);

  // The legend: the scale in steps from low to high, its ends and middle written in the unit.
  const double legend_y = 30;
  svg += svg_text(kLabelWidth - 8, legend_y + 12, axis_title(map.value_title, map.measure, scale),
                  "end", "axis-title");
  for (int i = 0; i < kLegendSteps; ++i)
    svg += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{}\" height=\"12\" fill=\"{}\" "
        "class=\"legend\"/>\n",
        kLabelWidth + i * kLegendStep, legend_y + 2, kLegendStep,
        sequential_colour((i + 0.5) / kLegendSteps));
  const double legend_end = kLabelWidth + kLegendSteps * kLegendStep;
  svg += svg_text(kLabelWidth, legend_y + 26, axis_number(lo, map.measure, scale, true), "start",
                  "tick", 11);
  svg += svg_text((kLabelWidth + legend_end) / 2, legend_y + 26,
                  axis_number((lo + hi) / 2, map.measure, scale, true), "middle", "tick", 11);
  svg += svg_text(legend_end, legend_y + 26, axis_number(hi, map.measure, scale, true), "end",
                  "tick", 11);
  if (any_missing) {
    svg += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"12\" height=\"12\" fill=\"{}\" "
        "class=\"legend\"/>\n",
        legend_end + 16, legend_y + 2, kEmpty);
    svg += svg_text(legend_end + 32, legend_y + 12, "no data", "start", "legend", 11);
  }

  if (!map.row_title.empty())
    svg += svg_text(kLabelWidth - 8, kTop - 6, map.row_title, "end", "axis-title");
  for (std::size_t r = 0; r < map.rows.size(); ++r) {
    const double y = kTop + map.row_height * static_cast<double>(r);
    svg += svg_text(kLabelWidth - 8, y + map.row_height * 0.75, shorten(map.rows[r], 26), "end",
                    "category", 11);
    for (std::size_t c = 0; c < n_cols; ++c) {
      const auto& v =
          c < (r < map.cells.size() ? map.cells[r].size() : 0) ? map.cells[r][c] : std::nullopt;
      const bool has = present(v);
      svg += fmt::format(
          "<rect x=\"{:.2f}\" y=\"{:.1f}\" width=\"{:.2f}\" height=\"{:.1f}\" fill=\"{}\" "
          "class=\"cell{}\"><title>{}, {}: {}</title></rect>\n",
          kLabelWidth + cell_w * static_cast<double>(c), y, cell_w, map.row_height,
          has ? sequential_colour(t_of(*v)) : kEmpty, has ? "" : " empty", html_escape(map.rows[r]),
          html_escape(map.columns[c]), has ? html_escape(unit_number(*v, map.measure)) : "no data");
    }
  }
  const std::size_t step = std::max<std::size_t>(
      1, static_cast<std::size_t>(std::ceil(kLabelSpacing / std::max(cell_w, 1e-9))));
  for (std::size_t c = 0; c < n_cols; c += step)
    svg += svg_text(kLabelWidth + cell_w * (static_cast<double>(c) + 0.5), grid_bottom + 14,
                    map.columns[c], "middle", "tick", 11);
  svg += svg_text(kLabelWidth + grid_w / 2, grid_bottom + 34, map.column_title, "middle",
                  "axis-title");
  return svg + svg_close();
}

}  // namespace leda::report
