// leda/erlang.hpp — Erlang C: the probability that a contact waits, the service level, the
// average speed of answer and the occupancy of N agents (servers) offered A Erlangs of traffic,
// and the least N that meets a service-level target.
//
// The model is the M/M/N queue of every WFM textbook (Poisson arrivals, exponential handle
// times, nobody abandons). With A = arrivals x AHT / interval length (Erlangs):
//
//   P_wait = (A^N/N! * N/(N-A)) / (sum_{k<N} A^k/k! + A^N/N! * N/(N-A))
//   SL(T)  = 1 - P_wait * exp(-(N-A) * T / AHT)        share answered within T seconds
//   ASA    = P_wait * AHT / (N-A)                       mean wait, seconds
//
// computed without factorials or powers, through the Erlang B recurrence
// B(0) = 1, B(k) = A*B(k-1) / (k + A*B(k-1)) and C = N*B(N) / (N - A*(1 - B(N))), which never
// overflows (every B(k) is in (0, 1]) and stays accurate from A = 0.01 to A = 10,000 and beyond.
// The cost is O(N) per evaluation.
//
//   const double a = 100 * 180.0 / 1800;                    // 100 chats in 30 min, AHT 180 s
//   leda::ErlangC q = leda::erlang_c(a, 180, 14, 20);       // 10 Erlangs, 14 agents, T = 20 s
//   // q.p_wait ~ 0.174, q.service_level ~ 0.888, q.asa_s ~ 7.8, q.occupancy ~ 0.714
//   std::int64_t n = leda::required_servers(a, 180, 20, 0.8);   // 14
//
// Everything here is a pure function or a value type: any number of threads may use it.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace leda {

namespace erlang_detail {
inline void check_traffic(double a) {
  if (!(a >= 0) || !std::isfinite(a))
    throw std::invalid_argument("Erlang C: traffic must be a finite number >= 0 Erlangs, not " +
                                std::to_string(a));
}
inline void check_servers(std::int64_t n) {
  if (n < 0)
    throw std::invalid_argument("Erlang C: the number of servers must be >= 0, not " +
                                std::to_string(n));
}
inline void check_times(double aht_s, double threshold_s) {
  if (!(aht_s > 0) || !std::isfinite(aht_s))
    throw std::invalid_argument("Erlang C: the average handle time must be > 0 seconds, not " +
                                std::to_string(aht_s));
  if (!(threshold_s >= 0) || !std::isfinite(threshold_s))
    throw std::invalid_argument("Erlang C: the service-level threshold must be >= 0 seconds, not " +
                                std::to_string(threshold_s));
}
}  // namespace erlang_detail

/// The Erlang B blocking probability B(N) for servers N = 0, 1, 2, ..., carried forward one
/// server at a time so that a search over N costs one step per server.
///
/// Value type; not shared. Precondition: `traffic` finite and >= 0 (else std::invalid_argument).
class ErlangB {
 public:
  /// Starts at N = 0, where B = 1.
  explicit ErlangB(double traffic) : a_(traffic) { erlang_detail::check_traffic(traffic); }

  /// The traffic A, in Erlangs.
  double traffic() const { return a_; }
  /// The current number of servers N.
  std::int64_t servers() const { return n_; }
  /// B(N): the share of arrivals that would find all N servers busy if blocked contacts were
  /// lost. In (0, 1] for A > 0 (it may underflow to 0 when N is far above A); 0 for A = 0, N > 0.
  double value() const { return b_; }

  /// Moves to N + 1: B(N+1) = A*B(N) / (N+1 + A*B(N)).
  void next() {
    ++n_;
    const double ab = a_ * b_;
    b_ = ab / (static_cast<double>(n_) + ab);
  }
  /// Moves forward to `n` servers (nothing when `n` <= servers()).
  void advance_to(std::int64_t n) {
    while (n_ < n)
      next();
  }

 private:
  double a_;
  std::int64_t n_ = 0;
  double b_ = 1.0;
};

/// Erlang C figures of A Erlangs on N servers, for one handle time and one answer threshold.
struct ErlangC {
  /// N > A (the queue is stable). When false: p_wait = 1, service_level = 0, asa_s = +infinity
  /// (every contact waits and the wait grows without bound; print it as null), occupancy = 1.
  bool stable = true;
  /// Probability that a contact has to wait (Erlang C formula), in [0, 1].
  double p_wait = 0;
  /// Share of contacts answered within the threshold T: 1 - P_wait * exp(-(N-A) T / AHT).
  double service_level = 1;
  /// Average speed of answer, seconds, over all contacts: P_wait * AHT / (N - A).
  double asa_s = 0;
  /// Share of the servers' time spent handling: A / N (1 when unstable, 0 when A = 0).
  double occupancy = 0;
};

/// The Erlang C probability of waiting from B = erlang_b(A, N), for N > A:
/// C = N*B / (N - A*(1 - B)). Pure; no precondition checks (use erlang_c() for checked input).
inline double erlang_c_from_b(double a, std::int64_t n, double b) {
  const double nd = static_cast<double>(n);
  return nd * b / (nd - a * (1.0 - b));
}

/// Erlang C figures from B(N) already computed (for a caller stepping through N with ErlangB).
/// Same meaning and special cases as erlang_c().
inline ErlangC erlang_c_from(const ErlangB& b, double aht_s, double threshold_s) {
  erlang_detail::check_times(aht_s, threshold_s);
  const double a = b.traffic();
  const std::int64_t n = b.servers();
  ErlangC r;
  if (a == 0) return r;  // nobody arrives: nobody waits (for any N, N = 0 included)
  const double nd = static_cast<double>(n);
  if (!(nd > a)) {
    r.stable = false;
    r.p_wait = 1;
    r.service_level = 0;
    r.asa_s = std::numeric_limits<double>::infinity();
    r.occupancy = 1;
    return r;
  }
  const double c = erlang_c_from_b(a, n, b.value());
  r.p_wait = c;
  r.service_level = 1.0 - c * std::exp(-(nd - a) * threshold_s / aht_s);
  r.asa_s = c * aht_s / (nd - a);
  r.occupancy = a / nd;
  return r;
}

/// Erlang B blocking probability of A Erlangs on N servers (1 for N = 0). O(N).
/// Throws std::invalid_argument for A < 0, A not finite or N < 0.
inline double erlang_b(double a, std::int64_t n) {
  erlang_detail::check_servers(n);
  ErlangB b(a);
  b.advance_to(n);
  return b.value();
}

/// Erlang C figures of `a` Erlangs on `n` servers, contacts of mean handle time `aht_s` seconds,
/// service level measured at `threshold_s` seconds. Never NaN: N <= A gives the unstable
/// sentinel (see ErlangC::stable); A = 0 gives P_wait 0, SL 1, ASA 0, occupancy 0 for any N.
/// O(N). Throws std::invalid_argument for A < 0 or not finite, N < 0, aht_s <= 0 or
/// threshold_s < 0 (or either not finite).
inline ErlangC erlang_c(double a, double aht_s, std::int64_t n, double threshold_s) {
  erlang_detail::check_servers(n);
  ErlangB b(a);
  b.advance_to(n);
  return erlang_c_from(b, aht_s, threshold_s);
}

/// The least number of servers N > A whose service level at `threshold_s` is at least
/// `sl_target` (inclusive). 0 for A = 0: an interval without traffic needs nobody. For A > 0
/// the result is at least floor(A) + 1, even when `sl_target` is 0.
///
/// The search starts at floor(A) + 1 (B carried there by the recurrence in floor(A) + 1 steps)
/// and steps up one server at a time, so its cost is O(result): about 10,100 steps at A = 10,000.
/// SL grows with N, so the first N that meets the target is the least.
/// Throws std::invalid_argument for bad A, aht_s or threshold_s (as erlang_c()) and for a
/// `sl_target` outside [0, 1) (no finite N reaches SL = 1 when A > 0).
inline std::int64_t required_servers(double a, double aht_s, double threshold_s, double sl_target) {
  erlang_detail::check_traffic(a);
  erlang_detail::check_times(aht_s, threshold_s);
  if (!(sl_target >= 0 && sl_target < 1))
    throw std::invalid_argument("Erlang C: the service-level target must be in [0, 1), not " +
                                std::to_string(sl_target));
  if (a == 0) return 0;
  ErlangB b(a);
  b.advance_to(static_cast<std::int64_t>(std::floor(a)) + 1);
  while (erlang_c_from(b, aht_s, threshold_s).service_level < sl_target)
    b.next();
  return b.servers();
}

}  // namespace leda
