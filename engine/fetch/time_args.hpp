// fetch/time_args.hpp — the time arguments of `leda fetch`: instants (--from, --to) and spans
// (--window, --retry-for, --retry-base, --retry-max).
//
//   leda::fetch::parse_instant("1714521600000");          // epoch ms
//   leda::fetch::parse_instant("2024-05-01T00:00:00Z");   // ISO-8601 (no zone: UTC)
//   leda::fetch::parse_span("1d");                        // 86400000
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace leda::fetch {

/// An instant given as epoch milliseconds (all digits) or ISO-8601. Sets `error` to a sentence
/// saying what is accepted when it is neither (or when digits look like epoch seconds).
std::optional<std::int64_t> parse_instant(std::string_view text, std::string* error = nullptr);

/// A span in milliseconds: a positive whole number followed by d, h, m, s or ms ("1d", "6h",
/// "30m", "90s", "500ms"), at most 366 days.
std::optional<std::int64_t> parse_span(std::string_view text);

/// Milliseconds since the Unix epoch, now.
std::int64_t now_ms();

}  // namespace leda::fetch
