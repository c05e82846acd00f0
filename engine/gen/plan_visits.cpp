// Visitors, customers, visits with their page times, and chat requests.
#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

#include "gen/catalog.hpp"
#include "gen/random.hpp"
#include "gen/weekly_profile.hpp"
#include "gen/world.hpp"

namespace leda::gen {
namespace {

// Relative traffic per local hour of the brand's day (evening peak of an online shop).
constexpr int kHourWeight[24] = {25,  15,  10, 8,  8,  12, 25,  45,  65,  85,  95, 100,
                                 105, 100, 95, 90, 90, 95, 105, 115, 120, 110, 80, 45};
// Chat skill demand: Tier1, Sales, Billing, Returns.
constexpr int kSkillWeight[] = {40, 30, 15, 15};

// Visits per UTC hour of the range: the brand's local traffic curve (weekends a little lower),
// or with --weekly-profile the planted profile with its trend and noise (in thousandths),
// rounded so the counts add up to exactly `total` (largest remainder, ties by hour).
std::vector<std::int64_t> hourly_visits(const World& w, std::int64_t total) {
  const date::time_zone* zone = date::locate_zone(std::string(brand_tz()));
  std::vector<std::int64_t> weight(static_cast<std::size_t>(w.hours));
  for (int h = 0; h < w.hours; ++h) {
    if (w.options.weekly_profile) {
      const TimeMs start = w.range_start + h * kHourMs;
      weight[h] = std::llround(1000.0 * planted_weight(start, w.range_start) *
                               profile_noise(w.options.seed, h));
      continue;
    }
    const auto t = date::sys_time<std::chrono::milliseconds>{
        std::chrono::milliseconds{w.range_start + h * kHourMs}};
    const auto local = zone->to_local(t);
    const auto day = date::floor<date::days>(local);
    const int hour =
        static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(local - day).count());
    const int weekday = static_cast<int>((day.time_since_epoch().count() + 3) % 7);
    weight[h] = kHourWeight[hour] * (weekday >= 5 ? 85 : 100);
  }
  const std::int64_t sum = std::accumulate(weight.begin(), weight.end(), std::int64_t{0});
  std::vector<std::int64_t> count(weight.size());
  std::vector<std::pair<std::int64_t, int>> remainder;
  std::int64_t given = 0;
  for (int h = 0; h < w.hours; ++h) {
    count[h] = total * weight[h] / sum;
    given += count[h];
    remainder.push_back({-(total * weight[h] % sum), h});
  }
  std::sort(remainder.begin(), remainder.end());
  for (std::int64_t i = 0; i < total - given; ++i)
    ++count[remainder[static_cast<std::size_t>(i) % remainder.size()].second];
  return count;
}

void plan_people(World& w, std::int64_t total_visits) {
  const std::uint64_t seed = w.options.seed;
  const std::size_t visitors =
      static_cast<std::size_t>(std::max<std::int64_t>(1, total_visits * 6 / 10));
  w.visitors.resize(visitors);
  for (std::size_t i = 0; i < visitors; ++i) {
    Rng r = Rng::stream(seed, Stream::kCustomers, i);
    if (!r.chance(0.45)) continue;
    w.visitors[i].customer = static_cast<std::uint32_t>(w.customers.size());
    CustomerPlan c;
    static constexpr int kSegmentWeight[] = {15, 35, 50};
    c.segment = r.chance(0.1) ? -1 : static_cast<int>(r.weighted(kSegmentWeight));
    w.customers.push_back(c);
  }
}

}  // namespace

void plan_visits(World& w) {
  const GenOptions& o = w.options;
  const std::int64_t total = static_cast<std::int64_t>(o.visits_per_day) * o.days;
  plan_people(w, total);
  const auto per_hour = hourly_visits(w, total);

  std::uint64_t candidate = 0;  // stream index: stable whether or not earlier visits are kept
  for (int h = 0; h < w.hours; ++h) {
    Rng hour_rng = Rng::stream(o.seed, Stream::kTraffic, static_cast<std::uint64_t>(h));
    std::vector<TimeMs> starts(static_cast<std::size_t>(per_hour[h]));
    for (auto& s : starts)
      s = w.range_start + h * kHourMs + static_cast<TimeMs>(hour_rng.below(kHourMs));
    std::sort(starts.begin(), starts.end());
    for (TimeMs start : starts) {
      Rng r = Rng::stream(o.seed, Stream::kVisit, candidate++);
      VisitPlan v;
      v.start = start;
      v.visitor = static_cast<std::uint32_t>(r.below(w.visitors.size()));
      int pages = 1;
      if (!r.chance(0.3))
        pages = 2 + static_cast<int>(std::min<std::int64_t>(38, r.exponential(5)));
      std::vector<TimeMs> times(static_cast<std::size_t>(pages));
      TimeMs t = start + r.between(20, 200);
      for (auto& x : times) {
        x = t;
        t += 2 * kSecondMs + std::min<TimeMs>(10 * kMinuteMs, r.exponential(35000));
      }
      v.end = t;  // the visitor leaves the last page; a chat may keep the visit open longer
      TimeMs latest = v.end;
      ChatPlan c;
      const bool wants_chat = r.chance(pages >= 2 ? 0.05 : 0.015);
      if (wants_chat) {
        v.chat_page = static_cast<std::uint16_t>(r.below(times.size()));
        c.skill = static_cast<int>(r.weighted(kSkillWeight));
        c.queue_start = times[v.chat_page] + r.between(3000, 30000);
        c.patience = 20 * kSecondMs + std::min<TimeMs>(15 * kMinuteMs, r.exponential(100000));
        c.duration = 90 * kSecondMs + std::min<TimeMs>(45 * kMinuteMs, r.exponential(420000));
        // Latest possible close: connected at the end of patience, transferred (up to 3 min
        // in the transfer queue), then the record and the visit close.
        latest = std::max(latest, c.queue_start + c.patience + c.duration + 4 * kMinuteMs);
      }
      // A visit whose records could close after the range is not in this account (it would
      // appear in a later hour's files).
      if (latest >= w.range_end) continue;
      v.pages = {static_cast<std::uint32_t>(w.page_times.size()),
                 static_cast<std::uint32_t>(pages)};
      w.page_times.insert(w.page_times.end(), times.begin(), times.end());
      if (wants_chat) {
        c.visit = static_cast<std::uint32_t>(w.visits.size());
        v.chat = static_cast<std::uint32_t>(w.chats.size());
        w.chats.push_back(c);
      }
      w.visits.push_back(v);
    }
  }
}

}  // namespace leda::gen
