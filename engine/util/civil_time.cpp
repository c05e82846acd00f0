// util/civil_time.cpp — see civil_time.hpp.
#include "util/civil_time.hpp"

#include <date/date.h>

#include <algorithm>

#include <fmt/format.h>

namespace leda::util {
namespace {

constexpr std::int64_t kDayMs = 86400000;
constexpr std::int64_t kMaxOffsetMinutes = 14 * 60;

constexpr std::int64_t days_of(const date::year_month_day& ymd) {
  return date::sys_days{ymd}.time_since_epoch().count();
}
constexpr std::int64_t kFirstDay = days_of(date::year::min() / date::January / 1);
constexpr std::int64_t kLastDay = days_of(date::year::max() / date::December / 31);
// What parse_iso8601 returns: years 0000 to 9999 in UTC, which format_iso8601 writes back in
// four digits (an offset can carry a time at either end past them).
constexpr std::int64_t kFirstParsedMs = days_of(date::year{0} / date::January / 1) * kDayMs;
constexpr std::int64_t kEndParsedMs = days_of(date::year{10000} / date::January / 1) * kDayMs;

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// A cursor over the text: each read either consumes what it expects or fails.
struct Scan {
  const char* p;
  const char* end;

  bool done() const { return p == end; }
  bool at(char c) const { return p != end && *p == c; }
  bool at_any(char a, char b) const { return p != end && (*p == a || *p == b); }
  bool skip(char c) {
    if (!at(c)) return false;
    ++p;
    return true;
  }
  // Exactly `n` decimal digits.
  bool digits(int n, int& out) {
    if (end - p < n) return false;
    int v = 0;
    for (int i = 0; i < n; ++i) {
      const unsigned d = static_cast<unsigned char>(p[i]) - '0';
      if (d > 9) return false;
      v = v * 10 + static_cast<int>(d);
    }
    p += n;
    out = v;
    return true;
  }
};

// The zone designator at the end of a date-time: minutes east of UTC.
bool zone(Scan& s, int& offset_minutes) {
  offset_minutes = 0;
  if (s.done()) return true;
  if (s.at_any('Z', 'z')) {
    ++s.p;
    return s.done();
  }
  if (!s.at_any('+', '-')) return false;
  const int sign = *s.p++ == '-' ? -1 : 1;
  int h = 0, m = 0;
  if (!s.digits(2, h)) return false;
  if (!s.done()) {
    s.skip(':');
    if (!s.digits(2, m) || !s.done()) return false;
  }
  if (m > 59 || h * 60 + m > kMaxOffsetMinutes) return false;
  offset_minutes = sign * (h * 60 + m);
  return true;
}

}  // namespace

std::int64_t days_from_civil(int year, unsigned month, unsigned day) {
  return days_of(date::year{year} / date::month{month} / date::day{day});
}

CivilDate civil_from_days(std::int64_t days) {
  const date::year_month_day ymd{
      date::sys_days{date::days{static_cast<int>(std::clamp(days, kFirstDay, kLastDay))}}};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day())};
}

bool is_valid_date(int year, unsigned month, unsigned day) {
  return year >= static_cast<int>(date::year::min()) &&
         year <= static_cast<int>(date::year::max()) &&
         (date::year{year} / date::month{month} / date::day{day}).ok();
}

bool parse_iso8601(std::string_view text, std::int64_t& ms, int& offset, bool& has_zone) {
  Scan s{text.data(), text.data() + text.size()};
  int year = 0, month = 0, day = 0;
  if (!s.digits(4, year) || !s.skip('-') || !s.digits(2, month) || !s.skip('-') ||
      !s.digits(2, day))
    return false;
  if (!is_valid_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day))) return false;
  const std::int64_t days =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  if (s.done()) {
    ms = days * kDayMs;
    offset = 0;
    has_zone = false;
    return true;
  }
  if (!s.at_any('T', 't') && !s.at(' ')) return false;
  ++s.p;
  int hour = 0, minute = 0, second = 0, millis = 0;
  if (!s.digits(2, hour) || !s.skip(':') || !s.digits(2, minute)) return false;
  if (s.skip(':')) {
    if (!s.digits(2, second)) return false;
    if (s.at_any('.', ',')) {
      ++s.p;
      int n = 0;
      for (; !s.done() && *s.p >= '0' && *s.p <= '9'; ++s.p, ++n)
        if (n < 3) millis = millis * 10 + (*s.p - '0');
      if (n == 0) return false;
      for (; n < 3; ++n)
        millis *= 10;
    }
  }
  if (hour > 23 || minute > 59 || second > 60 || (second == 60 && minute != 59)) return false;
  int offset_minutes = 0;
  const bool zoned = !s.done();
  if (!zone(s, offset_minutes)) return false;
  const std::int64_t t =
      days * kDayMs + ((hour * 60 + minute - offset_minutes) * 60 + second) * std::int64_t{1000} +
      millis;
  if (t < kFirstParsedMs || t >= kEndParsedMs) return false;
  ms = t;
  offset = offset_minutes;
  has_zone = zoned;
  return true;
}

bool parse_iso8601(std::string_view text, std::int64_t& ms) {
  int offset = 0;
  bool has_zone = false;
  return parse_iso8601(text, ms, offset, has_zone);
}

std::optional<ZonedTime> parse_zoned_time(std::string_view text) {
  ZonedTime t;
  bool has_zone = false;
  if (!parse_iso8601(text, t.ms, t.offset_minutes, has_zone) || !has_zone) return std::nullopt;
  return t;
}

std::optional<std::int64_t> parse_date(std::string_view text) {
  std::int64_t ms = 0;
  if (text.size() != 10 || !parse_iso8601(text, ms)) return std::nullopt;
  return floor_div(ms, kDayMs);
}

std::optional<std::int64_t> parse_iso8601(std::string_view text) {
  std::int64_t ms = 0;
  if (!parse_iso8601(text, ms)) return std::nullopt;
  return ms;
}

std::string format_iso8601(std::int64_t ms, int offset_minutes, bool millis) {
  // Beyond the calendar (and so beyond any real timestamp): the number as given.
  if (ms < kFirstDay * kDayMs + kDayMs || ms > kLastDay * kDayMs - kDayMs)
    return std::to_string(ms);
  const std::int64_t local = ms + std::int64_t{offset_minutes} * 60000;
  const std::int64_t days = floor_div(local, kDayMs);
  const std::int64_t in_day = local - days * kDayMs;
  const CivilDate c = civil_from_days(days);
  std::string out =
      c.year >= 0 && c.year <= 9999 ? fmt::format("{:04}", c.year) : fmt::format("{:+05}", c.year);
  out += fmt::format("-{:02}-{:02}T{:02}:{:02}:{:02}", c.month, c.day, in_day / 3600000,
                     in_day / 60000 % 60, in_day / 1000 % 60);
  if (millis) out += fmt::format(".{:03}", in_day % 1000);
  if (offset_minutes == 0) return out + "Z";
  const int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  return out + fmt::format("{}{:02}:{:02}", offset_minutes < 0 ? '-' : '+', a / 60, a % 60);
}

}  // namespace leda::util
