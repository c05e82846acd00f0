// load/json_cursor.hpp — an in-situ pull reader for the JSON of Data Access files.
//
// The loader never builds a DOM: it walks each record with this cursor, reading the members it
// knows straight into model structs and skipping the rest with a fast scanner. Strings are
// unescaped where they lie in the (mutable) buffer, so reading one allocates nothing.
//
//   leda::JsonCursor cur(text.data(), text.data() + size);   // text has kPadding NULs after size
//   cur.enter_object("record");
//   bool first = true;
//   std::string_view key;
//   while (cur.next_member(first, key)) {
//     if (key == "id") id = cur.read_integer(key); else cur.skip_value();
//   }
//
// Errors throw JsonError with the byte offset and a reason naming the member being read
// ("agentID: expected a number, found a string"). One robustness rule goes beyond JSON: inside a
// record, a line that starts with '{' is taken as the start of the next record (no writer puts a
// nested object at column 0, in either the one-record-per-line or the pretty-printed layout),
// so a truncated record is reported where it ends instead of swallowing the records after it.
//
// Thread-safety: a cursor and its buffer belong to one thread.
#pragma once

#include <cstdint>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace leda::load {

/// A syntax or type problem at byte `offset` of the text.
class JsonError : public std::exception {
 public:
  JsonError(std::size_t offset, std::string reason) : offset_(offset), reason_(std::move(reason)) {}
  std::size_t offset() const { return offset_; }
  const std::string& reason() const { return reason_; }
  const char* what() const noexcept override { return reason_.c_str(); }

 private:
  std::size_t offset_;
  std::string reason_;
};

class JsonCursor {
 public:
  /// Zero bytes the caller must provide after `end` (scans read up to 16 bytes ahead).
  static constexpr std::size_t kPadding = 16;

  /// Reads [begin, end); `end[0..kPadding)` must be '\0'. The text is modified in place.
  JsonCursor(char* begin, char* end) : begin_(begin), end_(end), p_(begin) {}

  std::size_t offset() const { return static_cast<std::size_t>(p_ - begin_); }
  char* position() const { return p_; }
  void seek(char* p) { p_ = p; }
  char* begin() const { return begin_; }
  char* end() const { return end_; }

  /// The next character after whitespace, not consumed ('\0' at the end of the text).
  char peek() {
    skip_space();
    return *p_;
  }

  /// Skips whitespace between records (any newline layout); true when a value follows.
  bool next_record() {
    while (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')
      ++p_;
    return p_ < end_;
  }

  /// Consumes '{' (`what` names the value for errors).
  void enter_object(std::string_view what) {
    if (peek() != '{') fail_expected(what, "an object");
    ++p_;
  }
  /// Consumes '['.
  void enter_array(std::string_view what) {
    if (peek() != '[') fail_expected(what, "an array");
    ++p_;
  }

  /// Moves to the next member of the object entered last: reads its key and the ':'.
  /// Returns false (and consumes '}') at the end. `first` is true before the first member.
  [[gnu::always_inline]] bool next_member(bool& first, std::string_view& key) {
    char c = peek();
    if (c == '}') {
      ++p_;
      return false;
    }
    if (!first) {
      if (c != ',') fail_syntax("expected ',' or '}' after a member");
      ++p_;
      c = peek();
    }
    first = false;
    if (c != '"') fail_syntax("expected a member name");
    key = read_string_body();
    if (peek() != ':') fail_syntax("expected ':' after a member name");
    ++p_;
    return true;
  }

  /// Consumes the '}' that closes a union value (`what` names it for errors).
  void leave_union(std::string_view what) {
    if (peek() != '}') fail_at(p_, std::string(what) + ": a union value must have one member");
    ++p_;
  }

  /// Moves to the next item of the array entered last; false (consuming ']') at the end.
  bool next_item(bool& first) {
    char c = peek();
    if (c == ']') {
      ++p_;
      return false;
    }
    if (!first) {
      if (c != ',') fail_syntax("expected ',' or ']' after an array item");
      ++p_;
    }
    first = false;
    return true;
  }

  /// Consumes `literal` when the text continues with it exactly (no whitespace skipped).
  bool try_consume(std::string_view literal) {
    if (std::memcmp(p_, literal.data(), literal.size()) != 0) return false;
    p_ += literal.size();
    return true;
  }

  /// Reads a string value, unescaped in place.
  std::string_view read_string(std::string_view what) {
    if (peek() != '"') fail_expected(what, "a string");
    return read_string_body();
  }

  /// Reads an integer that fits in int64 exactly (no fraction or exponent).
  std::int64_t read_integer(std::string_view what) {
    skip_space();
    const char* start = p_;
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    if (!is_digit(*p_)) {
      p_ = const_cast<char*>(start);
      fail_expected(what, "a number");
    }
    const char* digits = p_;
    std::uint64_t v = 0;
    while (is_digit(*p_))  // up to 19 digits cannot overflow 64 bits
      v = v * 10 + static_cast<unsigned>(*p_++ - '0');
    if (p_ - digits > 18) check_range(start, digits, negative, what);
    if (*p_ == '.' || *p_ == 'e' || *p_ == 'E')
      fail_at(start, std::string(what) + ": expected an integer, found a fraction");
    return negative ? static_cast<std::int64_t>(0 - v) : static_cast<std::int64_t>(v);
  }

  /// Reads a number token and returns its text (for doubles and numbers kept as text).
  std::string_view read_number_text(std::string_view what);

  /// Reads a JSON number as a double.
  double read_double(std::string_view what);

  /// Reads `true` or `false`.
  bool read_bool(std::string_view what) {
    char c = peek();
    if (c == 't' && try_consume("true")) return true;
    if (c == 'f' && try_consume("false")) return false;
    fail_expected(what, "a boolean");
  }

  /// Consumes `null` when it comes next.
  bool try_null() { return peek() == 'n' && try_consume("null"); }

  /// Skips one value of any type. Checks strings and bracket nesting, not the full grammar.
  void skip_value();

  /// Throws "<what>: expected <expected>, found <what is there>".
  [[noreturn]] void fail_expected(std::string_view what, std::string_view expected);
  /// Throws a syntax error at the current position.
  [[noreturn]] void fail_syntax(std::string_view reason);
  /// Throws `reason` at `at`.
  [[noreturn]] void fail_at(const char* at, std::string reason);

 private:
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  void skip_space() {
    if (static_cast<unsigned char>(*p_) > ' ') return;  // compact JSON: nothing to skip
    for (;;) {
      const char c = *p_;
      if (c == ' ' || c == '\t' || c == '\r') {
        ++p_;
      } else if (c == '\n') {
        if (p_[1] == '{') fail_new_record();
        ++p_;
      } else {
        return;
      }
    }
  }

  // After the opening quote: returns the unescaped text and consumes the closing quote.
  [[gnu::always_inline]] std::string_view read_string_body() {
    char* start = ++p_;
    p_ = find_string_stop(p_);
    if (*p_ == '"') {
      std::string_view s(start, static_cast<std::size_t>(p_ - start));
      ++p_;
      return s;
    }
    return read_escaped(start);
  }

  // The first '"', '\\' or control byte at or after `p` (the padding's NULs stop it at the
  // end of the text). Sixteen bytes at a time: most keys and values end in the first block.
  static char* find_string_stop(char* p) {
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i control = _mm_set1_epi8(0x1F);
    for (;; p += 16) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i hit =
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                       _mm_cmpeq_epi8(_mm_max_epu8(x, control), control));
      const int mask = _mm_movemask_epi8(hit);
      if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    }
#else
    for (;; p += 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      const std::uint64_t stop = has_byte(w, '"') | has_byte(w, '\\') | has_less(w, 0x20);
      if (stop != 0) return p + __builtin_ctzll(stop) / 8;
    }
#endif
  }

  static constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  static constexpr std::uint64_t kHighs = 0x8080808080808080ull;
  // High bit set in the lowest byte of `w` equal to `b` (higher flags may be spurious).
  static std::uint64_t has_byte(std::uint64_t w, unsigned char b) {
    const std::uint64_t x = w ^ (kOnes * b);
    return (x - kOnes) & ~x & kHighs;
  }
  // High bit set in the lowest byte of `w` below `n` (n <= 128).
  static std::uint64_t has_less(std::uint64_t w, unsigned char n) {
    return (w - kOnes * n) & ~w & kHighs;
  }

  std::string_view read_escaped(char* start);  // slow path: escapes, bad bytes, end of text
  // Throws when the digits at `digits` (19 or more) do not fit in int64.
  void check_range(const char* start, const char* digits, bool negative, std::string_view what);
  void skip_string();
#ifdef __SSE2__
  bool skip_block(int& depth);  // fast path of skip_value; false: use the byte loop
  void skip_string_rest();      // skip_string from inside the string
#endif                          // without unescaping (the text stays intact)
  char peek_no_throw();         // peek() for error messages
  [[noreturn]] void fail_new_record();

  char* begin_;
  char* end_;
  char* p_;
};

}  // namespace leda::load
