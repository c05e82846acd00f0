// model/flat_map.hpp — a small open-addressing hash map for the merge's natural-key lookups.
//
// The builder looks up every session of every file by its key (a string handle, or a survey id
// with a conversation handle); a flat table of (key, value) pairs avoids the per-node allocations
// of std::unordered_map.
//
//   leda::FlatMap<std::uint32_t, std::uint32_t> by_id;
//   auto [value, inserted] = by_id.try_emplace(key, next_index);
//
// Keys must be trivially copyable, equality-comparable and hashed by `Hash`. Thread-safety: none.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace leda::model {

/// Mixes a 64-bit value into a well-spread hash.
inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDull;
  x ^= x >> 33;
  x *= 0xC4CEB9FE1A85EC53ull;
  x ^= x >> 33;
  return x;
}

/// Hash of integral keys.
struct IntKeyHash {
  std::uint64_t operator()(std::uint64_t k) const { return mix64(k); }
};

template <class Key, class Value, class Hash = IntKeyHash>
class FlatMap {
 public:
  /// Finds `key`; inserts it with `value` when absent. Returns the stored value and whether it
  /// was inserted. The reference is valid until the next insertion.
  std::pair<Value&, bool> try_emplace(const Key& key, const Value& value) {
    if ((size_ + 1) * 4 > slots_.size() * 3) grow();  // load factor at most 3/4
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = Hash{}(key)&mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (!s.used) {
        s.used = true;
        s.key = key;
        s.value = value;
        ++size_;
        return {s.value, true};
      }
      if (s.key == key) return {s.value, false};
    }
  }

  /// The value of `key`, or nullptr.
  const Value* find(const Key& key) const {
    if (slots_.empty()) return nullptr;
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = Hash{}(key)&mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.key == key) return &s.value;
    }
  }

  std::size_t size() const { return size_; }

  /// Bytes held by the table.
  std::size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

  /// Empties the table, keeping its memory.
  void reset() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    size_ = 0;
  }

  /// Frees the table.
  void clear() {
    slots_ = {};
    size_ = 0;
  }

 private:
  struct Slot {
    Key key{};
    Value value{};
    bool used = false;
  };

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    std::size_t mask = slots_.size() - 1;
    for (Slot& s : old) {
      if (!s.used) continue;
      std::size_t i = Hash{}(s.key) & mask;
      while (slots_[i].used)
        i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace leda::model
