// dist/fragment_codec.cpp — see fragment_codec.hpp.
#include "dist/fragment_codec.hpp"

#include <bit>
#include <cstring>
#include <limits>
#include <type_traits>

#include "model/fields.hpp"

namespace leda::dist {
namespace {

using model::Fragment;
using model::VisitPiece;

// VisitPiece is the fragment's own record (not in the model): its members, in order.
template <class V>
void piece_fields(VisitPiece& x, V&& v) {
  v("visit_id", x.visit_id);
  v("visitor_id", x.visitor_id);
  v("context_id", x.context_id);
  v("record_start", x.record_start);
  v("first_time", x.first_time);
  v("last_time", x.last_time);
  v("record", x.record);
  v("body", x.body);
  v("children", x.children);
}

template <class T>
void each_field(T& x, auto&& v) {
  if constexpr (std::is_same_v<T, VisitPiece>)
    piece_fields(x, v);
  else
    model::fields(x, v);
}

// The encoding of leda::StateWriter (LEB128 varints, zig-zag for signed values, doubles as
// 8 little-endian bytes), written straight into the output string: fragments are most of what
// ranks send, so the per-byte cost counts.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  ~Writer() { flush(); }
  void u64(std::uint64_t v) {
    if (used_ + 10 > sizeof buf_) flush();
    while (v >= 0x80) {
      buf_[used_++] = static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    buf_[used_++] = static_cast<char>(v);
  }
  // Appends what is buffered to the output (values go through a small buffer: appending each
  // varint to the string on its own costs a capacity check per value).
  void flush() {
    out_.append(buf_, used_);
    used_ = 0;
  }
  void bytes(const char* p, std::size_t n) {
    if (used_ + n > sizeof buf_) flush();
    if (n > sizeof buf_) {
      out_.append(p, n);
    } else {
      std::memcpy(buf_ + used_, p, n);
      used_ += n;
    }
  }
  void i64(std::int64_t v) {
    u64((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void f64(double v) {
    const auto bits = std::bit_cast<std::uint64_t>(v);
    char buf[8];
    for (int i = 0; i < 8; ++i)
      buf[i] = static_cast<char>((bits >> (8 * i)) & 0xff);
    bytes(buf, 8);
  }
  void str(std::string_view s) {
    u64(s.size());
    bytes(s.data(), s.size());
  }

  template <class T>
  void value(const T& x) {
    if constexpr (std::is_same_v<T, Str>) {
      u64(x.id);
    } else if constexpr (std::is_same_v<T, Range>) {
      u64(x.first);
      u64(x.count);
    } else if constexpr (std::is_enum_v<T>) {
      value(static_cast<std::underlying_type_t<T>>(x));
    } else if constexpr (std::is_same_v<T, bool>) {
      const char b = x ? 1 : 0;
      bytes(&b, 1);
    } else if constexpr (std::is_floating_point_v<T>) {
      f64(static_cast<double>(x));
    } else if constexpr (std::is_signed_v<T>) {
      i64(static_cast<std::int64_t>(x));
    } else if constexpr (std::is_unsigned_v<T>) {
      u64(static_cast<std::uint64_t>(x));
    } else if constexpr (requires { x.has_value(); }) {
      value(x.has_value());
      if (x) value(*x);
    } else {
      each_field(const_cast<T&>(x), [&](std::string_view, const auto& f) { value(f); });
    }
  }

 private:
  std::string& out_;
  char buf_[16384];
  std::size_t used_ = 0;
};

// Reads what Writer wrote, with leda::StateReader's checked reads (every read bounds-checked,
// StateFormatError "fragment: ... at byte N"), and string handles checked against the table.
class Reader : public StateReader {
 public:
  explicit Reader(std::string_view in) : StateReader(in, "fragment") {}

  template <class T>
  void value(T& x) {
    if constexpr (std::is_same_v<T, Str>) {
      const std::uint64_t id = u64();
      if (id >= strings_) fail("a string handle " + std::to_string(id) + " out of range");
      x.id = static_cast<std::uint32_t>(id);
    } else if constexpr (std::is_same_v<T, Range>) {
      value(x.first);
      value(x.count);
    } else if constexpr (std::is_enum_v<T>) {
      std::underlying_type_t<T> u{};
      value(u);
      x = static_cast<T>(u);
    } else if constexpr (std::is_same_v<T, bool>) {
      x = boolean();
    } else if constexpr (std::is_floating_point_v<T>) {
      x = static_cast<T>(f64());
    } else if constexpr (std::is_signed_v<T>) {
      const std::int64_t v = i64();
      if (v < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
          v > static_cast<std::int64_t>(std::numeric_limits<T>::max()))
        fail("an integer out of range");
      x = static_cast<T>(v);
    } else if constexpr (std::is_unsigned_v<T>) {
      const std::uint64_t v = u64();
      if (v > static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
        fail("an integer out of range");
      x = static_cast<T>(v);
    } else if constexpr (requires { x.has_value(); }) {
      if (boolean()) {
        x.emplace();
        value(*x);
      } else {
        x.reset();
      }
    } else {
      each_field(x, [&](std::string_view, auto& f) { value(f); });
    }
  }
  void set_strings(std::uint32_t n) { strings_ = n; }

 private:
  std::uint32_t strings_ = 0;
};

}  // namespace

void encode_fragment(const Fragment& f, std::string& out) {
  Writer w(out);
  w.u64(f.records);
  const std::uint32_t n = f.strings.size();
  w.u64(n);
  for (std::uint32_t id = 2; id < n; ++id) {
    const Str s{id};
    w.value(f.strings.added(s));
    w.str(f.strings.view(s));
  }
  Fragment::for_each_vector(const_cast<Fragment&>(f), [&](auto& v) {
    w.u64(v.size());
    for (const auto& x : v)
      w.value(x);
  });
}

void decode_fragment(std::string_view bytes, Fragment& f) {
  f.clear();
  Reader r(bytes);
  r.value(f.records);
  const std::size_t n = r.count();
  if (n < 2) r.fail("fewer than 2 string handles");
  for (std::size_t id = 2; id < n; ++id) {
    const bool added = r.boolean();
    const std::string_view text = r.str_view();
    const Str s = added ? f.strings.add(text) : f.strings.intern(text);
    if (s.id != id) r.fail("a repeated string");
  }
  r.set_strings(static_cast<std::uint32_t>(n));
  Fragment::for_each_vector(f, [&](auto& v) {
    v.resize(r.count());
    for (auto& x : v)
      r.value(x);
  });
  if (!r.at_end()) r.fail("bytes left after the fragment");
}

}  // namespace leda::dist
