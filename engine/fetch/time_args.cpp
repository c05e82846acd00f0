#include "fetch/time_args.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>

#include "util/civil_time.hpp"

namespace leda::fetch {

std::optional<std::int64_t> parse_instant(std::string_view text, std::string* error) {
  auto fail = [&](const char* why) -> std::optional<std::int64_t> {
    if (error)
      *error = std::string(why) + " '" + std::string(text) +
               "': give epoch milliseconds (e.g. 1714521600000) or ISO-8601 (e.g. "
               "2024-05-01T00:00:00Z, 2024-05-01)";
    return std::nullopt;
  };
  if (!text.empty() &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::int64_t ms = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), ms);
    if (ec != std::errc()) return fail("time out of range");
    // 10^11 ms is March 1973; a 10-digit value is almost surely epoch seconds.
    if (ms < 100000000000LL) return fail("this looks like epoch seconds, not milliseconds:");
    return ms;
  }
  if (auto ms = util::parse_iso8601(text)) return ms;
  return fail("not a time:");
}

std::optional<std::int64_t> parse_span(std::string_view text) {
  std::int64_t unit = 0;
  std::string_view digits = text;
  if (text.size() > 2 && text.substr(text.size() - 2) == "ms") {
    unit = 1;
    digits.remove_suffix(2);
  } else if (text.size() >= 2) {
    switch (text.back()) {
      case 'd':
        unit = 86400000;
        break;
      case 'h':
        unit = 3600000;
        break;
      case 'm':
        unit = 60000;
        break;
      case 's':
        unit = 1000;
        break;
      default:
        return std::nullopt;
    }
    digits.remove_suffix(1);
  } else {
    return std::nullopt;
  }
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || end != digits.data() + digits.size() || n <= 0 ||
      n > 366 * 86400000LL / unit)
    return std::nullopt;
  return n * unit;
}

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace leda::fetch
