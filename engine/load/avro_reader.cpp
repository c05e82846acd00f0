#include "load/avro_reader.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "util/civil_time.hpp"

namespace leda::load {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool parse_integer_text(std::string_view text, std::int64_t& out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// A time given as text: ISO-8601 (util/civil_time.hpp), also after the `UTC ` that the Data
// Access documentation writes before its navigation timestamps.
bool parse_time_text(std::string_view text, TimeMs& out) {
  if (text.substr(0, 4) == "UTC ") text.remove_prefix(4);
  return util::parse_iso8601(text, out);
}

// Reads the value of a long-typed member once its branch (empty: bare) is known.
std::int64_t long_value(ParseState& s, std::string_view key, std::string_view branch,
                        bool is_time) {
  JsonCursor& c = s.cur;
  if (is_named_branch(branch)) {
    ++s.unknown_branches;
    c.skip_value();
    return kNoLong;
  }
  const char ch = c.peek();
  const bool number_branch = branch.empty() || branch == "long" || branch == "int";
  const bool float_branch = branch == "double" || branch == "float";
  if ((ch == '-' || is_digit(ch)) && number_branch) return c.read_integer(key);
  if ((ch == '-' || is_digit(ch)) && float_branch) {
    char* at = c.position();
    const double d = c.read_double(key);
    if (std::trunc(d) == d && std::fabs(d) < 9.2e18) return static_cast<std::int64_t>(d);
    c.fail_at(at, fmt::format("{}: expected an integer, found {}", key, d));
  }
  if (ch == '"' && (branch.empty() || branch == "string")) {
    char* at = c.position();
    const std::string_view text = c.read_string(key);
    std::int64_t v = 0;
    if (parse_integer_text(text, v)) return v;
    if (is_time && parse_time_text(text, v)) return v;
    c.fail_at(at, fmt::format("{}: expected {}, found the text \"{}\"", key,
                              is_time ? "a time" : "a number", text.substr(0, 40)));
  }
  c.fail_expected(key, is_time ? "a time (a long)" : "a long");
}

}  // namespace

void unknown_field(ParseState& s, std::string_view) {
  ++s.unknown_fields;
  s.cur.skip_value();
}

std::int64_t read_long_slow(ParseState& s, std::string_view key, bool is_time) {
  JsonCursor& c = s.cur;
  if (c.try_consume("{\"long\":")) {
    const std::int64_t v = c.read_integer(key);
    c.leave_union(key);
    return v;
  }
  const char ch = c.peek();
  if (ch == 'n') {
    if (!c.try_null()) c.fail_syntax("invalid literal");
    return kNoLong;
  }
  if (ch != '{') return long_value(s, key, {}, is_time);
  c.enter_object(key);
  bool first = true;
  std::string_view branch;
  if (!c.next_member(first, branch)) return kNoLong;
  const std::int64_t v = long_value(s, key, branch, is_time);
  c.leave_union(key);
  return v;
}

std::int32_t read_int(ParseState& s, std::string_view key) {
  JsonCursor& c = s.cur;
  char* at = c.position();
  std::int64_t v;
  if (c.try_consume("{\"int\":")) {
    v = c.read_integer(key);
    c.leave_union(key);
  } else {
    v = read_long_slow(s, key, false);
  }
  if (v == kNoLong) return kNoInt;
  if (v <= std::numeric_limits<std::int32_t>::min() || v > std::numeric_limits<std::int32_t>::max())
    c.fail_at(at, fmt::format("{}: {} is out of range for an int", key, v));
  return static_cast<std::int32_t>(v);
}

std::optional<double> read_double(ParseState& s, std::string_view key) {
  JsonCursor& c = s.cur;
  if (c.try_null()) return std::nullopt;
  bool wrapped = false;
  if (c.peek() == '{') {
    c.enter_object(key);
    bool first = true;
    std::string_view branch;
    if (!c.next_member(first, branch)) return std::nullopt;
    if (is_named_branch(branch)) {
      ++s.unknown_branches;
      c.skip_value();
      c.leave_union(key);
      return std::nullopt;
    }
    if (branch != "double" && branch != "float" && branch != "long" && branch != "int" &&
        branch != "string")
      c.fail_expected(key, "a double");
    wrapped = true;
  }
  double v = 0;
  const char ch = c.peek();
  if (ch == '"') {
    char* at = c.position();
    const std::string_view text = c.read_string(key);
    if (text == "NaN")
      v = std::numeric_limits<double>::quiet_NaN();
    else if (text == "Infinity")
      v = std::numeric_limits<double>::infinity();
    else if (text == "-Infinity")
      v = -std::numeric_limits<double>::infinity();
    else {
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc() || end != text.data() + text.size() || text.empty())
        c.fail_at(at, fmt::format("{}: expected a double, found the text \"{}\"", key,
                                  text.substr(0, 40)));
    }
  } else {
    v = c.read_double(key);
  }
  if (wrapped) c.leave_union(key);
  return v;
}

std::int8_t read_bool(ParseState& s, std::string_view key) {
  JsonCursor& c = s.cur;
  if (c.try_consume("{\"boolean\":")) {
    const bool v = c.read_bool(key);
    c.leave_union(key);
    return v ? 1 : 0;
  }
  if (c.try_null()) return kNoBool;
  if (c.peek() != '{') return c.read_bool(key) ? 1 : 0;
  c.enter_object(key);
  bool first = true;
  std::string_view branch;
  if (!c.next_member(first, branch)) return kNoBool;
  std::int8_t v = kNoBool;
  if (is_named_branch(branch)) {
    ++s.unknown_branches;
    c.skip_value();
  } else if (branch == "boolean") {
    v = c.read_bool(key) ? 1 : 0;
  } else {
    c.fail_expected(key, "a boolean");
  }
  c.leave_union(key);
  return v;
}

bool read_str_view(ParseState& s, std::string_view key, std::string_view& out) {
  JsonCursor& c = s.cur;
  if (c.try_null()) return false;
  const char ch = c.peek();
  if (ch == '"') {
    out = c.read_string(key);
    return true;
  }
  if (ch == '-' || is_digit(ch)) {
    out = c.read_number_text(key);
    return true;
  }
  if (ch != '{') c.fail_expected(key, "a string");
  c.enter_object(key);
  bool first = true;
  std::string_view branch;
  if (!c.next_member(first, branch)) return false;
  bool present = true;
  const char value = c.peek();
  if (branch == "string" || branch == "bytes" || (is_named_branch(branch) && value == '"')) {
    out = c.read_string(key);
  } else if (branch == "long" || branch == "int" || branch == "double" || branch == "float") {
    out = c.read_number_text(key);
  } else if (branch == "boolean") {
    out = c.read_bool(key) ? "true" : "false";
  } else if (is_named_branch(branch)) {  // a record where text was expected
    ++s.unknown_branches;
    c.skip_value();
    present = false;
  } else {
    c.fail_expected(key, "a string");
  }
  c.leave_union(key);
  return present;
}

Str read_str_slow(ParseState& s, std::string_view key, bool add) {
  std::string_view text;
  if (!read_str_view(s, key, text)) return Str{};
  return add ? s.add(text) : s.intern(text);
}

}  // namespace leda::load
