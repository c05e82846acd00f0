// gen/weekly_profile.cpp — see weekly_profile.hpp.
#include "gen/weekly_profile.hpp"

#include <date/tz.h>

#include <chrono>
#include <string>

#include "gen/catalog.hpp"
#include "gen/random.hpp"
#include "gen/world.hpp"

namespace leda::gen {
namespace {

// Weekdays: a morning peak at 10:00, a dip at lunch, an afternoon peak at 15:00, a long evening.
constexpr int kWeekday[24] = {20, 16, 15, 15, 15, 16, 20, 35, 60, 90, 100, 95,
                              70, 75, 90, 95, 85, 60, 45, 40, 35, 30, 25,  22};
// Weekends: lower, one hump around midday.
constexpr int kWeekend[24] = {18, 16, 15, 15, 15, 15, 16, 18, 22, 30, 40, 45,
                              50, 50, 45, 40, 35, 30, 26, 24, 22, 20, 19, 18};

}  // namespace

double profile_level(int weekday, int hour) {
  return (weekday >= 5 ? kWeekend : kWeekday)[hour];
}

double planted_weight(TimeMs hour_start, TimeMs range_start) {
  static const date::time_zone* zone = date::locate_zone(std::string(brand_tz()));
  const auto local = zone->to_local(
      date::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds{hour_start}});
  const auto day = date::floor<date::days>(local);
  const int hour =
      static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(local - day).count());
  const int weekday = static_cast<int>((day.time_since_epoch().count() + 3) % 7);
  const double days = static_cast<double>(hour_start - range_start) / static_cast<double>(kDayMs);
  return profile_level(weekday, hour) * (1.0 + kProfileTrendPerDay * days);
}

double profile_noise(std::uint64_t seed, std::int64_t hour) {
  Rng r = Rng::stream(seed, Stream::kProfile, static_cast<std::uint64_t>(hour));
  return 1.0 + kProfileNoise * (2.0 * r.unit() - 1.0);
}

}  // namespace leda::gen
