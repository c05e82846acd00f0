#include "load/json_cursor.hpp"

#include <array>
#include <charconv>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <fmt/format.h>

namespace leda::load {
namespace {

// Bytes the container skipper stops at.
constexpr std::array<bool, 256> kSkipStops = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'"', '{', '}', '[', ']', '\n', '\0'})
    t[c] = true;
  return t;
}();

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

char* put_utf8(char* w, std::uint32_t cp) {
  if (cp < 0x80) {
    *w++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *w++ = static_cast<char>(0xC0 | (cp >> 6));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *w++ = static_cast<char>(0xE0 | (cp >> 12));
    *w++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *w++ = static_cast<char>(0xF0 | (cp >> 18));
    *w++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *w++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return w;
}

bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

}  // namespace

std::string_view JsonCursor::read_escaped(char* start) {
  char* w = p_;
  for (;;) {
    const char c = *p_;
    if (c == '"') {
      ++p_;
      return {start, static_cast<std::size_t>(w - start)};
    }
    if (c == '\\') {
      const char e = p_[1];
      p_ += 2;
      switch (e) {
        case '"':
          *w++ = '"';
          break;
        case '\\':
          *w++ = '\\';
          break;
        case '/':
          *w++ = '/';
          break;
        case 'b':
          *w++ = '\b';
          break;
        case 'f':
          *w++ = '\f';
          break;
        case 'n':
          *w++ = '\n';
          break;
        case 'r':
          *w++ = '\r';
          break;
        case 't':
          *w++ = '\t';
          break;
        case 'u': {
          auto hex4 = [&](const char* h) {
            int v = 0;
            for (int i = 0; i < 4; ++i) {
              const int d = hex_value(h[i]);
              if (d < 0) fail_at(h, "invalid \\u escape in a string");
              v = v * 16 + d;
            }
            return static_cast<std::uint32_t>(v);
          };
          std::uint32_t cp = hex4(p_);
          p_ += 4;
          if (cp >= 0xD800 && cp <= 0xDBFF && p_[0] == '\\' && p_[1] == 'u') {
            const std::uint32_t low = hex4(p_ + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
              p_ += 6;
            }
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;  // a lone surrogate
          w = put_utf8(w, cp);
          break;
        }
        default:
          fail_at(p_ - 2, "invalid escape in a string");
      }
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20) {
      if (c == '\0' && p_ >= end_) fail_at(p_, "unterminated string at the end of the input");
      fail_at(p_, c == '\n' ? "line break inside a string (the record is cut short)"
                            : "control character inside a string");
    }
    *w++ = c;
    ++p_;
  }
}

void JsonCursor::check_range(const char* start, const char* digits, bool negative,
                             std::string_view what) {
  const std::uint64_t limit = negative ? (std::uint64_t{1} << 63) : (std::uint64_t{1} << 63) - 1;
  std::uint64_t v = 0;
  for (const char* d = digits; d < p_; ++d) {
    const unsigned digit = static_cast<unsigned>(*d - '0');
    if (v > (limit - digit) / 10) fail_at(start, std::string(what) + ": number out of range");
    v = v * 10 + digit;
  }
}

void JsonCursor::skip_string() {
  ++p_;  // the opening quote
  for (;;) {
    p_ = find_string_stop(p_);
    const char c = *p_;
    if (c == '"') {
      ++p_;
      return;
    }
    if (c == '\\') {
      if (p_[1] == '\0') fail_at(p_, "unterminated string at the end of the input");
      p_ += 2;
      continue;
    }
    if (c == '\0' && p_ >= end_) fail_at(p_, "unterminated string at the end of the input");
    fail_at(p_, c == '\n' ? "line break inside a string (the record is cut short)"
                          : "control character inside a string");
  }
}

#ifdef __SSE2__
bool JsonCursor::skip_block(int& depth) {
  const __m128i bs = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1F);
  const __m128i quote = _mm_set1_epi8('"');
  // '{' 0x7B and '[' 0x5B differ only in bit 0x20, as do '}' 0x7D and ']' 0x5D.
  const __m128i fold = _mm_set1_epi8(0x20);
  const __m128i open = _mm_set1_epi8('{'), close = _mm_set1_epi8('}');
  for (;;) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_));
    const __m128i stop =
        _mm_or_si128(_mm_cmpeq_epi8(x, bs), _mm_cmpeq_epi8(_mm_max_epu8(x, control), control));
    if (_mm_movemask_epi8(stop) != 0) return false;
    const __m128i folded = _mm_or_si128(x, fold);
    const unsigned quotes = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, quote)));
    const unsigned opens = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(folded, open)));
    const unsigned closes = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(folded, close)));
    unsigned bits = quotes | opens | closes;
    bool in_string = false;
    while (bits != 0) {
      const unsigned bit = bits & (0u - bits);
      bits ^= bit;
      if (in_string) {
        if (quotes & bit) in_string = false;
      } else if (quotes & bit) {
        in_string = true;
      } else if (opens & bit) {
        ++depth;
      } else if (--depth == 0) {
        p_ += __builtin_ctz(bit) + 1;
        return true;
      }
    }
    p_ += 16;
    if (in_string) skip_string_rest();
  }
}

void JsonCursor::skip_string_rest() {
  --p_;  // skip_string steps over an opening quote; here we are already inside the string
  skip_string();
}
#endif

void JsonCursor::skip_value() {
  const char c = peek();
  switch (c) {
    case '"':
      skip_string();
      return;
    case 't':
      if (!try_consume("true")) fail_syntax("invalid literal");
      return;
    case 'f':
      if (!try_consume("false")) fail_syntax("invalid literal");
      return;
    case 'n':
      if (!try_consume("null")) fail_syntax("invalid literal");
      return;
    case '{':
    case '[':
      break;
    default:
      if (c == '-' || is_digit(c)) {
        read_number_text("value");
        return;
      }
      fail_expected("value", "a JSON value");
  }
  int depth = 0;
  for (;;) {
#ifdef __SSE2__
    // Sixteen bytes at a time while a block holds no backslash and no control byte (line
    // breaks, the padding's NULs): walk its quotes and brackets by bit mask. Any other block
    // goes through the byte loop below, which reports errors and record breaks.
    if (skip_block(depth)) return;
#endif
    const unsigned char b = static_cast<unsigned char>(*p_);
    if (!kSkipStops[b]) {
      ++p_;
      continue;
    }
    switch (b) {
      case '"':
        skip_string();
        break;
      case '{':
      case '[':
        ++depth;
        ++p_;
        break;
      case '}':
      case ']':
        ++p_;
        if (--depth == 0) return;
        break;
      case '\n':
        if (p_[1] == '{') fail_new_record();
        ++p_;
        break;
      default:  // '\0'
        if (p_ >= end_) fail_at(p_, "unexpected end of the input inside a value");
        fail_at(p_, "NUL byte in the input");
    }
  }
}

std::string_view JsonCursor::read_number_text(std::string_view what) {
  const char c = peek();
  if (c != '-' && !is_digit(c)) fail_expected(what, "a number");
  char* start = p_;
  while (is_number_char(*p_))
    ++p_;
  return {start, static_cast<std::size_t>(p_ - start)};
}

double JsonCursor::read_double(std::string_view what) {
  std::string_view text = read_number_text(what);
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size())
    fail_at(text.data(), fmt::format("{}: invalid number '{}'", what, text));
  return v;
}

void JsonCursor::fail_expected(std::string_view what, std::string_view expected) {
  const char c = peek_no_throw();
  std::string found;
  switch (c) {
    case '"':
      found = "a string";
      break;
    case '{':
      found = "an object";
      break;
    case '[':
      found = "an array";
      break;
    case 't':
    case 'f':
      found = std::memcmp(p_, c == 't' ? "true" : "false", c == 't' ? 4 : 5) == 0
                  ? "a boolean"
                  : fmt::format("'{}'", c);
      break;
    case 'n':
      found = std::memcmp(p_, "null", 4) == 0 ? "null" : "'n'";
      break;
    case '\0':
      found = p_ >= end_ ? "the end of the input" : "a NUL byte";
      break;
    default:
      if (c == '-' || is_digit(c))
        found = "a number";
      else
        found = fmt::format("'{}'", c);
  }
  fail_at(p_, fmt::format("{}: expected {}, found {}", what, expected, found));
}

void JsonCursor::fail_syntax(std::string_view reason) {
  const char c = peek_no_throw();
  if (c == '\0' && p_ >= end_) fail_at(p_, fmt::format("invalid JSON: {} (end of input)", reason));
  fail_at(p_, fmt::format("invalid JSON: {}", reason));
}

void JsonCursor::fail_at(const char* at, std::string reason) {
  throw JsonError(static_cast<std::size_t>(at - begin_), std::move(reason));
}

void JsonCursor::fail_new_record() {
  fail_at(p_, "record cut short: the next line starts a new record");
}

char JsonCursor::peek_no_throw() {
  while (*p_ == ' ' || *p_ == '\t' || *p_ == '\r' || *p_ == '\n')
    ++p_;
  return *p_;
}

}  // namespace leda::load
