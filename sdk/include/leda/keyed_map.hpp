// leda/keyed_map.hpp — KeyedMap<Key, Value>: per-key running totals that merge.
//
// The state of most KPIs is "one set of sums per output row". KeyedMap keeps them ordered by
// key (so iteration, output and encoding never depend on hash order or on the shard a key came
// from) and merges two maps key by key: a key present in both gets its values merged, a key in
// one only is moved over.
//
//   struct Sums {
//     std::int64_t chats = 0, wait_ms = 0;
//     void merge(const Sums& o) { chats += o.chats; wait_ms += o.wait_ms; }
//     LEDA_FIELDS(chats, wait_ms)
//   };
//   leda::KeyedMap<std::int64_t, Sums> by_skill;
//   by_skill[skill].chats += 1;
//   into.by_skill.merge(std::move(from.by_skill));
//   for (const auto& [skill, sums] : by_skill) ...
//
// Values merge with their `merge(V&&)` or `merge(const V&)` member, or `+=` for numbers.
// Thread-safety: a value type; no sharing.
#pragma once

#include <cstddef>
#include <map>
#include <utility>

#include "leda/state_codec.hpp"

namespace leda {

/// Folds `from` into `into`: `into.merge(...)` when the type has it, else `into += from`.
template <class V>
void merge_value(V& into, V&& from) {
  if constexpr (requires { into.merge(std::move(from)); })
    into.merge(std::move(from));
  else if constexpr (requires { into.merge(from); })
    into.merge(from);
  else
    into += from;
}

/// An ordered map of mergeable values (see the top of the file). `Key` must be ordered by
/// `operator<` (a struct with `auto operator<=>(const K&) const = default;` is).
template <class Key, class Value>
class KeyedMap {
 public:
  using Map = std::map<Key, Value>;
  using iterator = typename Map::iterator;
  using const_iterator = typename Map::const_iterator;

  /// The value of `key`, made empty (value-initialised) on first use.
  Value& operator[](const Key& key) { return map_[key]; }
  /// The value of `key`, or nullptr.
  const Value* find(const Key& key) const {
    auto it = map_.find(key);
    return it == map_.end() ? nullptr : &it->second;
  }

  /// Merges every entry of `other` into this map; `other` is left empty.
  void merge(KeyedMap&& other) {
    if (map_.empty()) {
      map_.swap(other.map_);
      return;
    }
    for (auto& [key, value] : other.map_) {
      auto [it, inserted] = map_.try_emplace(key, std::move(value));
      if (!inserted) merge_value(it->second, std::move(value));
    }
    other.map_.clear();
  }

  std::size_t size() const { return map_.size(); }
  bool empty() const { return map_.empty(); }
  iterator begin() { return map_.begin(); }
  iterator end() { return map_.end(); }
  const_iterator begin() const { return map_.begin(); }
  const_iterator end() const { return map_.end(); }

  /// The underlying map, ordered by key.
  const Map& entries() const { return map_; }

  /// State codec (leda/state_codec.hpp): entries in key order.
  void encode(StateWriter& w) const { leda::encode(w, map_); }
  void decode(StateReader& r) { leda::decode(r, map_); }

 private:
  Map map_;
};

}  // namespace leda
