#include "leda/orders.hpp"

#include <catch2/catch.hpp>

#include <vector>

#include "leda/testkit/model_builder.hpp"

using leda::testkit::at;

namespace {
leda::TimeMs t(const char* hhmm) {
  return at(std::string("2026-03-02T") + hhmm + ":00");
}
}  // namespace

TEST_CASE("read_orders: which purchases are orders and whose they are", "[helpers][orders]") {
  leda::testkit::ModelBuilder b;
  b.visit("v1")
      .customer(t("10:00"), " C1 ")
      .purchase(t("10:05"), 45.0, " O-1\t")       // trimmed id O-1, customer C1 (trimmed)
      .purchase(t("10:06"), 0.0, "O-2")           // zero total: not an order
      .purchase(t("10:07"), -3.0, "O-3")          // negative: not an order
      .purchase(t("10:08"), std::nullopt, "O-4")  // missing total
      .customer(t("10:10"), "C9")
      .purchase(t("10:10"), 12.5);  // same millisecond as C9: C9 is "at or before"; no orderId
  b.visit("v2").purchase(t("09:00"), 50.0, "O-1").customer(t("09:30"), "C2");  // first after
  b.visit("v3").purchase(t("09:00"), 8.0, "O-8");                              // no customer
  const leda::Model m = b.build();
  leda::TimeBuckets days("UTC");
  leda::PurchaseCounts counts;

  auto v1 = leda::read_orders(m, m.visits[0], days, counts);
  REQUIRE(v1.size() == 2);
  CHECK(v1[0].key == leda::OrderKey{false, "O-1"});
  CHECK(v1[0].customer_id == "C1");
  CHECK(v1[0].total == 45.0);
  CHECK(leda::day_text(v1[0].day) == "2026-03-02");
  CHECK(v1[1].key.synthetic);
  CHECK(v1[1].customer_id == "C9");
  CHECK(counts.non_positive_total == 2);
  CHECK(counts.missing_total == 1);

  auto v2 = leda::read_orders(m, m.visits[1], days, counts);
  REQUIRE(v2.size() == 1);
  CHECK(v2[0].customer_id == "C2");  // none before 09:00: the first after
  auto v3 = leda::read_orders(m, m.visits[2], days, counts);
  CHECK(v3[0].customer_id.empty());
  CHECK(leda::segment_of(nullptr, "C1", 0) == "UNMATCHED");
}

TEST_CASE("OrderBook keeps the earliest copy whatever the order of adds and merges",
          "[helpers][orders]") {
  auto copy = [](const char* id, double total, leda::TimeMs ts, const char* visit) {
    leda::OrderCopy c;
    c.key = {false, id};
    c.total = total;
    c.timestamp = ts;
    c.visit_id = visit;
    return c;
  };
  const auto a = copy("O-1", 45, t("10:05"), "v1");
  const auto b = copy("O-1", 50, t("09:00"), "v2");  // earliest: kept
  const auto c = copy("O-1", 50, t("11:00"), "v3");  // same total as the kept copy
  const auto d = copy("O-2", 10, t("11:00"), "v3");

  leda::OrderBook one;
  for (const auto& x : {a, b, c, d})
    one.add(x);
  leda::OrderBook left, right, empty;
  right.add(d);
  right.add(c);
  left.add(a);
  leda::OrderBook mid;
  mid.add(b);
  left.merge(std::move(mid));
  left.merge(std::move(empty));
  left.merge(std::move(right));

  for (const leda::OrderBook* book : {&one, &left}) {
    REQUIRE(book->entries().size() == 2);
    const auto& e = book->entries().at({false, "O-1"});
    CHECK(e.kept.visit_id == "v2");
    CHECK(e.kept.total == 50);
    CHECK(book->duplicates() == 2);  // a and c
    CHECK(book->conflicts() == 1);   // a: 45 != 50
  }
}
