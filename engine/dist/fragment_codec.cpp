// dist/fragment_codec.cpp — see fragment_codec.hpp.
#include "dist/fragment_codec.hpp"

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

class Writer {
 public:
  explicit Writer(StateWriter& w) : w_(w) {}
  template <class T>
  void value(const T& x) {
    if constexpr (std::is_same_v<T, Str>) {
      w_.u64(x.id);
    } else if constexpr (std::is_same_v<T, Range>) {
      w_.u64(x.first);
      w_.u64(x.count);
    } else if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
      leda::encode(w_, x);
    } else if constexpr (requires { x.has_value(); }) {
      leda::encode(w_, x);
    } else {
      each_field(const_cast<T&>(x), [&](std::string_view, const auto& f) { value(f); });
    }
  }

 private:
  StateWriter& w_;
};

class Reader {
 public:
  Reader(StateReader& r, std::uint32_t strings) : r_(r), strings_(strings) {}
  template <class T>
  void value(T& x) {
    if constexpr (std::is_same_v<T, Str>) {
      const std::uint64_t id = r_.u64();
      if (id >= strings_) r_.fail("a string handle " + std::to_string(id) + " out of range");
      x.id = static_cast<std::uint32_t>(id);
    } else if constexpr (std::is_same_v<T, Range>) {
      leda::decode(r_, x.first);
      leda::decode(r_, x.count);
    } else if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
      leda::decode(r_, x);
    } else if constexpr (requires { x.has_value(); }) {
      leda::decode(r_, x);
    } else {
      each_field(x, [&](std::string_view, auto& f) { value(f); });
    }
  }

 private:
  StateReader& r_;
  std::uint32_t strings_;
};

}  // namespace

void encode_fragment(const Fragment& f, StateWriter& w) {
  w.u64(f.records);
  const std::uint32_t n = f.strings.size();
  w.u64(n);
  for (std::uint32_t id = 2; id < n; ++id) {
    const Str s{id};
    w.boolean(f.strings.added(s));
    w.str(f.strings.view(s));
  }
  Writer writer(w);
  Fragment::for_each_vector(const_cast<Fragment&>(f), [&](auto& v) {
    w.u64(v.size());
    for (const auto& x : v)
      writer.value(x);
  });
}

void decode_fragment(StateReader& in, Fragment& f) {
  f.clear();
  leda::decode(in, f.records);
  const std::size_t n = in.count();
  if (n < 2) in.fail("a fragment with fewer than 2 string handles");
  for (std::size_t id = 2; id < n; ++id) {
    const bool added = in.boolean();
    const std::string text = in.str();
    const Str s = added ? f.strings.add(text) : f.strings.intern(text);
    if (s.id != id) in.fail("a repeated string in a fragment");
  }
  Reader reader(in, static_cast<std::uint32_t>(n));
  Fragment::for_each_vector(f, [&](auto& v) {
    v.resize(in.count());
    for (auto& x : v)
      reader.value(x);
  });
}

}  // namespace leda::dist
