// report/html_report.cpp — the HTML form of kpi_report.hpp.
#include <cctype>

#include <fmt/format.h>

#include "report/kpi_charts.hpp"
#include "report/kpi_output.hpp"
#include "report/kpi_report.hpp"
#include "report/value_text.hpp"

namespace leda::report {
namespace {

constexpr const char* kStyle = R"(
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2em auto;
       max-width: 1100px; padding: 0 1em; color: #1d2733; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.25em; margin: 2em 0 .2em; border-bottom: 1px solid #d8dee6; }
h2 small { font-weight: normal; color: #66737f; }
.summary, .params { color: #44515e; margin: .2em 0; }
table { border-collapse: collapse; margin: .8em 0; }
table.facts td { padding: 2px 12px 2px 0; vertical-align: top; }
table.facts td:first-child { color: #66737f; white-space: nowrap; }
table.data { font-size: 13px; }
table.data th, table.data td { border-bottom: 1px solid #e6eaef; padding: 3px 8px; }
table.data th { text-align: left; background: #f3f6f9; position: sticky; top: 0; }
table.data td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.null { color: #9aa5b1; }
.scroll { max-height: 480px; overflow: auto; border: 1px solid #e6eaef; }
.notes { color: #44515e; }
.error { color: #a4262c; background: #fdf3f4; padding: .5em .8em; border-left: 3px solid #a4262c; }
pre.problems { background: #fff8e6; padding: .6em; white-space: pre-wrap; }
svg.chart { display: block; margin: .8em 0; font-size: 12px; }
svg.chart .bar { fill: #3572b0; }
svg.chart .axis { stroke: #66737f; }
svg.chart .chart-title { font-weight: 600; font-size: 13px; }
nav a { margin-right: 1em; }
)";

std::string anchor(const std::string& kpi) {
  std::string out = "kpi-";
  for (char c : kpi)
    out += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  return out;
}

std::string html_table(const Table& t) {
  std::string out = "<div class=\"scroll\"><table class=\"data\">\n<thead><tr>";
  for (const auto& c : t.columns)
    out += "<th>" + html_escape(c.name) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t c = 0; c < row.size(); ++c) {
      const bool num =
          t.columns[c].type == ColumnType::kInt || t.columns[c].type == ColumnType::kNumber;
      const bool null = std::holds_alternative<std::monostate>(row[c]);
      const std::string cls = null ? " class=\"null\"" : num ? " class=\"num\"" : "";
      out += "<td" + cls + ">" + html_escape(human_value(row[c])) + "</td>";
    }
    out += "</tr>\n";
  }
  if (t.rows.empty())
    out += fmt::format("<tr><td colspan=\"{}\">(no rows)</td></tr>\n", t.columns.size());
  return out + "</tbody></table></div>\n";
}

}  // namespace

std::string html_report(const ReportContent& content) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>leda report</title>\n<style>" +
      std::string(kStyle) + "</style>\n</head>\n<body>\n<h1>leda report</h1>\n";
  out += "<table class=\"facts\">\n";
  for (const auto& f : content.facts)
    out += "<tr><td>" + html_escape(f.label) + "</td><td>" + html_escape(f.text) + "</td></tr>\n";
  out += "</table>\n";
  if (!content.problems.empty())
    out += "<pre class=\"problems\">" + html_escape(content.problems) + "</pre>\n";
  out += "<nav>";
  for (const auto& r : content.results)
    out += "<a href=\"#" + anchor(r.kpi) + "\">" + html_escape(r.kpi) + "</a>";
  out += "</nav>\n";
  for (const auto& r : content.results) {
    out += "<section id=\"" + anchor(r.kpi) + "\">\n<h2>" + html_escape(r.kpi) + " <small>" +
           html_escape(r.plugin_version) + "</small></h2>\n";
    if (!r.summary.empty()) out += "<p class=\"summary\">" + html_escape(r.summary) + "</p>\n";
    if (!r.params.all().empty())
      out += "<p class=\"params\">parameters: " + html_escape(params_text(r)) + "</p>\n";
    if (!r.ok()) {
      out += "<p class=\"error\">failed: " + html_escape(r.error) + "</p>\n</section>\n";
      continue;
    }
    for (const auto& chart : charts_for(r))
      out += render_svg(chart);
    out += html_table(*r.table);
    if (!r.table->notes.empty()) {
      out += "<ul class=\"notes\">\n";
      for (const auto& n : r.table->notes)
        out += "<li>" + html_escape(n) + "</li>\n";
      out += "</ul>\n";
    }
    out += "</section>\n";
  }
  return out + "</body>\n</html>\n";
}

}  // namespace leda::report
