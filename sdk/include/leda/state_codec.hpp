// leda/state_codec.hpp — plugin states as bytes: what lets a state travel between processes
// (MPI ranks) and come back identical.
//
// A state is written field by field with a StateWriter and read back in the same order with a
// StateReader. The encoding is independent of the platform: integers are LEB128 varints (signed
// ones zig-zag encoded), doubles their IEEE-754 bits as 8 little-endian bytes, strings a length
// and their bytes. No struct is ever dumped raw.
//
// Most states need no code at all: list the fields once with LEDA_FIELDS and `leda::encode` /
// `leda::decode` handle the struct, including the standard containers and the SDK's mergeable
// helpers (KeyedMap, Samples) inside it:
//
//   struct Sums {
//     std::int64_t conversations = 0, wait_ms = 0;
//     LEDA_FIELDS(conversations, wait_ms)
//   };
//   struct State {
//     std::map<std::int64_t, Sums> by_skill;
//     std::vector<std::string> notes;
//     LEDA_FIELDS(by_skill, notes)
//   };
//   leda::StateWriter w;
//   leda::encode(w, state);                 // w.bytes() holds the state
//   leda::StateReader r(w.bytes());
//   State back;
//   leda::decode(r, back);                  // throws leda::StateFormatError on bad input
//   r.expect_end();
//
// Thread-safety: writers and readers are plain values; use one per thread.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <boost/config.hpp>

namespace leda {

/// Bytes that are not a valid encoding of the expected state (truncated, altered, or written by
/// another plugin version). The message says what was expected and where.
class BOOST_SYMBOL_VISIBLE StateFormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Appends encoded values to a byte string.
class StateWriter {
 public:
  /// An unsigned integer as a LEB128 varint (1 byte below 128, at most 10).
  void u64(std::uint64_t v) {
    while (v >= 0x80) {
      bytes_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    bytes_.push_back(static_cast<char>(v));
  }
  /// A signed integer, zig-zag encoded so that small negative values stay short.
  void i64(std::int64_t v) {
    u64((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  /// A double as its IEEE-754 bits, little-endian: every value (NaN payloads, -0.0) round-trips.
  void f64(double v) {
    std::uint64_t bits = std::bit_cast<std::uint64_t>(v);
    for (int i = 0; i < 8; ++i)
      bytes_.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
  }
  /// A boolean as one byte, 0 or 1.
  void boolean(bool v) { bytes_.push_back(v ? 1 : 0); }
  /// A length, then the bytes.
  void str(std::string_view s) {
    u64(s.size());
    bytes_.append(s.data(), s.size());
  }

  /// What was written so far.
  const std::string& bytes() const { return bytes_; }
  /// Moves the bytes out; the writer is empty afterwards.
  std::string take() { return std::exchange(bytes_, {}); }

 private:
  std::string bytes_;
};

/// Reads values written by a StateWriter, in the same order. Every read checks the bounds and
/// throws StateFormatError instead of reading past the end. The bytes must outlive the reader.
class StateReader {
 public:
  explicit StateReader(std::string_view bytes) : data_(bytes) {}
  /// The same, with `what` naming the bytes in error messages ("WHAT: ... at byte N");
  /// `what` must outlive the reader (a string literal).
  StateReader(std::string_view bytes, const char* what) : data_(bytes), what_(what) {}

  std::uint64_t u64() {
    if (pos_ < data_.size() && static_cast<unsigned char>(data_[pos_]) < 0x80)  // most values
      return static_cast<unsigned char>(data_[pos_++]);
    std::uint64_t v = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      const auto b = static_cast<unsigned char>(next());
      if (shift == 63 && b > 1) fail("a varint longer than 64 bits");
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    fail("a varint longer than 10 bytes");
  }
  std::int64_t i64() {
    const std::uint64_t z = u64();
    return static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
  }
  double f64() {
    need(8);
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i)
      bits |= static_cast<std::uint64_t>(static_cast<unsigned char>(data_[pos_ + i])) << (8 * i);
    pos_ += 8;
    return std::bit_cast<double>(bits);
  }
  bool boolean() {
    const char b = next();
    if (b != 0 && b != 1) fail("a boolean that is neither 0 nor 1");
    return b == 1;
  }
  std::string str() { return std::string(str_view()); }
  /// A string without a copy: a view into the bytes given to the constructor.
  std::string_view str_view() {
    const std::uint64_t n = count();
    const std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  /// A length or element count; refused when it is larger than the bytes left (every element
  /// takes at least one byte), so a corrupt count cannot make the reader allocate wildly.
  std::size_t count() {
    const std::uint64_t n = u64();
    if (n > data_.size() - pos_) fail("a count of " + std::to_string(n) + " with fewer bytes left");
    return static_cast<std::size_t>(n);
  }

  /// Throws unless every byte was read.
  void expect_end() const {
    if (pos_ != data_.size())
      fail(std::to_string(data_.size() - pos_) + " bytes left after the state");
  }
  /// Bytes read so far.
  std::size_t position() const { return pos_; }
  /// Whether every byte was read.
  bool at_end() const { return pos_ == data_.size(); }

  /// Throws StateFormatError("state: WHAT at byte N") ("state" or the constructor's `what`).
  [[noreturn]] void fail(const std::string& what) const {
    throw StateFormatError(what_ + (": " + what) + " at byte " + std::to_string(pos_));
  }

 private:
  char next() {
    need(1);
    return data_[pos_++];
  }
  void need(std::size_t n) const {
    if (data_.size() - pos_ < n) fail("unexpected end of the data");
  }

  std::string_view data_;
  const char* what_ = "state";
  std::size_t pos_ = 0;
};

/// Declares the fields of a struct, in order, for leda::encode/decode (and anything else that
/// visits fields). Put it inside the struct: `LEDA_FIELDS(a, b, c)`.
#define LEDA_FIELDS(...)                             \
  template <class LedaVisitor>                       \
  void leda_fields(LedaVisitor&& leda_visit) {       \
    leda_visit(__VA_ARGS__);                         \
  }                                                  \
  template <class LedaVisitor>                       \
  void leda_fields(LedaVisitor&& leda_visit) const { \
    leda_visit(__VA_ARGS__);                         \
  }

/// True for types that declare LEDA_FIELDS.
template <class T>
concept HasLedaFields = requires(T& t) {
  t.leda_fields([](auto&...) {});
};

/// True for types with their own `encode(StateWriter&) const` and `decode(StateReader&)`.
template <class T>
concept HasStateCodec = requires(T& t, const T& c, StateWriter& w, StateReader& r) {
  c.encode(w);
  t.decode(r);
};

// encode/decode: one overload set, found for nested members too. Order of declarations matters
// for templates that call each other, so every overload is declared before any is defined.
template <class T>
requires std::is_arithmetic_v<T> || std::is_enum_v<T>
void encode(StateWriter& w, const T& v);
inline void encode(StateWriter& w, const std::string& v);
inline void encode(StateWriter& w, std::monostate);
template <class T>
void encode(StateWriter& w, const std::optional<T>& v);
template <class A, class B>
void encode(StateWriter& w, const std::pair<A, B>& v);
template <class T, class A>
void encode(StateWriter& w, const std::vector<T, A>& v);
template <class K, class C, class A>
void encode(StateWriter& w, const std::set<K, C, A>& v);
template <class K, class V, class C, class A>
void encode(StateWriter& w, const std::map<K, V, C, A>& v);
template <class... Ts>
void encode(StateWriter& w, const std::variant<Ts...>& v);
template <class T>
requires HasLedaFields<T> || HasStateCodec<T>
void encode(StateWriter& w, const T& v);

template <class T>
requires std::is_arithmetic_v<T> || std::is_enum_v<T>
void decode(StateReader& r, T& v);
inline void decode(StateReader& r, std::string& v);
inline void decode(StateReader& r, std::monostate&);
template <class T>
void decode(StateReader& r, std::optional<T>& v);
template <class A, class B>
void decode(StateReader& r, std::pair<A, B>& v);
template <class T, class A>
void decode(StateReader& r, std::vector<T, A>& v);
template <class K, class C, class A>
void decode(StateReader& r, std::set<K, C, A>& v);
template <class K, class V, class C, class A>
void decode(StateReader& r, std::map<K, V, C, A>& v);
template <class... Ts>
void decode(StateReader& r, std::variant<Ts...>& v);
template <class T>
requires HasLedaFields<T> || HasStateCodec<T>
void decode(StateReader& r, T& v);

template <class T>
requires std::is_arithmetic_v<T> || std::is_enum_v<T>
void encode(StateWriter& w, const T& v) {
  if constexpr (std::is_enum_v<T>) {
    encode(w, static_cast<std::underlying_type_t<T>>(v));
  } else if constexpr (std::is_same_v<T, bool>) {
    w.boolean(v);
  } else if constexpr (std::is_floating_point_v<T>) {
    w.f64(static_cast<double>(v));
  } else if constexpr (std::is_signed_v<T>) {
    w.i64(static_cast<std::int64_t>(v));
  } else {
    w.u64(static_cast<std::uint64_t>(v));
  }
}
inline void encode(StateWriter& w, const std::string& v) {
  w.str(v);
}
inline void encode(StateWriter&, std::monostate) {}
template <class T>
void encode(StateWriter& w, const std::optional<T>& v) {
  w.boolean(v.has_value());
  if (v) encode(w, *v);
}
template <class A, class B>
void encode(StateWriter& w, const std::pair<A, B>& v) {
  encode(w, v.first);
  encode(w, v.second);
}
template <class T, class A>
void encode(StateWriter& w, const std::vector<T, A>& v) {
  w.u64(v.size());
  for (const auto& x : v)
    encode(w, static_cast<const T&>(x));
}
template <class K, class C, class A>
void encode(StateWriter& w, const std::set<K, C, A>& v) {
  w.u64(v.size());
  for (const auto& x : v)
    encode(w, x);
}
template <class K, class V, class C, class A>
void encode(StateWriter& w, const std::map<K, V, C, A>& v) {
  w.u64(v.size());
  for (const auto& [k, x] : v) {
    encode(w, k);
    encode(w, x);
  }
}
template <class... Ts>
void encode(StateWriter& w, const std::variant<Ts...>& v) {
  w.u64(v.index());
  std::visit([&](const auto& x) { encode(w, x); }, v);
}
template <class T>
requires HasLedaFields<T> || HasStateCodec<T>
void encode(StateWriter& w, const T& v) {
  if constexpr (HasStateCodec<T>)
    v.encode(w);
  else
    v.leda_fields([&](const auto&... f) { (encode(w, f), ...); });
}

template <class T>
requires std::is_arithmetic_v<T> || std::is_enum_v<T>
void decode(StateReader& r, T& v) {
  if constexpr (std::is_enum_v<T>) {
    std::underlying_type_t<T> u{};
    decode(r, u);
    v = static_cast<T>(u);
  } else if constexpr (std::is_same_v<T, bool>) {
    v = r.boolean();
  } else if constexpr (std::is_floating_point_v<T>) {
    v = static_cast<T>(r.f64());
  } else if constexpr (std::is_signed_v<T>) {
    const std::int64_t x = r.i64();
    if (x < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
        x > static_cast<std::int64_t>(std::numeric_limits<T>::max()))
      r.fail("an integer out of range");
    v = static_cast<T>(x);
  } else {
    const std::uint64_t x = r.u64();
    if (x > static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
      r.fail("an integer out of range");
    v = static_cast<T>(x);
  }
}
inline void decode(StateReader& r, std::string& v) {
  v = r.str();
}
inline void decode(StateReader&, std::monostate&) {}
template <class T>
void decode(StateReader& r, std::optional<T>& v) {
  if (r.boolean()) {
    v.emplace();
    decode(r, *v);
  } else {
    v.reset();
  }
}
template <class A, class B>
void decode(StateReader& r, std::pair<A, B>& v) {
  decode(r, v.first);
  decode(r, v.second);
}
template <class T, class A>
void decode(StateReader& r, std::vector<T, A>& v) {
  const std::size_t n = r.count();
  v.clear();
  v.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    T x{};
    decode(r, x);
    v.push_back(std::move(x));
  }
}
template <class K, class C, class A>
void decode(StateReader& r, std::set<K, C, A>& v) {
  const std::size_t n = r.count();
  v.clear();
  for (std::size_t i = 0; i < n; ++i) {
    K k{};
    decode(r, k);
    v.insert(v.end(), std::move(k));
  }
}
template <class K, class V, class C, class A>
void decode(StateReader& r, std::map<K, V, C, A>& v) {
  const std::size_t n = r.count();
  v.clear();
  for (std::size_t i = 0; i < n; ++i) {
    K k{};
    decode(r, k);
    V x{};
    decode(r, x);
    v.emplace_hint(v.end(), std::move(k), std::move(x));
  }
}
namespace detail {
template <std::size_t I, class... Ts>
void decode_alternative(StateReader& r, std::variant<Ts...>& v, std::size_t index) {
  if constexpr (I < sizeof...(Ts)) {
    if (index == I) {
      std::variant_alternative_t<I, std::variant<Ts...>> x{};
      decode(r, x);
      v = std::move(x);
    } else {
      decode_alternative<I + 1>(r, v, index);
    }
  } else {
    r.fail("a variant alternative " + std::to_string(index) + " of " +
           std::to_string(sizeof...(Ts)));
  }
}
}  // namespace detail
template <class... Ts>
void decode(StateReader& r, std::variant<Ts...>& v) {
  detail::decode_alternative<0>(r, v, static_cast<std::size_t>(r.u64()));
}
template <class T>
requires HasLedaFields<T> || HasStateCodec<T>
void decode(StateReader& r, T& v) {
  if constexpr (HasStateCodec<T>)
    v.decode(r);
  else
    v.leda_fields([&](auto&... f) { (decode(r, f), ...); });
}

}  // namespace leda
