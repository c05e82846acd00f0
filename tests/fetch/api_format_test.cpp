// Reading the API's answers: the documented examples, the XML-to-JSON list shapes, error bodies.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>

#include "fetch/api_format.hpp"
#include "util/gzip.hpp"

using namespace leda::fetch;

namespace {

std::string example(const std::string& name) {
  std::string text;
  leda::util::read_file(std::string(LEDA_SPEC_EXAMPLES) + "/" + name, text);
  return text;
}

}  // namespace

TEST_CASE("the documented base resource gives one link per relation", "[api]") {
  BaseResource base = parse_base_resource(example("base-resource.json"));
  CHECK(base.account_id == "28045150");
  CHECK(base.links.size() == 6);
  CHECK(base.links.at("agentActivity") ==
        "https://va-a.da.liveperson.net/data_access_le/account/28045150/le/agentActivity");
  CHECK(base.links.count("schema") == 1);
  CHECK_THROWS_AS(parse_base_resource("{\"x\":1}"), ApiFormatError);
  CHECK_THROWS_AS(parse_base_resource("<html>"), ApiFormatError);
}

TEST_CASE("the documented agent-activity listing: names, verbatim hrefs, scopes in UTC", "[api]") {
  Listing l = parse_listing(example("listing-agentActivity.json"));
  REQUIRE(l.files.size() == 5);
  CHECK(l.problems.empty());
  CHECK(l.files[0].name == "Agent.1461387600000.1461391200000.part-00001-0");
  // 2016-04-23T01:00:00-04:00 is 05:00Z: the epoch ms in the name.
  CHECK(l.files[0].scope_start_ms == 1461387600000);
  CHECK(l.files[0].scope_end_ms == 1461391200000);
  // The fifth href has no ".gz": it is used as given.
  CHECK(l.files[4].href ==
        "https://va-a.da.liveperson.net/data_access_le/account/28045150/le/agentActivity/"
        "Agent.1461402000000.1461405600000.part-00000-0");
  for (const char* name :
       {"listing-webSession.json", "listing-engagement.json", "listing-survey.json"}) {
    Listing other = parse_listing(example(name));
    CHECK(other.files.size() >= 2);
    for (const auto& f : other.files)
      CHECK(f.scope_end_ms - f.scope_start_ms == 3600000);
  }
}

TEST_CASE("a listing's file may be one object, absent, or have unusable entries", "[api]") {
  Listing one =
      parse_listing(R"({"dataAccessFiles": {"@id": "1", "link": {"@href": "x", "@rel": "self"},
      "file": {"@name": "Survey.1467853200000.1467856800000.part-00000-0.gz",
               "@scopeStartDate": "2016-07-06T21:00:00-04:00",
               "@scopeEndDate": "2016-07-06T22:00:00-04:00",
               "@href": "https://h/survey/Survey.1467853200000.1467856800000.part-00000-0.gz"}}})");
  REQUIRE(one.files.size() == 1);
  CHECK(one.files[0].scope_start_ms == 1467853200000);

  Listing none = parse_listing(R"({"dataAccessFiles": {"@id": "1", "link": {"@href": "x"}}})");
  CHECK(none.files.empty());
  CHECK(none.problems.empty());

  Listing bad = parse_listing(R"({"dataAccessFiles": {"file": [
      {"@name": "Agent.1.2.part-00000-0"},
      {"@name": "Agent.3600000.7200000.part-00000-0", "@href": "https://h/a"}]}})");
  REQUIRE(bad.files.size() == 1);
  CHECK(bad.files[0].scope_start_ms == 3600000);  // from the name: no scope dates given
  REQUIRE(bad.problems.size() == 1);
  CHECK(bad.problems[0] == "file[0]: no @href");

  CHECK_THROWS_AS(parse_listing("{\"le\": {}}"), ApiFormatError);
}

TEST_CASE("error bodies become one line with the status and the server's words", "[api]") {
  const std::string xml =
      "<error>\n    <time>2018-01-25T01:19:15.196-05:00</time>\n    <message>Unauthorized "
      "request</message>\n    <internalCode>10</internalCode>\n</error>";
  CHECK(describe_http_error(401, xml) == "401 Unauthorized request (internalCode 10)");
  CHECK(describe_http_error(
            400,
            "<error><message>This request is not supported, verify request headers and "
            "method</message><internalCode>5</internalCode></error>") ==
        "400 This request is not supported, verify request headers and method (internalCode 5)");
  CHECK(describe_http_error(403,
                            R"({"error": {"message": "Forbidden & gone", "internalCode": 12}})") ==
        "403 Forbidden & gone (internalCode 12)");
  CHECK(describe_http_error(500, R"({"message": "boom", "code": "E1"})") ==
        "500 boom (internalCode E1)");
  CHECK(describe_http_error(503, "<html>\n<body>Service  down</body></html>") ==
        "503 Service Unavailable: <html> <body>Service down</body></html>");
  CHECK(describe_http_error(502, "") == "502 Bad Gateway");
  CHECK(describe_http_error(401, "<error><message>A &amp; B</message></error>") == "401 A & B");
}

TEST_CASE("'No Available Files' is recognised in any body", "[api]") {
  CHECK(says_no_available_files("<error><message>No Available Files</message></error>"));
  CHECK(says_no_available_files("No Available Files"));
  CHECK_FALSE(says_no_available_files("<error><message>Unauthorized request</message></error>"));
}

TEST_CASE("the parsers read a bare buffer of exactly its bytes, every prefix of one included",
          "[api]") {
  // A fuzz target hands the parsers (data, size) with no terminating NUL: each prefix of the
  // documented listing is copied into a heap block of exactly that size (ASan flags a read past
  // it), and must either parse or be refused with ApiFormatError, never anything else.
  const std::string listing = example("listing-agentActivity.json");
  std::size_t parsed = 0;
  for (std::size_t n = 0; n <= listing.size(); ++n) {
    auto block = std::make_unique<char[]>(n);
    std::copy(listing.begin(), listing.begin() + static_cast<std::ptrdiff_t>(n), block.get());
    const std::string_view bytes(block.get(), n);
    try {
      parsed += parse_listing(bytes).files.size() == 5 ? 1 : 0;
    } catch (const ApiFormatError&) {
    }
    try {
      parse_base_resource(bytes);
    } catch (const ApiFormatError&) {
    }
    says_no_available_files(bytes);
    describe_http_error(503, bytes);
  }
  // Only the prefixes that reach the closing brace hold all 5 files: the whole text, and the
  // whole text without each of its trailing white-space bytes (the file ends "}\n": 2).
  CHECK(parsed == listing.size() - listing.find_last_not_of(" \t\r\n"));
}
