// report/text_report.cpp — the terminal form of kpi_report.hpp.
#include <algorithm>

#include <fmt/format.h>

#include "report/kpi_output.hpp"
#include "report/kpi_report.hpp"

namespace leda::report {

std::string text_report(const ReportContent& content, std::size_t max_rows, std::size_t max_width) {
  std::string out = "leda report\n===========\n\n";
  std::size_t label_width = 0;
  for (const auto& f : content.facts)
    label_width = std::max(label_width, f.label.size());
  for (const auto& f : content.facts)
    out += fmt::format("{:<{}}  {}\n", f.label + ":", label_width + 1, f.text);
  if (!content.problems.empty()) out += "\n" + content.problems;
  for (const auto& r : content.results) {
    const std::string title = r.kpi + " " + r.plugin_version;
    out += "\n\n" + title + "\n" + std::string(title.size(), '-') + "\n";
    if (!r.summary.empty()) out += r.summary + "\n";
    out += result_body_text(r, max_rows, max_width);
    if (r.ok() && max_rows && r.table->rows.size() > max_rows)
      out += fmt::format("(all rows: leda run {} --data ... --format csv)\n", r.kpi);
  }
  return out;
}

}  // namespace leda::report
