// fetch/retry.hpp — when and how long to wait before trying a request again.
//
//   leda::fetch::RetryPolicy policy;                 // 6 attempts, 500 ms doubling, jitter
//   RetryOutcome r = leda::fetch::with_retries(policy, [&](int attempt) {
//     HttpResult h = client.get(url, ...);
//     return leda::fetch::classify(h);     // done, retry (maybe after Retry-After), or stop
//   });
//
// Retried: 5xx, 429 (honouring Retry-After), 408, timeouts, refused or reset connections and
// bodies cut short. Not retried: other 4xx (401, 403, 404, ...), certificate and name errors.
#pragma once

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
  int attempts = 6;                            ///< tries per request, the first included
  std::chrono::milliseconds base{500};         ///< first back-off; doubles each retry
  std::chrono::milliseconds max_delay{30000};  ///< cap of the exponential back-off
  std::chrono::seconds max_retry_after{300};   ///< cap of a server's Retry-After
};

/// What one attempt came to.
struct AttemptOutcome {
  bool done = false;                                ///< success: stop
  bool retryable = false;                           ///< failure that another attempt may fix
  std::string error;                                ///< what went wrong (when !done)
  std::optional<std::chrono::seconds> retry_after;  ///< the server asked to wait this long
};

/// The last outcome and the number of attempts made.
struct RetryOutcome {
  AttemptOutcome last;
  int attempts = 0;
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
/// between half and all of it, and never less than the (capped) Retry-After.
std::chrono::milliseconds retry_delay(const RetryPolicy& policy, int failed,
                                      std::optional<std::chrono::seconds> retry_after,
                                      std::mt19937_64& rng);

/// Calls `attempt(n)` (n from 1) until it is done, fails for good, or the policy's attempts are
/// used up, sleeping retry_delay() between attempts.
RetryOutcome with_retries(const RetryPolicy& policy,
                          const std::function<AttemptOutcome(int attempt)>& attempt);

}  // namespace leda::fetch
