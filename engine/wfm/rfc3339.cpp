// wfm/rfc3339.cpp — see rfc3339.hpp.
#include "wfm/rfc3339.hpp"

#include <string>

#include "util/civil_time.hpp"

namespace leda::wfm {

std::optional<OffsetTime> parse_rfc3339(std::string_view s, std::string* why) {
  std::int64_t ms = 0;
  int offset = 0;
  bool has_zone = false;
  auto fail = [&](const char* reason) -> std::optional<OffsetTime> {
    if (why) *why = reason;
    return std::nullopt;
  };
  if (s.size() >= 10 && !util::parse_date(s.substr(0, 10)) &&
      util::parse_date(std::string(s.substr(0, 8)) + "01"))
    return fail("not a real date");
  if (!util::parse_iso8601(s, ms, offset, has_zone) || s.size() < 16)
    return fail("not an RFC 3339 time (YYYY-MM-DDTHH:MM:SS+HH:MM)");
  if (!has_zone) return fail("no UTC offset (add Z or +HH:MM)");
  // RFC 3339 writes an offset as +HH:MM (ISO 8601 also allows +HHMM and +HH).
  const char last = s.back();
  if (last != 'Z' && last != 'z' && (s.size() < 6 || s[s.size() - 3] != ':'))
    return fail("bad UTC offset (expected Z or +HH:MM)");
  return OffsetTime{ms, offset};
}

std::string date_text(std::int64_t day) {
  return util::format_iso8601(day * kDayMs).substr(0, 10);
}

std::string format_rfc3339(TimeMs ms, int offset_min) {
  std::string text = util::format_iso8601(ms, offset_min, ms % 1000 != 0);
  // The neutral schedule writes UTC as +00:00, like every other offset.
  if (!text.empty() && text.back() == 'Z') text.replace(text.size() - 1, 1, "+00:00");
  return text;
}

}  // namespace leda::wfm
