// model/string_table.hpp — fast string interning for building a Model.
//
// The loader parses each file into a Fragment whose strings live in the fragment's own
// LocalStrings; merging fragments re-interns those strings into the Model's StringPool through a
// PoolInterner. Both use StringIndex, an open-addressing table of (id, 32-bit hash) slots, so a
// string is hashed once (when parsed) and never again: the hash travels with it.
//
//   leda::LocalStrings local;
//   leda::Str a = local.intern("https://example.com/");   // deduplicated
//   leda::Str b = local.add("one transcript line");       // stored as is
//   leda::PoolInterner global(model.strings);
//   leda::Str g = global.intern(local.view(a), local.hash(a));
//
// Thread-safety: none; each object is used by one thread at a time.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "leda/strings.hpp"
#include "model/flat_map.hpp"

namespace leda::model {

/// The last bytes of `text` (1 to 8 of them) as one word, reading only inside the text.
inline std::uint64_t tail_word(const char* p, std::size_t n) {
  std::uint64_t w = 0;
  if (n >= 8) {
    std::memcpy(&w, p + n - 8, 8);
  } else if (n >= 4) {
    std::uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    w = (std::uint64_t{a} << 32) | b;
  } else if (n > 0) {
    w = (std::uint64_t{static_cast<unsigned char>(p[0])} << 16) |
        (std::uint64_t{static_cast<unsigned char>(p[n >> 1])} << 8) |
        static_cast<unsigned char>(p[n - 1]);
  }
  return w;
}

/// A fast non-cryptographic 32-bit hash of `text` (word-at-a-time multiply-xorshift).
inline std::uint32_t hash_text(std::string_view text) {
  const char* p = text.data();
  std::size_t n = text.size();
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xFF51AFD7ED558CCDull);
  for (; n > 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0x9FB21C651E98DF25ull;
    h ^= h >> 29;
  }
  h = (h ^ tail_word(p, n)) * 0x9FB21C651E98DF25ull;
  h ^= h >> 29;
  h *= 0xC2B2AE3D27D4EB4Full;
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

/// Equality of two texts, inlined for the short strings that dominate (no memcmp call).
inline bool same_text(std::string_view a, std::string_view b) {
  std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  for (; n > 8; p += 8, q += 8, n -= 8) {
    std::uint64_t x, y;
    std::memcpy(&x, p, 8);
    std::memcpy(&y, q, 8);
    if (x != y) return false;
  }
  return tail_word(p, n) == tail_word(q, n);
}

/// Open-addressing index from text to a dense id. It stores only (id, hash) pairs; the text of
/// an id is read back through a callback, so the strings themselves live elsewhere.
class StringIndex {
 public:
  /// Returns the id of `text` (hash `h`), or calls `make()` to create one and records it.
  /// `text_of(id)` must return the text of an id already recorded.
  template <class TextOf, class Make>
  std::uint32_t intern(std::string_view text, std::uint32_t h, TextOf&& text_of, Make&& make) {
    if ((used_ + 1) * 4 > slots_.size() * 3) grow();  // load factor at most 3/4
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.id == 0) {
        s.id = make();
        s.hash = h;
        ++used_;
        return s.id;
      }
      if (s.hash == h && same_text(text_of(s.id), text)) return s.id;
    }
  }

  /// Records `id` for a text of hash `h` known not to be present yet.
  void insert(std::uint32_t id, std::uint32_t h) {
    if ((used_ + 1) * 4 > slots_.size() * 3) grow();
    place(id, h);
    ++used_;
  }

  /// Bytes held by the table.
  std::size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

  /// Frees the table.
  void clear() {
    slots_ = {};
    used_ = 0;
  }

  /// Empties the table, keeping its memory.
  void reset() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    used_ = 0;
  }

 private:
  struct Slot {
    std::uint32_t id = 0;  // 0: empty
    std::uint32_t hash = 0;
  };

  void place(std::uint32_t id, std::uint32_t h) {
    std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    while (slots_[i].id != 0)
      i = (i + 1) & mask;
    slots_[i] = {id, h};
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 256 : old.size() * 2, Slot{});
    for (const Slot& s : old)
      if (s.id != 0) place(s.id, s.hash);
  }

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

/// The string pool of one Fragment: handles are local to it (0 absent, 1 the empty string, as
/// in StringPool). Each string keeps its hash and whether it was interned or only added.
class LocalStrings {
 public:
  LocalStrings() {
    entries_.push_back({nullptr, 0, 0});  // 0: absent
    entries_.push_back({"", 0, hash_text("")});
    small_.try_emplace(0, 1);
  }
  LocalStrings(LocalStrings&&) noexcept = default;
  LocalStrings& operator=(LocalStrings&&) noexcept = default;

  /// Forgets every string but keeps the memory, for the next file.
  void clear() {
    entries_.resize(2);
    index_.reset();
    small_.reset();
    small_.try_emplace(0, 1);
    used_chunks_ = 0;
    cursor_ = nullptr;
    left_ = 0;
  }

  /// The handle of `text`, equal for equal texts.
  Str intern(std::string_view text) { return intern(text, text.size() <= 7 ? 0 : hash_text(text)); }

  /// intern() of a text whose hash_text() is known (`h`; ignored for texts of 7 bytes or less),
  /// such as one copied from another table.
  Str intern(std::string_view text, std::uint32_t h) {
    if (text.size() <= 7) {  // short values (codes, flags, small ids) by their packed bytes
      std::uint64_t key = text.size();
      std::memcpy(reinterpret_cast<char*>(&key) + 1, text.data(), text.size());
      const auto next = static_cast<std::uint32_t>(entries_.size());
      const auto [id, fresh] = small_.try_emplace(key, next);
      if (fresh) push(text, hash_text(text), false);
      return Str{id};
    }
    std::uint32_t id = index_.intern(
        text, h, [this](std::uint32_t i) { return view(Str{i}); },
        [&] { return push(text, h, false); });
    return Str{id};
  }

  /// A new handle for `text`, not looked up (for values that rarely repeat).
  Str add(std::string_view text) { return Str{push(text, 0, true)}; }

  /// The text of a handle.
  std::string_view view(Str s) const {
    const Entry& e = entries_[s.id];
    return {e.text, e.size & kSizeMask};
  }
  /// The hash of an interned handle.
  std::uint32_t hash(Str s) const { return entries_[s.id].hash; }
  /// True when the handle came from add() (its text may repeat another's).
  bool added(Str s) const { return (entries_[s.id].size & kAddedBit) != 0; }
  /// Number of handles, including 0 and 1.
  std::uint32_t size() const { return static_cast<std::uint32_t>(entries_.size()); }
  /// Bytes held.
  std::size_t memory_bytes() const {
    return chunk_bytes_ + entries_.capacity() * sizeof(Entry) + index_.memory_bytes() +
           small_.memory_bytes();
  }

 private:
  static constexpr std::uint32_t kAddedBit = 1u << 31;
  static constexpr std::uint32_t kSizeMask = kAddedBit - 1;
  struct Entry {
    const char* text;
    std::uint32_t size;  // with kAddedBit for add()ed strings
    std::uint32_t hash;
  };

  std::uint32_t push(std::string_view text, std::uint32_t h, bool added) {
    auto id = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back(
        {store(text), static_cast<std::uint32_t>(text.size()) | (added ? kAddedBit : 0u), h});
    return id;
  }

  const char* store(std::string_view text) {
    if (text.size() > left_) next_chunk(text.size());
    char* dst = cursor_;
    if (!text.empty()) std::memcpy(dst, text.data(), text.size());
    cursor_ += text.size();
    left_ -= text.size();
    return dst;
  }

  // Moves to the next chunk with room for `size` bytes: a kept one after clear(), or a new one.
  void next_chunk(std::size_t size) {
    while (used_chunks_ < chunks_.size()) {
      Chunk& c = chunks_[used_chunks_++];
      if (c.size >= size) {
        cursor_ = c.data.get();
        left_ = c.size;
        return;
      }
    }
    const std::size_t bytes = std::max(size, kChunk);
    chunks_.push_back({std::make_unique_for_overwrite<char[]>(bytes), bytes});
    ++used_chunks_;
    chunk_bytes_ += bytes;
    cursor_ = chunks_.back().data.get();
    left_ = bytes;
  }

  // Chunks stay below glibc's mmap threshold, so freed ones are reused without page faults.
  static constexpr std::size_t kChunk = 256 * 1024;
  struct Chunk {
    std::unique_ptr<char[]> data;
    std::size_t size;
  };

  std::vector<Entry> entries_;
  StringIndex index_;                            // texts of 8 bytes and more
  FlatMap<std::uint64_t, std::uint32_t> small_;  // shorter texts, packed with their length
  std::vector<Chunk> chunks_;
  std::size_t used_chunks_ = 0;  // chunks_[0, used_chunks_) hold text
  char* cursor_ = nullptr;
  std::size_t left_ = 0;
  std::size_t chunk_bytes_ = 0;
};

/// Interns into a Model's StringPool through its own index (the pool's own index stays empty,
/// as after StringPool::freeze()). Texts passed with their LocalStrings hash.
class PoolInterner {
 public:
  explicit PoolInterner(StringPool& pool) : pool_(pool) {
    index_.insert(StringPool::kEmpty.id, hash_text(""));
  }
  /// The pool handle of `text` (hash `h` from hash_text).
  Str intern(std::string_view text, std::uint32_t h) {
    return Str{index_.intern(
        text, h, [this](std::uint32_t i) { return pool_.view(Str{i}); },
        [&] { return pool_.add(text).id; })};
  }
  /// A new pool handle for `text`, not looked up.
  Str add(std::string_view text) { return pool_.add(text); }
  /// Drops the index (after the last intern).
  void clear() { index_.clear(); }

 private:
  StringPool& pool_;
  StringIndex index_;
};

}  // namespace leda::model
