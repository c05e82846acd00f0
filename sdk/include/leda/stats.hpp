// leda/stats.hpp — the statistics KPIs print: ratios that are null on a zero denominator,
// quantiles (type 7), sample mean and standard deviation, Student t and Wilson intervals.
//
//   std::vector<double> v = ...; std::sort(v.begin(), v.end());
//   double median = leda::quantile_type7(v, 0.5);
//   leda::MeanVariance mv; for (double x : v) mv.add(x);
//   auto ci = leda::t_interval(mv.mean(), mv.sd(), mv.count());   // nullopt when n < 2
//   auto w = leda::wilson_interval(12, 200);                      // nullopt when n == 0
//   row.push_back(leda::ratio(engaged_ms, logged_in_ms));         // null when the denominator is 0
//
// All functions are pure; MeanVariance is a value type (no sharing).
#pragma once

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>

#include "leda/plugin.hpp"

namespace leda {

/// The z value of a two-sided 95% normal interval.
inline constexpr double kZ95 = 1.959963984540054;

/// `num / den` as a result cell: null (std::monostate) when `den` is 0, never NaN or infinity.
template <class N, class D>
Value ratio(N num, D den) {
  if (den == 0) return std::monostate{};
  return static_cast<double>(num) / static_cast<double>(den);
}

/// An optional number as a result cell: null when absent.
inline Value number_or_null(std::optional<double> v) {
  if (!v) return std::monostate{};
  return *v;
}

/// The p-quantile (0 <= p <= 1) of `sorted` (ascending) by linear interpolation between order
/// statistics: R's and NumPy's default, "type 7": h = (n-1)p, x[floor h] + (h - floor h) *
/// (x[floor h + 1] - x[floor h]). nullopt for an empty input.
inline std::optional<double> quantile_type7(std::span<const double> sorted, double p) {
  if (sorted.empty()) return std::nullopt;
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= sorted.size()) return sorted[sorted.size() - 1];
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

/// Count, mean and sum of squared deviations of a stream of numbers (Welford's update), and the
/// merge of two such summaries (Chan et al.), so shards can be summarized apart and combined.
/// Floating-point rounding of a merge may differ in the last bits from one pass over all
/// values; when bit-identical results across shardings matter, feed the values in one fixed
/// order instead.
class MeanVariance {
 public:
  /// Adds one value.
  void add(double x) {
    ++n_;
    const double d = x - mean_;
    mean_ += d / static_cast<double>(n_);
    m2_ += d * (x - mean_);
  }
  /// Adds every value summarized by `o`.
  void merge(const MeanVariance& o) {
    if (o.n_ == 0) return;
    if (n_ == 0) {
      *this = o;
      return;
    }
    const double n = static_cast<double>(n_ + o.n_);
    const double d = o.mean_ - mean_;
    mean_ += d * static_cast<double>(o.n_) / n;
    m2_ += o.m2_ + d * d * static_cast<double>(n_) * static_cast<double>(o.n_) / n;
    n_ += o.n_;
  }
  /// Number of values.
  std::int64_t count() const { return n_; }
  /// Arithmetic mean; nullopt when empty.
  std::optional<double> mean() const {
    if (n_ == 0) return std::nullopt;
    return mean_;
  }
  /// Sample standard deviation (divisor n-1); nullopt when fewer than 2 values.
  std::optional<double> sd() const {
    if (n_ < 2) return std::nullopt;
    return std::sqrt(m2_ / static_cast<double>(n_ - 1));
  }

 private:
  std::int64_t n_ = 0;
  double mean_ = 0, m2_ = 0;
};

/// The exact Student t quantile t(p, df) (Boost.Math). Precondition: df >= 1, 0 < p < 1.
inline double student_t_quantile(double p, std::int64_t df) {
  boost::math::students_t dist(static_cast<double>(df));
  return boost::math::quantile(dist, p);
}

/// A two-sided interval.
struct Interval95 {
  double low, high;
};

/// The 95% t-interval of a mean: mean +- t(0.975, n-1) * sd / sqrt(n). nullopt when n < 2 or
/// `mean`/`sd` are absent.
inline std::optional<Interval95> t_interval(std::optional<double> mean, std::optional<double> sd,
                                            std::int64_t n) {
  if (n < 2 || !mean || !sd) return std::nullopt;
  const double half = student_t_quantile(0.975, n - 1) * *sd / std::sqrt(static_cast<double>(n));
  return Interval95{*mean - half, *mean + half};
}

/// The Wilson score interval of a proportion `successes / n` with z = kZ95 (95%).
/// nullopt when n == 0. Precondition: 0 <= successes <= n.
inline std::optional<Interval95> wilson_interval(std::int64_t successes, std::int64_t n,
                                                 double z = kZ95) {
  if (n <= 0) return std::nullopt;
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(successes) / nn;
  const double z2 = z * z;
  const double denom = 1 + z2 / nn;
  const double center = (p + z2 / (2 * nn)) / denom;
  const double half = z / denom * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
  return Interval95{std::max(0.0, center - half), std::min(1.0, center + half)};
}

}  // namespace leda
