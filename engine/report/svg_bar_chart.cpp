// report/svg_bar_chart.cpp — see svg_bar_chart.hpp.
#include "report/svg_bar_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report/value_text.hpp"

namespace leda::report {
namespace {

constexpr double kWidth = 720, kLabelWidth = 200, kValueWidth = 80, kBarHeight = 18, kGap = 6,
                 kTop = 30;
constexpr std::size_t kMaxLabelChars = 28;

std::string shorten(const std::string& s) {
  std::size_t chars = 0, cut = s.size();
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((s[i] & 0xC0) == 0x80) continue;
    if (chars == kMaxLabelChars - 1) cut = i;
    ++chars;
  }
  return chars <= kMaxLabelChars ? s : s.substr(0, cut) + "\xE2\x80\xA6";  // …
}

}  // namespace

std::string render_svg(const BarChart& chart) {
  double lo = 0, hi = 0;
  for (const auto& b : chart.bars)
    if (b.value && std::isfinite(*b.value)) {
      lo = std::min(lo, *b.value);
      hi = std::max(hi, *b.value);
    }
  if (hi == lo) hi = lo + 1;
  const double plot = kWidth - kLabelWidth - kValueWidth;
  const auto x_of = [&](double v) { return kLabelWidth + (v - lo) / (hi - lo) * plot; };
  const double height = kTop + chart.bars.size() * (kBarHeight + kGap) + kGap;

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"{2}\">\n"
      "<text x=\"0\" y=\"18\" class=\"chart-title\">{2}</text>\n",
      kWidth, height, html_escape(chart.title));
  const double zero = x_of(0);
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const Bar& b = chart.bars[i];
    const double y = kTop + i * (kBarHeight + kGap);
    const double text_y = y + kBarHeight * 0.75;
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                       kLabelWidth - 8, text_y, html_escape(shorten(b.label)));
    if (!b.value || !std::isfinite(*b.value)) {
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">-</text>\n", zero + 4, text_y);
      continue;
    }
    const double x = x_of(*b.value);
    const double left = std::min(x, zero), w = std::max(std::fabs(x - zero), 0.5);
    svg += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" class=\"bar\">"
        "<title>{}: {}</title></rect>\n",
        left, y, w, kBarHeight, html_escape(b.label), exact_number(*b.value));
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", std::max(x, zero) + 4, text_y,
                       human_number(*b.value));
  }
  svg += fmt::format(
      "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" class=\"axis\"/>\n</svg>\n",
      zero, kTop - 4, height - kGap / 2);
  return svg;
}

}  // namespace leda::report
