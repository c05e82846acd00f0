// Text tables a person reads: cells by unit, blocks that fit a width, wrapped lines, and one row
// order for every table of a report.
#include <catch2/catch.hpp>

#include <sstream>

#include "report/key_order.hpp"
#include "report/kpi_output.hpp"

using leda::Column;
using leda::ColumnRole;
using leda::ColumnType;
using leda::Unit;

namespace {

std::size_t widest_line(const std::string& text) {
  std::istringstream in(text);
  std::size_t widest = 0;
  for (std::string line; std::getline(in, line);)
    widest = std::max(widest, line.size());
  return widest;
}

leda::Table utilization() {
  leda::Table t;
  t.columns = {{"region", ColumnType::kString, Unit::kText, "region", ColumnRole::kKey},
               {"logged_in_s", ColumnType::kNumber, Unit::kSeconds, "", ColumnRole::kHeadline},
               {"occupancy", ColumnType::kNumber, Unit::kRatio},
               {"sessions", ColumnType::kInt, Unit::kCount},
               {"revenue", ColumnType::kNumber, Unit::kMoney, "", ColumnRole::kMeasure, "USD"}};
  t.rows = {{std::string("EMEA"), 485706.321, 0.0534, std::int64_t{1900}, 6907.3},
            {std::string("AMER"), 383520.0, 0.1357, std::int64_t{15}, std::monostate{}}};
  return t;
}

}  // namespace

TEST_CASE("text tables write cells by unit and align numbers right", "[text]") {
  CHECK(leda::report::text_table(utilization()) ==
        "region   logged_in_s  occupancy  sessions    revenue\n"
        "------  ------------  ---------  --------  ---------\n"
        "EMEA    134 h 55 min       5.3%     1,900  $6,907.30\n"
        "AMER    106 h 32 min      13.6%        15          -\n");
}

TEST_CASE("a wide table is split into blocks that fit, each repeating the keys", "[text]") {
  // Full width: 6 + 12 + 9 + 8 + 9 and 4 gaps of 2 = 52. At 40: region + logged_in_s +
  // occupancy + sessions is 6 + 12 + 9 + 8 + 6 = 41 > 40, so sessions starts the second block.
  const std::string text = leda::report::text_table(utilization(), 0, 40);
  CHECK(text ==
        "region   logged_in_s  occupancy\n"
        "------  ------------  ---------\n"
        "EMEA    134 h 55 min       5.3%\n"
        "AMER    106 h 32 min      13.6%\n"
        "\n"
        "region  sessions    revenue\n"
        "------  --------  ---------\n"
        "EMEA       1,900  $6,907.30\n"
        "AMER          15          -\n");
  CHECK(widest_line(text) <= 40);
  CHECK(widest_line(leda::report::text_table(utilization(), 0, 52)) == 52);  // fits: one block
  CHECK_THAT(leda::report::text_table(utilization(), 1), Catch::EndsWith("... and 1 more row\n"));
}

TEST_CASE("long lines wrap at spaces with an indent", "[text]") {
  using leda::report::wrap_text;
  CHECK(wrap_text("  - one two three four", 12, 4) == "  - one two\n    three\n    four\n");
  CHECK(wrap_text("short", 80, 2) == "short\n");
  CHECK(wrap_text("a verylongword b", 5, 0) == "a\nverylongword\nb\n");
  CHECK(wrap_text("line\nbreak", 0, 2) == "line\n  break\n");
}

TEST_CASE("rows are ordered by their keys: numbers, text, catch-alls, null", "[text]") {
  leda::Table t;
  t.columns = {{"segment", ColumnType::kString, Unit::kText, "", ColumnRole::kKey},
               {"skill_id", ColumnType::kInt, Unit::kId, "", ColumnRole::kKey},
               {"orders", ColumnType::kInt, Unit::kCount}};
  const auto row = [](leda::Value seg, leda::Value skill, std::int64_t n) {
    return std::vector<leda::Value>{std::move(seg), std::move(skill), leda::Value(n)};
  };
  t.rows = {row(std::string("UNMATCHED"), std::int64_t{1}, 1),
            row(std::string("silver"), std::int64_t{2}, 2),
            row(std::monostate{}, std::int64_t{1}, 3),
            row(std::string("Gold"), std::int64_t{12}, 4),
            row(std::string("Gold"), std::int64_t{3}, 5),
            row(std::string("Bronze"), std::monostate{}, 6),
            row(std::string("Bronze"), std::int64_t{7}, 7)};
  leda::report::order_by_keys(t);
  std::vector<std::int64_t> order;
  for (const auto& r : t.rows)
    order.push_back(std::get<std::int64_t>(r[2]));
  // Bronze (7 before the null skill), Gold (3 before 12), silver (case-insensitive), then the
  // catch-all UNMATCHED, then the null segment.
  CHECK(order == std::vector<std::int64_t>{7, 6, 5, 4, 2, 1, 3});

  // A plugin that sets no roles: the built-in key names still order its rows.
  leda::Table plain;
  plain.columns = {{"region", ColumnType::kString}, {"n", ColumnType::kInt}};
  plain.rows = {{std::string("UNMAPPED"), std::int64_t{1}}, {std::string("APAC"), std::int64_t{2}}};
  leda::report::order_by_keys(plain);
  CHECK(std::get<std::string>(plain.rows[0][0]) == "APAC");
}
