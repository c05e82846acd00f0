// report/key_order.cpp — see key_order.hpp.
#include "report/key_order.hpp"

#include <algorithm>
#include <vector>

#include "leda/strings.hpp"
#include "report/kpi_output.hpp"

namespace leda::report {
namespace {

bool catch_all(const std::string& s) {
  return s == "UNMATCHED" || s == "UNMAPPED";
}

// Rank of a cell's kind: numbers, then text, then catch-all labels, then null.
int rank(const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return 3;
  if (const auto* s = std::get_if<std::string>(&v)) return catch_all(*s) ? 2 : 1;
  return 0;
}

double number(const Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* b = std::get_if<bool>(&v)) return *b ? 1 : 0;
  return 0;
}

int compare(const Value& a, const Value& b) {
  const int ra = rank(a), rb = rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  if (ra == 0) {
    if (const auto* x = std::get_if<std::int64_t>(&a), *y = std::get_if<std::int64_t>(&b); x && y)
      return *x < *y ? -1 : *x > *y ? 1 : 0;
    const double x = number(a), y = number(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (ra == 1) {
    const auto& x = std::get<std::string>(a);
    const auto& y = std::get<std::string>(b);
    const std::string lx = ascii_lower(x), ly = ascii_lower(y);
    if (lx != ly) return lx < ly ? -1 : 1;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return 0;
}

}  // namespace

bool is_key(const Column& c) {
  return c.role == ColumnRole::kKey || is_key_column(c.name);
}

void order_by_keys(Table& t) {
  std::vector<std::size_t> keys;
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (is_key(t.columns[c])) keys.push_back(c);
  if (keys.empty()) return;
  std::stable_sort(t.rows.begin(), t.rows.end(), [&](const auto& a, const auto& b) {
    for (std::size_t c : keys)
      if (const int r = compare(a[c], b[c]); r != 0) return r < 0;
    return false;
  });
}

}  // namespace leda::report
