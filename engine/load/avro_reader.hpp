// load/avro_reader.hpp — typed reads of Avro-JSON values (spec §2.3) from a ParseState.
//
// Nearly every field of a Data Access record is a nullable union: `null` or a one-member object
// whose key names the branch (`{"long": 5}`, `{"string": "x"}`,
// `{"com.liveperson.dataaccess.Goal": {...}}`). These readers accept the documented branch, the
// bare value, and the tolerated alternatives of spec §6 (a string branch where a long is
// documented and the reverse, NaN/Infinity as strings for doubles, ISO-8601 text for times).
// A named branch they do not know is counted in `unknown_branches` and read as absent; a value
// of the wrong JSON type throws JsonError naming the field.
//
//   read_record(s, "header", [&](std::string_view key) {
//     switch (key_hash(key)) {
//       LEDA_FIELD("agentSessionId", id = read_str(s, key));
//       default: unknown_field(s, key);
//     }
//   });
//
// Member callbacks must consume the member's value. The LEDA_FIELD macros expect the
// callback's key parameter to be named `key` and the ParseState `s`.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <type_traits>

#include "load/parse_state.hpp"

namespace leda::load {

/// A 64-bit hash of a member name for `switch` over known names: its length, first and last
/// eight bytes, mixed. Cheap at run time (two loads, two multiplies), computable at compile
/// time for `case` labels; two known names of one switch that collided would not compile.
constexpr std::uint64_t key_hash(std::string_view text) {
  const std::size_t n = text.size();
  std::uint64_t head = 0, tail = 0;
  if (std::is_constant_evaluated() || n < 8) {
    for (std::size_t i = 0; i < n && i < 8; ++i)
      head |= std::uint64_t{static_cast<unsigned char>(text[i])} << (8 * i);
    for (std::size_t i = 0; n > 8 && i < 8; ++i)
      tail |= std::uint64_t{static_cast<unsigned char>(text[n - 8 + i])} << (8 * i);
  } else {
    std::memcpy(&head, text.data(), 8);
    if (n > 8) std::memcpy(&tail, text.data() + n - 8, 8);
  }
  std::uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ (tail * 0xC2B2AE3D27D4EB4Full) ^ n;
  return h ^ (h >> 31);
}

/// A `case` reading member `name` with the statement(s) that follow; a different name with the
/// same hash is counted as unknown. Use inside `switch (key_hash(key))`.
#define LEDA_FIELD(name, ...)              \
  case ::leda::load::key_hash(name):       \
    if (key == (name)) {                   \
      __VA_ARGS__;                         \
    } else {                               \
      ::leda::load::unknown_field(s, key); \
    }                                      \
    break
/// LEDA_FIELD for a member with two accepted spellings (spec §6.6 aliases).
#define LEDA_FIELD2(name, alias, ...)      \
  case ::leda::load::key_hash(name):       \
  case ::leda::load::key_hash(alias):      \
    if (key == (name) || key == (alias)) { \
      __VA_ARGS__;                         \
    } else {                               \
      ::leda::load::unknown_field(s, key); \
    }                                      \
    break

/// Counts a member this version does not know and skips its value.
void unknown_field(ParseState& s, std::string_view key);

/// True for a union branch key naming a record or enum type (full names contain '.').
inline bool is_named_branch(std::string_view key) {
  for (char c : key)  // keys are short: a loop beats a call to memchr
    if (c == '.') return true;
  return false;
}

/// The part of a full type name after the last '.' (`com.liveperson.dataaccess.Goal` -> Goal).
inline std::string_view short_name(std::string_view full) {
  const auto dot = full.rfind('.');
  return dot == std::string_view::npos ? full : full.substr(dot + 1);
}

std::int64_t read_long_slow(ParseState& s, std::string_view key, bool is_time);
Str read_str_slow(ParseState& s, std::string_view key, bool add);

/// A `long` (or `int`) field; kNoLong when absent.
inline std::int64_t read_long(ParseState& s, std::string_view key) {
  if (s.cur.try_consume("{\"long\":")) {
    const std::int64_t v = s.cur.read_integer(key);
    s.cur.leave_union(key);
    return v;
  }
  return read_long_slow(s, key, false);
}

/// An `int` field (or a long that fits); kNoInt when absent.
std::int32_t read_int(ParseState& s, std::string_view key);

/// A time in epoch ms: a long, or ISO-8601 / numeric text in a string branch. Noted in the
/// record's time range.
inline TimeMs read_time(ParseState& s, std::string_view key) {
  const TimeMs t = read_long_slow(s, key, true);
  s.see_time(t);
  return t;
}

/// A `double` field (also from int/long/float branches and "NaN"/"Infinity"/"-Infinity").
std::optional<double> read_double(ParseState& s, std::string_view key);

/// A `boolean` field: 0, 1 or kNoBool.
std::int8_t read_bool(ParseState& s, std::string_view key);

/// A `string` field (or an enum symbol, or a number kept as text), interned.
inline Str read_str(ParseState& s, std::string_view key) {
  if (s.cur.try_consume("{\"string\":\"")) {
    s.cur.seek(s.cur.position() - 1);
    const Str v = s.intern(s.cur.read_string(key));
    s.cur.leave_union(key);
    return v;
  }
  if (s.cur.try_consume("null")) return Str{};
  return read_str_slow(s, key, false);
}

/// Like read_str, for values that rarely repeat (transcript lines, message ids): not looked up.
inline Str read_text(ParseState& s, std::string_view key) {
  return read_str_slow(s, key, true);
}

/// A string field's raw text without storing it; false when absent.
bool read_str_view(ParseState& s, std::string_view key, std::string_view& out);

/// Closes a union whose value was read.
inline void close_union(ParseState& s, std::string_view what) {
  s.cur.leave_union(what);
}

/// A record value: null (returns false), bare `{...}` or wrapped `{"ns.Name": {...}}`.
/// Calls `member(key)` for each of its members; `branch` (when given) receives the wrapper's
/// type name, or stays empty for a bare record.
template <class F>
bool read_record(ParseState& s, std::string_view what, F&& member,
                 std::string_view* branch = nullptr) {
  JsonCursor& c = s.cur;
  if (c.try_null()) return false;
  c.enter_object(what);
  bool first = true;
  std::string_view key;
  if (!c.next_member(first, key)) return true;
  if (is_named_branch(key)) {
    if (branch) *branch = key;
    if (c.try_null()) {
      c.leave_union(what);
      return false;
    }
    c.enter_object(what);
    bool inner_first = true;
    while (c.next_member(inner_first, key))
      member(key);
    c.leave_union(what);
    return true;
  }
  do {
    member(key);
  } while (c.next_member(first, key));
  return true;
}

/// A union value: null (returns false) or `{"branch": value}`; `on_branch(branch)` consumes
/// the value.
template <class F>
bool read_union(ParseState& s, std::string_view what, F&& on_branch) {
  JsonCursor& c = s.cur;
  if (c.try_null()) return false;
  c.enter_object(what);
  bool first = true;
  std::string_view branch;
  if (!c.next_member(first, branch)) return false;
  on_branch(branch);
  c.leave_union(what);
  return true;
}

/// An array value: null (returns false), bare `[...]` or `{"array": [...]}`; `item()`
/// consumes each item.
template <class F>
bool read_array(ParseState& s, std::string_view what, F&& item) {
  JsonCursor& c = s.cur;
  bool wrapped = c.try_consume("{\"array\":");
  if (!wrapped) {
    const char ch = c.peek();
    if (ch == 'n') {
      if (!c.try_null()) c.fail_syntax("invalid literal");
      return false;
    }
    if (ch == '{') {
      c.enter_object(what);
      bool first = true;
      std::string_view branch;
      if (!c.next_member(first, branch)) return false;
      if (branch != "array") {
        if (!is_named_branch(branch)) c.fail_expected(what, "an array");
        ++s.unknown_branches;
        c.skip_value();
        c.leave_union(what);
        return false;
      }
      wrapped = true;
    }
  }
  c.enter_array(what);
  bool first = true;
  while (c.next_item(first))
    item();
  if (wrapped) c.leave_union(what);
  return true;
}

/// read_array whose `item()` appends one element to `v` per item: returns the range they fill.
template <class T, class F>
Range read_list(ParseState& s, std::string_view what, std::vector<T>& v, F&& item) {
  Range r{static_cast<std::uint32_t>(v.size()), 0};
  read_array(s, what, item);
  r.count = static_cast<std::uint32_t>(v.size()) - r.first;
  return r;
}

/// read_list when the Need bits ask for `need`; otherwise skips the value (an empty range).
template <class T, class F>
Range read_list_if(ParseState& s, std::uint32_t need, std::string_view what, std::vector<T>& v,
                   F&& item) {
  if (s.need(need)) return read_list(s, what, v, item);
  s.cur.skip_value();
  return Range{static_cast<std::uint32_t>(v.size()), 0};
}

}  // namespace leda::load
