// report/kpi_report.hpp — every KPI of a run in one readable report: text for a terminal, or
// one self-contained HTML file with tables and inline SVG bar charts.
//
//   leda::report::ReportContent content{leda::report::data_summary(loaded, paths, joins),
//                                       results};
//   std::cout << leda::report::text_report(content, 25);
//   leda::util::write_file_atomically("report.html", leda::report::html_report(content));
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "host/kpi_runner.hpp"
#include "report/load_summary.hpp"

namespace leda::report {

/// What a report shows: facts about the data, then each KPI (failed ones with their error).
struct ReportContent {
  std::vector<SummaryLine> facts;
  std::vector<host::KpiResult> results;
  std::string problems;  ///< load_problems_text() of the load, or empty
};

/// Makes the KPIs of a report read alike: puts the rows of every table in one order
/// (key_order.hpp), so a segment, region or skill is in the same place in each table and chart;
/// and gives a money column without a currency the currency of the report's other money columns
/// when they all name the same one (the KPIs read the same orders).
void align_report(ReportContent& content);

/// The report as text: a header of facts, then each KPI titled, with at most `max_rows` rows
/// (0: all) and its notes; values written by unit; tables wider than `max_width` (0: no limit)
/// are printed in blocks of columns that fit, each repeating the key columns, and long lines
/// are wrapped to it.
std::string text_report(const ReportContent& content, std::size_t max_rows, std::size_t max_width);

/// The report as one HTML document: no scripts, no external files or fonts; bar charts are
/// inline SVG. Each KPI shows its key and headline columns in a table that fits a 1280 px
/// window, with the full table in a <details> below it, and what each column means.
std::string html_report(const ReportContent& content);

}  // namespace leda::report
