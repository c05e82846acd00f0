#include <catch2/catch.hpp>
#include <string>

#include "support/gzip.hpp"
#include "util/gzip.hpp"

using leda::test::gzip;

TEST_CASE("gunzip decodes every member of a multi-member file") {
  std::string big(300000, 'x');
  for (std::size_t i = 0; i < big.size(); i += 7)
    big[i] = static_cast<char>('a' + i % 26);
  std::string gz = gzip("{\"a\":1}\n") + gzip(big) + gzip("");
  std::string out;
  auto r = leda::util::gunzip(gz, out);
  REQUIRE(r.ok);
  CHECK(out == "{\"a\":1}\n" + big);
  CHECK(leda::util::is_gzip(gz));
  CHECK_FALSE(leda::util::is_gzip("{\"a\":1}"));
}

TEST_CASE("gunzip reports a CRC error and keeps the members before it") {
  std::string first = gzip("first\n");
  std::string second = gzip("second member\n");
  second[second.size() - 6] ^= 0x55;  // inside the CRC32 of the trailer
  std::string out;
  auto r = leda::util::gunzip(first + second, out);
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("member 2") != std::string::npos);
  CHECK(r.error.find("bad CRC") != std::string::npos);
  CHECK(r.bad_offset == first.size());
  CHECK(out == "first\n");
}

TEST_CASE("gunzip reports a truncated file") {
  std::string gz = gzip(std::string(10000, 'y') + "tail");
  std::string out;
  auto r = leda::util::gunzip(gz.substr(0, gz.size() - 5), out);
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("truncated") != std::string::npos);
  auto r2 = leda::util::gunzip(gz.substr(0, gz.size() / 2), out);
  CHECK_FALSE(r2.ok);
}

TEST_CASE("gunzip rejects bytes that are not gzip") {
  std::string out;
  auto r = leda::util::gunzip("not gzip at all", out);
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("not a gzip header") != std::string::npos);
}
