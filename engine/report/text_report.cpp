// report/text_report.cpp — the terminal form of kpi_report.hpp.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "report/key_order.hpp"
#include "report/kpi_output.hpp"
#include "report/kpi_report.hpp"
#include "report/staffing_report.hpp"

namespace leda::report {

void align_report(ReportContent& content) {
  std::set<std::string> currencies;
  for (auto& r : content.results) {
    if (!r.ok()) continue;
    order_by_keys(*r.table);
    for (const auto& c : r.table->columns)
      if (c.unit == Unit::kMoney && !c.currency.empty()) currencies.insert(c.currency);
  }
  if (currencies.size() != 1) return;
  for (auto& r : content.results)
    if (r.ok())
      for (auto& c : r.table->columns)
        if (c.unit == Unit::kMoney && c.currency.empty()) c.currency = *currencies.begin();
}

std::string text_report(const ReportContent& content, std::size_t max_rows, std::size_t max_width) {
  std::string out = "leda report\n===========\n\n";
  std::size_t label_width = 0;
  for (const auto& f : content.facts)
    label_width = std::max(label_width, f.label.size());
  for (const auto& f : content.facts)
    out += wrap_text(fmt::format("{:<{}}  {}", f.label + ":", label_width + 1, f.text), max_width,
                     label_width + 3);
  if (!content.problems.empty()) out += "\n" + content.problems;
  for (const auto& r : content.results) {
    const std::string title = r.kpi + " " + r.plugin_version;
    out += "\n\n" + title + "\n" + std::string(title.size(), '-') + "\n";
    if (!r.summary.empty()) out += wrap_text(r.summary, max_width, 0);
    out += result_body_text(r, max_rows, max_width);
    if (!r.ok()) continue;
    out += staffing_text(r, max_width);
    out += "\n";
    if (max_rows && r.table->rows.size() > max_rows)
      out += wrap_text(fmt::format("All rows: leda run {} --data ... --format csv", r.kpi),
                       max_width, 2);
    out += wrap_text(fmt::format("What each column means: leda plugins {}", r.kpi), max_width, 2);
  }
  return out;
}

}  // namespace leda::report
