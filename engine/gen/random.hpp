// gen/random.hpp — the generator's deterministic random numbers.
//
//   leda::gen::Rng rng = leda::gen::Rng::stream(seed, leda::gen::Stream::kVisit, visit_index);
//   std::int64_t dwell = rng.between(3000, 600000);
//   if (rng.chance(0.1)) ...
//
// Every entity (a visit, an agent, a chat) draws from its own stream, derived from the run's
// seed, a stream tag and the entity's index. What one entity draws therefore never depends on
// how many numbers another drew, nor on which thread writes it: the same arguments give the
// same bytes. Only integer arithmetic and std::log are used, never std:: distributions, whose
// results differ between standard libraries.
#pragma once

#include <cmath>
#include <cstdint>
#include <span>

namespace leda::gen {

/// Tags that keep the streams of different entity kinds apart.
enum class Stream : std::uint64_t {
  kAgents = 1,
  kShift,
  kTraffic,
  kVisit,
  kVisitContent,
  kChat,
  kChatContent,
  kSurvey,
  kCustomers,
  kOrders,
  kIds,
  kSchedule,  ///< the WFM schedule: a stream of its own, so nothing else changes with it
  kProfile,   ///< the noise of --weekly-profile (appended: the other streams keep their ids)
};

/// xoshiro256** seeded through splitmix64. Not thread-safe; one per entity and thread.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& w : s_)
      w = splitmix(seed);
  }

  /// The stream of entity `index` of kind `tag` in a run seeded with `seed`.
  static Rng stream(std::uint64_t seed, Stream tag, std::uint64_t index) {
    std::uint64_t x = seed;
    std::uint64_t h = splitmix(x) ^ (static_cast<std::uint64_t>(tag) * 0x9E3779B97F4A7C15ull);
    h = splitmix(h) ^ (index * 0xD1B54A32D192ED03ull);
    return Rng(splitmix(h));
  }

  /// The next 64 random bits.
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  /// Uniform in [0, n); 0 when n is 0. (Lemire's multiply-shift; the tiny bias is irrelevant.)
  std::uint64_t below(std::uint64_t n) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
  }
  /// Uniform in [lo, hi] (inclusive); lo when hi < lo.
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    if (hi <= lo) return lo;
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  /// Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// True with probability p.
  bool chance(double p) { return unit() < p; }
  /// Exponentially distributed with the given mean, as an integer (milliseconds, say).
  std::int64_t exponential(double mean) {
    return static_cast<std::int64_t>(-std::log1p(-unit()) * mean);
  }
  /// An element of a non-empty span.
  template <class T>
  const T& pick(std::span<const T> items) {
    return items[below(items.size())];
  }
  /// An index drawn with the given non-negative integer weights (not all zero).
  std::size_t weighted(std::span<const int> weights) {
    std::uint64_t total = 0;
    for (int w : weights)
      total += static_cast<std::uint64_t>(w);
    std::uint64_t r = below(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (r < static_cast<std::uint64_t>(weights[i])) return i;
      r -= static_cast<std::uint64_t>(weights[i]);
    }
    return weights.size() - 1;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t splitmix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::uint64_t s_[4];
};

}  // namespace leda::gen
