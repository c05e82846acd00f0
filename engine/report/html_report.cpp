// report/html_report.cpp — the HTML form of kpi_report.hpp.
#include <cctype>

#include <fmt/format.h>

#include "leda/strings.hpp"
#include "report/key_order.hpp"
#include "report/kpi_charts.hpp"
#include "report/kpi_output.hpp"
#include "report/kpi_report.hpp"
#include "report/unit_text.hpp"
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
table.data th { text-align: left; vertical-align: bottom; background: #f3f6f9; font-weight: 600;
                white-space: normal; min-width: 3.5em; max-width: 9em; }
table.data th.num { text-align: right; }
table.data td { white-space: nowrap; }
table.data td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.data thead th { position: sticky; top: 0; }
td.null { color: #9aa5b1; }
.scroll { max-width: 100%; max-height: 480px; overflow: auto; border: 1px solid #e6eaef; }
details { margin: .4em 0; }
details summary { cursor: pointer; color: #3572b0; }
table.glossary td { padding: 2px 12px 2px 0; vertical-align: top; font-size: 13px; }
table.glossary code { color: #44515e; }
.notes { color: #44515e; }
.error { color: #a4262c; background: #fdf3f4; padding: .5em .8em; border-left: 3px solid #a4262c; }
pre.problems { background: #fff8e6; padding: .6em; white-space: pre-wrap; }
svg.chart { display: block; margin: 1.2em 0; max-width: 100%; height: auto; }
nav a { margin-right: 1em; }
)";

std::string anchor(const std::string& kpi) {
  std::string out = "kpi-";
  for (char c : kpi)
    out += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  return out;
}

// The columns of the table above the fold: keys and headline figures (the first six others for
// a plugin that marks no headline).
std::vector<std::size_t> compact_columns(const Table& t) {
  std::vector<std::size_t> keys, headline, others;
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    if (is_key(t.columns[c]))
      keys.push_back(c);
    else if (t.columns[c].role == ColumnRole::kHeadline)
      headline.push_back(c);
    else if (others.size() < 6)
      others.push_back(c);
  }
  keys.insert(keys.end(), headline.empty() ? others.begin() : headline.begin(),
              headline.empty() ? others.end() : headline.end());
  return keys;
}

std::string header_cell(const Column& c) {
  std::string tip = c.name;
  if (!c.description.empty()) tip += ": " + c.description;
  std::string label = c.name == "agent_login" ? "agent" : readable_name(c.name);
  if (c.unit == Unit::kMoney && !c.currency.empty()) label += " (" + c.currency + ")";
  return "<th" + std::string(right_aligned(c) ? " class=\"num\"" : "") + " title=\"" +
         html_escape(tip) + "\" scope=\"col\">" + html_escape(label) + "</th>";
}

std::string html_table(const Table& t, const std::vector<std::size_t>& columns) {
  std::string out = "<table class=\"data\">\n<thead><tr>";
  for (std::size_t c : columns)
    out += header_cell(t.columns[c]);
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t c : columns) {
      const bool null = std::holds_alternative<std::monostate>(row[c]);
      const std::string cls = null                          ? " class=\"null\""
                              : right_aligned(t.columns[c]) ? " class=\"num\""
                                                            : "";
      out += "<td" + cls + ">" + html_escape(cell_text(row[c], t.columns[c])) + "</td>";
    }
    out += "</tr>\n";
  }
  if (t.rows.empty())
    out += fmt::format("<tr><td colspan=\"{}\">(no rows)</td></tr>\n", columns.size());
  return out + "</tbody></table>\n";
}

std::string glossary(const Table& t) {
  std::string out =
      "<details class=\"glossary\"><summary>What the columns mean</summary>\n"
      "<table class=\"glossary\">\n";
  for (const auto& c : t.columns) {
    std::string unit = unit_name(c.unit);
    if (c.unit == Unit::kMoney && !c.currency.empty()) unit += ", " + c.currency;
    out += "<tr><td><code>" + html_escape(c.name) + "</code></td><td>" +
           html_escape(c.description.empty() ? "-" : c.description) + "</td><td>" +
           html_escape(unit) + "</td></tr>\n";
  }
  return out + "</table>\n</details>\n";
}

std::string kpi_section(const host::KpiResult& r) {
  std::string out = "<section id=\"" + anchor(r.kpi) + "\">\n<h2>" + html_escape(r.kpi) +
                    " <small>" + html_escape(r.plugin_version) + "</small></h2>\n";
  if (!r.summary.empty()) out += "<p class=\"summary\">" + html_escape(r.summary) + "</p>\n";
  if (!r.params.all().empty())
    out += "<p class=\"params\">parameters: " + html_escape(params_text(r)) + "</p>\n";
  if (!r.ok())
    return out + "<p class=\"error\">failed: " + html_escape(r.error) + "</p>\n</section>\n";
  const Table& t = *r.table;
  for (const auto& svg : kpi_chart_svgs(r))
    out += svg;
  const auto compact = compact_columns(t);
  if (compact.size() < t.columns.size()) {
    out += html_table(t, compact);
    std::vector<std::size_t> all(t.columns.size());
    for (std::size_t c = 0; c < all.size(); ++c)
      all[c] = c;
    out += "<details class=\"full\"><summary>All " + plural(t.columns.size(), "column") +
           "</summary>\n<div class=\"scroll\">" + html_table(t, all) + "</div>\n</details>\n";
  } else {
    out += "<div class=\"scroll\">" + html_table(t, compact) + "</div>\n";
  }
  out += glossary(t);
  if (!t.notes.empty()) {
    out += "<ul class=\"notes\">\n";
    for (const auto& n : t.notes)
      out += "<li>" + html_escape(n) + "</li>\n";
    out += "</ul>\n";
  }
  return out + "</section>\n";
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
  for (const auto& r : content.results)
    out += kpi_section(r);
  return out + "</body>\n</html>\n";
}

}  // namespace leda::report
