// conversion_table.cpp — the conversion result table: decides which visits hold a kept order,
// then counts visits, conversions and revenue overall or per segment.
#include <map>
#include <string>
#include <vector>

#include "conversion_state.hpp"
#include "leda/samples.hpp"
#include "leda/stats.hpp"

namespace leda::kpi {
namespace {

struct SegmentCounts {
  std::int64_t visits = 0, engaged = 0, converted = 0, converted_engaged = 0;
  Samples revenue = Samples::money();  ///< kept order values, in cents
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

std::vector<Column> conversion_columns() {
  using enum Unit;
  constexpr auto kInt = ColumnType::kInt;
  constexpr auto kNum = ColumnType::kNumber;
  constexpr auto kHeadline = ColumnRole::kHeadline;
  std::vector<Column> c = {
      {"segment", ColumnType::kString, kText, "membership segment of the visit", ColumnRole::kKey},
      {"visits", kInt, kCount, "visits", kHeadline},
      {"engaged_visits", kInt, kCount, "visits with a connected conversation", kHeadline},
      {"converted_visits", kInt, kCount, "visits with at least one counted order", kHeadline}};
  const std::pair<const char*, const char*> rates[] = {
      {"conversion_rate", "converted visits / visits"},
      {"conversion_rate_engaged", "converted engaged visits / engaged visits"},
      {"conversion_rate_not_engaged", "converted other visits / other visits"}};
  for (const auto& [rate, what] : rates) {
    c.push_back({rate, kNum, kRatio, what, kHeadline});
    c.push_back({std::string(rate) + "_ci95_low", kNum, kRatio,
                 std::string("95% Wilson interval of ") + rate + ", low end"});
    c.push_back({std::string(rate) + "_ci95_high", kNum, kRatio,
                 std::string("95% Wilson interval of ") + rate + ", high end"});
  }
  c.push_back({"revenue", kNum, kMoney, "sum of the counted orders' values", kHeadline});
  c.push_back({"revenue_per_visit", kNum, kMoney, "revenue / visits", kHeadline});
  return c;
}

Table conversion_table(bool by_segment, bool membership_given, ConversionState&& st) {
  Table t;
  t.columns = conversion_columns();
  if (!by_segment) t.columns.erase(t.columns.begin());

  std::map<std::string, SegmentCounts> segments;
  for (const auto& [segment, p] : st.plain) {
    SegmentCounts& s = segments[segment];
    s.visits += p.visits;
    s.engaged += p.engaged;
  }
  const auto& book = st.book.entries();
  std::int64_t only_duplicates = 0;
  for (const auto& [visit_id, v] : st.ordered) {
    SegmentCounts& s = segments[v.segment];
    bool converted = false;
    for (const OrderKey& key : v.orders) {
      const auto it = book.find(key);
      if (it == book.end() || it->second.kept.visit_id != visit_id) continue;
      converted = true;
      s.revenue.add_amount(it->second.kept.total);
    }
    ++s.visits;
    s.engaged += v.engaged;
    s.converted += converted;
    s.converted_engaged += converted && v.engaged;
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
    row.emplace_back(s.revenue.sum());
    row.push_back(s.visits ? Value(round_to(s.revenue.sum() / static_cast<double>(s.visits), 2))
                           : Value());
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

  t.notes.push_back(plural(static_cast<std::uint64_t>(visits), "visit") + ", " +
                    std::to_string(st.ordered.size()) + " with an order; " +
                    plural(book.size(), "order") + " counted, " +
                    plural(st.book.duplicates(), "duplicate copy", "duplicate copies") +
                    " dropped");
  if (only_duplicates)
    t.notes.push_back(
        plural(static_cast<std::uint64_t>(only_duplicates), "visit") + " not converted: " +
        std::string(agree(static_cast<std::uint64_t>(only_duplicates), "its", "their")) +
        " orders are duplicates of orders kept in another visit");
  if (st.excluded.missing_total + st.excluded.non_positive_total)
    t.notes.push_back(
        plural(st.excluded.missing_total + st.excluded.non_positive_total, "purchase") +
        " excluded (no total, or a zero or negative total)");
  if (st.unlinked_connected)
    t.notes.push_back(
        plural(static_cast<std::uint64_t>(st.unlinked_connected), "connected conversation") + " " +
        std::string(agree(static_cast<std::uint64_t>(st.unlinked_connected), "names", "name")) +
        " no visit in the data (empty or unknown visitId): no visit is engaged "
        "by them");
  if (by_segment && !membership_given)
    t.notes.push_back("no membership file joined: every visit is in segment UNMATCHED");
  return t;
}

}  // namespace leda::kpi
