// leda/strings.hpp — interned strings of the session model.
//
// Every string in the model (ids, names, URLs, questions, transcript text) lives once in a
// StringPool and is referred to by a 4-byte `Str` handle. Repeated values (a URL seen in a
// million page views, a survey question, a skill name) are stored once; no model record owns
// heap memory of its own.
//
//   leda::StringPool pool;
//   leda::Str url = pool.intern("https://example.com/");
//   std::string_view s = pool.view(url);   // "https://example.com/"
//
// Thread-safety: reading (`view`, `size`) is safe from any number of threads once building is
// done; `intern`/`add` must not run concurrently with anything else on the same pool.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace leda {

namespace layout {
/// The layout description of an SDK type (leda/layout.hpp); a friend of types with private
/// members so that their layout takes part in the ABI fingerprint.
template <class T>
struct StructLayout;
}  // namespace layout

/// Removes leading and trailing whitespace (space, tab, CR, LF, FF, VT).
constexpr std::string_view trim(std::string_view s) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
  };
  while (!s.empty() && space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && space(s.back()))
    s.remove_suffix(1);
  return s;
}

/// Lower-cases ASCII letters (for case-insensitive comparisons of ids and survey questions).
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

/// "1 agent", "2 agents": a count with its noun in the right number. `plural` is the plural
/// form when it is not the noun plus "s" ("1 entry", "2 entries").
inline std::string plural(std::uint64_t n, std::string_view noun, std::string_view plural = {}) {
  std::string out = std::to_string(n) + " ";
  if (n == 1) return out.append(noun);
  if (!plural.empty()) return out.append(plural);
  return out.append(noun).append("s");
}

/// `one` when n is 1, else `many`: the verb that agrees with a count ("was"/"were").
constexpr std::string_view agree(std::uint64_t n, std::string_view one, std::string_view many) {
  return n == 1 ? one : many;
}

/// Handle of a string in a StringPool. `Str{}` (id 0) means "absent": the field was JSON null
/// or missing. The empty string is a present value with its own id (see StringPool::kEmpty).
struct Str {
  std::uint32_t id = 0;
  /// True when the value was present in the data (it may still be the empty string).
  constexpr bool present() const { return id != 0; }
  friend constexpr bool operator==(Str a, Str b) { return a.id == b.id; }
  friend constexpr bool operator!=(Str a, Str b) { return a.id != b.id; }
};

/// Append-only store of strings addressed by Str handles. Handles are dense (1..size-1), so a
/// plugin may keep per-string state in a vector indexed by `Str::id`.
class StringPool {
 public:
  /// The handle of the empty string "" in every pool.
  static constexpr Str kEmpty{1};

  StringPool() {
    views_.push_back({});         // id 0: absent
    views_.push_back(store(""));  // id 1: ""
    index_.emplace(views_[1], 1u);
  }
  StringPool(StringPool&&) noexcept = default;
  StringPool& operator=(StringPool&&) noexcept = default;
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;

  /// The text of `s`; empty for an absent handle. Valid as long as the pool lives.
  std::string_view view(Str s) const { return views_[s.id]; }

  /// Returns the handle of `text`, storing it on first use. Equal texts get equal handles.
  Str intern(std::string_view text) {
    auto it = index_.find(text);
    if (it != index_.end()) return Str{it->second};
    auto id = static_cast<std::uint32_t>(views_.size());
    views_.push_back(store(text));
    index_.emplace(views_.back(), id);
    return Str{id};
  }

  /// Stores `text` without looking for an equal one: for values that rarely repeat (transcript
  /// lines), where the lookup would cost more than it saves. Equal texts may get other handles.
  Str add(std::string_view text) {
    auto id = static_cast<std::uint32_t>(views_.size());
    views_.push_back(store(text));
    return Str{id};
  }

  /// Number of handles issued, including the absent (0) and empty (1) handles.
  std::size_t size() const { return views_.size(); }

  /// Bytes held: the text plus the bookkeeping of handles and the lookup index.
  std::size_t memory_bytes() const {
    return blocks_.size() * kBlockSize + big_bytes_ + views_.capacity() * sizeof(std::string_view) +
           index_.size() * (sizeof(std::string_view) + sizeof(std::uint32_t) + 2 * sizeof(void*)) +
           index_.bucket_count() * sizeof(void*);
  }

  /// Drops the lookup index (after building): `view` keeps working, `intern` becomes `add`-like
  /// for texts interned before. Saves memory on large models.
  void freeze() { index_ = {}; }

 private:
  template <class>
  friend struct layout::StructLayout;
  static constexpr std::size_t kBlockSize = 1 << 20;

  std::string_view store(std::string_view text) {
    if (text.size() > kBlockSize / 4) {  // large text: its own allocation
      big_.push_back(std::make_unique<char[]>(text.size() + 1));
      big_bytes_ += text.size() + 1;
      std::memcpy(big_.back().get(), text.data(), text.size());
      return {big_.back().get(), text.size()};
    }
    if (blocks_.empty() || used_ + text.size() > kBlockSize) {
      blocks_.push_back(std::make_unique<char[]>(kBlockSize));
      used_ = 0;
    }
    char* dst = blocks_.back().get() + used_;
    if (!text.empty()) std::memcpy(dst, text.data(), text.size());
    used_ += text.size();
    return {dst, text.size()};
  }

  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<std::unique_ptr<char[]>> big_;
  std::size_t used_ = 0;
  std::size_t big_bytes_ = 0;
  std::vector<std::string_view> views_;
  std::unordered_map<std::string_view, std::uint32_t> index_;
};

}  // namespace leda
