// aov_state.hpp — the mergeable state of the aov-by-segment KPI (KPI spec section 2).
//
// update() reads the orders of each visit, with the customer and membership segment of each
// copy, into an OrderBook; merge() merges the books, so a duplicate order found in two shards
// resolves to the same earliest copy as in one. finalize() computes the per-segment figures
// from the kept orders, sorted, so sums never depend on the order orders arrived in.
#pragma once

#include <cstdint>
#include <string>

#include "leda/orders.hpp"
#include "leda/plugin.hpp"

namespace leda::kpi {

/// Per-shard state.
struct AovState final : KpiState {
  OrderBook book;
  PurchaseCounts excluded;
  bool membership_given = false;
};

/// The result table of a fully merged state; every order has `currency`.
Table aov_table(const std::string& currency, AovState&& state);

}  // namespace leda::kpi
