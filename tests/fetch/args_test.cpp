// URLs and the transport policy, time arguments, ISO-8601, the emulator's US Eastern offsets.
#include <catch2/catch.hpp>

#include "fetch/time_args.hpp"
#include "fetch/url.hpp"
#include "mockapi/source_files.hpp"
#include "store/layout.hpp"
#include "util/civil_time.hpp"

using namespace leda;

TEST_CASE("URLs split into their parts, only http(s) absolute URLs parse", "[url]") {
  auto u = fetch::parse_url("HTTPS://VA.da.liveperson.net:8443/data_access_le?x=1#frag");
  REQUIRE(u);
  CHECK(u->scheme == "https");
  CHECK(u->host == "va.da.liveperson.net");
  CHECK(u->port == "8443");
  CHECK(u->path == "/data_access_le");
  CHECK(u->query == "x=1");
  CHECK(fetch::parse_url("http://[::1]:80/x")->host == "[::1]");
  CHECK(fetch::parse_url("https://h")->path == "/");
  CHECK_FALSE(fetch::parse_url("ftp://h/x"));
  CHECK_FALSE(fetch::parse_url("/relative"));
  CHECK_FALSE(fetch::parse_url("https://user:pw@h/"));
  CHECK_FALSE(fetch::parse_url("https://h:99999/"));
  CHECK_FALSE(fetch::parse_url("https://:80/"));
}

TEST_CASE("URLs are read as curl will send them", "[url]") {
  // Dot segments are removed and a short numeric IPv4 host is the address curl connects to.
  auto u = fetch::parse_url("http://127.1:8080/a/./b/../c?x=%20y");
  REQUIRE(u);
  CHECK(u->host == "127.0.0.1");
  CHECK(u->path == "/a/c");
  CHECK(u->query == "x=%20y");  // escapes kept: the OAuth base string decodes them itself
  CHECK(fetch::transport_refusal(*u).empty());
  CHECK(fetch::to_string(*u) == "http://127.0.0.1:8080/a/c?x=%20y");
  CHECK(fetch::to_string(*fetch::parse_url("https://h:8443/x?y=1")) == "https://h:8443/x?y=1");
  CHECK_FALSE(fetch::parse_url("https://h:0/"));
  CHECK_FALSE(fetch::parse_url("https:/h/x"));
  CHECK_FALSE(fetch::parse_url("https://h/a b"));
  CHECK(fetch::transport_refusal(*fetch::parse_url("http://[0:0:0:0:0:0:0:1]:8/")).empty());
  CHECK(fetch::append_query("not a url", "startTime=1") == "not a url");
}

TEST_CASE("plain http is allowed only to loopback hosts", "[url]") {
  for (const char* ok : {"https://example.com/", "http://127.0.0.1:8080/", "http://127.9.9.9/",
                         "http://localhost/", "http://[::1]:1/"})
    CHECK(fetch::transport_refusal(*fetch::parse_url(ok)).empty());
  for (const char* bad : {"http://example.com/", "http://128.0.0.1/", "http://127.0.0.1.evil.com/",
                          "http://10.0.0.1/", "http://localhost.evil.com/"})
    CHECK_FALSE(fetch::transport_refusal(*fetch::parse_url(bad)).empty());
}

TEST_CASE("redirect targets and queries", "[url]") {
  auto base = *fetch::parse_url("https://a.example:444/x/y?q=1");
  CHECK(fetch::to_string(*fetch::resolve_location(base, "/z?k=v")) ==
        "https://a.example:444/z?k=v");
  CHECK(fetch::to_string(*fetch::resolve_location(base, "https://b.example/w")) ==
        "https://b.example/w");
  CHECK_FALSE(fetch::resolve_location(base, "//evil.example/"));
  CHECK_FALSE(fetch::resolve_location(base, "relative"));
  CHECK(fetch::append_query("https://h/le", "startTime=1") == "https://h/le?startTime=1");
  CHECK(fetch::append_query("https://h/le?a=b", "startTime=1") == "https://h/le?a=b&startTime=1");
}

TEST_CASE("time arguments: --from/--to take epoch ms or ISO-8601, --window a span", "[time]") {
  CHECK(fetch::parse_instant("1714521600000") == 1714521600000);
  CHECK(fetch::parse_instant("2024-05-01") == 1714521600000);
  CHECK(fetch::parse_instant("2024-05-01T00:00:00Z") == 1714521600000);
  CHECK(fetch::parse_instant("2024-05-01T02:00:00+02:00") == 1714521600000);
  CHECK(fetch::parse_instant("2024-04-30T20:00-04:00") == 1714521600000);
  CHECK(fetch::parse_instant("2024-05-01T00:00:00.250Z") == 1714521600250);
  std::string error;
  CHECK_FALSE(fetch::parse_instant("1714521600", &error));  // seconds, not ms
  CHECK(error.find("seconds") != std::string::npos);
  CHECK_FALSE(fetch::parse_instant("yesterday", &error));
  CHECK(error.find("ISO-8601") != std::string::npos);
  CHECK_FALSE(fetch::parse_instant("2024-02-30"));
  CHECK(fetch::parse_span("1d") == 86400000);
  CHECK(fetch::parse_span("6h") == 21600000);
  CHECK(fetch::parse_span("30m") == 1800000);
  CHECK(fetch::parse_span("90s") == 90000);
  CHECK(fetch::parse_span("500ms") == 500);  // back-off options take milliseconds too
  CHECK(fetch::parse_span("10m") == 600000);
  CHECK_FALSE(fetch::parse_span("ms"));
  CHECK_FALSE(fetch::parse_span("0ms"));
  CHECK_FALSE(fetch::parse_span("0d"));
  CHECK_FALSE(fetch::parse_span("d"));
  CHECK_FALSE(fetch::parse_span("1w"));
}

TEST_CASE("ISO-8601 formatting round-trips, with offsets", "[time]") {
  CHECK(util::format_iso8601(1461387600000, -240) == "2016-04-23T01:00:00-04:00");
  CHECK(util::format_iso8601(1461387600000) == "2016-04-23T05:00:00Z");
  CHECK(util::format_iso8601(1714521600123, 0, true) == "2024-05-01T00:00:00.123Z");
  CHECK(util::format_iso8601(0) == "1970-01-01T00:00:00Z");
  for (std::int64_t ms : {0LL, 951782400000LL, 1461387600000LL, 4102444800000LL})
    CHECK(util::parse_iso8601(util::format_iso8601(ms, 330)) == ms);
}

TEST_CASE("the emulator renders scope dates in US Eastern time like the live service", "[time]") {
  // Documented examples: April and July on -04:00; January (UK host, 2018) on -05:00.
  CHECK(mockapi::us_eastern_offset_minutes(1461387600000) == -240);  // 2016-04-23
  CHECK(mockapi::us_eastern_offset_minutes(1467853200000) == -240);  // 2016-07-07
  CHECK(mockapi::us_eastern_offset_minutes(1516861155000) == -300);  // 2018-01-25
  // 2024: DST from 2024-03-10T07:00Z to 2024-11-03T06:00Z.
  CHECK(mockapi::us_eastern_offset_minutes(1710054000000 - 1) == -300);
  CHECK(mockapi::us_eastern_offset_minutes(1710054000000) == -240);
  CHECK(mockapi::us_eastern_offset_minutes(1730613600000 - 1) == -240);
  CHECK(mockapi::us_eastern_offset_minutes(1730613600000) == -300);
  // 2006 (old rules): first Sunday of April (2nd) to last Sunday of October (29th).
  CHECK(mockapi::us_eastern_offset_minutes(1143961200000) == -240);  // 2006-04-02T07:00Z
  CHECK(mockapi::us_eastern_offset_minutes(1143961200000 - 1) == -300);
}

TEST_CASE("store names: types, accounts, safe names, keys, scopes", "[layout]") {
  CHECK(store::is_data_type("webSession"));
  CHECK_FALSE(store::is_data_type("AgentActivity"));
  CHECK(store::is_account_id("75555851"));
  CHECK_FALSE(store::is_account_id("../x"));
  CHECK_FALSE(store::is_account_id(""));
  CHECK(store::is_safe_file_name("Agent.1.2.part-00000-0.gz"));
  for (const char* bad : {"", ".", "..", ".hidden", "a/b", "a\\b", "a\nb"})
    CHECK_FALSE(store::is_safe_file_name(bad));
  CHECK(store::file_key("Survey.1.2.part-00000-0.gz") == "Survey.1.2.part-00000-0");
  CHECK(store::file_key("Agent.1.2.part-00001-0") == "Agent.1.2.part-00001-0");
  auto scope = store::scope_from_name("WebSession.1464778800000.1464782400000.part-00000-0.gz");
  REQUIRE(scope);
  CHECK(scope->start_ms == 1464778800000);
  CHECK(scope->end_ms == 1464782400000);
  CHECK_FALSE(store::scope_from_name("notes.txt"));
  CHECK_FALSE(store::scope_from_name("Agent.x.2.part-0"));
}
