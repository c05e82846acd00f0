#include "leda/forecast.hpp"

#include <date/date.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

using leda::ForecastSample;
using leda::TimeMs;
using leda::WeeklyTrendModel;

namespace {

constexpr std::int64_t kDay = 86400000;
constexpr double kSigma = 1.5;   // sd of the planted Gaussian noise
constexpr double kTrend = 0.05;  // planted trend, per day

TimeMs utc(int y, unsigned m, unsigned d, int hour = 0, int minute = 0) {
  using namespace std::chrono;
  const auto day = date::sys_days{date::year{y} / date::month{m} / date::day{d}};
  return duration_cast<milliseconds>(day.time_since_epoch() + hours{hour} + minutes{minute})
      .count();
}

// The planted weekly profile (local time): weekdays 20 with a morning peak (+25, 9:00-12:00),
// an afternoon peak (+15, 14:00-17:00) and quiet nights (12, 0:00-7:00); weekends 12 with a
// midday bump (+6, 10:00-18:00). Never below 12, so the MAPE below never divides by ~0.
double profile(int h) {
  const int day = h / 24, hour = h % 24;
  if (day >= 5) return 12 + ((hour >= 10 && hour < 18) ? 6 : 0);
  if (hour < 7) return 12;
  if (hour >= 9 && hour < 12) return 45;
  if (hour >= 14 && hour < 17) return 35;
  return 20;
}

// 35 local days of 30-minute intervals in Paris from Monday 2026-03-02, the clocks going forward
// on Sunday 2026-03-29 (that day has 46 intervals): y = profile + kTrend * days + N(0, kSigma^2).
std::vector<ForecastSample> planted_series(std::uint64_t seed) {
  const leda::TimeBuckets paris("Europe/Paris", 30);
  const leda::LocalDay first = paris.day_of(utc(2026, 3, 2, 12));
  const TimeMs from = paris.day_start(first), to = paris.day_start(first + 35);
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> noise(0, kSigma);
  std::vector<ForecastSample> out;
  paris.split_by_interval(from, to, [&](TimeMs start, TimeMs, TimeMs) {
    const int h = leda::hour_of_week(paris, start);
    const double days = static_cast<double>(start - from) / kDay;
    out.push_back({start, h, profile(h) + kTrend * days + noise(rng)});
  });
  return out;
}

// The design's sufficient statistics, computed here in two plain passes (independently of the
// header): per hour of the week the count n_h and mean time tbar_h (days since the earliest
// sample), and Stt = sum over samples of (t - tbar_h)^2.
struct Design {
  std::vector<double> n = std::vector<double>(168, 0), tbar = std::vector<double>(168, 0);
  double stt = 0;
  TimeMs origin = 0;
};
Design design_of(const std::vector<ForecastSample>& s) {
  Design d;
  d.origin = s.front().start;
  for (const auto& x : s)
    d.origin = std::min(d.origin, x.start);
  auto t_of = [&](TimeMs t) { return static_cast<double>(t - d.origin) / kDay; };
  for (const auto& x : s) {
    d.n[x.hour_of_week] += 1;
    d.tbar[x.hour_of_week] += t_of(x.start);
  }
  for (int h = 0; h < 168; ++h)
    if (d.n[h] > 0) d.tbar[h] /= d.n[h];
  for (const auto& x : s) {
    const double dev = t_of(x.start) - d.tbar[x.hour_of_week];
    d.stt += dev * dev;
  }
  return d;
}

}  // namespace

TEST_CASE("hour_of_week: local hours, Monday 00:00 is 0", "[staffing][forecast]") {
  const leda::TimeBuckets paris("Europe/Paris"), ny("America/New_York"), utc0("UTC");
  CHECK(leda::hour_of_week(paris, utc(2026, 3, 1, 23)) == 0);           // Mon 00:00 CET
  CHECK(leda::hour_of_week(paris, utc(2026, 3, 8, 22, 59)) == 167);     // Sun 23:59 CET
  CHECK(leda::hour_of_week(paris, utc(2026, 3, 29, 1)) == 6 * 24 + 3);  // Sun 03:00 CEST
  CHECK(leda::hour_of_week(ny, utc(2026, 3, 2, 3)) == 6 * 24 + 22);     // Sun 22:00 EST
  CHECK(leda::hour_of_week(utc0, utc(1970, 1, 1, 5)) == 3 * 24 + 5);    // Thu 05:00
  CHECK(leda::hour_of_week(utc0, utc(1969, 12, 29, 0)) == 0);           // Mon before the epoch
}

TEST_CASE("WeeklyTrendModel recovers a planted weekly profile and trend", "[staffing][forecast]") {
  const auto s = planted_series(20260302);
  REQUIRE(s.size() == 34 * 48 + 46);
  const WeeklyTrendModel m = WeeklyTrendModel::fit(s);
  CHECK(m.samples() == s.size());
  CHECK(m.hours_seen() == 168);
  CHECK(m.full_rank());
  const Design d = design_of(s);
  CHECK(m.origin() == d.origin);

  // Error bounds. The fit is trend = Sty/Stt and effect_h = ybar_h - trend * tbar_h, so with
  // i.i.d. noise of sd sigma:
  //   trend - kTrend        has sd sigma / sqrt(Stt),
  //   effect_h - profile(h) = mean noise of hour h - (trend - kTrend) * tbar_h, whose two parts
  //   are uncorrelated (sum over hour h of (t - tbar_h) is 0), so its sd is
  //   sigma * sqrt(1/n_h + tbar_h^2 / Stt).
  // Here n_h = 10 (5 weeks x 2 half-hours; 8 for the skipped DST hour), Stt ~ 1678 * 98 (the
  // times of an hour are 7 days apart: variance 49 * 2), so the effects' sd is ~0.48 and the
  // trend's ~0.0037. 5 sd: the chance that any of the 168 effects strays further is below
  // 168 * 5.7e-7 = 1e-4 for any seed.
  const double trend_sd = kSigma / std::sqrt(d.stt);
  CHECK(m.trend_per_day() > 0);
  CHECK(std::abs(m.trend_per_day() - kTrend) <= 5 * trend_sd);
  for (int h = 0; h < 168; ++h) {
    INFO("hour of the week " << h);
    REQUIRE(m.effect(h).has_value());
    const double sd = kSigma * std::sqrt(1 / d.n[h] + d.tbar[h] * d.tbar[h] / d.stt);
    CHECK(std::abs(*m.effect(h) - profile(h)) <= 5 * sd);
  }
  // The forecast for Monday 10:00 one week after the data: its effect plus 35 days of trend,
  // off the planted truth by (effect error) + (trend error) * 35, of sd
  // sigma * sqrt(1/n_h + (35 - tbar_h)^2 / Stt) (by the same argument).
  const TimeMs next_monday = d.origin + 35 * kDay;
  CHECK(m.predict(10, next_monday) == Approx(*m.effect(10) + 35 * m.trend_per_day()));
  const double sd = kSigma * std::sqrt(1 / d.n[10] + (35 - d.tbar[10]) * (35 - d.tbar[10]) / d.stt);
  CHECK(std::abs(m.predict(10, next_monday) - (profile(10) + 35 * kTrend)) <= 5 * sd);
}

TEST_CASE("fit_and_holdout: the held-out week's MAPE is what the noise implies",
          "[staffing][forecast]") {
  const auto s = planted_series(7);
  const leda::HoldoutFit f = leda::fit_and_holdout(s);
  // The last 7 x 24 hours (no clock change in them) are 7 x 48 intervals.
  REQUIRE(f.holdout_samples == 336);
  REQUIRE(f.training_samples == s.size() - 336);
  CHECK(f.model.samples() == s.size());  // the forecast model is refitted on everything
  REQUIRE(f.holdout.value.has_value());
  CHECK(f.holdout.used == 336);
  CHECK(f.holdout.skipped_zero == 0);

  // Expected MAPE. A held-out value at hour h and time t is y = mu + e_new; the prediction of the
  // model fitted on the first 28 days misses mu by (mean noise of h) + (trend error)(t - tbar_h),
  // independent of e_new, so the error is Gaussian with variance
  //   v = sigma^2 (1 + 1/n_h + (t - tbar_h)^2 / Stt)     (n_h, tbar_h, Stt of the training part)
  // and E|error| = sqrt(2/pi) sqrt(v). Dividing by the observed y = mu + e_new rather than mu
  // raises the expectation by a factor 1 + 2 sigma^2/mu^2 + ... <= 1.04 (mu >= 12, to second
  // order in e_new/mu). The mean over 336 values has sd sqrt(sum (1 - 2/pi) v / mu^2) / 336
  // (errors of the two half-hours of one hour share their estimate, which is 1/8 of v: this
  // widens the sd by a few percent, covered by the 5 sd margin). With these numbers the
  // expectation is ~0.068, its sd ~0.003, so the upper bound is ~0.086.
  std::vector<ForecastSample> training(s.begin(), s.end() - 336);
  const Design d = design_of(training);
  const double pi = std::acos(-1.0);
  double expect = 0, var = 0;
  for (auto it = s.end() - 336; it != s.end(); ++it) {
    const double t = static_cast<double>(it->start - d.origin) / kDay;
    const double mu = profile(it->hour_of_week) + kTrend * t;
    const double dev = t - d.tbar[it->hour_of_week];
    const double v = kSigma * kSigma * (1 + 1 / d.n[it->hour_of_week] + dev * dev / d.stt);
    expect += std::sqrt(2 / pi) * std::sqrt(v) / mu;
    var += (1 - 2 / pi) * v / (mu * mu);
  }
  expect /= 336;
  const double sd = std::sqrt(var) / 336;
  INFO("MAPE " << *f.holdout.value << ", expected " << expect << " (sd " << sd << ")");
  CHECK(*f.holdout.value <= 1.04 * expect + 5 * sd);
  CHECK(*f.holdout.value >= expect - 5 * sd);
}

TEST_CASE("An hour of the week never seen predicts the mean level plus the trend",
          "[staffing][forecast]") {
  auto s = planted_series(11);
  const int missing = 6 * 24 + 3;  // Sunday 03:00
  std::erase_if(s, [&](const ForecastSample& x) { return x.hour_of_week == missing; });
  const WeeklyTrendModel m = WeeklyTrendModel::fit(s);
  CHECK_FALSE(m.seen(missing));
  CHECK_FALSE(m.effect(missing).has_value());
  CHECK(m.hours_seen() == 167);
  CHECK(m.full_rank());
  double mean_effect = 0, mean_profile = 0;
  for (int h = 0; h < 168; ++h) {
    if (h == missing) continue;
    mean_effect += *m.effect(h) / 167;
    mean_profile += profile(h) / 167;
  }
  const TimeMs t = m.origin() + 40 * kDay;
  const double p = m.predict(missing, t);
  CHECK(std::isfinite(p));
  CHECK(p == Approx(mean_effect + 40 * m.trend_per_day()).epsilon(1e-12));
  // That level is close to the planted mean of the other hours: the mean of the 167 effect
  // errors has variance sigma^2 (sum_h 1/n_h / 167^2 + mean(tbar_h)^2 / Stt) (as above); 5 sd.
  const Design d = design_of(s);
  double inv_n = 0, tbar = 0;
  for (int h = 0; h < 168; ++h) {
    if (h == missing) continue;
    inv_n += 1 / d.n[h];
    tbar += d.tbar[h] / 167;
  }
  const double sd = kSigma * std::sqrt(inv_n / (167.0 * 167.0) + tbar * tbar / d.stt);
  CHECK(std::abs(mean_effect - mean_profile) <= 5 * sd);
}

TEST_CASE("One week of hourly data: no trend can be told apart, the week is repeated",
          "[staffing][forecast]") {
  // Each hour of the week occurs once, so its indicator alone fits it exactly and the trend
  // column lies in their span: the design is rank-deficient by one.
  const leda::TimeBuckets utc0("UTC");
  std::vector<ForecastSample> s;
  const TimeMs monday = utc(2026, 3, 2);
  for (int i = 0; i < 168; ++i) {
    const TimeMs t = monday + i * kDay / 24;
    s.push_back({t, leda::hour_of_week(utc0, t), profile(i) + kTrend * i / 24.0});
  }
  const WeeklyTrendModel m = WeeklyTrendModel::fit(s);
  CHECK_FALSE(m.full_rank());
  CHECK(m.trend_per_day() == 0);
  for (const ForecastSample& x : s) {
    CHECK(*m.effect(x.hour_of_week) == Approx(x.value).epsilon(1e-14));
    // Three weeks later: the same value (no trend).
    CHECK(m.predict(x.hour_of_week, x.start + 21 * kDay) == Approx(x.value).epsilon(1e-14));
  }

  // A single sample: every hour predicts its value.
  const std::vector<ForecastSample> one{{monday, 0, 42.0}};
  const WeeklyTrendModel m1 = WeeklyTrendModel::fit(one);
  CHECK(m1.predict(0, monday + 100 * kDay) == 42.0);
  CHECK(m1.predict(100, monday) == 42.0);
}

TEST_CASE("fit_and_holdout with too little data reports no MAPE", "[staffing][forecast]") {
  // 3 days of hourly data: everything is in the last 7 days, nothing is left to train on.
  std::vector<ForecastSample> s;
  const leda::TimeBuckets utc0("UTC");
  for (int i = 0; i < 72; ++i) {
    const TimeMs t = utc(2026, 3, 2) + i * kDay / 24;
    s.push_back({t, leda::hour_of_week(utc0, t), 10.0});
  }
  const leda::HoldoutFit f = leda::fit_and_holdout(s);
  CHECK(f.training_samples == 0);
  CHECK(f.holdout_samples == 72);
  CHECK_FALSE(f.holdout.value.has_value());
  CHECK(f.model.samples() == 72);
  CHECK(f.model.predict(5, utc(2026, 4, 1)) == Approx(10.0));
  CHECK_THROWS_AS(leda::fit_and_holdout(s, 0), std::invalid_argument);
}

TEST_CASE("mape skips zero actuals and counts them", "[staffing][forecast]") {
  // |10-12|/10 = 0.2, the 0 actual is skipped, |20-15|/20 = 0.25, |4-4|/4 = 0: mean 0.45/3.
  const std::vector<double> actual{10, 0, 20, 4}, predicted{12, 5, 15, 4};
  const leda::Mape m = leda::mape(actual, predicted);
  REQUIRE(m.value.has_value());
  CHECK(*m.value == Approx(0.15));
  CHECK(m.used == 3);
  CHECK(m.skipped_zero == 1);
  const std::vector<double> zeros{0, 0};
  CHECK_FALSE(leda::mape(zeros, zeros).value.has_value());
  CHECK(leda::mape(zeros, zeros).skipped_zero == 2);
  CHECK_THROWS_AS(leda::mape(actual, zeros), std::invalid_argument);
}

TEST_CASE("WeeklyTrendModel refuses bad samples, naming them", "[staffing][forecast]") {
  CHECK_THROWS_WITH(WeeklyTrendModel::fit(std::vector<ForecastSample>{}),
                    Catch::Contains("no samples"));
  const std::vector<ForecastSample> bad_hour{{0, 1, 1.0}, {1, 2, 1.0}, {2, 168, 1.0}};
  CHECK_THROWS_WITH(WeeklyTrendModel::fit(bad_hour),
                    Catch::Contains("sample 2") && Catch::Contains("168"));
  const std::vector<ForecastSample> bad_value{{0, 1, std::nan("")}};
  CHECK_THROWS_WITH(WeeklyTrendModel::fit(bad_value),
                    Catch::Contains("sample 0") && Catch::Contains("finite"));
  const WeeklyTrendModel m = WeeklyTrendModel::fit(std::vector<ForecastSample>{{0, 1, 1.0}});
  CHECK_THROWS_AS(m.predict(-1, 0), std::out_of_range);
  CHECK_THROWS_AS(m.effect(168), std::out_of_range);
}
