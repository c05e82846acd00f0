#include "leda/stats.hpp"

#include <catch2/catch.hpp>

#include <vector>

TEST_CASE("quantile_type7 interpolates between order statistics", "[helpers][stats]") {
  const std::vector<double> v{1, 2, 3, 4};
  // h = (n-1)p = 3p.  p=.25: h=.75 -> 1 + .75*(2-1) = 1.75;  p=.5: h=1.5 -> 2.5;
  // p=.9: h=2.7 -> 3 + .7*(4-3) = 3.7;  p=1: 4;  p=0: 1.
  CHECK(*leda::quantile_type7(v, 0.25) == Approx(1.75));
  CHECK(*leda::quantile_type7(v, 0.5) == Approx(2.5));
  CHECK(*leda::quantile_type7(v, 0.9) == Approx(3.7));
  CHECK(*leda::quantile_type7(v, 1.0) == 4);
  CHECK(*leda::quantile_type7(v, 0.0) == 1);
  const std::vector<double> one{42};
  CHECK(*leda::quantile_type7(one, 0.75) == 42);
  CHECK_FALSE(leda::quantile_type7({}, 0.5));
}

TEST_CASE("MeanVariance: sample sd (n-1) and merging summaries", "[helpers][stats]") {
  // {2,4,4,4,5,5,7,9}: mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32;
  // sample variance 32/7; sd = sqrt(32/7) = 2.1380899353.
  const std::vector<double> v{2, 4, 4, 4, 5, 5, 7, 9};
  leda::MeanVariance all, left, right, empty;
  for (std::size_t i = 0; i < v.size(); ++i) {
    all.add(v[i]);
    (i < 3 ? left : right).add(v[i]);
  }
  CHECK(all.count() == 8);
  CHECK(*all.mean() == Approx(5));
  CHECK(*all.sd() == Approx(2.1380899353));
  left.merge(right);
  left.merge(empty);
  CHECK(left.count() == 8);
  CHECK(*left.mean() == Approx(5));
  CHECK(*left.sd() == Approx(2.1380899353));
  empty.merge(all);
  CHECK(*empty.sd() == Approx(2.1380899353));
  leda::MeanVariance single;
  single.add(3);
  CHECK(*single.mean() == 3);
  CHECK_FALSE(single.sd());  // n < 2
}

TEST_CASE("Student t quantiles and the t-interval", "[helpers][stats]") {
  // Two-sided 95% t table: df 1 -> 12.7062047, 2 -> 4.3026527, 10 -> 2.2281389,
  // 29 -> 2.0452296.
  CHECK(leda::student_t_quantile(0.975, 1) == Approx(12.7062047).epsilon(1e-7));
  CHECK(leda::student_t_quantile(0.975, 2) == Approx(4.3026527).epsilon(1e-7));
  CHECK(leda::student_t_quantile(0.975, 10) == Approx(2.2281389).epsilon(1e-7));
  CHECK(leda::student_t_quantile(0.975, 29) == Approx(2.0452296).epsilon(1e-7));
  // {10,20,30}: mean 20, sd 10, n 3: half = 4.3026527 * 10 / sqrt(3) = 24.841377.
  const auto ci = leda::t_interval(20.0, 10.0, 3);
  REQUIRE(ci);
  CHECK(ci->low == Approx(20 - 24.841377));
  CHECK(ci->high == Approx(20 + 24.841377));
  CHECK_FALSE(leda::t_interval(20.0, std::nullopt, 1));
}

TEST_CASE("Wilson interval with z = 1.959963984540054", "[helpers][stats]") {
  // 0/10: z^2 = 3.8414588; center = (z^2/20) / (1 + z^2/10) = 0.1920729 / 1.3841459 = 0.1387664,
  // half the same, so [0, 0.2775328].
  auto w = leda::wilson_interval(0, 10);
  REQUIRE(w);
  CHECK(w->low == Approx(0).margin(1e-12));
  CHECK(w->high == Approx(0.2775328));
  // 5/10: center 0.5; half = z/1.3841459 * sqrt(0.025 + 3.8414588/400) = 1.4160170 * 0.1860197
  // = 0.2634069: [0.2365931, 0.7634069].
  w = leda::wilson_interval(5, 10);
  REQUIRE(w);
  CHECK(w->low == Approx(0.2365931));
  CHECK(w->high == Approx(0.7634069));
  CHECK_FALSE(leda::wilson_interval(0, 0));
}

TEST_CASE("ratio is null on a zero denominator", "[helpers][stats]") {
  CHECK(std::holds_alternative<std::monostate>(leda::ratio(5, 0)));
  CHECK(std::get<double>(leda::ratio(1, 4)) == 0.25);
  CHECK(std::get<double>(leda::ratio(0, 4)) == 0.0);
}
