#include "model/model_dump.hpp"

#include <type_traits>

#include <fmt/format.h>

#include "model/fields.hpp"

namespace leda::model {
namespace {

// Formats one record's fields onto a line.
class LineWriter {
 public:
  explicit LineWriter(const Model& m) : m_(m) {}

  std::string& text() { return out_; }

  template <class T>
  void operator()(std::string_view name, const T& value) {
    out_ += ' ';
    out_ += name;
    out_ += '=';
    write(value);
  }

  void write(Str s) {
    if (!s.present()) {
      out_ += '-';
      return;
    }
    out_ += '"';
    for (char c : m_.str(s)) {
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\n':
          out_ += "\\n";
          break;
        default:
          if (static_cast<unsigned char>(c) < 0x20)
            fmt::format_to(std::back_inserter(out_), "\\x{:02x}", static_cast<unsigned>(c));
          else
            out_ += c;
      }
    }
    out_ += '"';
  }
  void write(std::int64_t v) { v == kNoLong ? absent() : append(v); }
  void write(std::int32_t v) { v == kNoInt ? absent() : append(v); }
  void write(std::int8_t v) { v == kNoBool ? absent() : append(static_cast<int>(v)); }
  void write(std::uint32_t v) { v == kNoIndex ? absent() : append(v); }
  void write(Range r) { fmt::format_to(std::back_inserter(out_), "{}+{}", r.first, r.count); }
  void write(const std::optional<double>& v) {
    if (v)
      fmt::format_to(std::back_inserter(out_), "{}", *v);
    else
      out_ += '-';
  }
  void write(AttributeKind k) { append(static_cast<int>(k)); }

 private:
  void absent() { out_ += '-'; }
  template <class N>
  void append(N v) {
    fmt::format_to(std::back_inserter(out_), "{}", v);
  }
  const Model& m_;
  std::string out_;
};

// Writes the line of one element of a Model vector.
template <class T>
void write_element(LineWriter& w, const T& value) {
  if constexpr (std::is_class_v<T> && !std::is_same_v<T, Str>) {
    fields(const_cast<T&>(value), w);
  } else {
    w.text() += ' ';
    w.write(value);
  }
}

// True when every entry of an id map points at a record with that id.
template <class Map, class Vec, class Key>
bool map_matches(const Map& map, const Vec& records, Key key_of) {
  if (map.size() != records.size()) return false;
  for (const auto& [key, index] : map)
    if (index >= records.size() || key_of(records[index]) != key) return false;
  return true;
}

}  // namespace

void dump_model(const Model& m, const std::function<void(std::string_view)>& sink) {
  LineWriter w(m);
  model_vectors(m, [&](std::string_view name, const auto& vec) {
    for (std::size_t i = 0; i < vec.size(); ++i) {
      fmt::format_to(std::back_inserter(w.text()), "{}[{}]", name, i);
      write_element(w, vec[i]);
      w.text() += '\n';
      if (w.text().size() > (1 << 16)) {
        sink(w.text());
        w.text().clear();
      }
    }
  });
  auto sv = [&](Str s) { return m.str(s); };
  bool maps_ok =
      map_matches(m.visit_by_id, m.visits, [&](const Visit& v) { return sv(v.visit_id); }) &&
      map_matches(m.conversation_by_id, m.conversations,
                  [&](const Conversation& c) { return sv(c.conversation_id); }) &&
      map_matches(m.agent_session_by_id, m.agent_sessions,
                  [&](const AgentSession& s) { return sv(s.session_id); }) &&
      map_matches(m.agent_by_id, m.agents, [](const Agent& a) { return a.agent_id; });
  w.text() += maps_ok ? "maps ok\n" : "maps MISMATCH\n";
  sink(w.text());
}

std::string dump_model(const Model& m) {
  std::string out;
  dump_model(m, [&](std::string_view piece) { out += piece; });
  return out;
}

std::uint64_t model_digest(const Model& m) {
  std::uint64_t h = 1469598103934665603ull;
  dump_model(m, [&](std::string_view piece) {
    for (unsigned char c : piece)
      h = (h ^ c) * 1099511628211ull;
  });
  return h;
}

std::size_t model_memory_bytes(const Model& m) {
  std::size_t n = m.strings.memory_bytes();
  model_vectors(m, [&](std::string_view, const auto& vec) {
    n += vec.capacity() * sizeof(typename std::decay_t<decltype(vec)>::value_type);
  });
  // A node of an unordered_map: next pointer, key and value, cached hash; plus the buckets.
  auto map_bytes = [](const auto& map) {
    using V = typename std::decay_t<decltype(map)>::value_type;
    return map.size() * (sizeof(void*) + sizeof(V) + sizeof(std::size_t)) +
           map.bucket_count() * sizeof(void*);
  };
  n += map_bytes(m.agent_session_by_id) + map_bytes(m.agent_by_id) + map_bytes(m.visit_by_id) +
       map_bytes(m.conversation_by_id);
  return n;
}

}  // namespace leda::model
