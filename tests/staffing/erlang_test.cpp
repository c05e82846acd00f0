#include "leda/erlang.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

using leda::ErlangB;
using leda::ErlangC;

namespace {

// The Erlang C formula of the contract evaluated directly, the series summed term by term in
// long double (64-bit mantissa, 2^11 times finer than double): term_k = A^k/k! by
// term_k = term_{k-1} * A / k; P_wait = t / (sum_{k<N} term_k + t) with t = term_N * N/(N-A).
// An independent computation from the recurrence the header uses.
long double direct_p_wait(long double a, int n) {
  long double term = 1, sum = 0;
  for (int k = 0; k < n; ++k) {
    sum += term;
    term = term * a / (k + 1);
  }
  const long double t = term * n / (n - a);
  return t / (sum + t);
}

void check_finite(const ErlangC& q) {
  CHECK(std::isfinite(q.p_wait));
  CHECK(std::isfinite(q.service_level));
  CHECK(std::isfinite(q.asa_s));
  CHECK(std::isfinite(q.occupancy));
  CHECK(q.p_wait >= 0);
  CHECK(q.p_wait <= 1);
  CHECK(q.service_level >= 0);
  CHECK(q.service_level <= 1);
  CHECK(q.asa_s >= 0);
  CHECK(q.occupancy > 0);
  CHECK(q.occupancy < 1);
}

}  // namespace

TEST_CASE("Erlang C: the textbook call-centre example, 10 Erlangs, AHT 180 s, 80% in 20 s",
          "[staffing][erlang]") {
  // Call Centre Helper, "Erlang C Formula - Made Simple With an Easy Worked Example"
  // (callcentrehelper.com): 100 calls in 30 minutes of 180 s each = 10 Erlangs, target 80% of
  // calls answered in 20 s. It finds 14 agents: P_wait 17.4%, service level 88.8%, ASA 7.8 s,
  // occupancy 71.4%. The digits below were recomputed from the contract's formula in exact
  // rational arithmetic (the sum of A^k/k! as fractions; exp() in double for SL) and agree
  // with the article's rounded figures.
  const double a = 100 * 180.0 / 1800;
  REQUIRE(a == 10.0);
  struct Row {
    std::int64_t n;
    double p_wait, sl, asa_s;
  };
  const Row rows[] = {
      {11, 0.6821182046893324, 0.3896138117291533, 122.78127684407983},
      {12, 0.44938822429827086, 0.6401580403740066, 40.44494018684438},
      {13, 0.28527045303649295, 0.7955947884177831, 17.11622718218958},
      {14, 0.17413193359504983, 0.8883500191794669, 7.835937011777243},
      {15, 0.10204236700798801, 0.9414528428690223, 3.6735252122875686},
  };
  for (const Row& r : rows) {
    INFO("N = " << r.n);
    const ErlangC q = leda::erlang_c(a, 180, r.n, 20);
    CHECK(q.stable);
    CHECK(q.p_wait == Approx(r.p_wait).epsilon(1e-13));
    CHECK(q.service_level == Approx(r.sl).epsilon(1e-13));
    CHECK(q.asa_s == Approx(r.asa_s).epsilon(1e-13));
    CHECK(q.occupancy == Approx(10.0 / static_cast<double>(r.n)));
  }
  // 13 agents reach 79.6% (short of 80%), 14 reach 88.8%.
  CHECK(leda::required_servers(a, 180, 20, 0.8) == 14);
  // The target is inclusive: exactly the SL of 13 agents is met by 13.
  const double sl13 = leda::erlang_c(a, 180, 13, 20).service_level;
  CHECK(leda::required_servers(a, 180, 20, sl13) == 13);
  CHECK(leda::required_servers(a, 180, 20, std::nextafter(sl13, 1.0)) == 14);
}

TEST_CASE("Erlang C: one and two servers in closed form", "[staffing][erlang]") {
  // N = 1 (M/M/1): the sum is 1 and A^1/1! * 1/(1-A) = A/(1-A), so P_wait = A.
  // ASA = A * AHT / (1 - A). A = 0.25, AHT 100 s: ASA = 25/0.75 = 33.33 s;
  // SL(T = 10 s) = 1 - 0.25 exp(-0.75 * 10/100).
  ErlangC q = leda::erlang_c(0.25, 100, 1, 10);
  CHECK(q.p_wait == Approx(0.25).epsilon(1e-15));
  CHECK(q.asa_s == Approx(100.0 / 3).epsilon(1e-15));
  CHECK(q.service_level == Approx(1 - 0.25 * std::exp(-0.075)).epsilon(1e-15));
  CHECK(q.occupancy == 0.25);
  // N = 2: P_wait = (A^2/(2-A)) / (1 + A + A^2/(2-A)) = A^2 / (2 + A). A = 1.5: 2.25/3.5.
  q = leda::erlang_c(1.5, 60, 2, 0);
  CHECK(q.p_wait == Approx(2.25 / 3.5).epsilon(1e-15));
  CHECK(q.service_level == Approx(1 - 2.25 / 3.5).epsilon(1e-15));  // T = 0: SL = 1 - P_wait
  // Erlang B for one server: B(1) = A / (1 + A).
  CHECK(leda::erlang_b(3, 1) == Approx(0.75).epsilon(1e-15));
  CHECK(leda::erlang_b(3, 0) == 1);
}

TEST_CASE("Erlang C: the recurrence agrees with the series in long double", "[staffing][erlang]") {
  for (double a : {0.01, 0.5, 2.0, 7.3}) {
    for (int n = static_cast<int>(std::floor(a)) + 1; n <= 30; ++n) {
      INFO("A = " << a << ", N = " << n);
      const long double want = direct_p_wait(a, n);
      const ErlangC q = leda::erlang_c(a, 240, n, 30);
      // Each step of the recurrence rounds B once and shrinks earlier relative errors (the
      // factor k/(k + A*B) < 1), so the error stays within a few ulps times N.
      CHECK(static_cast<long double>(q.p_wait) == Approx(want).epsilon(1e-13));
      const long double asa = want * 240 / (n - a);
      CHECK(static_cast<long double>(q.asa_s) == Approx(asa).epsilon(1e-13));
      const long double sl = 1 - want * std::exp(-(n - a) * 30.0L / 240);
      CHECK(std::abs(static_cast<long double>(q.service_level) - sl) < 1e-15L);
    }
  }
  // A = 0.01 and N = 30: P_wait ~ A^30/30! ~ 4e-93, far below what factorials in double reach
  // and still accurate.
  CHECK(leda::erlang_c(0.01, 240, 30, 30).p_wait > 0);
}

TEST_CASE("Erlang C: more servers, better service", "[staffing][erlang]") {
  for (double a : {0.01, 0.7, 3.0, 10.0, 42.5, 250.0, 3000.0}) {
    ErlangB b(a);
    b.advance_to(static_cast<std::int64_t>(std::floor(a)) + 1);
    ErlangC prev = leda::erlang_c_from(b, 180, 20);
    for (int step = 0; step < 300; ++step) {
      b.next();
      const ErlangC q = leda::erlang_c_from(b, 180, 20);
      INFO("A = " << a << ", N = " << b.servers());
      CHECK(q.service_level >= prev.service_level);
      CHECK(q.p_wait <= prev.p_wait);
      CHECK(q.asa_s <= prev.asa_s);
      CHECK(q.occupancy < prev.occupancy);
      // Strictly, as long as the figures have not reached their limits in double precision.
      if (prev.p_wait > 1e-12) {
        CHECK(q.p_wait < prev.p_wait);
        CHECK(q.asa_s < prev.asa_s);
      }
      if (1 - prev.service_level > 1e-12) CHECK(q.service_level > prev.service_level);
      prev = q;
    }
  }
}

TEST_CASE("Erlang C: no NaN or infinity from 0.01 to 10,000 Erlangs", "[staffing][erlang]") {
  for (double a :
       {0.01, 0.05, 0.5, 1.0, 2.0, 7.3, 10.0, 99.9, 100.0, 1000.0, 4321.5, 9999.99, 10000.0}) {
    // From the first stable N up to well past where P_wait underflows to 0.
    const auto first = static_cast<std::int64_t>(std::floor(a)) + 1;
    const auto last = first + 60 + static_cast<std::int64_t>(12 * std::sqrt(a));
    ErlangB b(a);
    b.advance_to(first);
    for (; b.servers() <= last; b.next()) {
      INFO("A = " << a << ", N = " << b.servers());
      for (double t : {0.0, 20.0, 600.0})
        check_finite(leda::erlang_c_from(b, 180, t));
    }
    // Stepping and the one-shot function do the same arithmetic.
    ErlangB x(a);
    x.advance_to(last);
    CHECK(leda::erlang_c(a, 180, last, 20).p_wait == leda::erlang_c_from(x, 180, 20).p_wait);
  }
}

TEST_CASE("Erlang C: N <= A is an unstable queue, reported without NaN", "[staffing][erlang]") {
  for (double a : {0.5, 10.0, 10000.0}) {
    for (std::int64_t n : {std::int64_t{0}, static_cast<std::int64_t>(std::floor(a))}) {
      INFO("A = " << a << ", N = " << n);
      const ErlangC q = leda::erlang_c(a, 180, n, 20);
      CHECK_FALSE(q.stable);
      CHECK(q.p_wait == 1);
      CHECK(q.service_level == 0);
      CHECK(q.asa_s == std::numeric_limits<double>::infinity());
      CHECK(q.occupancy == 1);
    }
  }
  // No traffic: nobody waits, whatever the staff.
  for (std::int64_t n : {0, 1, 5}) {
    const ErlangC q = leda::erlang_c(0, 180, n, 20);
    CHECK(q.stable);
    CHECK(q.p_wait == 0);
    CHECK(q.service_level == 1);
    CHECK(q.asa_s == 0);
    CHECK(q.occupancy == 0);
  }
}

TEST_CASE("required_servers: empty intervals, zero targets, big traffic", "[staffing][erlang]") {
  CHECK(leda::required_servers(0, 180, 20, 0.8) == 0);  // no traffic needs nobody
  CHECK(leda::required_servers(7.3, 180, 20, 0) == 8);  // the least N > A
  CHECK(leda::required_servers(8, 180, 20, 0) == 9);    // N = A is not enough
  // A = 0.01: one server leaves P_wait = A = 0.01 (M/M/1), SL ~ 0.991.
  CHECK(leda::required_servers(0.01, 180, 20, 0.8) == 1);

  // 10,000 Erlangs: the search starts at 10,001 and steps up; the answer must be just above A
  // (square-root staffing puts it within a few sqrt(A) = 100) and be the least that meets 80%.
  const double a = 10000;
  const std::int64_t n = leda::required_servers(a, 180, 20, 0.8);
  CHECK(n > 10000);
  CHECK(n < 10000 + 300);
  CHECK(leda::erlang_c(a, 180, n, 20).service_level >= 0.8);
  CHECK(leda::erlang_c(a, 180, n - 1, 20).service_level < 0.8);
  // A stricter threshold needs more servers.
  CHECK(leda::required_servers(a, 180, 5, 0.8) > n);
}

TEST_CASE("Erlang C: bad arguments are refused with a message", "[staffing][erlang]") {
  CHECK_THROWS_WITH(leda::erlang_c(-1, 180, 3, 20), Catch::Contains("traffic"));
  CHECK_THROWS_AS(leda::erlang_c(std::nan(""), 180, 3, 20), std::invalid_argument);
  CHECK_THROWS_AS(leda::erlang_c(1, 180, -1, 20), std::invalid_argument);
  CHECK_THROWS_WITH(leda::erlang_c(1, 0, 3, 20), Catch::Contains("handle time"));
  CHECK_THROWS_WITH(leda::erlang_c(1, 180, 3, -5), Catch::Contains("threshold"));
  CHECK_THROWS_WITH(leda::required_servers(1, 180, 20, 1.0), Catch::Contains("[0, 1)"));
  CHECK_THROWS_AS(leda::required_servers(1, 180, 20, -0.1), std::invalid_argument);
  CHECK_THROWS_AS(ErlangB(std::numeric_limits<double>::infinity()), std::invalid_argument);
}
