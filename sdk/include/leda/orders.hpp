// leda/orders.hpp — orders (Purchase engagement attributes) as KPI spec section 2 counts them:
// which purchases are orders, whose they are, which membership segment they fall in, and the
// deduplication on `orderId` across visits, files and shards.
//
//   leda::TimeBuckets days("UTC");
//   leda::OrderBook book;
//   leda::PurchaseCounts counts;
//   for (const leda::Visit& v : visits)
//     for (leda::OrderCopy& o : leda::read_orders(model, v, days, counts)) {
//       o.segment = leda::segment_of(membership, o.customer_id, o.day);
//       book.add(std::move(o));
//     }
//   other_book.merge(std::move(book));        // shards combine in any grouping
//   for (const auto& [key, entry] : book.entries()) use(entry.kept.total);
//
// Thread-safety: plain values.
#pragma once

#include <cstdint>
#include <cstdio>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "leda/joins.hpp"
#include "leda/model.hpp"
#include "leda/state_codec.hpp"
#include "leda/time_buckets.hpp"

namespace leda {

/// The segment of orders and visits with no customer id or no valid membership row.
inline constexpr std::string_view kUnmatchedSegment = "UNMATCHED";

/// The natural key of an order: the trimmed `orderId`, or, for a purchase without one,
/// (visitId, total, timestamp) as text.
struct OrderKey {
  bool synthetic = false;  ///< true: no orderId, `text` is built from visit, total and time
  std::string text;
  friend auto operator<=>(const OrderKey&, const OrderKey&) = default;
  LEDA_FIELDS(synthetic, text)
};

/// One purchase that is an order (total > 0), as found in one visit. The same order may be
/// found in several visits or files; OrderBook keeps the earliest copy.
struct OrderCopy {
  OrderKey key;
  double total = 0;            ///< `Purchase.total`, > 0
  TimeMs timestamp = kNoLong;  ///< the attribute's `timestamp`, else the visit's first time
  std::string visit_id;
  std::string customer_id;  ///< trimmed; empty when the visit has no customer id
  LocalDay day = 0;         ///< local date of `timestamp` in the run's time zone
  std::string segment;      ///< membership segment; filled by the caller (segment_of)

  /// The order in which copies compete: the earliest time wins (a copy without time loses),
  /// then visit id, total and customer, so the winner never depends on arrival order.
  bool earlier_than(const OrderCopy& o) const {
    auto t = [](TimeMs x) { return has(x) ? x : std::numeric_limits<TimeMs>::max(); };
    if (t(timestamp) != t(o.timestamp)) return t(timestamp) < t(o.timestamp);
    if (visit_id != o.visit_id) return visit_id < o.visit_id;
    if (total != o.total) return total < o.total;
    return customer_id < o.customer_id;
  }
  LEDA_FIELDS(key, total, timestamp, visit_id, customer_id, day, segment)
};

/// Purchases that were not orders.
struct PurchaseCounts {
  std::uint64_t missing_total = 0;       ///< no `total`
  std::uint64_t non_positive_total = 0;  ///< `total` zero or negative
  void merge(const PurchaseCounts& o) {
    missing_total += o.missing_total;
    non_positive_total += o.non_positive_total;
  }
  LEDA_FIELDS(missing_total, non_positive_total)
};

/// The customer id (trimmed) of visit `v` at time `t`: that of the last CustomerInfo with a
/// non-empty customer id at or before `t` (same millisecond included), else of the first one
/// after `t`; empty when the visit has none.
inline std::string_view customer_at(const Model& model, const Visit& v, TimeMs t) {
  std::string_view before, after;
  bool have_after = false;
  for (const EngagementAttribute& a : model.attributes_of(v)) {
    if (a.kind != AttributeKind::kCustomerInfo || a.index == kNoIndex) continue;
    const std::string_view id = trim(model.str(model.customer_infos[a.index].customer_id));
    if (id.empty()) continue;
    if (!has(t) || a.timestamp <= t)
      before = id;
    else if (!have_after) {
      after = id;
      have_after = true;
    }
  }
  return before.empty() ? after : before;
}

/// The customer id (trimmed) of the last CustomerInfo of visit `v` with a non-empty id, and
/// the time it was reported; empty id when none.
inline std::pair<std::string_view, TimeMs> last_customer(const Model& model, const Visit& v) {
  std::pair<std::string_view, TimeMs> out{{}, kNoLong};
  for (const EngagementAttribute& a : model.attributes_of(v)) {
    if (a.kind != AttributeKind::kCustomerInfo || a.index == kNoIndex) continue;
    const std::string_view id = trim(model.str(model.customer_infos[a.index].customer_id));
    if (!id.empty()) out = {id, a.timestamp};
  }
  return out;
}

/// The segment of `customer_id` on local day `day`: the membership row valid that day, else
/// kUnmatchedSegment (also when the id is empty or no membership file is joined).
inline std::string segment_of(const Membership* membership, std::string_view customer_id,
                              LocalDay day) {
  if (membership == nullptr || customer_id.empty()) return std::string(kUnmatchedSegment);
  const MembershipRow* row = membership->find(customer_id, day);
  return row ? row->segment : std::string(kUnmatchedSegment);
}

/// The orders among the purchases of visit `v`, in the visit's attribute order; purchases that
/// are not orders are counted in `counts`. `days` dates each order. `segment` is left empty.
inline std::vector<OrderCopy> read_orders(const Model& model, const Visit& v,
                                          const TimeBuckets& days, PurchaseCounts& counts) {
  std::vector<OrderCopy> out;
  for (const EngagementAttribute& a : model.attributes_of(v)) {
    if (a.kind != AttributeKind::kPurchase || a.index == kNoIndex) continue;
    const Purchase& p = model.purchases[a.index];
    if (!p.total) {
      ++counts.missing_total;
      continue;
    }
    if (!(*p.total > 0)) {
      ++counts.non_positive_total;
      continue;
    }
    OrderCopy o;
    o.total = *p.total;
    o.timestamp = has(a.timestamp) ? a.timestamp : v.first_time;
    o.visit_id = std::string(model.str(v.visit_id));
    o.customer_id = std::string(customer_at(model, v, o.timestamp));
    o.day = has(o.timestamp) ? days.day_of(o.timestamp) : 0;
    const std::string_view id = trim(model.str(p.order_id));
    if (!id.empty()) {
      o.key = {false, std::string(id)};
    } else {
      char buf[64];
      std::snprintf(buf, sizeof buf, "|%.17g|%lld", o.total, static_cast<long long>(a.timestamp));
      o.key = {true, o.visit_id + buf};
    }
    out.push_back(std::move(o));
  }
  return out;
}

/// Orders deduplicated by key: per key the earliest copy is kept; the totals of the other
/// copies are remembered to count conflicts. add() and merge() in any order and grouping give
/// the same entries.
class OrderBook {
 public:
  /// One order and what else was seen of it.
  struct Entry {
    OrderCopy kept;
    std::vector<double> other_totals;  ///< totals of the copies not kept
    LEDA_FIELDS(kept, other_totals)
  };

  /// Adds one copy.
  void add(OrderCopy c) {
    auto [it, fresh] = entries_.try_emplace(c.key);
    if (fresh) {
      it->second.kept = std::move(c);
      return;
    }
    Entry& e = it->second;
    if (c.earlier_than(e.kept)) std::swap(c, e.kept);
    e.other_totals.push_back(c.total);
  }

  /// Adds every copy of `o`; `o` is left empty.
  void merge(OrderBook&& o) {
    if (entries_.empty()) {
      entries_ = std::move(o.entries_);
      o.entries_.clear();
      return;
    }
    for (auto& [key, e] : o.entries_) {
      auto [it, fresh] = entries_.try_emplace(key);
      if (fresh) {
        it->second = std::move(e);
        continue;
      }
      Entry& mine = it->second;
      if (e.kept.earlier_than(mine.kept)) std::swap(e.kept, mine.kept);
      mine.other_totals.push_back(e.kept.total);
      mine.other_totals.insert(mine.other_totals.end(), e.other_totals.begin(),
                               e.other_totals.end());
    }
    o.entries_.clear();
  }

  /// The orders by key (keys in sorted order).
  const std::map<OrderKey, Entry>& entries() const { return entries_; }

  /// State codec (leda/state_codec.hpp).
  void encode(StateWriter& w) const { leda::encode(w, entries_); }
  void decode(StateReader& r) { leda::decode(r, entries_); }

  /// Copies dropped as duplicates of a kept order.
  std::uint64_t duplicates() const {
    std::uint64_t n = 0;
    for (const auto& [k, e] : entries_)
      n += e.other_totals.size();
    return n;
  }
  /// Duplicates whose total differs from the kept copy's total.
  std::uint64_t conflicts() const {
    std::uint64_t n = 0;
    for (const auto& [k, e] : entries_)
      for (double t : e.other_totals)
        n += t != e.kept.total;
    return n;
  }

 private:
  std::map<OrderKey, Entry> entries_;
};

}  // namespace leda
