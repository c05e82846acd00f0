// wfm/rfc3339.cpp — see rfc3339.hpp.
#include "wfm/rfc3339.hpp"

#include <date/date.h>

#include <cstdio>

#include "leda/joins.hpp"

namespace leda::wfm {
namespace {

// Reads `n` digits at `pos`; false when they are not all digits.
bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

std::optional<OffsetTime> fail(std::string* why, const char* reason) {
  if (why) *why = reason;
  return std::nullopt;
}

}  // namespace

std::optional<OffsetTime> parse_rfc3339(std::string_view s, std::string* why) {
  constexpr const char* kShape = "not an RFC 3339 time (YYYY-MM-DDTHH:MM:SS+HH:MM)";
  if (s.size() < 16 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return fail(why, kShape);
  const auto day = parse_date(s.substr(0, 10));
  if (!day) return fail(why, "not a real date");
  int h = 0, m = 0, sec = 0;
  if (!digits(s, 11, 2, h) || s[13] != ':' || !digits(s, 14, 2, m)) return fail(why, kShape);
  std::size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    if (!digits(s, pos + 1, 2, sec)) return fail(why, kShape);
    pos += 3;
  }
  int millis = 0;
  if (pos < s.size() && s[pos] == '.') {
    std::size_t n = 0;
    for (++pos; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos, ++n)
      if (n < 3) millis = millis * 10 + (s[pos] - '0');
    if (n == 0) return fail(why, kShape);
    for (; n < 3; ++n)
      millis *= 10;
  }
  if (h > 23 || m > 59 || sec > 59) return fail(why, "hour, minute or second out of range");
  if (pos == s.size()) return fail(why, "no UTC offset (add Z or +HH:MM)");
  int offset = 0;
  if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) {
    offset = 0;
  } else if (s[pos] == '+' || s[pos] == '-') {
    int oh = 0, om = 0;
    if (pos + 6 != s.size() || !digits(s, pos + 1, 2, oh) || s[pos + 3] != ':' ||
        !digits(s, pos + 4, 2, om))
      return fail(why, "bad UTC offset (expected Z or +HH:MM)");
    if (oh > 23 || om > 59) return fail(why, "UTC offset out of range");
    offset = (s[pos] == '-' ? -1 : 1) * (oh * 60 + om);
  } else {
    return fail(why, kShape);
  }
  const TimeMs local = *day * kDayMs + (h * 3600 + m * 60 + sec) * TimeMs{1000} + millis;
  return OffsetTime{local - offset * kMinuteMs, offset};
}

std::string date_text(std::int64_t day) {
  const date::year_month_day ymd{date::sys_days{date::days{day}}};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string format_rfc3339(TimeMs ms, int offset_min) {
  const TimeMs local = ms + offset_min * kMinuteMs;
  const std::int64_t day = floor_div(local, kDayMs);
  const std::int64_t in_day = local - day * kDayMs;
  const int h = static_cast<int>(in_day / 3600000), mi = static_cast<int>(in_day / 60000 % 60),
            sec = static_cast<int>(in_day / 1000 % 60), milli = static_cast<int>(in_day % 1000);
  const int off = offset_min < 0 ? -offset_min : offset_min;
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d", date_text(day).c_str(), h, mi, sec);
  if (milli != 0) n += std::snprintf(buf + n, sizeof buf - n, ".%03d", milli);
  std::snprintf(buf + n, sizeof buf - n, "%c%02d:%02d", offset_min < 0 ? '-' : '+', off / 60,
                off % 60);
  return buf;
}

}  // namespace leda::wfm
