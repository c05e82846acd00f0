// `leda generate --weekly-profile` and the staffing forecast together: 35 days whose chats follow
// a planted weekly profile with a trend and noise, the real `leda run staffing` over them, and
// its forecast compared with the profile that was planted.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "gen/generator.hpp"
#include "gen/weekly_profile.hpp"
#include "leda/time_buckets.hpp"
#include "support/run_leda.hpp"
#include "support/temp_dir.hpp"

namespace {

constexpr leda::TimeMs kHourMs = 3600000;

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, ','))
    out.push_back(cell);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

}  // namespace

TEST_CASE("staffing: the forecast of a generated weekly profile recovers the planted one",
          "[staffing][forecast][generate]") {
  const leda::test::TempDir dir("staffing-profile");
  leda::gen::GenOptions o;
  o.out_dir = dir.path;
  o.days = 35;
  o.visits_per_day = 6000;
  o.weekly_profile = true;
  o.threads = 2;
  o.progress = false;
  leda::gen::generate(o);

  const auto r =
      leda::test::run_leda({"run", "staffing", "--data", dir.path + "/75555851", "--param",
                            "tz=America/New_York", "--param", "interval=60m", "--format", "csv"},
                           {.timeout_s = 300});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);

  // The forecast rows: 7 days of hours from the first New York midnight after the data, which
  // ends 2026-12-05 00:00 UTC (19:00 EST on 12-04): 2026-12-05 00:00 EST = 05:00 UTC.
  std::istringstream out(r.out);
  std::string line;
  std::getline(out, line);
  const auto header = split(line);
  const auto col = [&](const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return static_cast<std::size_t>(it - header.begin());
  };
  const std::size_t c_start = col("interval_start"), c_kind = col("kind"),
                    c_fa = col("forecast_arrivals");
  std::vector<std::pair<std::string, double>> forecast;
  while (std::getline(out, line)) {
    const auto cells = split(line);
    if (cells.at(c_kind) == "forecast")
      forecast.push_back({cells[c_start], std::stod(cells[c_fa])});
  }
  REQUIRE(forecast.size() == 7 * 24);

  // What was planted: visits of UTC hour h = total x w(h) x noise(h) / sum of w x noise over
  // the range (gen/weekly_profile.hpp), and a visit asks to chat with probability
  // 0.3 x 0.015 + 0.7 x 0.05 = 0.0395 (one page or more, plan_visits.cpp). The expected chats
  // of a future hour are 0.0395 x total x w(h) / sum of w (the noise averages 1; over 840
  // hours its effect on the sum is about 0.06 / sqrt(840) = 0.2%).
  const leda::TimeMs range_start = o.start_day * 24 * kHourMs;
  const double total = 6000.0 * 35;
  double sum_w = 0;
  for (int h = 0; h < 35 * 24; ++h)
    sum_w += leda::gen::planted_weight(range_start + h * kHourMs, range_start);
  const leda::TimeBuckets ny("America/New_York", 60);
  const leda::TimeMs first = range_start + 35 * 24 * kHourMs + 5 * kHourMs;
  CHECK(forecast.front().first == "2026-12-05T00:00:00-05:00");

  // How close the forecast can be. One hour of the week is seen about 5 times in 35 days, so
  // its fitted level has the variance of a mean of 5 samples, each with the binomial (about
  // Poisson) variance of the chat count, E, plus the planted noise's, (0.1 E)^2 / 3 (a uniform
  // factor in [0.9, 1.1]); the shared trend is fitted from all 840 hours and adds little
  // (its standard error is about 0.01 chats a day against a level of 3 to 20 chats). A normal
  // error of standard deviation s has a mean absolute value of s sqrt(2/pi). So the expected
  // MAPE is the mean over the forecast hours of sqrt(2/pi) sqrt((E + 0.0033 E^2) / 5) / E;
  // the realised MAPE averages 168 such errors (its own spread is about 6% of that), so 1.5
  // times the expectation is far outside chance, and 3 points more allow for chats queued an
  // hour after their visit began (about 2 of 60 minutes on average, which blurs the steepest
  // hours of the profile by a few percent).
  double mape = 0, expected = 0;
  for (std::size_t i = 0; i < forecast.size(); ++i) {
    const leda::TimeMs t = first + static_cast<leda::TimeMs>(i) * kHourMs;
    INFO(forecast[i].first);
    REQUIRE(forecast[i].first == ny.rfc3339(t));
    const double e = 0.0395 * total * leda::gen::planted_weight(t, range_start) / sum_w;
    mape += std::abs(forecast[i].second - e) / e;
    const double n = leda::gen::kProfileNoise;
    expected += std::sqrt(2 / M_PI) * std::sqrt((e + n * n / 3 * e * e) / 5) / e;
  }
  mape /= static_cast<double>(forecast.size());
  expected /= static_cast<double>(forecast.size());
  const double bound = 1.5 * expected + 0.03;
  INFO("MAPE against the planted profile " << mape << ", expected about " << expected << ", bound "
                                           << bound);
  CHECK(mape < bound);

  // The trend: planted as +1% of the first day's level a day, that is per hour
  // 0.0395 x total x 0.01 x mean level / sum of w chats a day, averaged over the week's hours.
  double mean_level = 0;
  for (int d = 0; d < 7; ++d)
    for (int h = 0; h < 24; ++h)
      mean_level += leda::gen::profile_level(d, h) / (7 * 24);
  const double planted_trend = 0.0395 * total * leda::gen::kProfileTrendPerDay * mean_level / sum_w;
  const auto at = r.err.find("arrivals trend ");
  REQUIRE(at != std::string::npos);
  const double trend = std::stod(r.err.substr(at + 15));
  INFO("trend " << trend << " chats per interval per day, planted " << planted_trend);
  CHECK(trend > 0);
  // Its standard error is about sqrt(11) / sqrt(168 hours x 490 day^2) = 0.012 (see above):
  // within half the planted value is more than three of them.
  CHECK(trend == Approx(planted_trend).epsilon(0.5));
  CHECK(r.err.find("arrivals MAPE") != std::string::npos);
}
