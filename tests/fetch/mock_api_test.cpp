// The emulator, started in-process on 127.0.0.1 and spoken to by the real signed client.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <rapidjson/document.h>

#include <signal.h>

#include "fetch/api_format.hpp"
#include "fetch/signed_client.hpp"
#include "fetch_fixture.hpp"
#include "mockapi/mock_api.hpp"

using namespace leda;
using leda::test::TempDir;

namespace {

struct Emulator {
  TempDir dir;
  std::unique_ptr<mockapi::MockApi> api;
  std::string root;  // .../data_access_le/account/<id>/le

  explicit Emulator(mockapi::MockApiOptions o = {}) {
    o.data_dir = dir.path;
    o.account = test::kAccount;
    o.keys = test::test_keys();
    api = std::make_unique<mockapi::MockApi>(o);
    api->start();
    root = api->url() + "/data_access_le/account/" + test::kAccount + "/le";
  }
};

fetch::SignedClient client(const fetch::OAuthCredentials& keys = test::test_keys()) {
  return fetch::SignedClient(fetch::OAuthSigner(keys), fetch::TransportOptions{});
}

}  // namespace

TEST_CASE("mock-api: a signed request gets the base resource, a bad signature gets 401 XML",
          "[mockapi]") {
  Emulator e;
  auto good = client().get(e.root, "application/json");
  REQUIRE(good.status == 200);
  auto base = fetch::parse_base_resource(good.body);
  CHECK(base.account_id == test::kAccount);
  CHECK(base.links.at("survey") == e.root + "/survey");
  CHECK(base.links.size() == 6);

  auto bad = client(test::wrong_secret_keys()).get(e.root, "application/json");
  CHECK(bad.status == 401);
  CHECK(fetch::describe_http_error(bad.status, bad.body) ==
        "401 Unauthorized request (internalCode 10)");

  // No Authorization header at all.
  fetch::HttpSession plain{fetch::TransportOptions{}};
  CHECK(plain.get(e.root, {}).status == 401);
  CHECK(e.api->stats().unauthorized == 2);
}

TEST_CASE("mock-api: the signature covers the query, a tampered query is refused", "[mockapi]") {
  Emulator e;
  test::add_source_file(e.dir.path, "survey", test::kDay0);
  fetch::OAuthSigner signer(test::test_keys());
  const std::string url = e.root + "/survey?startTime=1714521600000&endTime=1714608000000";
  const std::string header = "Authorization: " + signer.authorization_header("GET", url);
  fetch::HttpSession session{fetch::TransportOptions{}};
  CHECK(session.get(url, {header}).status == 200);
  const std::string other = e.root + "/survey?startTime=1714521600000&endTime=1714694400000";
  CHECK(session.get(other, {header}).status == 401);
}

TEST_CASE("mock-api: one file is a bare object, none is 'No Available Files', two an array",
          "[mockapi]") {
  Emulator e;
  const std::string name =
      test::add_source_file(e.dir.path, "survey", test::kDay0 + 5 * test::kHourMs);
  test::add_source_file(e.dir.path, "survey", test::kDay0 + 30 * test::kHourMs);
  test::add_source_file(e.dir.path, "survey", test::kDay0 + 31 * test::kHourMs);
  test::write_file(e.dir / std::string(test::kAccount) + "/survey/.hidden", "x");
  auto c = client();
  auto list = [&](std::int64_t from, std::int64_t to) {
    return c.get(fmt::format("{}/survey?startTime={}&endTime={}", e.root, from, to),
                 "application/json");
  };
  auto one = list(test::kDay0, test::kDay0 + test::kDayMs);
  REQUIRE(one.status == 200);
  rapidjson::Document doc;
  doc.Parse(one.body.c_str());
  REQUIRE(doc["dataAccessFiles"]["file"].IsObject());
  CHECK(std::string(doc["dataAccessFiles"]["file"]["@name"].GetString()) == name);
  // 05:00Z on 2024-05-01 is 01:00 in New York (EDT).
  CHECK(std::string(doc["dataAccessFiles"]["file"]["@scopeStartDate"].GetString()) ==
        "2024-05-01T01:00:00-04:00");
  auto parsed = fetch::parse_listing(one.body);
  REQUIRE(parsed.files.size() == 1);
  CHECK(parsed.files[0].href == e.root + "/survey/" + name);
  CHECK(parsed.files[0].scope_start_ms == test::kDay0 + 5 * test::kHourMs);

  auto two = list(test::kDay0 + test::kDayMs, test::kDay0 + 2 * test::kDayMs);
  doc.Parse(two.body.c_str());
  CHECK(doc["dataAccessFiles"]["file"].IsArray());
  CHECK(doc["dataAccessFiles"]["file"].Size() == 2);

  auto none = list(test::kDay0 + 2 * test::kDayMs, test::kDay0 + 3 * test::kDayMs);
  CHECK(none.status != 200);
  CHECK(fetch::says_no_available_files(none.body));
}

TEST_CASE("mock-api: downloads are the file's bytes, the truncate knob cuts them", "[mockapi]") {
  Emulator e;
  const std::string name = test::add_source_file(e.dir.path, "engagement", test::kDay0, 300);
  const std::string bytes =
      test::read_file(e.dir / std::string(test::kAccount) + "/engagement/" + name);
  auto c = client();
  const std::string href = e.root + "/engagement/" + name;
  auto whole = c.get(href, "*/*");
  CHECK(whole.status == 200);
  CHECK(whole.body == bytes);
  CHECK(whole.content_length == bytes.size());

  e.api->set_rates(0, 0, 1.0);
  for (int i = 0; i < 6; ++i) {
    auto cut = c.get(href, "*/*");
    // Either the connection drops early or the body is complete per HTTP but half the file.
    const bool dropped = cut.curl_code != 0;
    const bool short_body = cut.curl_code == 0 && cut.body.size() < bytes.size();
    CHECK((dropped || short_body));
  }
  CHECK(e.api->stats().truncated == 6);
  CHECK(c.get(e.root + "/engagement/..%2Fx", "*/*").status == 404);
  CHECK(c.get(e.root + "/engagement/Missing.1.2.part-00000-0.gz", "*/*").status == 404);
}

TEST_CASE("mock-api: failure knobs answer 5xx, and 429 with Retry-After", "[mockapi]") {
  mockapi::MockApiOptions o;
  o.fail_rate = 1.0;
  Emulator e(o);
  auto c = client();
  auto failed = c.get(e.root, "application/json");
  CHECK(failed.status >= 500);
  e.api->set_rates(0, 1.0, 0);
  auto throttled = c.get(e.root, "application/json");
  CHECK(throttled.status == 429);
  CHECK(throttled.retry_after == "1");
  auto stats = e.api->stats();
  CHECK(stats.failed == 1);
  CHECK(stats.throttled == 1);
}

TEST_CASE("mock-api: hrefs can name another host, the client signs them for that host",
          "[mockapi]") {
  Emulator e;
  test::add_source_file(e.dir.path, "webSession", test::kDay0);
  const std::string port = e.api->url().substr(e.api->url().rfind(':') + 1);
  e.api->set_public_url("http://localhost:" + port);
  auto c = client();
  auto base = fetch::parse_base_resource(c.get(e.root, "application/json").body);
  const std::string href = base.links.at("webSession");
  CHECK(href.rfind("http://localhost:" + port + "/", 0) == 0);
  auto listing = c.get(
      fmt::format("{}?startTime={}&endTime={}", href, test::kDay0, test::kDay0 + test::kDayMs),
      "application/json");
  REQUIRE(listing.status == 200);
  auto files = fetch::parse_listing(listing.body).files;
  REQUIRE(files.size() == 1);
  CHECK(c.get(files[0].href, "*/*").status == 200);
  CHECK(e.api->stats().unauthorized == 0);
}
