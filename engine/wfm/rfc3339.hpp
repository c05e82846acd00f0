// wfm/rfc3339.hpp — RFC 3339 timestamps with their UTC offset, read and written exactly.
//
//   auto t = leda::wfm::parse_rfc3339("2026-11-01T01:30:00-04:00");  // {1793511000000, -240}
//   std::string s = leda::wfm::format_rfc3339(t->ms, t->offset_min); // the same text back
//
// The neutral schedule keeps each time's offset (the management unit's at that instant), so a
// time is an instant plus the offset it was written with. Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "leda/model.hpp"

namespace leda::wfm {

/// An instant and the UTC offset it is written in (minutes east of Greenwich).
struct OffsetTime {
  TimeMs ms = 0;
  int offset_min = 0;
};

/// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (`t` or a space for `T`, `z` for `Z`;
/// seconds may be left out; digits of the fraction past milliseconds are dropped). A time
/// without an offset, or any other text, gives nullopt and, when `why` is given, the reason.
std::optional<OffsetTime> parse_rfc3339(std::string_view text, std::string* why = nullptr);

/// `YYYY-MM-DDTHH:MM:SS[.mmm]±HH:MM` of `ms` at `offset_min` (".mmm" only when the instant has
/// milliseconds; UTC is "+00:00").
std::string format_rfc3339(TimeMs ms, int offset_min);

/// `YYYY-MM-DD` of a day count since 1970-01-01.
std::string date_text(std::int64_t day);

/// Floor division (correct for negative numerators).
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

inline constexpr TimeMs kMinuteMs = 60000, kDayMs = 86400000;

}  // namespace leda::wfm
