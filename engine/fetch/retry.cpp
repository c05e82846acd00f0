#include "fetch/retry.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <thread>

#include <fmt/format.h>

#include "fetch/api_format.hpp"

namespace leda::fetch {

bool retryable_transport_error(int code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_SSL_CONNECT_ERROR:  // handshake cut short; certificate problems have other codes
      return true;
    default:
      return false;
  }
}

AttemptOutcome classify(const HttpResult& r) {
  AttemptOutcome out;
  if (!r.refused.empty()) {
    out.error = r.refused;
    return out;
  }
  if (r.curl_code != 0) {
    out.error = r.transport_error;
    out.retryable = retryable_transport_error(r.curl_code);
    return out;
  }
  if (r.status == 200) {
    out.done = true;
    return out;
  }
  out.error = describe_http_error(r.status, r.body);
  out.http_status = r.status;
  out.retryable = r.status >= 500 || r.status == 429 || r.status == 408;
  out.stops_run = r.status == 401;  // the key is refused: so will every other request be
  if (out.retryable && !r.retry_after.empty()) out.retry_after = parse_retry_after(r.retry_after);
  return out;
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view v,
                                                      std::chrono::system_clock::time_point now) {
  while (!v.empty() && v.front() == ' ')
    v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ')
    v.remove_suffix(1);
  if (v.empty()) return std::nullopt;
  long long secs = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), secs);
  if (ec == std::errc() && end == v.data() + v.size())
    return secs < 0 ? std::nullopt : std::optional(std::chrono::seconds(secs));
  // HTTP-date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
  std::tm tm{};
  const std::string text(v);
  const char* parsed = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (!parsed || *parsed != '\0') return std::nullopt;
  const std::time_t when = timegm(&tm);
  const auto delta = std::chrono::system_clock::from_time_t(when) - now;
  return std::chrono::seconds(
      std::max<long long>(0, std::chrono::duration_cast<std::chrono::seconds>(delta).count()));
}

std::chrono::milliseconds retry_delay(const RetryPolicy& policy, int failed,
                                      std::optional<std::chrono::seconds> retry_after,
                                      std::mt19937_64& rng) {
  using std::chrono::milliseconds;
  const int shift = std::clamp(failed - 1, 0, 30);
  const long long base = policy.base.count();
  const long long cap = policy.max_delay.count();
  long long delay = base > 0 ? std::min(cap, base << std::min(shift, 20)) : 0;
  if (delay > 1) delay = delay / 2 + std::uniform_int_distribution<long long>(0, delay / 2)(rng);
  if (retry_after)
    delay =
        std::max<long long>(delay, std::chrono::duration_cast<milliseconds>(*retry_after).count());
  return milliseconds(delay);
}

bool within_budget(const RetryPolicy& policy, std::chrono::milliseconds elapsed,
                   std::chrono::milliseconds delay) {
  return elapsed + delay <= policy.budget;
}

namespace {

// Sleeps `delay`, waking early when `cancel` is raised.
void pause(std::chrono::milliseconds delay, const std::atomic<bool>* cancel) {
  using namespace std::chrono;
  const auto until = steady_clock::now() + delay;
  for (auto now = steady_clock::now(); now < until && !(cancel && *cancel);
       now = steady_clock::now())
    std::this_thread::sleep_for(std::min<steady_clock::duration>(until - now, milliseconds(50)));
}

}  // namespace

RetryOutcome with_retries(const RetryPolicy& policy,
                          const std::function<AttemptOutcome(int attempt)>& attempt,
                          const RetryCarry& earlier, const std::atomic<bool>* cancel) {
  using namespace std::chrono;
  thread_local std::mt19937_64 rng{std::random_device{}()};
  RetryOutcome out;
  out.carry = earlier;
  const auto start = steady_clock::now();
  auto since_start = [&] { return duration_cast<milliseconds>(steady_clock::now() - start); };
  auto limit_reached = [&] {
    return policy.max_attempts > 0 && out.carry.attempts >= policy.max_attempts;
  };
  // An earlier pass ended on a Retry-After: honour what is left of it.
  if (earlier.not_before > start) {
    const auto wait = duration_cast<milliseconds>(earlier.not_before - start) + milliseconds(1);
    if (!within_budget(policy, milliseconds(0), wait)) {
      out.end = RetryEnd::kBudget;
      return out;
    }
    pause(wait, cancel);
  }
  for (int failed = 0;; ++failed) {
    if (limit_reached()) {
      out.end = RetryEnd::kAttempts;
      return out;
    }
    if (cancel && *cancel) {
      out.end = RetryEnd::kCancelled;
      return out;
    }
    out.last = attempt(++out.carry.attempts);
    out.carry.not_before = {};
    if (out.last.retry_after) out.carry.not_before = steady_clock::now() + *out.last.retry_after;
    if (out.last.done || !out.last.retryable) {
      out.end = out.last.done ? RetryEnd::kDone : RetryEnd::kPermanent;
      return out;
    }
    if (limit_reached()) {
      out.end = RetryEnd::kAttempts;
      return out;
    }
    const milliseconds delay = retry_delay(policy, failed + 1, out.last.retry_after, rng);
    const milliseconds elapsed = since_start();
    if (!within_budget(policy, elapsed, delay)) {
      if (out.last.retry_after && elapsed + *out.last.retry_after > policy.budget)
        out.last.error += fmt::format(" (the server asked to wait {} s, past the retry budget)",
                                      out.last.retry_after->count());
      out.end = RetryEnd::kBudget;
      return out;
    }
    pause(delay, cancel);
  }
}

}  // namespace leda::fetch
