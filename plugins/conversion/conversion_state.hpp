// conversion_state.hpp — the mergeable state of the conversion KPI (KPI spec sections 4 and 6).
//
// A visit is converted when it holds a kept order, and which copy of an order is kept is only
// known once every shard is merged. So the state keeps the OrderBook (as aov-by-segment does)
// and, for each visit with an order, its segment, engagement and order keys; visits without
// orders are only counted. finish() decides conversions against the merged book.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "leda/keyed_map.hpp"
#include "leda/orders.hpp"
#include "leda/plugin.hpp"

namespace leda::kpi {

/// A visit with at least one order copy.
struct OrderedVisit {
  std::string segment;
  bool engaged = false;
  std::vector<OrderKey> orders;  ///< keys of its order copies, without repeats
  LEDA_FIELDS(segment, engaged, orders)
};

/// Visits without any order copy, counted.
struct PlainVisits {
  std::int64_t visits = 0, engaged = 0;
  void merge(const PlainVisits& o) {
    visits += o.visits;
    engaged += o.engaged;
  }
  LEDA_FIELDS(visits, engaged)
};

/// Per-shard state.
struct ConversionState {
  OrderBook book;
  PurchaseCounts excluded;
  std::map<std::string, OrderedVisit> ordered;  ///< by visitId
  KeyedMap<std::string, PlainVisits> plain;     ///< by segment
  std::int64_t unlinked_connected = 0;          ///< connected conversations naming no loaded visit

  void merge(ConversionState&& o) {
    book.merge(std::move(o.book));
    excluded.merge(o.excluded);
    ordered.merge(o.ordered);  // a visit is in one shard only
    plain.merge(std::move(o.plain));
    unlinked_connected += o.unlinked_connected;
  }
  LEDA_FIELDS(book, excluded, ordered, plain, unlinked_connected)
};

/// Every column the table can have.
std::vector<Column> conversion_columns();

/// The result table of a fully merged state; `by_segment` adds the segment column;
/// `membership_given`: a membership file was joined.
Table conversion_table(bool by_segment, bool membership_given, ConversionState&& state);

}  // namespace leda::kpi
