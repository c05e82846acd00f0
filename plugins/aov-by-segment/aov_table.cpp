// aov_table.cpp — aov-by-segment's result table: one row per segment, by revenue descending.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "aov_state.hpp"
#include "leda/samples.hpp"
#include "leda/stats.hpp"

namespace leda::kpi {
namespace {

struct Segment {
  Samples totals = Samples::money();
  std::set<std::string> customers;
  std::uint64_t without_customer = 0;  ///< orders with no customer id
};

Value money(std::optional<double> v) {
  if (!v) return std::monostate{};
  return round_to(*v, 2);
}

std::vector<Value> segment_row(const std::string& name, const std::string& currency,
                               const Segment& seg, std::int64_t all_revenue_cents) {
  const Samples& v = seg.totals;
  const std::int64_t n = v.count();
  const auto ci = t_interval(v.mean_exact(), v.sd(), n);
  std::vector<Value> row;
  row.emplace_back(name);
  row.emplace_back(currency);
  row.emplace_back(std::in_place_type<std::int64_t>, n);
  row.emplace_back(std::in_place_type<std::int64_t>,
                   static_cast<std::int64_t>(seg.customers.size()));
  row.emplace_back(v.sum());
  row.push_back(ratio(v.sum_units(), all_revenue_cents));
  row.push_back(v.mean());
  row.push_back(v.quantile(0.5));
  row.push_back(v.quantile(0.25));
  row.push_back(v.quantile(0.75));
  row.push_back(v.quantile(0.9));
  row.push_back(money(v.sd()));
  row.push_back(ci ? money(ci->low) : Value());
  row.push_back(ci ? money(ci->high) : Value());
  row.emplace_back(std::in_place_type<bool>, n < 30);
  return row;
}

}  // namespace

std::vector<Column> aov_columns(const std::string& currency) {
  using enum Unit;
  constexpr auto kNum = ColumnType::kNumber;
  constexpr auto kInt = ColumnType::kInt;
  constexpr auto kMeasure = ColumnRole::kMeasure;
  constexpr auto kHeadline = ColumnRole::kHeadline;
  return {
      {"segment", ColumnType::kString, kText, "membership segment (UNMATCHED: none)",
       ColumnRole::kKey},
      {"currency", ColumnType::kString, kText, "currency of the amounts (parameter currency)"},
      {"orders", kInt, kCount, "orders counted (deduplicated by orderId)", kHeadline},
      {"customers", kInt, kCount, "distinct customer ids with an order"},
      {"revenue", kNum, kMoney, "sum of order values", kHeadline, currency},
      {"revenue_share", kNum, kRatio, "the segment's share of all revenue", kHeadline},
      {"aov", kNum, kMoney, "average order value: revenue / orders", kHeadline, currency},
      {"median", kNum, kMoney, "median order value", kHeadline, currency},
      {"p25", kNum, kMoney, "25th percentile of order values", kMeasure, currency},
      {"p75", kNum, kMoney, "75th percentile of order values", kMeasure, currency},
      {"p90", kNum, kMoney, "90th percentile of order values", kMeasure, currency},
      {"sd", kNum, kMoney, "sample standard deviation of order values", kMeasure, currency},
      {"ci95_low", kNum, kMoney, "95% interval of the mean (Student t), low end", kMeasure,
       currency},
      {"ci95_high", kNum, kMoney, "95% interval of the mean (Student t), high end", kMeasure,
       currency},
      {"low_n", ColumnType::kBool, kFlag, "fewer than 30 orders: read the figures with care"},
  };
}

Table aov_table(const std::string& currency, bool membership_given, AovState&& st) {
  Table t;
  t.columns = aov_columns(currency);

  std::map<std::string, Segment> segments;
  std::uint64_t synthetic = 0;
  std::int64_t all_revenue_cents = 0;
  for (const auto& [key, e] : st.book.entries()) {
    Segment& seg = segments[e.kept.segment];
    seg.totals.add_amount(e.kept.total);
    if (e.kept.customer_id.empty())
      ++seg.without_customer;
    else
      seg.customers.insert(e.kept.customer_id);
    synthetic += key.synthetic;
  }
  for (const auto& [name, seg] : segments)
    all_revenue_cents += seg.totals.sum_units();

  std::vector<std::pair<std::int64_t, std::vector<Value>>> rows;
  for (auto& [name, seg] : segments)
    rows.emplace_back(seg.totals.sum_units(), segment_row(name, currency, seg, all_revenue_cents));
  // Revenue descending; equal revenue by segment name (the map's order, kept by stable_sort).
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto& r : rows)
    t.rows.push_back(std::move(r.second));

  const std::uint64_t kept = st.book.entries().size(), dups = st.book.duplicates();
  t.notes.push_back(plural(kept, "order") + " counted (values in cents of " + currency + "); " +
                    plural(dups, "duplicate copy", "duplicate copies") +
                    " of an order dropped (the earliest copy is kept), " +
                    std::to_string(st.book.conflicts()) + " of them with a different total");
  if (st.excluded.missing_total + st.excluded.non_positive_total)
    t.notes.push_back(
        plural(st.excluded.missing_total + st.excluded.non_positive_total, "purchase") +
        " excluded: " + std::to_string(st.excluded.missing_total) + " with no total, " +
        std::to_string(st.excluded.non_positive_total) + " with a zero or negative total");
  if (synthetic)
    t.notes.push_back(plural(synthetic, "order") + " without an orderId " +
                      std::string(agree(synthetic, "was", "were")) +
                      " keyed by visit, total and time");
  if (!membership_given) {
    t.notes.push_back("no membership file joined: every order is in segment UNMATCHED");
  } else if (auto it = segments.find(std::string(kUnmatchedSegment)); it != segments.end()) {
    const auto n = static_cast<std::uint64_t>(it->second.totals.count());
    const std::uint64_t none = it->second.without_customer;
    t.notes.push_back(plural(n, "order") + " UNMATCHED: " + std::to_string(none) +
                      " without a customer id, " + std::to_string(n - none) +
                      " whose customer has no membership row valid on the order's date");
  }
  return t;
}

}  // namespace leda::kpi
