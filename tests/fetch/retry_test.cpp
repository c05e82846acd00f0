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
  p.max_retry_after = seconds(60);
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
  CHECK(retry_delay(p, 1, seconds(3600), rng) == milliseconds(60000));
}

TEST_CASE("with_retries stops on success, on a final error, or when attempts run out", "[retry]") {
  RetryPolicy p;
  p.attempts = 4;
  p.base = milliseconds(0);
  int calls = 0;
  auto r = with_retries(p, [&](int n) {
    ++calls;
    AttemptOutcome o;
    o.done = n == 3;
    o.retryable = true;
    return o;
  });
  CHECK(r.last.done);
  CHECK(r.attempts == 3);
  calls = 0;
  r = with_retries(p, [&](int) {
    ++calls;
    AttemptOutcome o;
    o.error = "401";
    return o;
  });
  CHECK(calls == 1);
  r = with_retries(p, [&](int) {
    AttemptOutcome o;
    o.retryable = true;
    o.error = "503";
    return o;
  });
  CHECK(r.attempts == 4);
  CHECK(r.last.error == "503");
}
