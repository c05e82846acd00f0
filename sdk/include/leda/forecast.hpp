// leda/forecast.hpp — a weekly-profile-plus-trend forecast of a per-interval series (arrivals,
// handle time): one level per hour of the week and one linear trend, fitted by least squares,
// and the mean absolute percentage error of a held-out last week.
//
// The model of a value y at local hour of the week h (0 = Monday 00:00-01:00, ..., 167 = Sunday
// 23:00-24:00) and time t (days since the first sample) is
//
//   y = effect[h] + trend_per_day * t
//
// Its design matrix has one 0/1 column per hour of the week present in the data and one trend
// column; there is no intercept, the indicator columns span it. Hours of the week are local
// time: compute them with hour_of_week() and a TimeBuckets of the zone the profile lives in.
//
//   leda::TimeBuckets tz("Europe/Paris", 30);
//   std::vector<leda::ForecastSample> s;
//   for (...) s.push_back({interval_start, leda::hour_of_week(tz, interval_start), arrivals});
//   leda::HoldoutFit f = leda::fit_and_holdout(s);            // last 7 days held out
//   if (f.holdout.mape) notes.push_back(...);                  // e.g. 0.12: 12 %
//   double next = f.model.predict(leda::hour_of_week(tz, t), t);   // clamp counts at 0
//
// Eigen (dynamic-size matrices only) is used inside the inline fit and never appears in a type
// or a signature here, so nothing of Eigen, nor its alignment settings, crosses a library
// boundary. Values are plain value types; functions are pure: any number of threads may use
// them on different objects, and a const WeeklyTrendModel from many threads at once.
#pragma once

#include <Eigen/QR>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "leda/model.hpp"
#include "leda/time_buckets.hpp"

namespace leda {

/// Hours in a week: the number of hour-of-week effects.
inline constexpr int kHoursPerWeek = 168;
/// Milliseconds in a day, the unit of the trend's time axis.
inline constexpr std::int64_t kForecastDayMs = 86400000;

/// The local hour of the week of instant `t` in `tz`'s zone: 0 for Monday 00:00-01:00 through
/// 167 for Sunday 23:00-24:00. The repeated hour of a fall-back day maps to the same hour twice;
/// the skipped hour of a spring-forward day does not occur that week.
inline int hour_of_week(const TimeBuckets& tz, TimeMs t) {
  const std::int64_t local = t + tz.offset_ms(t);
  const std::int64_t day = floor_div(local, kForecastDayMs);
  const int weekday = static_cast<int>(((day + 3) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
  const int hour = static_cast<int>((local - day * kForecastDayMs) / 3600000);
  return weekday * 24 + hour;
}

/// One observation of the series: the interval's start (UTC epoch ms), its local hour of the
/// week (0..167, see hour_of_week()) and the value (arrivals, mean handle time, ...).
struct ForecastSample {
  TimeMs start = 0;
  int hour_of_week = 0;
  double value = 0;
};

/// y = effect[h] + trend_per_day * (t - origin) / 1 day, fitted by least squares.
///
/// Value type (no Eigen inside): copy and share freely; const methods are thread-safe.
class WeeklyTrendModel {
 public:
  /// An empty model: no hour seen, trend 0; predict() returns 0 everywhere.
  WeeklyTrendModel() { effects_.fill(0.0); }

  /// Fits the model to `samples` (any order). Throws std::invalid_argument naming the sample's
  /// position when `samples` is empty, an hour of the week is outside 0..167, or a value is not
  /// finite.
  ///
  /// Solver. The full problem has one row per sample (35,040 for a year of 15-minute intervals)
  /// and up to 169 columns. Because the indicator columns are orthogonal, the problem reduces
  /// exactly, in one pass over the samples, to a square system Z x = z of (hours seen + 1) rows:
  /// per hour h with n_h samples of mean time tbar_h and mean value ybar_h, the row
  /// sqrt(n_h) * [e_h, tbar_h] = sqrt(n_h) * ybar_h, and one last row
  /// [0, sqrt(Stt)] = Sty / sqrt(Stt) with Stt, Sty the within-hour (co)variation of time and
  /// value. Z^T Z = X^T X and Z^T z = X^T y, so Z has the singular values of the full design
  /// matrix X and the same least-squares solution; it is solved with Eigen's column-pivoting
  /// Householder QR, which is rank-revealing. (Solving X itself costs ~2 GFlop a year of
  /// 15-minute data; see bench/forecast.)
  ///
  /// Why ColPivHouseholderQR: the only column that can depend on the others is the trend (the
  /// indicators are orthogonal and each has a sample), so all the solver must tell is the rank.
  /// A rank-deficient fit means every hour of the week was seen at a single time (for example
  /// exactly one week of hourly data): the trend cannot be told apart from the hours, and the
  /// fit then takes the trend as 0 and each hour's effect as its mean (the least-squares fit
  /// without the trend column), rather than CompleteOrthogonalDecomposition's minimum-norm
  /// split, whose trend would be an artefact of the time unit. full_rank() says which case held.
  static WeeklyTrendModel fit(std::span<const ForecastSample> samples);

  /// The prediction at local hour of the week `hour_of_week` and instant `t` (UTC epoch ms,
  /// any instant, also outside the fitted range). An hour of the week never seen in the data
  /// gets the mean of the seen hours' effects (each hour counted once) plus the trend. The
  /// model is linear: a count may come out negative, the caller clamps it at 0.
  /// Precondition: 0 <= hour_of_week < 168 (else std::out_of_range).
  double predict(int hour_of_week, TimeMs t) const {
    return level(hour_of_week) + trend_per_day_ * days_since_origin(t);
  }

  /// The fitted effect of hour `h` (its level at the origin), or nullopt when the data held no
  /// sample of that hour. Precondition: 0 <= h < 168 (else std::out_of_range).
  std::optional<double> effect(int h) const {
    check_hour(h);
    if (!seen_[static_cast<std::size_t>(h)]) return std::nullopt;
    return effects_[static_cast<std::size_t>(h)];
  }
  /// Whether hour `h` occurred in the data. Precondition: 0 <= h < 168.
  bool seen(int h) const {
    check_hour(h);
    return seen_[static_cast<std::size_t>(h)];
  }
  /// The fitted trend, value units per day.
  double trend_per_day() const { return trend_per_day_; }
  /// The time origin: the earliest sample's start (UTC epoch ms); t = 0 of the trend.
  TimeMs origin() const { return origin_; }
  /// The number of samples fitted.
  std::size_t samples() const { return samples_; }
  /// The number of distinct hours of the week in the data (columns = hours_seen() + 1).
  int hours_seen() const { return hours_seen_; }
  /// True when the trend could be separated from the hours (the design had full column rank).
  bool full_rank() const { return full_rank_; }

 private:
  static void check_hour(int h) {
    if (h < 0 || h >= kHoursPerWeek)
      throw std::out_of_range("hour of the week must be in 0..167, not " + std::to_string(h));
  }
  double days_since_origin(TimeMs t) const {
    return static_cast<double>(t - origin_) / static_cast<double>(kForecastDayMs);
  }
  double level(int h) const {
    check_hour(h);
    return seen_[static_cast<std::size_t>(h)] ? effects_[static_cast<std::size_t>(h)]
                                              : unseen_level_;
  }

  std::array<double, kHoursPerWeek> effects_;
  std::array<bool, kHoursPerWeek> seen_{};
  double unseen_level_ = 0;
  double trend_per_day_ = 0;
  TimeMs origin_ = 0;
  std::size_t samples_ = 0;
  int hours_seen_ = 0;
  bool full_rank_ = true;
};

/// Mean absolute percentage error of a forecast, as a fraction (0.12 means 12 %).
struct Mape {
  /// mean(|actual - predicted| / |actual|) over the pairs with a non-zero actual; nullopt when
  /// there is none. Note: intervals with small actual counts weigh heavily.
  std::optional<double> value;
  /// Pairs averaged.
  std::size_t used = 0;
  /// Pairs skipped because the actual was 0 (the percentage is undefined there).
  std::size_t skipped_zero = 0;
};

/// The MAPE of `predicted` against `actual`, pair by pair; pairs with actual == 0 are skipped
/// and counted. Throws std::invalid_argument when the spans differ in length.
inline Mape mape(std::span<const double> actual, std::span<const double> predicted) {
  if (actual.size() != predicted.size())
    throw std::invalid_argument("mape: " + std::to_string(actual.size()) + " actual values but " +
                                std::to_string(predicted.size()) + " predictions");
  Mape m;
  double sum = 0;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    if (actual[i] == 0) {
      ++m.skipped_zero;
      continue;
    }
    sum += std::abs(actual[i] - predicted[i]) / std::abs(actual[i]);
    ++m.used;
  }
  if (m.used > 0) m.value = sum / static_cast<double>(m.used);
  return m;
}

/// A forecast model fitted on all the data, with the error it made on a held-out last stretch.
struct HoldoutFit {
  /// The model fitted on every sample: use it to forecast.
  WeeklyTrendModel model;
  /// MAPE of the model fitted without the held-out samples, on the held-out samples; value is
  /// nullopt when either part was empty (or every held-out actual was 0).
  Mape holdout;
  /// Samples held out, and samples the hold-out model was fitted on.
  std::size_t holdout_samples = 0, training_samples = 0;
};

/// Fits on the samples that start before `holdout_from`, measures the MAPE of that fit on the
/// samples that start at or after it, then refits on all samples. Precondition: `samples` not
/// empty (else std::invalid_argument, as WeeklyTrendModel::fit()).
inline HoldoutFit fit_and_holdout_from(std::span<const ForecastSample> samples,
                                       TimeMs holdout_from);

/// fit_and_holdout_from() with the hold-out being the last `holdout_days` x 24 hours: every sample
/// that starts less than that before the last sample's start (with 30-minute intervals and 7 days,
/// the last 336 intervals). Precondition: holdout_days >= 1 (else std::invalid_argument).
inline HoldoutFit fit_and_holdout(std::span<const ForecastSample> samples, int holdout_days = 7) {
  if (holdout_days < 1)
    throw std::invalid_argument("fit_and_holdout: hold out at least one day, not " +
                                std::to_string(holdout_days));
  if (samples.empty()) throw std::invalid_argument("forecast: no samples to fit");
  TimeMs last = samples[0].start;
  for (const ForecastSample& s : samples)
    last = std::max(last, s.start);
  return fit_and_holdout_from(samples, last - holdout_days * kForecastDayMs + 1);
}

// ---- implementation ------------------------------------------------------------------------

inline WeeklyTrendModel WeeklyTrendModel::fit(std::span<const ForecastSample> samples) {
  if (samples.empty()) throw std::invalid_argument("forecast: no samples to fit");
  TimeMs origin = samples[0].start;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const ForecastSample& s = samples[i];
    if (s.hour_of_week < 0 || s.hour_of_week >= kHoursPerWeek)
      throw std::invalid_argument("forecast sample " + std::to_string(i) +
                                  ": hour of the week must be in 0..167, not " +
                                  std::to_string(s.hour_of_week));
    if (!std::isfinite(s.value))
      throw std::invalid_argument("forecast sample " + std::to_string(i) +
                                  ": value is not a finite number");
    origin = std::min(origin, s.start);
  }

  // One pass: per hour, count, means of time and value and their co-moments (Welford), so the
  // within-hour sums are accurate whatever the offset of time and value.
  struct Moments {
    double n = 0, t = 0, y = 0, tt = 0, ty = 0;
  };
  std::array<Moments, kHoursPerWeek> per_hour{};
  WeeklyTrendModel m;
  m.origin_ = origin;
  m.samples_ = samples.size();
  for (const ForecastSample& s : samples) {
    Moments& h = per_hour[static_cast<std::size_t>(s.hour_of_week)];
    const double t = m.days_since_origin(s.start);
    h.n += 1;
    const double dt = t - h.t;
    h.t += dt / h.n;
    h.y += (s.value - h.y) / h.n;
    h.tt += dt * (t - h.t);
    h.ty += dt * (s.value - h.y);
  }
  double stt = 0, sty = 0;
  std::vector<int> hours;  // the hours seen, ascending: column j of Z is hours[j]
  for (int h = 0; h < kHoursPerWeek; ++h) {
    const Moments& mo = per_hour[static_cast<std::size_t>(h)];
    if (mo.n == 0) continue;
    hours.push_back(h);
    stt += mo.tt;
    sty += mo.ty;
  }
  const auto k = static_cast<Eigen::Index>(hours.size());

  // The reduced system (see fit()'s comment): k hour rows and one within-hour trend row.
  Eigen::MatrixXd z = Eigen::MatrixXd::Zero(k + 1, k + 1);
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(k + 1);
  for (Eigen::Index j = 0; j < k; ++j) {
    const Moments& mo = per_hour[static_cast<std::size_t>(hours[static_cast<std::size_t>(j)])];
    const double w = std::sqrt(mo.n);
    z(j, j) = w;
    z(j, k) = w * mo.t;
    rhs(j) = w * mo.y;
  }
  if (stt > 0) {
    z(k, k) = std::sqrt(stt);
    rhs(k) = sty / std::sqrt(stt);
  }
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(z);
  m.full_rank_ = qr.rank() == k + 1;
  double sum_effects = 0;
  if (m.full_rank_) {
    const Eigen::VectorXd x = qr.solve(rhs);
    for (Eigen::Index j = 0; j < k; ++j)
      m.effects_[static_cast<std::size_t>(hours[static_cast<std::size_t>(j)])] = x(j);
    m.trend_per_day_ = x(k);
  } else {
    for (int h : hours)
      m.effects_[static_cast<std::size_t>(h)] = per_hour[static_cast<std::size_t>(h)].y;
    m.trend_per_day_ = 0;
  }
  for (int h : hours) {
    m.seen_[static_cast<std::size_t>(h)] = true;
    sum_effects += m.effects_[static_cast<std::size_t>(h)];
  }
  m.hours_seen_ = static_cast<int>(k);
  m.unseen_level_ = sum_effects / static_cast<double>(k);
  return m;
}

inline HoldoutFit fit_and_holdout_from(std::span<const ForecastSample> samples,
                                       TimeMs holdout_from) {
  HoldoutFit r;
  r.model = WeeklyTrendModel::fit(samples);  // also checks every sample
  std::vector<ForecastSample> training;
  std::vector<const ForecastSample*> held;
  for (const ForecastSample& s : samples) {
    if (s.start < holdout_from)
      training.push_back(s);
    else
      held.push_back(&s);
  }
  r.training_samples = training.size();
  r.holdout_samples = held.size();
  if (training.empty() || held.empty()) return r;
  const WeeklyTrendModel before = WeeklyTrendModel::fit(training);
  std::vector<double> actual, predicted;
  actual.reserve(held.size());
  predicted.reserve(held.size());
  for (const ForecastSample* s : held) {
    actual.push_back(s->value);
    predicted.push_back(before.predict(s->hour_of_week, s->start));
  }
  r.holdout = mape(actual, predicted);
  return r;
}

}  // namespace leda
