// aov_state.hpp — the mergeable state of the aov-by-segment KPI (KPI spec section 2).
//
// consume() reads the orders of each visit, with the customer and membership segment of each
// copy, into an OrderBook; merging merges the books, so a duplicate order found in two shards
// resolves to the same earliest copy as in one. finish() computes the per-segment figures from
// the kept orders in cents, so sums never depend on the order orders arrived in.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "leda/orders.hpp"
#include "leda/plugin.hpp"

namespace leda::kpi {

/// Per-shard state.
struct AovState {
  OrderBook book;
  PurchaseCounts excluded;
  void merge(AovState&& o) {
    book.merge(std::move(o.book));
    excluded.merge(o.excluded);
  }
  LEDA_FIELDS(book, excluded)
};

/// Every column of the table.
std::vector<Column> aov_columns(const std::string& currency);

/// The result table of a fully merged state; every order has `currency`. `membership_given`:
/// a membership file was joined.
Table aov_table(const std::string& currency, bool membership_given, AovState&& state);

}  // namespace leda::kpi
