// The inline SVG chart primitives: geometry worked out by hand from the layout constants, values
// and ticks written by unit, dashed series, heatmap colours and legend, escaping.
#include <catch2/catch.hpp>

#include <regex>

#include "report/svg_bar_chart.hpp"
#include "report/svg_heatmap.hpp"
#include "report/svg_line_chart.hpp"
#include "report/svg_parts.hpp"

using Catch::Contains;
using leda::Unit;

namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size()))
    ++n;
  return n;
}

bool one_svg(const std::string& svg) {
  return svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"", 0) == 0 &&
         count(svg, "<svg") == 1 && svg.size() > 7 && svg.substr(svg.size() - 7) == "</svg>\n";
}

}  // namespace

TEST_CASE("value scales have nice ticks in the displayed unit", "[charts]") {
  // 0..0.5 as a percentage: 0..50, about 6 ticks -> a step of 10 (50 / 6 = 8.3 rounds up to 10).
  const auto pct = leda::report::value_scale(0, 0.5, {Unit::kRatio});
  REQUIRE(pct.ticks.size() == 6);
  CHECK(pct.ticks[1] == Approx(0.1));
  CHECK(pct.tick_text(pct.ticks[5]) == "50%");
  // A ratio above 50% reaches 100%.
  CHECK(leda::report::value_scale(0, 0.6, {Unit::kRatio}).hi == Approx(1.0));
  // 485706 s is 134.9 h: an hour axis, 134.9 / 6 = 22.5 -> a step of 25 h, up to 150 h.
  const auto hours = leda::report::value_scale(0, 485706, {Unit::kSeconds});
  CHECK(hours.scale == 3600);
  CHECK(hours.hi == Approx(150 * 3600.0));
  CHECK(hours.tick_text(hours.ticks[1]) == "25 h");
  CHECK(hours.title("logged in") == "logged in (hours)");
  // Counts never get fractional ticks: 0..3 in 6 ticks would step 0.5; it steps 1.
  const auto counts = leda::report::value_scale(0, 3, {Unit::kCount});
  CHECK(counts.ticks.size() == 4);
}

TEST_CASE("bar chart: bars to scale, values and tooltips by unit, axis titled", "[charts]") {
  leda::report::BarChart chart;
  chart.title = "Engaged time rate by region";
  chart.category_title = "region";
  chart.value_title = "engaged time rate";
  chart.measure = {Unit::kRatio};
  chart.categories = {"AMER", "EMEA <&>"};
  chart.series = {{"engaged time rate", {0.25, 0.5}}};
  const std::string svg = leda::report::render_svg(chart);
  CHECK(one_svg(svg));
  CHECK_THAT(svg, Contains("aria-label=\"Engaged time rate by region\""));
  CHECK_THAT(svg, Contains("class=\"chart-title\" font-size=\"14\" font-weight=\"600\">Engaged "
                           "time rate by region</text>"));
  CHECK_THAT(svg, Contains(">engaged time rate (%)</text>"));
  // The plot is 720 - 190 (labels) - 100 (values) = 430 px for 0..50%: 25% is 215 px wide.
  CHECK_THAT(svg, Contains("x=\"190.0\" y=\"47.0\" width=\"215.0\""));
  CHECK_THAT(svg, Contains("width=\"430.0\""));
  CHECK_THAT(svg, Contains("<title>AMER: 25.0%</title>"));
  CHECK_THAT(svg, Contains("<title>EMEA &lt;&amp;&gt;: 50.0%</title>"));
  CHECK_THAT(svg, Contains(">50.0%</text>"));  // the value at the bar's end
  CHECK(count(svg, "class=\"tick\"") == 6);    // 0%, 10%, ... 50%
  CHECK_THAT(svg, !Contains("0.25") && !Contains("<script"));
}

TEST_CASE("bar chart: negative values extend left of zero; several series get a legend",
          "[charts]") {
  leda::report::BarChart chart;
  chart.title = "NPS by skill";
  chart.value_title = "NPS";
  chart.measure = {Unit::kPoints};
  chart.categories = {"11", "12"};
  chart.series = {{"NPS", {-10, 30}}};
  const std::string svg = leda::report::render_svg(chart);
  // -10..30 steps by 10: zero sits at 190 + 10/40 * 430 = 297.5; -10 spans 190..297.5.
  CHECK_THAT(svg, Contains("<rect x=\"190.0\" y=\"47.0\" width=\"107.5\""));
  CHECK_THAT(svg, Contains("x1=\"297.5\"") && Contains(">NPS (points)</text>"));

  chart.series = {{"adherence", {0.9, std::nullopt}}, {"conformance", {0.8, 0.7}}};
  chart.measure = {Unit::kRatio};
  const std::string grouped = leda::report::render_svg(chart);
  CHECK(count(grouped, "class=\"legend\"") == 2);
  CHECK(count(grouped, "<rect") == 3 + 2);  // three bars, two legend swatches
  CHECK_THAT(grouped, Contains("<title>11, conformance: 80.0%</title>"));
  CHECK_THAT(grouped, Contains(">-</text>"));  // the missing value
}

TEST_CASE("line chart: series, gaps, a dashed forecast and a legend", "[charts]") {
  leda::report::LineChart chart;
  chart.title = "Agents, 2026-11-02";
  chart.x_title = "interval";
  chart.x_labels = {"09:00", "10:00", "11:00", "12:00"};
  chart.value_title = "agents";
  chart.measure = {Unit::kCount};
  leda::report::LineSeries required{"required", {4, 6, 5, 3}};
  required.dashed_from = 2;  // 11:00 on is a forecast
  chart.series = {required, {"online", {4, std::nullopt, 5, 4}}, {"target", {5, 5, 5, 5}, true}};
  chart.dashed_meaning = "forecast";
  const std::string svg = leda::report::render_svg(chart);
  CHECK(one_svg(svg));
  // required: one solid line 09:00-11:00 and one dashed 11:00-12:00; online: only 11:00-12:00
  // (its 10:00 is missing); target: dashed whole.
  CHECK(count(svg, "<polyline") == 4);
  CHECK(count(svg, "class=\"line series-0\"") == 1);
  CHECK(count(svg, "class=\"line series-0 dashed\"") == 1);
  CHECK(count(svg, "class=\"line series-1\"") == 1);
  CHECK(count(svg, "class=\"line series-2 dashed\"") == 1);
  CHECK(count(svg, "<circle") == 4 + 3 + 4);
  CHECK_THAT(svg, Contains("<title>online, 11:00: 5</title>"));
  CHECK_THAT(svg, Contains(">dashed: forecast</text>") && Contains(">agents (count)</text>") &&
                      Contains(">interval</text>"));
  // The plot spans 78..700 px: 4 points are 622 / 3 = 207.33 px apart.
  CHECK_THAT(svg, Contains("<circle cx=\"285.3\""));
}

TEST_CASE("heatmap: colours from the scale, a legend in the unit, grey for no data", "[charts]") {
  leda::report::Heatmap map;
  map.title = "Adherence by agent and interval";
  map.row_title = "agent";
  map.column_title = "interval";
  map.value_title = "adherence";
  map.measure = {Unit::kRatio};
  map.rows = {"ann", "bob"};
  map.columns = {"09:00", "09:15"};
  map.cells = {{0.9, 1.0}, {std::nullopt, 0.0}};
  map.low = 0;
  map.high = 1;
  const std::string svg = leda::report::render_svg(map);
  CHECK(one_svg(svg));
  CHECK(count(svg, "class=\"cell") == 4);
  CHECK(count(svg, "class=\"cell empty\"") == 1);
  // The grid is 720 - 170 - 20 = 530 px wide: two columns of 265 px.
  CHECK_THAT(svg, Contains("<rect x=\"435.00\" y=\"76.0\" width=\"265.00\" height=\"16.0\" "
                           "fill=\"#08306b\""));  // ann at 09:15 = 1.0: the darkest
  CHECK_THAT(svg, Contains("fill=\"#eff5fb\" class=\"cell\"><title>bob, 09:15: 0.0%</title>"));
  CHECK_THAT(svg, Contains("<title>bob, 09:00: no data</title>") && Contains(">no data</text>"));
  CHECK_THAT(svg, Contains(">0%</text>") && Contains(">50%</text>") && Contains(">100%</text>"));
  CHECK_THAT(svg, Contains(">adherence (%)</text>"));
  CHECK(leda::report::sequential_colour(0) == "#eff5fb");
  CHECK(leda::report::sequential_colour(1) == "#08306b");
  CHECK(leda::report::sequential_colour(0.5) == "#6baed6");  // the middle stop exactly
}
