// What visits lead to once their chats are routed: when each visit ends, which visits order
// (a connected chat makes an order more likely, and so does being a known customer, the more
// so the higher the membership tier), orders re-sent in later visits, the customer whose
// membership segment changes, and the surveys after chats.
#include <algorithm>

#include "gen/catalog.hpp"
#include "gen/random.hpp"
#include "gen/world.hpp"

namespace leda::gen {
namespace {

// The membership segment of a visit's visitor (index into kSegments), or -1.
int segment_of(const World& w, const VisitPlan& v) {
  const std::uint32_t customer = w.visitors[v.visitor].customer;
  return customer == kNone ? -1 : w.customers[customer].segment;
}

OrderPlan make_order(const World& w, std::uint32_t visit, Rng& r) {
  const VisitPlan& v = w.visits[visit];
  OrderPlan o;
  o.visit = visit;
  o.time = w.pages_of(v).back() + r.between(800, 1500);
  const auto catalog = products();
  const int least = segment_of(w, v) == 0 ? 2 : 1;  // Gold members buy bigger baskets
  o.items =
      static_cast<std::uint8_t>(least + std::min<std::int64_t>(4 - least, r.exponential(0.8)));
  for (int i = 0; i < o.items; ++i) {
    std::uint8_t p;
    do {
      p = static_cast<std::uint8_t>(r.below(catalog.size()));
    } while (std::find(o.product, o.product + i, p) != o.product + i);
    o.product[i] = p;
    o.quantity[i] = static_cast<std::uint8_t>(r.chance(0.8) ? 1 : r.between(2, 4));
    o.cart_cents += catalog[p].price_cents * o.quantity[i];
  }
  o.total_cents = o.cart_cents;
  if (r.chance(0.2)) o.total_cents -= o.cart_cents / 10;  // a 10% discount code
  if (r.chance(0.02))
    o.total_kind = OrderPlan::Total::kZero;
  else if (r.chance(0.015))
    o.total_kind = OrderPlan::Total::kMissing;
  return o;
}

std::uint32_t add_order(World& w, std::uint32_t visit, Rng& r) {
  w.orders.push_back(make_order(w, visit, r));
  w.visits[visit].order = static_cast<std::uint32_t>(w.orders.size() - 1);
  return w.visits[visit].order;
}

// Visits of each visitor, in start order.
std::vector<std::vector<std::uint32_t>> visits_by_visitor(const World& w) {
  std::vector<std::vector<std::uint32_t>> out(w.visitors.size());
  for (std::uint32_t v = 0; v < w.visits.size(); ++v)
    out[w.visits[v].visitor].push_back(v);
  return out;
}

// The customer whose segment changes: one who ordered and comes back on a later day, when
// that later visit orders too, so there are orders on both sides of the change.
void plan_segment_change(World& w, const std::vector<std::vector<std::uint32_t>>& by_visitor) {
  w.segment_change_day = w.options.start_day + std::max(1, w.options.days / 2);
  for (std::uint32_t o = 0; o < w.orders.size(); ++o) {
    const OrderPlan first = w.orders[o];  // a copy: add_order may grow the vector
    if (first.total_kind != OrderPlan::Total::kValid) continue;
    const std::uint32_t visitor = w.visits[first.visit].visitor;
    const std::uint32_t customer = w.visitors[visitor].customer;
    if (customer == kNone) continue;
    const std::int64_t first_day = first.time / kDayMs;
    for (std::uint32_t later : by_visitor[visitor]) {
      const VisitPlan& v = w.visits[later];
      if (v.start / kDayMs <= first_day || v.pages.count < 3) continue;
      if (v.order == kNone) {
        Rng r = Rng::stream(w.options.seed, Stream::kOrders, (1ull << 40) | later);
        add_order(w, later, r);
      }
      w.segment_change_customer = customer;
      w.segment_change_day = v.start / kDayMs;
      w.customers[customer].segment = 1;  // Silver before the change, Gold from it
      return;
    }
  }
}

// A few valid orders are sent again in a later visit of the same visitor: the same orderId
// and total, one with a different total, one with whitespace around the orderId.
void plan_resends(World& w, const std::vector<std::vector<std::uint32_t>>& by_visitor) {
  const std::size_t wanted = std::clamp<std::size_t>(w.orders.size() / 100, 3, 20);
  Rng r = Rng::stream(w.options.seed, Stream::kOrders, 1ull << 41);
  std::size_t made = 0;
  for (std::size_t tries = 0; made < wanted && tries < 50 * wanted && !w.orders.empty(); ++tries) {
    const std::uint32_t o = static_cast<std::uint32_t>(r.below(w.orders.size()));
    const OrderPlan& order = w.orders[o];
    if (order.total_kind != OrderPlan::Total::kValid || order.total_cents <= 0) continue;
    for (std::uint32_t later : by_visitor[w.visits[order.visit].visitor]) {
      VisitPlan& v = w.visits[later];
      if (v.start <= order.time || v.resend != kNone) continue;
      v.resend = o;
      v.resend_total_cents = order.total_cents + (made == 0 ? 500 : 0);
      v.resend_padded_id = made == 1;
      ++made;
      break;
    }
  }
}

void plan_surveys(World& w) {
  for (std::uint32_t i = 0; i < w.chats.size(); ++i) {
    ChatPlan& c = w.chats[i];
    if (c.connect == kNoLong) continue;
    Rng r = Rng::stream(w.options.seed, Stream::kSurvey, i);
    if (r.chance(0.35)) {
      SurveyPlan s{i, false, c.end + r.between(2000, 20000), 0, 0};
      s.first_answer = s.view + r.between(15000, 90000);
      s.last_answer = s.first_answer + r.between(5000, 60000);
      if (s.last_answer < w.range_end) {
        c.survey = static_cast<std::uint32_t>(w.surveys.size());
        w.surveys.push_back(s);
      }
    }
    if (r.chance(0.10)) {
      SurveyPlan s{i, true, c.end + 1000, 0, 0};
      s.first_answer = c.end + r.between(10000, 120000);
      s.last_answer = s.first_answer + r.between(2000, 8000);
      if (s.last_answer < w.range_end) {
        c.operator_survey = static_cast<std::uint32_t>(w.surveys.size());
        w.surveys.push_back(s);
      }
    }
  }
}

}  // namespace

void plan_outcomes(World& w) {
  for (std::uint32_t i = 0; i < w.visits.size(); ++i) {
    VisitPlan& v = w.visits[i];
    Rng r = Rng::stream(w.options.seed, Stream::kOrders, i);
    if (v.chat != kNone) v.end = std::max(v.end, w.chats[v.chat].end + r.between(5000, 60000));
    if (v.pages.count < 3) continue;
    const bool connected = v.chat != kNone && w.chats[v.chat].connect != kNoLong;
    // Anonymous visitors order least; members more, Gold most; not a member: like Bronze.
    static constexpr double kPropensity[] = {2.2, 1.4, 1.1};
    const int segment = segment_of(w, v);
    const double propensity = w.visitors[v.visitor].customer == kNone ? 0.5
                              : segment < 0                           ? 1.1
                                                                      : kPropensity[segment];
    const double base = connected ? 0.22 : v.chat != kNone ? 0.06 : 0.045;
    if (r.chance(base * propensity)) add_order(w, i, r);
  }
  // However few orders there are, one has a zero and one a missing total.
  auto has = [&](OrderPlan::Total kind) {
    return std::any_of(w.orders.begin(), w.orders.end(),
                       [&](const OrderPlan& o) { return o.total_kind == kind; });
  };
  if (w.orders.size() >= 6 && !has(OrderPlan::Total::kZero))
    w.orders[w.orders.size() / 3].total_kind = OrderPlan::Total::kZero;
  if (w.orders.size() >= 6 && !has(OrderPlan::Total::kMissing))
    w.orders[2 * w.orders.size() / 3].total_kind = OrderPlan::Total::kMissing;
  const auto by_visitor = visits_by_visitor(w);
  plan_segment_change(w, by_visitor);
  plan_resends(w, by_visitor);
  plan_surveys(w);
}

}  // namespace leda::gen
