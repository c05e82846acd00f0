// The conversion plugin, loaded from its built library, on the account of commerce_model.cpp.
#include <catch2/catch.hpp>

#include "commerce_model.hpp"
#include "leda/testkit.hpp"

using namespace leda::testkit;
using namespace leda_test;

namespace {
const PluginUnderTest& plugin() {
  static PluginUnderTest p(LEDA_PLUGIN_CONVERSION);
  return p;
}
}  // namespace

TEST_CASE("conversion: description", "[plugin][conversion]") {
  const auto& d = plugin().describe();
  CHECK(d.name == "conversion");
  CHECK(d.needs == (leda::kNeedWebSession | leda::kNeedAttributes | leda::kNeedEngagement));
  REQUIRE(d.joins.size() == 1);
  CHECK(d.joins[0].name == "membership");
}

TEST_CASE("conversion: one overall row", "[plugin][conversion]") {
  const leda::Model m = commerce_model();
  const leda::Table t = plugin().run(m, commerce_joins());
  INFO(to_text(t));
  REQUIRE(t.rows.size() == 1);
  CHECK(t.columns.front().name == "visits");
  // Visits v1..v6, v8, v9, v10 = 9. Engaged (a connected conversation): v1, v3, v9 (c4 on v4
  // is abandoned; c-orphan names no loaded visit). Converted: v1, v2 (B-1), v3 (B-2),
  // v5 (D-1), v6 (no orderId), v8; not v4, whose A-1 is a later duplicate of v1's.
  CHECK(integer(t, 0, "visits") == 9);
  CHECK(integer(t, 0, "engaged_visits") == 3);
  CHECK(integer(t, 0, "converted_visits") == 6);
  // 6/9: z^2 = 3.8414588, 1 + z^2/9 = 1.4268288; center (0.6666667 + 0.2134144) / 1.4268288 =
  // 0.6168092; half 1.9599640 / 1.4268288 * sqrt(0.0246914 + 0.0118564) = 0.2626070.
  CHECK(number(t, 0, "conversion_rate") == Approx(6.0 / 9));
  CHECK(number(t, 0, "conversion_rate_ci95_low") == Approx(0.3542021));
  CHECK(number(t, 0, "conversion_rate_ci95_high") == Approx(0.8794162));
  // Engaged 2/3 (v1, v3 of v1, v3, v9): center (0.6666667 + 0.6402431) / 2.2804863 = 0.5730838,
  // half 0.8594546 * sqrt(0.0740741 + 0.1067072) = 0.3654242.
  CHECK(number(t, 0, "conversion_rate_engaged") == Approx(2.0 / 3));
  CHECK(number(t, 0, "conversion_rate_engaged_ci95_low") == Approx(0.2076596));
  CHECK(number(t, 0, "conversion_rate_engaged_ci95_high") == Approx(0.9385081));
  // Not engaged 4/6 (v2, v5, v6, v8 of v2, v4, v5, v6, v8, v10): [0.2999933, 0.9032286].
  CHECK(number(t, 0, "conversion_rate_not_engaged") == Approx(4.0 / 6));
  CHECK(number(t, 0, "conversion_rate_not_engaged_ci95_low") == Approx(0.2999933));
  CHECK(number(t, 0, "conversion_rate_not_engaged_ci95_high") == Approx(0.9032286));
  // Kept orders 100 + 40 + 60 + 20 + 30 + 200 = 450 (UNMATCHED included); 450 / 9 = 50.
  CHECK(number(t, 0, "revenue") == Approx(450));
  CHECK(number(t, 0, "revenue_per_visit") == Approx(50));
  CHECK(has_note(t, "9 visits, 7 with an order; 6 orders counted, 1 duplicate copy dropped"));
  CHECK(has_note(t, "1 visit not converted: its orders are duplicates"));
  CHECK(has_note(t, "1 connected conversation names no visit in the data"));
}

TEST_CASE("conversion: per segment", "[plugin][conversion]") {
  const leda::Model m = commerce_model();
  const leda::Table t = plugin().run(m, commerce_joins(), {{"group_by", "segment"}});
  INFO(to_text(t));
  REQUIRE(t.rows.size() == 3);
  // Gold: v1 (A-1, C1), v2 (B-1, C2 Gold on 03-02), v8 (A-2, C1), v9 (no order; last
  // CustomerInfo C1). Engaged v1, v9; converted v1, v2, v8; revenue 100 + 40 + 200.
  CHECK(text(t, 0, "segment") == "Gold");
  CHECK(integer(t, 0, "visits") == 4);
  CHECK(integer(t, 0, "engaged_visits") == 2);
  CHECK(integer(t, 0, "converted_visits") == 3);
  CHECK(number(t, 0, "conversion_rate") == Approx(0.75));
  CHECK(number(t, 0, "conversion_rate_ci95_low") == Approx(0.3006418));
  CHECK(number(t, 0, "conversion_rate_engaged") == Approx(0.5));      // v1 of v1, v9
  CHECK(number(t, 0, "conversion_rate_not_engaged") == Approx(1.0));  // v2, v8
  CHECK(number(t, 0, "conversion_rate_not_engaged_ci95_high") == Approx(1.0));
  CHECK(number(t, 0, "revenue") == Approx(340));
  CHECK(number(t, 0, "revenue_per_visit") == Approx(85));
  // Silver: v3 (B-2, C2 Silver on 03-01) converted and engaged; v4 (its first order's
  // customer C3 is Silver) not converted, not engaged.
  CHECK(text(t, 1, "segment") == "Silver");
  CHECK(integer(t, 1, "visits") == 2);
  CHECK(integer(t, 1, "converted_visits") == 1);
  CHECK(number(t, 1, "conversion_rate_not_engaged") == 0.0);  // v4: 0 of 1
  CHECK(number(t, 1, "conversion_rate_not_engaged_ci95_high") == Approx(0.7934507));
  CHECK(number(t, 1, "revenue") == Approx(60));
  // UNMATCHED: v5 (no customer), v6 (C99), v10 (nothing): no engaged visit: null rates.
  CHECK(text(t, 2, "segment") == "UNMATCHED");
  CHECK(integer(t, 2, "visits") == 3);
  CHECK(integer(t, 2, "converted_visits") == 2);
  CHECK(is_null(t, 2, "conversion_rate_engaged"));
  CHECK(is_null(t, 2, "conversion_rate_engaged_ci95_low"));
  CHECK(is_null(t, 2, "conversion_rate_engaged_ci95_high"));
  CHECK(number(t, 2, "revenue") == Approx(50));
}

TEST_CASE("conversion: no visits still gives one total row", "[plugin][conversion]") {
  const leda::Model empty;
  const leda::Table t = plugin().run(empty, leda::Joins{});
  REQUIRE(t.rows.size() == 1);
  CHECK(integer(t, 0, "visits") == 0);
  CHECK(is_null(t, 0, "conversion_rate"));
  CHECK(is_null(t, 0, "revenue_per_visit"));
  CHECK_THROWS_AS(plugin().configured({{"group_by", "skill"}}, leda::Joins{}), leda::PluginError);
}

TEST_CASE("conversion: any sharding gives the same table", "[plugin][conversion][shards]") {
  const leda::Model m = commerce_model();
  check_merge(plugin(), m, commerce_joins());
  check_merge(plugin(), m, commerce_joins(), {{"group_by", "segment"}});
}
