// conversion_table.cpp — the conversion result table: decides which visits hold a kept order,
// then counts visits, conversions and revenue overall or per segment.
#include <map>
#include <string>
#include <vector>

#include "conversion_state.hpp"
#include "leda/stats.hpp"

namespace leda::kpi {
namespace {

struct SegmentCounts {
  std::int64_t visits = 0, engaged = 0, converted = 0, converted_engaged = 0;
  double revenue = 0;
};

Value count(std::int64_t n) {
  return Value(std::in_place_type<std::int64_t>, n);
}

// A rate and its Wilson interval: three cells, null when n is 0.
void rate_with_interval(std::vector<Value>& row, std::int64_t x, std::int64_t n) {
  row.push_back(ratio(x, n));
  const auto w = wilson_interval(x, n);
  row.push_back(w ? Value(w->low) : Value());
  row.push_back(w ? Value(w->high) : Value());
}

}  // namespace

Table conversion_table(bool by_segment, ConversionState&& st) {
  Table t;
  if (by_segment) t.columns.push_back({"segment", ColumnType::kString});
  t.columns.push_back({"visits", ColumnType::kInt});
  t.columns.push_back({"engaged_visits", ColumnType::kInt});
  t.columns.push_back({"converted_visits", ColumnType::kInt});
  for (const char* rate :
       {"conversion_rate", "conversion_rate_engaged", "conversion_rate_not_engaged"}) {
    t.columns.push_back({rate, ColumnType::kNumber});
    t.columns.push_back({std::string(rate) + "_ci95_low", ColumnType::kNumber});
    t.columns.push_back({std::string(rate) + "_ci95_high", ColumnType::kNumber});
  }
  t.columns.push_back({"revenue", ColumnType::kNumber});
  t.columns.push_back({"revenue_per_visit", ColumnType::kNumber});

  std::map<std::string, SegmentCounts> segments;
  for (const auto& [segment, p] : st.plain) {
    SegmentCounts& s = segments[segment];
    s.visits += p.visits;
    s.engaged += p.engaged;
  }
  const auto& book = st.book.entries();
  std::int64_t only_duplicates = 0;
  for (const auto& [visit_id, v] : st.ordered) {  // visit id order: a fixed summation order
    double revenue = 0;
    bool converted = false;
    for (const OrderKey& key : v.orders) {
      const auto it = book.find(key);
      if (it == book.end() || it->second.kept.visit_id != visit_id) continue;
      converted = true;
      revenue += it->second.kept.total;
    }
    SegmentCounts& s = segments[v.segment];
    ++s.visits;
    s.engaged += v.engaged;
    s.converted += converted;
    s.converted_engaged += converted && v.engaged;
    s.revenue += revenue;
    only_duplicates += !converted;
  }

  std::int64_t visits = 0;
  for (const auto& [segment, s] : segments) {
    visits += s.visits;
    std::vector<Value> row;
    if (by_segment) row.emplace_back(segment);
    row.push_back(count(s.visits));
    row.push_back(count(s.engaged));
    row.push_back(count(s.converted));
    rate_with_interval(row, s.converted, s.visits);
    rate_with_interval(row, s.converted_engaged, s.engaged);
    rate_with_interval(row, s.converted - s.converted_engaged, s.visits - s.engaged);
    row.emplace_back(s.revenue);
    row.push_back(ratio(s.revenue, s.visits));
    t.rows.push_back(std::move(row));
  }
  if (!by_segment && t.rows.empty()) {  // no visit at all: still one total row
    std::vector<Value> row{count(0), count(0), count(0)};
    for (int i = 0; i < 3; ++i)
      rate_with_interval(row, 0, 0);
    row.emplace_back(0.0);
    row.emplace_back();
    t.rows.push_back(std::move(row));
  }

  t.notes.push_back(std::to_string(visits) + " visits, " + std::to_string(st.ordered.size()) +
                    " with an order; " + std::to_string(book.size()) + " orders counted, " +
                    std::to_string(st.book.duplicates()) + " duplicate copies dropped");
  if (only_duplicates)
    t.notes.push_back(std::to_string(only_duplicates) +
                      " visits are not converted: their orders are duplicates of orders kept in "
                      "another visit");
  if (st.excluded.missing_total + st.excluded.non_positive_total)
    t.notes.push_back(std::to_string(st.excluded.missing_total + st.excluded.non_positive_total) +
                      " purchases excluded (no total, or a zero or negative total)");
  if (st.unlinked_connected)
    t.notes.push_back(std::to_string(st.unlinked_connected) +
                      " connected conversations name no visit in the data (empty or unknown "
                      "visitId): no visit is engaged by them");
  if (by_segment && !st.membership_given)
    t.notes.push_back("no membership file joined: every visit is in segment UNMATCHED");
  return t;
}

}  // namespace leda::kpi
