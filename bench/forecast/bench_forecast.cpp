// bench_forecast: how long leda::WeeklyTrendModel::fit takes on a year of 15-minute intervals
// (35,040 rows; 168 hour-of-week columns + 1 trend column) against the 0.5 s target on one core,
// and, for comparison, the same least squares solved the textbook way: the dense 35,040 x 169
// design matrix through Eigen's ColPivHouseholderQR (~2 GFlop). Both solutions are compared.
// Also times leda::required_servers at 10,000 Erlangs.
//
//   bench_forecast                       # a year of 15-minute intervals, best of 5
//   bench_forecast --days 730 --repeat 3 --no-dense
#include <Eigen/QR>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <random>
#include <vector>

#include <boost/program_options.hpp>

#include "leda/erlang.hpp"
#include "leda/forecast.hpp"

namespace po = boost::program_options;

namespace {

constexpr double kTargetSeconds = 0.5;
constexpr std::int64_t kDayMs = 86400000;

template <class F>
double seconds_of(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A seeded series in UTC from Monday 2024-01-01: a weekday/weekend profile with two peaks, a
// trend of 0.02 a day and Gaussian noise of sd 2.
std::vector<leda::ForecastSample> make_series(int days, int interval_minutes, std::uint64_t seed) {
  const leda::TimeBuckets utc("UTC", interval_minutes);
  const leda::TimeMs from = 1704067200000;  // 2024-01-01T00:00:00Z, a Monday
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> noise(0, 2);
  std::vector<leda::ForecastSample> out;
  out.reserve(static_cast<std::size_t>(days) * 1440 / static_cast<std::size_t>(interval_minutes));
  const std::int64_t step = std::int64_t{interval_minutes} * 60000;
  for (leda::TimeMs t = from; t < from + days * kDayMs; t += step) {
    const int h = leda::hour_of_week(utc, t), hour = h % 24;
    const bool weekend = h >= 5 * 24;
    double level = weekend ? 8 : 15;
    if (!weekend && hour >= 9 && hour < 12) level += 20;
    if (!weekend && hour >= 14 && hour < 17) level += 12;
    out.push_back({t, h, level + 0.02 * static_cast<double>(t - from) / kDayMs + noise(rng)});
  }
  return out;
}

// The full least-squares problem: X has one 0/1 column per hour of the week seen (ascending) and
// the trend column (days since the first sample); solved by column-pivoting Householder QR.
// Returns {effects by hour (0 for unseen), trend}.
std::vector<double> dense_fit(const std::vector<leda::ForecastSample>& s) {
  std::vector<int> col(168, -1);
  leda::TimeMs origin = s.front().start;
  for (const auto& x : s) {
    col[static_cast<std::size_t>(x.hour_of_week)] = 0;
    origin = std::min(origin, x.start);
  }
  Eigen::Index k = 0;
  for (int& c : col)
    if (c == 0) c = static_cast<int>(k++);
  const auto m = static_cast<Eigen::Index>(s.size());
  Eigen::MatrixXd x = Eigen::MatrixXd::Zero(m, k + 1);
  Eigen::VectorXd y(m);
  for (Eigen::Index i = 0; i < m; ++i) {
    const auto& r = s[static_cast<std::size_t>(i)];
    x(i, col[static_cast<std::size_t>(r.hour_of_week)]) = 1;
    x(i, k) = static_cast<double>(r.start - origin) / kDayMs;
    y(i) = r.value;
  }
  const Eigen::VectorXd b = Eigen::ColPivHouseholderQR<Eigen::MatrixXd>(x).solve(y);
  std::vector<double> out(169, 0);
  for (int h = 0; h < 168; ++h)
    if (col[static_cast<std::size_t>(h)] >= 0)
      out[static_cast<std::size_t>(h)] = b(col[static_cast<std::size_t>(h)]);
  out[168] = b(k);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int days = 365, interval = 15, repeat = 5;
  std::uint64_t seed = 1;
  bool no_dense = false;
  po::options_description opts(
      "bench_forecast: WeeklyTrendModel::fit on a year of 15-minute intervals vs 0.5 s\noptions");
  opts.add_options()("help,h", "show this help")("days", po::value(&days)->default_value(365),
                                                 "days of data")(
      "interval", po::value(&interval)->default_value(15), "interval length, minutes (15, 30, 60)")(
      "repeat", po::value(&repeat)->default_value(5), "runs of each fit; the best time counts")(
      "seed", po::value(&seed)->default_value(1), "seed of the synthetic series")(
      "no-dense", po::bool_switch(&no_dense), "skip the dense-matrix reference solve");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, opts), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::fprintf(stderr, "bench_forecast: %s\n", e.what());
    return 2;
  }
  if (vm.count("help")) {
    std::cout << opts;
    return 0;
  }
  if (days < 1 || repeat < 1 || interval <= 0 || 1440 % interval != 0) {
    std::fprintf(stderr,
                 "bench_forecast: --days and --repeat must be >= 1, --interval divide a day\n");
    return 2;
  }

  const auto series = make_series(days, interval, seed);
  std::printf("series: %zu rows (%d days of %d-minute intervals), 169 columns, seed %llu\n",
              series.size(), days, interval, static_cast<unsigned long long>(seed));
  std::printf("Eigen %d.%d.%d, best of %d, one thread\n\n", EIGEN_WORLD_VERSION,
              EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION, repeat);

  leda::WeeklyTrendModel model;
  double best_fit = 1e300, best_holdout = 1e300;
  leda::HoldoutFit holdout;
  for (int i = 0; i < repeat; ++i) {
    best_fit = std::min(best_fit, seconds_of([&] { model = leda::WeeklyTrendModel::fit(series); }));
    best_holdout =
        std::min(best_holdout, seconds_of([&] { holdout = leda::fit_and_holdout(series); }));
  }
  std::printf("WeeklyTrendModel::fit (reduced system, ColPivHouseholderQR)  %9.4f s\n", best_fit);
  std::printf("fit_and_holdout (two fits + MAPE of the last 7 days)         %9.4f s  MAPE %.4f\n",
              best_holdout, holdout.holdout.value.value_or(-1));

  if (!no_dense) {
    std::vector<double> dense;
    double s = 1e300;
    for (int i = 0; i < repeat; ++i)
      s = std::min(s, seconds_of([&] { dense = dense_fit(series); }));
    double diff = std::abs(dense[168] - model.trend_per_day());
    for (int h = 0; h < 168; ++h)
      diff = std::max(diff,
                      std::abs(dense[static_cast<std::size_t>(h)] - model.effect(h).value_or(0)));
    std::printf("dense %zu x 169 design: build, ColPivHouseholderQR, solve    %9.4f s\n",
                series.size(), s);
    std::printf("  largest difference of the two solutions: %.3g\n", diff);
  }

  // Erlang C: the least N for 80% in 20 s at 10,000 Erlangs (AHT 180 s).
  std::int64_t n = 0;
  double best_erlang = 1e300;
  for (int i = 0; i < repeat; ++i)
    best_erlang =
        std::min(best_erlang, seconds_of([&] { n = leda::required_servers(10000, 180, 20, 0.8); }));
  std::printf("required_servers(A = 10000, AHT 180 s, 80%% in 20 s) = %lld    %9.6f s\n",
              static_cast<long long>(n), best_erlang);

  std::printf("\nfit: %.4f s (target < %.1f s: %s)\n", best_fit, kTargetSeconds,
              best_fit < kTargetSeconds ? "met" : "NOT met");
  return 0;
}
