// fetch/retry.hpp — when and how long to wait before trying a request again.
//
//   leda::fetch::RetryPolicy policy;       // 10 minutes per request, 500 ms doubling to 30 s
//   RetryOutcome r = leda::fetch::with_retries(policy, [&](int attempt) {
//     HttpResult h = client.get(url, ...);
//     return leda::fetch::classify(h);    // done, retry (maybe after Retry-After), or stop
//   });
//
// Transient, retried: 5xx, 429 (honouring Retry-After), 408, timeouts, refused or reset
// connections and bodies cut short (and downloads that fail their check, see DataAccessApi).
// Permanent, not retried: other 4xx (401, 403, 404, ...), certificate and name errors. A request
// is tried again until it succeeds, fails for good, its time budget (RetryPolicy::budget, counted
// from its first attempt) would be overrun by the next wait, or an optional attempt limit is
// reached.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "fetch/http_session.hpp"

namespace leda::fetch {

struct RetryPolicy {
  std::chrono::milliseconds budget{600000};    ///< how long one request may be retried
  int max_attempts = 0;                        ///< tries per request, first included; 0: no limit
  std::chrono::milliseconds base{500};         ///< first back-off; doubles each retry
  std::chrono::milliseconds max_delay{30000};  ///< cap of the exponential back-off
};

/// What one attempt came to.
struct AttemptOutcome {
  bool done = false;       ///< success: stop
  bool retryable = false;  ///< failure that another attempt may fix
  bool stops_run = false;  ///< failure every other request would meet too (key refused, disk full)
  long http_status = 0;    ///< the HTTP status that made it a failure; 0 for any other cause
  std::string error;       ///< what went wrong (when !done)
  std::optional<std::chrono::seconds> retry_after;  ///< the server asked to wait this long
};

/// Why with_retries() returned.
enum class RetryEnd {
  kDone,       ///< the last attempt succeeded
  kPermanent,  ///< the last attempt failed for good
  kBudget,     ///< still failing when the next wait would overrun the time budget
  kAttempts,   ///< still failing after RetryPolicy::max_attempts attempts
  kCancelled,  ///< the cancel flag was raised
};

/// What one pass over a request leaves to a later pass over the same request.
struct RetryCarry {
  int attempts = 0;  ///< attempts made so far (they count against RetryPolicy::max_attempts)
  /// No attempt before this moment: the last answer's Retry-After (the epoch when none).
  std::chrono::steady_clock::time_point not_before{};
};

/// The last outcome, why the retries ended, and what a later pass continues from.
struct RetryOutcome {
  AttemptOutcome last;
  RetryEnd end = RetryEnd::kDone;
  RetryCarry carry;
  int attempts() const { return carry.attempts; }
  /// True when another pass later may still succeed (the budget ran out on a transient failure).
  bool worth_another_pass() const { return end == RetryEnd::kBudget; }
};

/// Classifies an HTTP result: done on 200, retryable per the rules above, else final.
AttemptOutcome classify(const HttpResult& result);

/// True when curl error `code` is worth another attempt (timeouts, resets, short bodies).
bool retryable_transport_error(int code);

/// Parses a Retry-After value: delta-seconds or an HTTP-date (relative to `now`).
std::optional<std::chrono::seconds> parse_retry_after(
    std::string_view value,
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

/// The wait before attempt `failed + 1`: min(max_delay, base * 2^(failed-1)), jittered to
/// between half and all of it, and never less than the Retry-After.
std::chrono::milliseconds retry_delay(const RetryPolicy& policy, int failed,
                                      std::optional<std::chrono::seconds> retry_after,
                                      std::mt19937_64& rng);

/// True when waiting `delay` before the next attempt still ends within the policy's budget,
/// `elapsed` being the time since the pass's first attempt began.
bool within_budget(const RetryPolicy& policy, std::chrono::milliseconds elapsed,
                   std::chrono::milliseconds delay);

/// Calls `attempt(n)` (n counting on from `earlier.attempts` + 1) until it is done, fails for
/// good, the budget or the attempt limit is spent, or `*cancel` (when given) is raised; sleeps
/// retry_delay() between attempts, and first until `earlier.not_before`, waking early on cancel.
/// The budget counts from the start of the call. A call makes at least one attempt unless the
/// attempt limit is already spent, `earlier.not_before` is further away than the whole budget,
/// or it is cancelled.
RetryOutcome with_retries(const RetryPolicy& policy,
                          const std::function<AttemptOutcome(int attempt)>& attempt,
                          const RetryCarry& earlier = {},
                          const std::atomic<bool>* cancel = nullptr);

}  // namespace leda::fetch
