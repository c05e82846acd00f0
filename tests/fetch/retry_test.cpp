// Retry decisions and delays.
#include <catch2/catch.hpp>

#include <curl/curl.h>

#include "fetch/retry.hpp"

using namespace leda::fetch;
using namespace std::chrono;

namespace {

HttpResult answer(long status, std::string body = "", std::string retry_after = "") {
  HttpResult r;
  r.status = status;
  r.body = std::move(body);
  r.retry_after = std::move(retry_after);
  return r;
}

}  // namespace

TEST_CASE("5xx, 429 and resets are retried, 401/403/404 and certificate errors are not",
          "[retry]") {
  CHECK(classify(answer(200)).done);
  for (long s : {500L, 502L, 503L, 504L, 429L, 408L}) {
    INFO(s);
    CHECK(classify(answer(s)).retryable);
  }
  for (long s : {400L, 401L, 403L, 404L}) {
    INFO(s);
    auto o = classify(answer(s));
    CHECK_FALSE(o.done);
    CHECK_FALSE(o.retryable);
    CHECK(o.stops_run == (s == 401));  // a refused key: every other request would be refused
  }
  HttpResult reset;
  reset.curl_code = CURLE_RECV_ERROR;
  reset.transport_error = "Connection reset by peer";
  CHECK(classify(reset).retryable);
  HttpResult cert;
  cert.curl_code = CURLE_PEER_FAILED_VERIFICATION;
  CHECK_FALSE(classify(cert).retryable);
  HttpResult refused;
  refused.refused = "plain http is allowed only to a loopback host";
  CHECK_FALSE(classify(refused).retryable);
  CHECK(classify(answer(429, "", "7")).retry_after == seconds(7));
  CHECK_FALSE(classify(answer(404, "", "7")).retry_after);
}

TEST_CASE("Retry-After: seconds or an HTTP date", "[retry]") {
  const auto now = system_clock::from_time_t(1445412480);  // Wed, 21 Oct 2015 07:28:00 GMT
  CHECK(parse_retry_after("120", now) == seconds(120));
  CHECK(parse_retry_after(" 0 ", now) == seconds(0));
  CHECK(parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now) == seconds(30));
  CHECK(parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now) == seconds(0));
  CHECK_FALSE(parse_retry_after("soon", now));
  CHECK_FALSE(parse_retry_after("-5", now));
}

TEST_CASE("back-off doubles with jitter, is capped, and never undercuts Retry-After", "[retry]") {
  RetryPolicy p;
  p.base = milliseconds(100);
  p.max_delay = milliseconds(1000);
  std::mt19937_64 rng(42);
  for (int i = 0; i < 50; ++i) {
    auto d1 = retry_delay(p, 1, std::nullopt, rng);
    CHECK(d1 >= milliseconds(50));
    CHECK(d1 <= milliseconds(100));
    auto d3 = retry_delay(p, 3, std::nullopt, rng);
    CHECK(d3 >= milliseconds(200));
    CHECK(d3 <= milliseconds(400));
    auto d20 = retry_delay(p, 20, std::nullopt, rng);
    CHECK(d20 <= milliseconds(1000));
    CHECK(d20 >= milliseconds(500));
  }
  CHECK(retry_delay(p, 1, seconds(5), rng) == milliseconds(5000));
  CHECK(retry_delay(p, 1, seconds(3600), rng) == milliseconds(3600000));  // never cut short
}

namespace {

AttemptOutcome success() {
  AttemptOutcome o;
  o.done = true;
  return o;
}

AttemptOutcome transient(std::optional<seconds> retry_after = std::nullopt) {
  AttemptOutcome o;
  o.retryable = true;
  o.error = "503 Service Unavailable";
  o.retry_after = retry_after;
  return o;
}

}  // namespace

TEST_CASE("with_retries stops on success, on a final error, or at the attempt limit", "[retry]") {
  RetryPolicy p;
  p.max_attempts = 4;
  p.base = milliseconds(1);
  int calls = 0;
  auto r = with_retries(p, [&](int n) {
    ++calls;
    AttemptOutcome o = transient();
    o.done = n == 3;
    return o;
  });
  CHECK(r.last.done);
  CHECK(r.end == RetryEnd::kDone);
  CHECK(r.attempts() == 3);
  calls = 0;
  r = with_retries(p, [&](int) {
    ++calls;
    AttemptOutcome o;
    o.error = "401";
    return o;
  });
  CHECK(calls == 1);
  CHECK(r.end == RetryEnd::kPermanent);
  r = with_retries(p, [&](int) { return transient(); });
  CHECK(r.attempts() == 4);
  CHECK(r.end == RetryEnd::kAttempts);
  CHECK(r.last.error == "503 Service Unavailable");
  CHECK_FALSE(r.worth_another_pass());  // the limit covers every pass

  // A later pass continues the count: 3 made before, so one more reaches the limit of 4.
  RetryCarry earlier;
  earlier.attempts = 3;
  std::vector<int> numbers;
  r = with_retries(
      p,
      [&](int n) {
        numbers.push_back(n);
        return transient();
      },
      earlier);
  CHECK(numbers == std::vector<int>{4});
  CHECK(r.end == RetryEnd::kAttempts);
}

TEST_CASE("with_retries keeps trying a transient failure until its time budget is spent",
          "[retry]") {
  RetryPolicy p;  // no attempt limit: only the budget ends it
  p.budget = milliseconds(300);
  p.base = milliseconds(1);
  p.max_delay = milliseconds(2);
  const auto start = steady_clock::now();
  auto r = with_retries(p, [&](int) { return transient(); });
  const auto elapsed = duration_cast<milliseconds>(steady_clock::now() - start);
  CHECK(r.end == RetryEnd::kBudget);
  CHECK(r.worth_another_pass());
  // It gives up only when the next wait (at most 2 ms) would end past 300 ms, so at least
  // 298 ms went by; with waits of 1-2 ms that is far more attempts than a fixed count of 6.
  CHECK(elapsed >= milliseconds(298));
  CHECK(elapsed < milliseconds(300 + 1000));  // and not much longer (a loaded machine's slack)
  CHECK(r.attempts() > 6);
  CHECK(within_budget(p, milliseconds(298), milliseconds(2)));
  CHECK_FALSE(within_budget(p, milliseconds(299), milliseconds(2)));
}

TEST_CASE("a Retry-After longer than the budget ends the pass, the next pass honours it",
          "[retry]") {
  RetryPolicy p;
  p.budget = seconds(1);
  p.base = milliseconds(1);
  int calls = 0;
  auto r = with_retries(p, [&](int) {
    ++calls;
    return transient(seconds(5));
  });
  CHECK(calls == 1);  // no retry before the server's 5 s, and 5 s is past the 1 s budget
  CHECK(r.end == RetryEnd::kBudget);
  CHECK_THAT(r.last.error, Catch::Contains("asked to wait 5 s"));
  CHECK(r.carry.not_before > steady_clock::now() + seconds(4));
  // A pass right away with the same budget cannot wait that long: it makes no attempt at all.
  auto again = with_retries(
      p,
      [&](int) {
        ++calls;
        return success();
      },
      r.carry);
  CHECK(calls == 1);
  CHECK(again.end == RetryEnd::kBudget);
  CHECK(again.attempts() == 1);

  // When what is left of the wait fits the budget, the pass waits it out before its attempt.
  RetryCarry soon;
  soon.attempts = 1;
  soon.not_before = steady_clock::now() + milliseconds(50);
  steady_clock::time_point attempted;
  auto later = with_retries(
      p,
      [&](int) {
        attempted = steady_clock::now();
        return success();
      },
      soon);
  CHECK(later.end == RetryEnd::kDone);
  CHECK(later.attempts() == 2);
  CHECK(attempted >= soon.not_before);
}

TEST_CASE("with_retries makes no attempt once cancelled", "[retry]") {
  std::atomic<bool> cancel{true};
  int calls = 0;
  auto r = with_retries(
      RetryPolicy{},
      [&](int) {
        ++calls;
        return transient();
      },
      {}, &cancel);
  CHECK(calls == 0);
  CHECK(r.end == RetryEnd::kCancelled);
}
