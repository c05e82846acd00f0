// The join CSV reader (host/csv_reader.hpp): fields as written, quoted ones unescaped, and each
// malformed row named with the file, the line and the column.
#include <catch2/catch.hpp>

#include "host/csv_reader.hpp"

using leda::JoinError;
using leda::host::parse_csv;

TEST_CASE("join CSV: plain and quoted fields, CRLF, blank lines, a BOM", "[host][csv]") {
  const auto t = parse_csv("costs",
                           "\xEF\xBB\xBF"
                           "region, rate\r\nEMEA,12.5\r\n\r\n\"AMER, north\",\"say \"\"hi\"\"\"\n"
                           "APAC,\n",
                           "costs.csv");
  REQUIRE(t.columns() == std::vector<std::string>{"region", "rate"});  // header trimmed
  REQUIRE(t.rows() == 3);
  CHECK(t.cell(0, 0) == "EMEA");
  CHECK(t.cell(0, 1) == "12.5");
  CHECK(t.cell(1, 0) == "AMER, north");
  CHECK(t.cell(1, 1) == "say \"hi\"");
  CHECK(t.cell(2, 1) == "");
  CHECK(t.line(0) == 2);
  CHECK(t.line(1) == 4);  // after the blank line
  CHECK(t.line(2) == 5);
}

TEST_CASE("join CSV: a malformed row is named by file, line and column", "[host][csv]") {
  CHECK_THROWS_WITH(parse_csv("x", "a,b\n1,2\n3,x\"y\n", "x.csv"),
                    "x.csv:3: column 2: quote inside an unquoted field");
  CHECK_THROWS_WITH(parse_csv("x", "a,b\n\"1\"2,3\n", "x.csv"),
                    "x.csv:2: column 1: text after a closing quote");
  CHECK_THROWS_WITH(parse_csv("x", "a,b\n1,\"2\n", "x.csv"), "x.csv:2: unterminated quoted field");
  CHECK_THROWS_WITH(parse_csv("x", "a,b\n1,2,3\n", "x.csv"), "x.csv:2: 3 fields, the header has 2");
  CHECK_THROWS_AS(parse_csv("x", "", "x.csv"), JoinError);
}
