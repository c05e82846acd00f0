// gen/weekly_profile.hpp — the demand `leda generate --weekly-profile` plants: web traffic (and
// so chat requests, about 4% of visits) by local weekday and hour with a morning and an
// afternoon peak on weekdays and one lower midday hump at weekends, growing by a linear trend,
// each UTC hour scaled by a random factor (the noise a forecast has to see through).
//
//   const double w = leda::gen::planted_weight(hour_start, range_start);   // no noise
//   // visits of that hour ~ total x w x noise(hour) / sum over the range of w x noise
//
// The default account (no --weekly-profile) keeps its own curve (plan_visits.cpp), so it stays
// byte-identical. Pure functions; any thread.
#pragma once

#include <cstdint>

#include "leda/model.hpp"

namespace leda::gen {

/// The trend: each day's level is this share of the first day's higher than the day before's.
inline constexpr double kProfileTrendPerDay = 0.01;
/// The noise: each UTC hour's weight is multiplied by a factor uniform in [1 - n, 1 + n].
inline constexpr double kProfileNoise = 0.10;

/// The relative level of local `weekday` (0 Monday .. 6 Sunday) and `hour` (0..23): 100 at the
/// weekday morning peak (10:00), at least 15 at night.
double profile_level(int weekday, int hour);

/// The weight, before noise, of the UTC hour starting at `hour_start` in a range starting at
/// `range_start`: profile_level() of its local weekday and hour in the brand's zone, times
/// 1 + kProfileTrendPerDay x (days since range_start).
double planted_weight(TimeMs hour_start, TimeMs range_start);

/// The noise factor of hour `hour` (0 = the range's first UTC hour) for `seed`: uniform in
/// [1 - kProfileNoise, 1 + kProfileNoise], from a random stream of its own.
double profile_noise(std::uint64_t seed, std::int64_t hour);

}  // namespace leda::gen
