// AvroJson writes what an Avro JSON decoder (here RapidJSON's DOM) reads back exactly.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <limits>

#include "gen/avro_json.hpp"
#include "gen/gzip_encoder.hpp"

#include "account_reader.hpp"

TEST_CASE("AvroJson writes unions, nested records and escaped strings that parse back") {
  std::string out;
  leda::gen::AvroJson j(out);
  j.begin_object();
  j.key("big").long_value(std::numeric_limits<std::int64_t>::max());
  j.key("neg").int_value(-9);
  j.key("text").string_value("a \"quoted\" \\ line\nnext\ttab \x01 caf\xc3\xa9");
  j.key("none").null();
  j.key("flag").bool_value(false);
  j.key("rec").begin_named("AgentHeader");
  j.key("agentSessionId").string_value("75555851-1");
  j.end_named();
  j.key("kind").enum_value("ConversationType", "LIVE_CHAT");
  j.key("items").begin_union_array();
  j.bare_long(3);
  j.bare_long(4);
  j.end_union_array();
  j.key("bare").begin_array();
  j.bare_string("x");
  j.end_array();
  j.end_object();

  rapidjson::Document d;
  d.Parse(out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(d["big"]["long"].GetInt64() == std::numeric_limits<std::int64_t>::max());
  CHECK(d["neg"]["int"].GetInt() == -9);
  CHECK(std::string(d["text"]["string"].GetString()) ==
        "a \"quoted\" \\ line\nnext\ttab \x01 caf\xc3\xa9");
  CHECK(d["none"].IsNull());
  CHECK(d["flag"]["boolean"].GetBool() == false);
  CHECK(std::string(d["rec"]["com.liveperson.dataaccess.AgentHeader"]["agentSessionId"]["string"]
                        .GetString()) == "75555851-1");
  CHECK(std::string(d["kind"]["com.liveperson.dataaccess.ConversationType"].GetString()) ==
        "LIVE_CHAT");
  CHECK(d["items"]["array"].Size() == 2);
  CHECK(d["items"]["array"][1].GetInt() == 4);
  CHECK(std::string(d["bare"][0].GetString()) == "x");
}

TEST_CASE("AvroJson writes money and doubles the way Java prints doubles") {
  auto money = [](std::int64_t cents) {
    std::string out;
    leda::gen::AvroJson(out).money_value(cents);
    return out;
  };
  CHECK(money(4599) == "{\"double\":45.99}");
  CHECK(money(4590) == "{\"double\":45.9}");
  CHECK(money(4500) == "{\"double\":45.0}");
  CHECK(money(7) == "{\"double\":0.07}");
  CHECK(money(0) == "{\"double\":0.0}");
  CHECK(money(-307) == "{\"double\":-3.07}");
  std::string d;
  leda::gen::AvroJson(d).double_value(-1);
  CHECK(d == "{\"double\":-1}");  // an integral literal, as in the spec's survey example
}

TEST_CASE("gzip_compress output is standard gzip with a fixed header") {
  std::string text;
  for (int i = 0; i < 5000; ++i)
    text += "{\"line\":" + std::to_string(i) + "}\n";
  std::string a, b;
  leda::gen::gzip_compress(text, leda::gen::kGzipLevel, a);
  leda::gen::gzip_compress(text, leda::gen::kGzipLevel, b);
  CHECK(a == b);
  CHECK(a.substr(0, 10) == std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10));
  CHECK(gentest::gunzip_zlib(a, "gz") == text);
  CHECK(a.size() < text.size() / 4);
  std::string empty;
  leda::gen::gzip_compress("", leda::gen::kGzipLevel, empty);
  CHECK(gentest::gunzip_zlib(empty, "empty").empty());
}
