// The in-situ pull reader on its own: strings, numbers, skipping, and where errors point.
#include <catch2/catch.hpp>
#include <string>

#include "load/json_cursor.hpp"

using leda::load::JsonCursor;
using leda::load::JsonError;

namespace {

// Text with the padding the cursor needs.
struct Text {
  explicit Text(std::string s) : size(s.size()), bytes(std::move(s)) {
    bytes.append(leda::load::JsonCursor::kPadding, '\0');
  }
  leda::load::JsonCursor cursor() {
    return leda::load::JsonCursor(bytes.data(), bytes.data() + size);
  }
  std::size_t size;
  std::string bytes;
};

std::string error_of(const std::string& json, void (*read)(leda::load::JsonCursor&)) {
  Text t(json);
  leda::load::JsonCursor c = t.cursor();
  try {
    read(c);
  } catch (const leda::load::JsonError& e) {
    return std::to_string(e.offset()) + ": " + e.reason();
  }
  return "no error";
}

}  // namespace

TEST_CASE("members, strings with escapes, integers and doubles") {
  Text t(R"({"a":"x\"y\\z\/\u00e9\ud83d\ude00","long string without escapes":-9223372036854775808,)"
         R"( "d" : 2.5e-3 , "t":true,"n":null})");
  leda::load::JsonCursor c = t.cursor();
  c.enter_object("test");
  bool first = true;
  std::string_view key;
  REQUIRE(c.next_member(first, key));
  CHECK(key == "a");
  CHECK(c.read_string("a") == "x\"y\\z/\xc3\xa9\xf0\x9f\x98\x80");
  REQUIRE(c.next_member(first, key));
  CHECK(key == "long string without escapes");
  CHECK(c.read_integer(key) == std::numeric_limits<std::int64_t>::min());
  REQUIRE(c.next_member(first, key));
  CHECK(key == "d");
  CHECK(c.read_double(key) == 2.5e-3);
  REQUIRE(c.next_member(first, key));
  CHECK(c.read_bool(key));
  REQUIRE(c.next_member(first, key));
  CHECK(c.try_null());
  CHECK_FALSE(c.next_member(first, key));
  CHECK_FALSE(c.next_record());
}

TEST_CASE("skip_value passes over nested values whose strings hold brackets and quotes") {
  Text t(R"({"skip":{"a":["}",{"b":"]\"{"}],"c":[[[]]],"d":"\\"},"next":7})");
  leda::load::JsonCursor c = t.cursor();
  c.enter_object("test");
  bool first = true;
  std::string_view key;
  REQUIRE(c.next_member(first, key));
  c.skip_value();
  REQUIRE(c.next_member(first, key));
  CHECK(key == "next");
  CHECK(c.read_integer(key) == 7);
  // Skipping leaves the text as it was (a deferred member is read again later).
  CHECK(t.bytes.substr(0, t.size).find(R"("]\"{")") != std::string::npos);
}

TEST_CASE("errors name the member and point at the offending byte") {
  CHECK(error_of(R"({"agentID": "nine"})", [](leda::load::JsonCursor& c) {
          c.enter_object("r");
          bool first = true;
          std::string_view key;
          c.next_member(first, key);
          c.read_integer(key);
        }) == "12: agentID: expected a number, found a string");
  CHECK(error_of(R"({"a":1 "b":2})", [](leda::load::JsonCursor& c) {
          c.enter_object("r");
          bool first = true;
          std::string_view key;
          c.next_member(first, key);
          c.read_integer(key);
          c.next_member(first, key);
        }) == "7: invalid JSON: expected ',' or '}' after a member");
  CHECK(error_of(R"({"a":99999999999999999999})", [](leda::load::JsonCursor& c) {
          c.enter_object("r");
          bool first = true;
          std::string_view key;
          c.next_member(first, key);
          c.read_integer(key);
        }) == "5: a: number out of range");
  CHECK(error_of("{\"a\":\"cut", [](leda::load::JsonCursor& c) { c.skip_value(); }) ==
        "9: unterminated string at the end of the input");
  CHECK(error_of("{\"a\":\"line\nbreak\"}", [](leda::load::JsonCursor& c) { c.skip_value(); }) ==
        "10: line break inside a string (the record is cut short)");
}

TEST_CASE("a line starting with '{' inside a record is the next record") {
  // A record cut short, then a complete one: the error is at the end of the broken line.
  const std::string broken = "{\"a\":{\"b\":1,\n";
  CHECK(error_of(broken + "{\"a\":2}\n", [](leda::load::JsonCursor& c) { c.skip_value(); }) ==
        std::to_string(broken.size() - 1) +
            ": record cut short: the next line starts a new record");
  // Pretty-printed records indent nested objects, so they are read whole.
  Text t("{\n  \"a\": {\n    \"b\": 1\n  }\n}\n{\"c\":2}\n");
  leda::load::JsonCursor c = t.cursor();
  c.skip_value();
  REQUIRE(c.next_record());
  c.skip_value();
  CHECK_FALSE(c.next_record());
}
