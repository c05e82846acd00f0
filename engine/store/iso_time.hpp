// store/iso_time.hpp — ISO-8601 times <-> Unix epoch milliseconds, without time-zone databases.
//
//   auto ms = leda::store::parse_iso8601("2016-04-23T01:00:00-04:00");  // 1461387600000
//   leda::store::format_iso8601(ms, -240);   // "2016-04-23T01:00:00-04:00"
//   leda::store::format_iso8601(ms);         // "2016-04-23T05:00:00Z"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace leda::store {

/// Parses `YYYY-MM-DD`, optionally followed by `T` (or a space) and `HH:MM[:SS[.fff...]]`, and
/// an optional zone `Z`, `±HH:MM`, `±HHMM` or `±HH`. Without a zone the time is UTC. Returns
/// nullopt for anything else (including out-of-range fields). Fractions past milliseconds are
/// truncated.
std::optional<std::int64_t> parse_iso8601(std::string_view text);

/// Formats `ms` as `YYYY-MM-DDTHH:MM:SS` in the zone `offset_minutes` east of UTC, followed by
/// `Z` when the offset is 0 and `±HH:MM` otherwise. `millis` adds `.mmm`.
std::string format_iso8601(std::int64_t ms, int offset_minutes = 0, bool millis = false);

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d);

}  // namespace leda::store
