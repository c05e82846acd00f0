// aov_table.cpp — aov-by-segment's result table: one row per segment, by revenue descending.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "aov_state.hpp"
#include "leda/stats.hpp"

namespace leda::kpi {
namespace {

struct Segment {
  std::vector<double> totals;
  std::set<std::string> customers;
  std::uint64_t without_customer = 0;  ///< orders with no customer id
  double revenue = 0;
};

std::vector<Value> segment_row(const std::string& name, const std::string& currency, Segment& seg,
                               double all_revenue) {
  std::vector<double>& v = seg.totals;
  std::sort(v.begin(), v.end());  // a fixed order: sums do not depend on arrival order
  const auto n = static_cast<std::int64_t>(v.size());
  double revenue = 0;
  for (double x : v)
    revenue += x;
  seg.revenue = revenue;
  const double mean = revenue / static_cast<double>(n);
  std::optional<double> sd;
  if (n >= 2) {
    double ss = 0;
    for (double x : v)
      ss += (x - mean) * (x - mean);
    sd = std::sqrt(ss / static_cast<double>(n - 1));
  }
  const auto ci = t_interval(mean, sd, n);
  std::vector<Value> row;
  row.emplace_back(name);
  row.emplace_back(currency);
  row.emplace_back(std::in_place_type<std::int64_t>, n);
  row.emplace_back(std::in_place_type<std::int64_t>,
                   static_cast<std::int64_t>(seg.customers.size()));
  row.emplace_back(revenue);
  row.push_back(ratio(revenue, all_revenue));
  row.emplace_back(mean);
  row.push_back(number_or_null(quantile_type7(v, 0.5)));
  row.push_back(number_or_null(quantile_type7(v, 0.25)));
  row.push_back(number_or_null(quantile_type7(v, 0.75)));
  row.push_back(number_or_null(quantile_type7(v, 0.9)));
  row.push_back(number_or_null(sd));
  row.push_back(ci ? Value(ci->low) : Value());
  row.push_back(ci ? Value(ci->high) : Value());
  row.emplace_back(std::in_place_type<bool>, n < 30);
  return row;
}

}  // namespace

Table aov_table(const std::string& currency, AovState&& st) {
  Table t;
  t.columns = {{"segment", ColumnType::kString},  {"currency", ColumnType::kString},
               {"orders", ColumnType::kInt},      {"customers", ColumnType::kInt},
               {"revenue", ColumnType::kNumber},  {"revenue_share", ColumnType::kNumber},
               {"aov", ColumnType::kNumber},      {"median", ColumnType::kNumber},
               {"p25", ColumnType::kNumber},      {"p75", ColumnType::kNumber},
               {"p90", ColumnType::kNumber},      {"sd", ColumnType::kNumber},
               {"ci95_low", ColumnType::kNumber}, {"ci95_high", ColumnType::kNumber},
               {"low_n", ColumnType::kBool}};

  std::map<std::string, Segment> segments;
  std::uint64_t synthetic = 0;
  std::vector<double> all;
  for (const auto& [key, e] : st.book.entries()) {
    Segment& seg = segments[e.kept.segment];
    seg.totals.push_back(e.kept.total);
    if (e.kept.customer_id.empty())
      ++seg.without_customer;
    else
      seg.customers.insert(e.kept.customer_id);
    synthetic += key.synthetic;
    all.push_back(e.kept.total);
  }
  std::sort(all.begin(), all.end());
  double all_revenue = 0;
  for (double x : all)
    all_revenue += x;

  std::vector<std::pair<double, std::vector<Value>>> rows;
  for (auto& [name, seg] : segments) {
    auto row = segment_row(name, currency, seg, all_revenue);
    rows.emplace_back(seg.revenue, std::move(row));
  }
  // Revenue descending; equal revenue by segment name (the map's order, kept by stable_sort).
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto& r : rows)
    t.rows.push_back(std::move(r.second));

  const std::uint64_t kept = st.book.entries().size(), dups = st.book.duplicates();
  t.notes.push_back(std::to_string(kept) + " orders counted; " + std::to_string(dups) +
                    " duplicate copies of an order dropped (the earliest copy is kept), " +
                    std::to_string(st.book.conflicts()) + " of them with a different total");
  if (st.excluded.missing_total + st.excluded.non_positive_total)
    t.notes.push_back(std::to_string(st.excluded.missing_total + st.excluded.non_positive_total) +
                      " purchases excluded: " + std::to_string(st.excluded.missing_total) +
                      " with no total, " + std::to_string(st.excluded.non_positive_total) +
                      " with a zero or negative total");
  if (synthetic)
    t.notes.push_back(std::to_string(synthetic) +
                      " orders without an orderId were keyed by visit, total and time");
  if (!st.membership_given) {
    t.notes.push_back("no membership file joined: every order is in segment UNMATCHED");
  } else if (auto it = segments.find(std::string(kUnmatchedSegment)); it != segments.end()) {
    const std::uint64_t n = it->second.totals.size(), none = it->second.without_customer;
    t.notes.push_back(std::to_string(n) + " orders UNMATCHED: " + std::to_string(none) +
                      " without a customer id, " + std::to_string(n - none) +
                      " whose customer has no membership row valid on the order's date");
  }
  return t;
}

}  // namespace leda::kpi
