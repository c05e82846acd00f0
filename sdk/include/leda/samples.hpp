// leda/samples.hpp — Samples: a mergeable collection of durations or amounts with count, sum,
// mean, quantiles and standard deviation, exact whatever the sharding.
//
// Values are kept as whole numbers of a unit (milliseconds for durations, cents for money), so
// sums are exact integers and merging in any order gives the same numbers to the last bit.
// Figures come back in the printed unit (seconds, currency), rounded to that unit's precision:
// a median of 417617 ms prints as 417.617, never 417.61699999999996.
//
//   leda::Samples waits = leda::Samples::durations();   // kept in ms, read in seconds
//   waits.add(wait_ms);
//   into.waits.merge(std::move(from.waits));
//   ...
//   row.push_back(waits.mean());         // Value: seconds, or null when empty
//   row.push_back(waits.quantile(0.9));  // type 7 (R, NumPy default), rounded to the ms
//
//   leda::Samples totals = leda::Samples::money();      // kept in cents
//   totals.add_amount(45.99);                          // 4599 cents
//
// Thread-safety: a value type. The read functions sort the values on first use, so call them
// from one thread (finalize).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "leda/plugin.hpp"
#include "leda/state_codec.hpp"

namespace leda {

/// `x` rounded to `decimals` decimal places (half away from zero), for printing.
inline double round_to(double x, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(x * scale) / scale;
}

/// Milliseconds as seconds at millisecond precision (a result cell for a `_s` column).
inline double seconds(std::int64_t ms) {
  return static_cast<double>(ms) / 1000.0;
}

/// See the top of the file.
class Samples {
 public:
  /// Durations: add() takes milliseconds; figures are seconds with 3 decimals.
  static Samples durations() { return Samples(1000, 3); }
  /// Money: add() takes cents (add_amount() takes an amount); figures have 2 decimals.
  static Samples money() { return Samples(100, 2); }

  /// An empty collection of durations (the default, so that a state member needs no set-up).
  Samples() = default;

  /// Adds one value in units (ms or cents).
  void add(std::int64_t units) {
    values_.push_back(units);
    sum_ += units;
    sorted_ = values_.size() <= 1;
  }
  /// Adds an amount in the printed unit (45.99 for money), rounded to the nearest unit.
  void add_amount(double amount) { add(std::llround(amount * static_cast<double>(per_unit_))); }

  /// Appends every value of `other` (which is left empty).
  void merge(Samples&& other) {
    if (values_.empty()) {
      values_.swap(other.values_);
      sorted_ = other.sorted_;
    } else {
      values_.insert(values_.end(), other.values_.begin(), other.values_.end());
      sorted_ = false;
    }
    sum_ += other.sum_;
    other.values_.clear();
    other.sum_ = 0;
  }

  std::int64_t count() const { return static_cast<std::int64_t>(values_.size()); }
  bool empty() const { return values_.empty(); }
  /// The exact sum, in units.
  std::int64_t sum_units() const { return sum_; }
  /// The values in units, ascending.
  const std::vector<std::int64_t>& sorted_units() const {
    sort();
    return values_;
  }

  /// The sum in the printed unit.
  double sum() const { return printed(static_cast<double>(sum_)); }
  /// The mean, or null when empty.
  Value mean() const {
    if (values_.empty()) return std::monostate{};
    return printed(static_cast<double>(sum_) / static_cast<double>(values_.size()));
  }
  /// The smallest and largest values, or null when empty.
  Value min() const {
    if (values_.empty()) return std::monostate{};
    return printed(static_cast<double>(sorted_units().front()));
  }
  Value max() const {
    if (values_.empty()) return std::monostate{};
    return printed(static_cast<double>(sorted_units().back()));
  }
  /// The p-quantile (0 <= p <= 1) by linear interpolation between order statistics ("type 7":
  /// h = (n-1)p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])), or null when empty.
  Value quantile(double p) const {
    const auto q = quantile_units(p);
    if (!q) return std::monostate{};
    return printed(*q);
  }
  std::optional<double> quantile_units(double p) const {
    if (values_.empty()) return std::nullopt;
    const auto& v = sorted_units();
    const double h = static_cast<double>(v.size() - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    if (lo + 1 >= v.size()) return static_cast<double>(v.back());
    return static_cast<double>(v[lo]) +
           (h - static_cast<double>(lo)) * static_cast<double>(v[lo + 1] - v[lo]);
  }
  /// The sample standard deviation (n - 1), unrounded, in the printed unit; nullopt below 2.
  std::optional<double> sd() const {
    if (values_.size() < 2) return std::nullopt;
    const auto& v = sorted_units();
    const double mean = static_cast<double>(sum_) / static_cast<double>(v.size());
    double ss = 0;
    for (std::int64_t x : v)
      ss += (static_cast<double>(x) - mean) * (static_cast<double>(x) - mean);
    return std::sqrt(ss / static_cast<double>(v.size() - 1)) / static_cast<double>(per_unit_);
  }
  /// The mean, unrounded, in the printed unit; nullopt when empty.
  std::optional<double> mean_exact() const {
    if (values_.empty()) return std::nullopt;
    return static_cast<double>(sum_) / static_cast<double>(values_.size()) /
           static_cast<double>(per_unit_);
  }

  /// A value in units as the printed unit, rounded to its precision.
  double printed(double units) const {
    return round_to(units / static_cast<double>(per_unit_), decimals_);
  }

  /// State codec (leda/state_codec.hpp).
  void encode(StateWriter& w) const {
    w.i64(per_unit_);
    w.i64(decimals_);
    leda::encode(w, values_);
  }
  void decode(StateReader& r) {
    per_unit_ = r.i64();
    decimals_ = static_cast<int>(r.i64());
    if (per_unit_ <= 0 || decimals_ < 0 || decimals_ > 9) r.fail("a Samples unit out of range");
    leda::decode(r, values_);
    sum_ = 0;
    for (std::int64_t x : values_)
      sum_ += x;
    sorted_ = std::is_sorted(values_.begin(), values_.end());
  }

 private:
  Samples(std::int64_t per_unit, int decimals) : per_unit_(per_unit), decimals_(decimals) {}
  void sort() const {
    if (!sorted_) {
      std::sort(values_.begin(), values_.end());
      sorted_ = true;
    }
  }

  std::int64_t per_unit_ = 1000;
  int decimals_ = 3;
  mutable std::vector<std::int64_t> values_;
  std::int64_t sum_ = 0;
  mutable bool sorted_ = true;
};

}  // namespace leda
