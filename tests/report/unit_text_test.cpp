// Values written for a person by unit: what the text and HTML reports and the charts print.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "report/unit_text.hpp"

using leda::Unit;
using leda::report::Measure;
using leda::report::unit_number;

TEST_CASE("durations read as hours and minutes, minutes and seconds, or seconds", "[units]") {
  using leda::report::duration_text;
  // 485706.321 s = 134 h (482400 s) + 3306.321 s = 55.1 min: 134 h 55 min.
  CHECK(duration_text(485706.321) == "134 h 55 min");
  // 383520 s = 106 h (381600 s) + 1920 s = 32 min exactly.
  CHECK(duration_text(383520) == "106 h 32 min");
  // 518.784 s rounds to 519 s = 8 min 39 s.
  CHECK(duration_text(518.784) == "8 min 39 s");
  CHECK(duration_text(7.293) == "7.3 s");
  CHECK(duration_text(0) == "0 s");
  // 59.96 s rounds to 60.0 at one decimal: written as a minute, not "60.0 s".
  CHECK(duration_text(59.96) == "1 min 0 s");
  // 3599.6 s rounds to 3600 s: an hour.
  CHECK(duration_text(3599.6) == "1 h 0 min");
  // 3,600,000 h = 216,000,000 min: separators in the hours.
  CHECK(duration_text(3600.0 * 3600000) == "3,600,000 h 0 min");
  CHECK(duration_text(-90) == "-1 min 30 s");
  CHECK(duration_text(std::nan("")) == "-");
}

TEST_CASE("ratios read as percentages with sensible digits", "[units]") {
  using leda::report::percent_text;
  CHECK(percent_text(0.04757) == "4.8%");
  CHECK(percent_text(0.8384) == "83.8%");
  CHECK(percent_text(1.0) == "100.0%");
  CHECK(percent_text(0.0) == "0.0%");
  // Below 1%: two significant digits (0.008339 -> 0.8339% -> 0.83%).
  CHECK(percent_text(0.008339) == "0.83%");
  CHECK(percent_text(0.0000834) == "0.0083%");
  CHECK(percent_text(-0.25) == "-25.0%");
  CHECK(percent_text(12.5) == "1,250.0%");
}

TEST_CASE("money has two decimals, separators and its currency", "[units]") {
  using leda::report::money_text;
  CHECK(money_text(6907.3, "USD") == "$6,907.30");
  CHECK(money_text(130.326, "USD") == "$130.33");
  CHECK(money_text(-5, "EUR") ==
        "-\xE2\x82\xAC"
        "5.00");
  CHECK(money_text(1234567.891, "GBP") ==
        "\xC2\xA3"
        "1,234,567.89");
  CHECK(money_text(1200, "CHF") == "1,200.00 CHF");
  CHECK(money_text(6294.79, "") == "6,294.79");
  // -0.001 rounds to 0.00: no minus sign on a zero.
  CHECK(money_text(-0.001, "USD") == "$0.00");
}

TEST_CASE("counts and other quantities", "[units]") {
  using leda::report::quantity_text;
  using leda::report::thousands;
  CHECK(thousands(5990) == "5,990");
  CHECK(thousands(-1234567) == "-1,234,567");
  CHECK(thousands(999) == "999");
  CHECK(thousands(std::numeric_limits<std::int64_t>::min()) == "-9,223,372,036,854,775,808");
  CHECK(quantity_text(1.009) == "1.01");
  CHECK(quantity_text(12.346) == "12.35");
  CHECK(quantity_text(123.46) == "123.5");
  CHECK(quantity_text(1234.6) == "1,235");
  CHECK(quantity_text(0.045678) == "0.0457");
  CHECK(quantity_text(0) == "0");
  CHECK(unit_number(5990, {Unit::kCount}) == "5,990");
  CHECK(unit_number(2.5, {Unit::kCount}) == "2.50");
  CHECK(unit_number(-10.345, {Unit::kPoints}) == "-10.3");
  CHECK(unit_number(1, {Unit::kFlag}) == "yes");
  CHECK(unit_number(std::numeric_limits<double>::infinity(), {Unit::kRatio}) == "-");
}

TEST_CASE("cells are written by their column", "[units]") {
  using leda::report::cell_text;
  const leda::Column id{"skill_id", leda::ColumnType::kInt, Unit::kId};
  const leda::Column visits{"visits", leda::ColumnType::kInt, Unit::kCount};
  const leda::Column rate{"rate", leda::ColumnType::kNumber, Unit::kRatio};
  const leda::Column flag{"low_n", leda::ColumnType::kBool, Unit::kFlag};
  const leda::Column text{"segment", leda::ColumnType::kString, Unit::kText};
  CHECK(cell_text(std::int64_t{12345}, id) == "12345");  // ids never get separators
  CHECK(cell_text(std::int64_t{12345}, visits) == "12,345");
  CHECK(cell_text(0.1257, rate) == "12.6%");
  CHECK(cell_text(true, flag) == "yes");
  CHECK(cell_text(std::string("Gold"), text) == "Gold");
  CHECK(cell_text(std::monostate{}, rate) == "-");
}

TEST_CASE("column names and axis titles for a person", "[units]") {
  using leda::report::axis_number;
  using leda::report::axis_title;
  using leda::report::readable_name;
  CHECK(readable_name("asa_s") == "ASA");
  CHECK(readable_name("logged_in_s") == "logged in");
  CHECK(readable_name("skill_id") == "skill ID");
  CHECK(readable_name("conversion_rate_ci95_low") == "conversion rate CI95 low");
  CHECK(readable_name("s") == "s");
  CHECK(axis_title("logged in", {Unit::kSeconds}, 3600) == "logged in (hours)");
  CHECK(axis_title("abandon rate", {Unit::kRatio}, 1) == "abandon rate (%)");
  CHECK(axis_title("revenue", {Unit::kMoney, "USD"}, 1) == "revenue (USD)");
  CHECK(axis_title("concurrency", {Unit::kNumber}, 1) == "concurrency");
  // 360000 s on an hour axis is 100 h; 0.125 on a ratio axis is 12.5%.
  CHECK(axis_number(360000, {Unit::kSeconds}, 3600, true) == "100 h");
  CHECK(axis_number(0.125, {Unit::kRatio}, 1, true) == "12.5%");
  CHECK(axis_number(2000, {Unit::kMoney, "USD"}, 1, true) == "$2,000");
  CHECK(axis_number(2.5, {Unit::kNumber}, 1, false) == "2.5");
}
