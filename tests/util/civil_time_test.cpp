// util/civil_time: days <-> dates, the strict ISO-8601 / RFC 3339 parser, formatting.
//
// Day counts are worked out from 365 days a year plus one per leap year passed: 1970-2023 has
// 54 years with 13 leap years (1972..2020), so 2024-01-01 is 54 * 365 + 13 = 19723.
#include "util/civil_time.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>

using leda::util::civil_from_days;
using leda::util::CivilDate;
using leda::util::days_from_civil;
using leda::util::format_iso8601;
using leda::util::parse_iso8601;

namespace {
constexpr std::int64_t kDayMs = 86400000;
constexpr std::int64_t k2024_05_01 = 1714521600000;  // 19844 days: 19723 + 31+29+31+30
}  // namespace

TEST_CASE("days from a civil date and back, around 1970, leap days and the calendar's ends",
          "[time]") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(1969, 12, 31) == -1);
  // 1900-01-01: 70 years back, 17 leap days (1904..1968).
  CHECK(days_from_civil(1900, 1, 1) == -(70 * 365 + 17));
  // 2000-01-01: 30 * 365 + 7 leap days (1972..1996); 2000 is a leap year (divisible by 400).
  CHECK(days_from_civil(2000, 1, 1) == 10957);
  CHECK(days_from_civil(2000, 3, 1) == 10957 + 31 + 29);
  CHECK(days_from_civil(2024, 1, 1) == 19723);
  CHECK(days_from_civil(2024, 2, 29) == 19723 + 31 + 28);
  CHECK(days_from_civil(2024, 5, 1) * kDayMs == k2024_05_01);
  // 9999-12-31: 8030 years from 1970 with 1947 leap days (2424 up to 9999, 477 up to 1969).
  CHECK(days_from_civil(9999, 12, 31) == 8030 * 365 + 1947 - 1);
  // 0000-01-01: year 0 is a leap year; 0000-03-01 lies 719468 days before 1970.
  CHECK(days_from_civil(0, 1, 1) == -719468 - 31 - 29);

  CHECK(civil_from_days(0) == CivilDate{1970, 1, 1});
  CHECK(civil_from_days(-1) == CivilDate{1969, 12, 31});
  CHECK(civil_from_days(19723 + 31 + 28) == CivilDate{2024, 2, 29});
  CHECK(civil_from_days(10957 + 31 + 28) == CivilDate{2000, 2, 29});
  CHECK(civil_from_days(8030 * 365 + 1946) == CivilDate{9999, 12, 31});
  CHECK(civil_from_days(-719469) == CivilDate{0, 2, 29});
  for (std::int64_t d = -800000; d <= 3000000; d += 997)
    CHECK(days_from_civil(civil_from_days(d).year, civil_from_days(d).month,
                          civil_from_days(d).day) == d);
  // Beyond years -32767..32767 the nearest end of the calendar.
  CHECK(civil_from_days(std::numeric_limits<std::int64_t>::max()) == CivilDate{32767, 12, 31});
  CHECK(civil_from_days(std::numeric_limits<std::int64_t>::min()) == CivilDate{-32767, 1, 1});
}

TEST_CASE("which dates exist: leap years by the Gregorian rule", "[time]") {
  using leda::util::is_valid_date;
  CHECK(is_valid_date(2024, 2, 29));
  CHECK(is_valid_date(2000, 2, 29));        // divisible by 400
  CHECK_FALSE(is_valid_date(1900, 2, 29));  // divisible by 100, not 400
  CHECK_FALSE(is_valid_date(2023, 2, 29));
  CHECK_FALSE(is_valid_date(2024, 2, 31));
  CHECK_FALSE(is_valid_date(2024, 4, 31));
  CHECK(is_valid_date(2024, 12, 31));
  CHECK_FALSE(is_valid_date(2024, 13, 1));
  CHECK_FALSE(is_valid_date(2024, 0, 1));
  CHECK_FALSE(is_valid_date(2024, 1, 0));
}

TEST_CASE("ISO-8601 dates and date-times with Z, offsets and fractions", "[time]") {
  CHECK(parse_iso8601("1970-01-01") == 0);
  CHECK(parse_iso8601("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_iso8601("1969-12-31T23:59:59.999Z") == -1);
  CHECK(parse_iso8601("2024-05-01") == k2024_05_01);
  CHECK(parse_iso8601("2024-05-01T00:00:00Z") == k2024_05_01);
  CHECK(parse_iso8601("2024-05-01t00:00:00z") == k2024_05_01);  // RFC 3339 allows lower case
  CHECK(parse_iso8601("2024-05-01 00:00:00Z") == k2024_05_01);
  CHECK(parse_iso8601("2024-05-01T00:00") == k2024_05_01);  // no zone: UTC
  CHECK(parse_iso8601("2024-04-30T20:00-04:00") == k2024_05_01);
  // The scope date of a documented listing: 01:00 at -04:00 is 05:00 UTC.
  CHECK(parse_iso8601("2016-04-23T01:00:00-04:00") == 1461387600000);
  // Offsets as ±HH:MM, ±HHMM and ±HH, up to ±14:00 (Kiribati, and -12:00 the other way).
  CHECK(parse_iso8601("2024-05-01T14:00:00+14:00") == k2024_05_01);
  CHECK(parse_iso8601("2024-04-30T10:00:00-14:00") == k2024_05_01);
  CHECK(parse_iso8601("2024-05-01T05:30:00+0530") == k2024_05_01);
  CHECK(parse_iso8601("2024-05-01T02:00:00+02") == k2024_05_01);
  CHECK(parse_iso8601("2024-05-01T00:00:00-00:00") == k2024_05_01);
  // Fractions: any number of digits, truncated to the millisecond; a comma also separates.
  CHECK(parse_iso8601("2024-05-01T00:00:00.5Z") == k2024_05_01 + 500);
  CHECK(parse_iso8601("2024-05-01T00:00:00.25Z") == k2024_05_01 + 250);
  CHECK(parse_iso8601("2024-05-01T00:00:00.123Z") == k2024_05_01 + 123);
  CHECK(parse_iso8601("2024-05-01T00:00:00.123999999Z") == k2024_05_01 + 123);
  CHECK(parse_iso8601("2024-05-01T00:00:00,75+00:00") == k2024_05_01 + 750);
  // Leap days and the ends of four-digit years.
  CHECK(parse_iso8601("2024-02-29T12:00:00Z") == (19723 + 31 + 28) * kDayMs + 12 * 3600000);
  CHECK(parse_iso8601("2000-02-29") == (10957 + 31 + 28) * kDayMs);
  CHECK(parse_iso8601("9999-12-31T23:59:59.999Z") == (8030 * 365 + 1947) * kDayMs - 1);
  CHECK(parse_iso8601("0000-01-01") == -(719468 + 31 + 29) * kDayMs);
  // A leap second reads as the next minute's first second (POSIX time has no leap seconds).
  CHECK(parse_iso8601("2016-12-31T23:59:60Z") == parse_iso8601("2017-01-01T00:00:00Z"));
}

TEST_CASE("ISO-8601 text that is not a real time is refused", "[time]") {
  for (const char* bad : {
           "2024-02-31",            // no February 31
           "2024-02-31T00:00:00Z",  //
           "2023-02-29T00:00:00Z",  // 2023 is not a leap year
           "1900-02-29",            // nor 1900
           "2024-04-31",            // April has 30 days
           "2024-13-01",
           "2024-00-10",
           "2024-05-00",
           "2024-05-01T24:00:00Z",  // hour 24
           "2024-05-01T23:60:00Z",  // minute 60
           "2024-05-01T12:00:60Z",  // second 60 only as a leap second (minute 59)
           "2024-05-01T23:59:61Z",
           "2024-05-01T00:00:00+14:01",  // beyond the widest offset in use
           "2024-05-01T00:00:00-15:00",
           "2024-05-01T00:00:00+05:60",
           "2024-05-01T00:00:00+05:",
           "2024-05-01T00:00:00+5",
           "2024-05-01Z",  // a zone needs a time
           "2024-05-01T",
           "2024-05-01T12",
           "2024-05-01T12:00:",
           "2024-05-01T12:00:00.",  // a fraction needs a digit
           "2024-05-01T12:00:00Zjunk",
           "2024-05-01T12:00:00 Z",
           "2024-5-1",
           "24-05-01",
           "+2024-05-01",
           "",
           "yesterday",
       }) {
    INFO(bad);
    CHECK_FALSE(parse_iso8601(bad));
  }
  std::int64_t untouched = 42;
  CHECK_FALSE(parse_iso8601("2024-02-31", untouched));
  CHECK(untouched == 42);
}

TEST_CASE("epoch ms formatted as ISO-8601, in UTC or at an offset, round trips", "[time]") {
  CHECK(format_iso8601(0) == "1970-01-01T00:00:00Z");
  CHECK(format_iso8601(-1, 0, true) == "1969-12-31T23:59:59.999Z");
  CHECK(format_iso8601(k2024_05_01 + 123, 0, true) == "2024-05-01T00:00:00.123Z");
  CHECK(format_iso8601(1461387600000, -240) == "2016-04-23T01:00:00-04:00");
  CHECK(format_iso8601(k2024_05_01, 14 * 60) == "2024-05-01T14:00:00+14:00");
  CHECK(format_iso8601(k2024_05_01, -14 * 60) == "2024-04-30T10:00:00-14:00");
  CHECK(format_iso8601(k2024_05_01, 330) == "2024-05-01T05:30:00+05:30");
  CHECK(format_iso8601((8030 * 365 + 1947) * kDayMs - 1, 0, true) == "9999-12-31T23:59:59.999Z");
  // Past four digits the year takes a sign, as ISO-8601's expanded years do.
  CHECK(format_iso8601((8030 * 365 + 1947) * kDayMs) == "+10000-01-01T00:00:00Z");
  CHECK(format_iso8601(-(719468 + 31 + 29 + 1) * kDayMs) == "-0001-12-31T00:00:00Z");
  // Beyond the calendar (a nonsense timestamp): the number itself.
  CHECK(format_iso8601(std::numeric_limits<std::int64_t>::max()) == "9223372036854775807");
  for (std::int64_t ms :
       {std::int64_t{0}, std::int64_t{-1}, std::int64_t{951782400000}, std::int64_t{1461387600000},
        std::int64_t{4102444800000}, std::int64_t{-2208988800000}}) {
    for (int offset : {0, 330, -240, 14 * 60, -14 * 60}) {
      INFO(ms << " at " << offset);
      CHECK(parse_iso8601(format_iso8601(ms, offset, true)) == ms);
    }
  }
}
