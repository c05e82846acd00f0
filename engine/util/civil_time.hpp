// util/civil_time.hpp — civil dates and ISO-8601 / RFC 3339 times <-> Unix epoch milliseconds,
// on Howard Hinnant's `date` calendar (the one C++20 adopted as std::chrono's), without time
// zone databases.
//
//   std::int64_t d = leda::util::days_from_civil(2024, 2, 29);          // 19782
//   leda::util::CivilDate c = leda::util::civil_from_days(-1);          // {1969, 12, 31}
//   auto ms = leda::util::parse_iso8601("2016-04-23T01:00:00-04:00");   // 1461387600000
//   leda::util::format_iso8601(*ms, -240);        // "2016-04-23T01:00:00-04:00"
//   leda::util::format_iso8601(*ms);              // "2016-04-23T05:00:00Z"
//   leda::util::format_iso8601(*ms, 0, true);     // "2016-04-23T05:00:00.000Z"
//   auto day = leda::util::parse_date("2024-02-29");                     // 19782
//
// The parser is strict about values and lenient only about spellings that ISO-8601 allows and
// that the Data Access API and users write:
//   YYYY-MM-DD                                      a date: its midnight, UTC
//   YYYY-MM-DD(T|t|space)HH:MM[:SS[(.|,)digits]][zone]
//   zone: Z, z, ±HH:MM, ±HHMM or ±HH                without one the time is UTC
// It rejects a day the month does not have (February 31, February 29 of a year that is not a
// leap year), hour 24, minute 60, second 60 except as a leap second (minute 59; read as the
// next minute's second 0, as POSIX time does), an offset beyond ±14:00 or with minutes over
// 59, a zone after a date alone, a time whose offset carries it out of the years 0000 to 9999
// in UTC (format_iso8601 could not write it back in four digits), and anything left over.
// Digits of a fraction past the millisecond are dropped (truncated, not rounded).
//
// Every function is pure and thread-safe; parse_iso8601 does not allocate.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace leda::util {

/// A proleptic Gregorian date.
struct CivilDate {
  int year;
  unsigned month;  ///< 1..12
  unsigned day;    ///< 1..31
  bool operator==(const CivilDate&) const = default;
};

/// Days since 1970-01-01 of a valid date with year in -32767..32767 (negative before 1970).
std::int64_t days_from_civil(int year, unsigned month, unsigned day);

/// The date `days` days after 1970-01-01. Counts beyond the calendar's years -32767..32767
/// (about 12 million days either way) give the nearest end of that range.
CivilDate civil_from_days(std::int64_t days);

/// True when `year`-`month`-`day` is a real date (month 1..12, day within the month).
bool is_valid_date(int year, unsigned month, unsigned day);

/// Parses ISO-8601 / RFC 3339 text (see above) into epoch milliseconds in `ms`. False, with
/// `ms` unchanged, when the text is not such a time.
bool parse_iso8601(std::string_view text, std::int64_t& ms);

/// parse_iso8601 returning the time, or nullopt.
std::optional<std::int64_t> parse_iso8601(std::string_view text);

/// parse_iso8601 that also tells the offset the time was written with (0 without a zone) and
/// whether a zone was written at all.
bool parse_iso8601(std::string_view text, std::int64_t& ms, int& offset_minutes, bool& has_zone);

/// An instant and the UTC offset it was written with (minutes east of Greenwich).
struct ZonedTime {
  std::int64_t ms = 0;
  int offset_minutes = 0;
};

/// A date-time with an explicit zone (`Z` or an offset), as RFC 3339 requires; nullopt for a
/// time without one or anything parse_iso8601 refuses.
std::optional<ZonedTime> parse_zoned_time(std::string_view text);

/// A date alone, `YYYY-MM-DD`, as days since 1970-01-01; nullopt for anything else (a time, a
/// day the month does not have).
std::optional<std::int64_t> parse_date(std::string_view text);

/// `ms` as `YYYY-MM-DDTHH:MM:SS` in the zone `offset_minutes` east of UTC, followed by `Z`
/// when the offset is 0 and `±HH:MM` otherwise; `millis` adds `.mmm`. Years past 9999 or
/// before 0 get a sign (`+10000-01-01T00:00:00Z`); an instant beyond the calendar's range is
/// written as its number of milliseconds.
std::string format_iso8601(std::int64_t ms, int offset_minutes = 0, bool millis = false);

}  // namespace leda::util
