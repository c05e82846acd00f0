// The aov-by-segment plugin, loaded from its built library, on the account of commerce_model.cpp.
#include <catch2/catch.hpp>

#include "commerce_model.hpp"
#include "leda/testkit.hpp"

using namespace leda::testkit;
using namespace leda_test;

namespace {
const PluginUnderTest& plugin() {
  static PluginUnderTest p(LEDA_PLUGIN_AOV_BY_SEGMENT);
  return p;
}
}  // namespace

TEST_CASE("aov-by-segment: description", "[plugin][aov]") {
  const auto& d = plugin().describe();
  CHECK(d.name == "aov-by-segment");
  CHECK(d.needs == (leda::kNeedWebSession | leda::kNeedAttributes));
  REQUIRE(d.joins.size() == 1);
  CHECK(d.joins[0].name == "membership");
}

TEST_CASE("aov-by-segment: figures per segment", "[plugin][aov]") {
  const leda::Model m = commerce_model();
  const leda::Table t = plugin().run(m, commerce_joins(), {{"currency", "EUR"}});
  INFO(to_text(t));
  REQUIRE(t.rows.size() == 3);

  // Gold: A-1 100 (the earliest copy, not v4's 80), B-1 40 (C2 is Gold on 03-02), A-2 200.
  // n 3, revenue 340, customers C1 and C2 (C1's whitespace trimmed); sorted 40, 100, 200:
  // median 100; p25 h=.5 -> 40 + .5*60 = 70; p75 h=1.5 -> 100 + .5*100 = 150;
  // p90 h=1.8 -> 100 + .8*100 = 180. mean 113.3333; squared deviations 5377.78 + 177.78 +
  // 7511.11 = 13066.67; /2 = 6533.33; sd 80.829038. sd/sqrt(3) = 46.666667;
  // t(0.975,2) = 4.3026527 -> half 200.790461: [-87.457127, 314.123794]. Money prints at cent
  // precision: 113.33, 80.83, -87.46, 314.12.
  CHECK(text(t, 0, "segment") == "Gold");
  CHECK(text(t, 0, "currency") == "EUR");
  CHECK(integer(t, 0, "orders") == 3);
  CHECK(integer(t, 0, "customers") == 2);
  CHECK(number(t, 0, "revenue") == Approx(340));
  CHECK(number(t, 0, "revenue_share") == Approx(340.0 / 450));
  CHECK(number(t, 0, "aov") == 113.33);
  CHECK(number(t, 0, "median") == Approx(100));
  CHECK(number(t, 0, "p25") == Approx(70));
  CHECK(number(t, 0, "p75") == Approx(150));
  CHECK(number(t, 0, "p90") == Approx(180));
  CHECK(number(t, 0, "sd") == 80.83);
  CHECK(number(t, 0, "ci95_low") == -87.46);
  CHECK(number(t, 0, "ci95_high") == 314.12);
  CHECK(std::get<bool>(cell(t, 0, "low_n")));

  // Silver: B-2 60 only (C2 was Silver on 03-01): sd and interval null with one order.
  CHECK(text(t, 1, "segment") == "Silver");
  CHECK(integer(t, 1, "orders") == 1);
  CHECK(number(t, 1, "revenue") == Approx(60));
  CHECK(number(t, 1, "median") == Approx(60));
  CHECK(number(t, 1, "p90") == Approx(60));
  CHECK(is_null(t, 1, "sd"));
  CHECK(is_null(t, 1, "ci95_low"));
  CHECK(is_null(t, 1, "ci95_high"));

  // UNMATCHED: D-1 20 (no customer) and v6's 30 (C99 not in membership): customers 1;
  // mean 25; p25 h=.25 -> 22.5; p90 h=.9 -> 29; sd sqrt((25+25)/1) = 7.0710678;
  // t(0.975,1) = 12.7062047 * 7.0710678 / sqrt(2) = 63.5310235: [-38.5310235, 88.5310235].
  CHECK(text(t, 2, "segment") == "UNMATCHED");
  CHECK(integer(t, 2, "orders") == 2);
  CHECK(integer(t, 2, "customers") == 1);
  CHECK(number(t, 2, "revenue_share") == Approx(50.0 / 450));
  CHECK(number(t, 2, "p25") == Approx(22.5));
  CHECK(number(t, 2, "p90") == Approx(29));
  CHECK(number(t, 2, "sd") == 7.07);
  CHECK(number(t, 2, "ci95_low") == -38.53);
  CHECK(number(t, 2, "ci95_high") == 88.53);

  CHECK(has_note(t,
                 "6 orders counted (values in cents of EUR); 1 duplicate copy of an order dropped "
                 "(the earliest copy is kept), 1 of them with a different total"));
  CHECK(has_note(t, "3 purchases excluded: 1 with no total, 2 with a zero or negative total"));
  CHECK(has_note(t, "1 order without an orderId"));
  CHECK(has_note(t, "2 orders UNMATCHED: 1 without a customer id, 1 whose customer"));
}

TEST_CASE("aov-by-segment: a zero-total copy never shadows the valid one; no membership file",
          "[plugin][aov]") {
  ModelBuilder b;
  b.visit("early").purchase(at("2026-03-02T08:00:00"), 0.0, "X");  // excluded before dedup
  b.visit("late")
      .customer(at("2026-03-02T08:00:00"), "C1")
      .purchase(at("2026-03-02T09:00:00"), std::optional<double>(45), "X");
  const leda::Model m = b.build();
  const leda::Table t = plugin().run(m, leda::Joins{});
  INFO(to_text(t));
  REQUIRE(t.rows.size() == 1);
  CHECK(text(t, 0, "segment") == "UNMATCHED");
  CHECK(text(t, 0, "currency") == "USD");
  CHECK(number(t, 0, "revenue") == 45);
  CHECK(number(t, 0, "revenue_share") == 1.0);
  CHECK(has_note(t, "no membership file joined"));
  CHECK(has_note(t, "0 duplicate copies"));
}

TEST_CASE("aov-by-segment: order dates follow the time zone", "[plugin][aov]") {
  // B-2 at 2026-03-01 12:05 UTC is 2026-03-01 in New York too; but an order at 2026-03-02
  // 03:00 UTC is 2026-03-01 22:00 in New York, when C2 is still Silver.
  ModelBuilder b;
  b.visit("v")
      .customer(at("2026-03-02T02:00:00"), "C2")
      .purchase(at("2026-03-02T03:00:00"), 50.0, "N-1");
  const leda::Model m = b.build();
  CHECK(text(plugin().run(m, commerce_joins()), 0, "segment") == "Gold");
  CHECK(text(plugin().run(m, commerce_joins(), {{"tz", "America/New_York"}}), 0, "segment") ==
        "Silver");
}

TEST_CASE("aov-by-segment: any sharding gives the same table", "[plugin][aov][shards]") {
  const leda::Model m = commerce_model();
  check_merge(plugin(), m, commerce_joins());
}
