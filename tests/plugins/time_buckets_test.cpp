#include "leda/time_buckets.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "leda/testkit/model_builder.hpp"

using leda::TimeBuckets;
using leda::TimeMs;
using leda::testkit::at;

namespace {
constexpr TimeMs kHour = 3600000;

struct Part {
  std::string start;
  TimeMs ms;
};
std::vector<Part> hours(const TimeBuckets& b, TimeMs from, TimeMs to) {
  std::vector<Part> out;
  b.split_by_interval(from, to, [&](TimeMs s, TimeMs x, TimeMs y) {
    out.push_back({b.rfc3339(s), y - x});
  });
  return out;
}
}  // namespace

TEST_CASE("TimeBuckets: local days in UTC and RFC 3339 text", "[helpers][time]") {
  TimeBuckets utc("UTC");
  CHECK(leda::day_text(utc.day_of(at("2026-03-02T23:59:59.999"))) == "2026-03-02");
  CHECK(leda::day_text(utc.day_of(at("2026-03-03T00:00:00"))) == "2026-03-03");
  CHECK(utc.rfc3339(at("2026-03-02T10:00:00")) == "2026-03-02T10:00:00+00:00");
  CHECK(utc.rfc3339(at("2026-03-02T10:00:00.250")) == "2026-03-02T10:00:00.250+00:00");
  // Before 1970 the floor division keeps the date right.
  CHECK(leda::day_text(utc.day_of(-1)) == "1969-12-31");
}

TEST_CASE("TimeBuckets: a fall-back day in New York has 25 hourly intervals",
          "[helpers][time][dst]") {
  TimeBuckets ny("America/New_York", 60);
  const leda::LocalDay nov1 = at("2026-11-01T00:00:00") / 86400000;
  // EDT (-4) until 2026-11-01 06:00 UTC (02:00 EDT), then EST (-5).
  // Local midnight of Nov 1 is 04:00 UTC; of Nov 2, 05:00 UTC: 25 hours apart.
  CHECK(ny.day_start(nov1) == at("2026-11-01T04:00:00"));
  CHECK(ny.day_start(nov1 + 1) == at("2026-11-02T05:00:00"));
  const auto parts = hours(ny, ny.day_start(nov1), ny.day_start(nov1 + 1));
  REQUIRE(parts.size() == 25);
  for (const Part& p : parts)
    CHECK(p.ms == kHour);
  CHECK(parts[0].start == "2026-11-01T00:00:00-04:00");
  CHECK(parts[1].start == "2026-11-01T01:00:00-04:00");  // 05:00 UTC
  CHECK(parts[2].start == "2026-11-01T01:00:00-05:00");  // 06:00 UTC: the repeated hour
  CHECK(parts[3].start == "2026-11-01T02:00:00-05:00");
  CHECK(parts[24].start == "2026-11-01T23:00:00-05:00");
  // Every instant of the 25 hours is dated Nov 1.
  CHECK(leda::day_text(ny.day_of(at("2026-11-02T04:59:59"))) == "2026-11-01");
  CHECK(leda::day_text(ny.day_of(at("2026-11-02T05:00:00"))) == "2026-11-02");
}

TEST_CASE("TimeBuckets: a spring-forward day in New York has 23 hourly intervals",
          "[helpers][time][dst]") {
  TimeBuckets ny("America/New_York", 60);
  const leda::LocalDay mar8 = at("2026-03-08T00:00:00") / 86400000;
  // EST midnight = 05:00 UTC; Mar 9 midnight is EDT = 04:00 UTC: 23 hours.
  const auto parts = hours(ny, ny.day_start(mar8), ny.day_start(mar8 + 1));
  REQUIRE(parts.size() == 23);
  CHECK(parts[1].start == "2026-03-08T01:00:00-05:00");
  CHECK(parts[2].start == "2026-03-08T03:00:00-04:00");  // 02:00 local does not exist
}

TEST_CASE("TimeBuckets: splitting a piece across 15-minute intervals and days", "[helpers][time]") {
  TimeBuckets utc("UTC", 15);
  std::vector<std::pair<TimeMs, TimeMs>> got;
  utc.split_by_interval(at("2026-03-02T09:10:00"), at("2026-03-02T09:50:00"),
                        [&](TimeMs s, TimeMs a, TimeMs b) { got.emplace_back(s, b - a); });
  // [09:10,09:15) 5 min in 09:00; 15 in 09:15; 15 in 09:30; [09:45,09:50) 5 min in 09:45.
  REQUIRE(got.size() == 4);
  CHECK(got[0] == std::pair{at("2026-03-02T09:00:00"), TimeMs{5 * 60000}});
  CHECK(got[1] == std::pair{at("2026-03-02T09:15:00"), TimeMs{15 * 60000}});
  CHECK(got[2] == std::pair{at("2026-03-02T09:30:00"), TimeMs{15 * 60000}});
  CHECK(got[3] == std::pair{at("2026-03-02T09:45:00"), TimeMs{5 * 60000}});

  // New York, [2026-11-01 03:00 UTC, 06:00 UTC): 1 h on Oct 31 (23:00-24:00 EDT), 2 h on Nov 1.
  TimeBuckets ny("America/New_York");
  std::vector<std::pair<std::string, TimeMs>> days;
  ny.split_by_day(
      at("2026-11-01T03:00:00"), at("2026-11-01T06:00:00"),
      [&](leda::LocalDay d, TimeMs a, TimeMs b) { days.emplace_back(leda::day_text(d), b - a); });
  REQUIRE(days.size() == 2);
  CHECK(days[0] == std::pair<std::string, TimeMs>{"2026-10-31", kHour});
  CHECK(days[1] == std::pair<std::string, TimeMs>{"2026-11-01", 2 * kHour});
}

TEST_CASE("TimeBuckets: half-hour zones keep intervals on the local hour", "[helpers][time]") {
  TimeBuckets kolkata("Asia/Kolkata", 60);
  // 04:00 UTC = 09:30 IST (+05:30): the hour starts 09:00 IST = 03:30 UTC.
  const auto iv = kolkata.interval_of(at("2026-03-02T04:00:00"));
  CHECK(iv.start == at("2026-03-02T03:30:00"));
  CHECK(iv.end == at("2026-03-02T04:30:00"));
  CHECK(kolkata.rfc3339(iv.start) == "2026-03-02T09:00:00+05:30");
}

TEST_CASE("TimeBuckets: bad zone and interval values are refused", "[helpers][time]") {
  CHECK_THROWS_AS(TimeBuckets("Mars/Olympus_Mons"), leda::PluginError);
  CHECK_THROWS_AS(TimeBuckets("UTC", 7), leda::PluginError);
  CHECK(leda::parse_interval_minutes("15m") == 15);
  CHECK(leda::parse_interval_minutes("30m") == 30);
  CHECK(leda::parse_interval_minutes("60m") == 60);
  CHECK_THROWS_AS(leda::parse_interval_minutes("45m"), leda::PluginError);
}
