// The output contract: JSON objects, CSV quoting and nulls, number text, the text table.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "report/kpi_output.hpp"
#include "report/value_text.hpp"

using leda::ColumnType;
using leda::host::KpiResult;

namespace {

KpiResult sample() {
  KpiResult r;
  r.kpi = "demo";
  r.plugin_version = "1.2.3";
  r.summary = "A demo";
  r.specs = {{"group_by", leda::ParamType::kList, "", "", {"agent", "day"}},
             {"sl", leda::ParamType::kInt, "30", "", {}},
             {"ratio", leda::ParamType::kNumber, "0.5", "", {}},
             {"strict", leda::ParamType::kBool, "false", "", {}},
             {"tz", leda::ParamType::kString, "UTC", "", {}}};
  r.params = leda::Params({{"group_by", "agent,day"},
                           {"sl", "30"},
                           {"ratio", "0.5"},
                           {"strict", "false"},
                           {"tz", "UTC"}});
  leda::Table t;
  t.columns = {{"agent", ColumnType::kString},
               {"chats", ColumnType::kInt, leda::Unit::kCount, "chats answered"},
               {"rate", ColumnType::kNumber, leda::Unit::kRatio, "", leda::ColumnRole::kHeadline},
               {"low_n", ColumnType::kBool, leda::Unit::kFlag}};
  t.rows.push_back({std::string("Ann, \"A\""), std::int64_t{3}, 0.1, true});
  t.rows.push_back({std::string(""), std::int64_t{-2}, std::monostate{}, false});
  t.rows.push_back({std::monostate{}, std::int64_t{0}, 2.0, std::monostate{}});
  t.notes = {"1 order excluded", "line\nbreak"};
  r.table = t;
  return r;
}

}  // namespace

TEST_CASE("numbers print exactly and read back", "[output]") {
  using leda::report::exact_number;
  CHECK(exact_number(0.1) == "0.1");
  CHECK(exact_number(2.0) == "2.0");
  CHECK(exact_number(-1.5) == "-1.5");
  CHECK(exact_number(1.0 / 3.0) == "0.3333333333333333");
  CHECK(exact_number(1e21) == "1e+21");
  CHECK(exact_number(std::nan("")) == "null");
  for (double v : {1.0 / 3.0, 123456.789, 5e-324, 0.1 + 0.2, 1e300})
    CHECK(std::strtod(exact_number(v).c_str(), nullptr) == v);
}

TEST_CASE("numbers print readably in tables", "[output]") {
  using leda::report::human_number;
  CHECK(human_number(0.833333333) == "0.8333");
  CHECK(human_number(12345.6789) == "12345.679");
  CHECK(human_number(2.0) == "2");
  CHECK(human_number(1.5) == "1.5");
  CHECK(human_number(0.0001234) == "0.0001234");
  CHECK(human_number(std::numeric_limits<double>::infinity()) == "-");
}

TEST_CASE("JSON strings are escaped and always valid UTF-8", "[output]") {
  using leda::report::json_string;
  CHECK(json_string("a\"b\\c") == R"("a\"b\\c")");
  CHECK(json_string("tab\tnl\n\x01") == R"("tab\tnl\n\u0001")");
  CHECK(json_string("caf\xC3\xA9") == "\"caf\xC3\xA9\"");            // é kept
  CHECK(json_string("bad\xFF") == "\"bad\xEF\xBF\xBD\"");            // invalid byte -> U+FFFD
  CHECK(json_string("\xE2\x82") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");  // truncated sequence
}

TEST_CASE("one KPI as JSON follows the contract", "[output]") {
  const std::string expected = R"({
  "kpi": "demo",
  "plugin_version": "1.2.3",
  "params": {"group_by": ["agent", "day"], "sl": 30, "ratio": 0.5, "strict": false, "tz": "UTC"},
  "columns": ["agent", "chats", "rate", "low_n"],
  "column_types": ["string", "int", "number", "bool"],
  "column_info": [
    {"name": "agent", "type": "string", "unit": "text", "role": "measure", "currency": null, "description": ""},
    {"name": "chats", "type": "int", "unit": "count", "role": "measure", "currency": null, "description": "chats answered"},
    {"name": "rate", "type": "number", "unit": "ratio", "role": "headline", "currency": null, "description": ""},
    {"name": "low_n", "type": "bool", "unit": "flag", "role": "measure", "currency": null, "description": ""}
  ],
  "rows": [
    {"agent": "Ann, \"A\"", "chats": 3, "rate": 0.1, "low_n": true},
    {"agent": "", "chats": -2, "rate": null, "low_n": false},
    {"agent": null, "chats": 0, "rate": 2.0, "low_n": null}
  ],
  "notes": [
    "1 order excluded",
    "line\nbreak"
  ]
})";
  CHECK(leda::report::result_json(sample()) == expected);
  const auto r = sample();
  CHECK(leda::report::results_json({&r}, false) == expected + "\n");
  CHECK(leda::report::results_json({&r}, true) == "[\n" + expected + "\n]\n");
}

TEST_CASE("several KPIs as JSON make one array", "[output]") {
  auto a = sample(), b = sample();
  b.kpi = "other";
  b.table->rows.clear();
  b.table->notes.clear();
  const std::string json = leda::report::results_json({&a, &b}, true);
  CHECK_THAT(json, Catch::StartsWith("[\n{\n  \"kpi\": \"demo\"") &&
                       Catch::Contains("},\n{\n  \"kpi\": \"other\"") &&
                       Catch::Contains("\"rows\": [],\n  \"notes\": []\n}") &&
                       Catch::EndsWith("}\n]\n"));
}

TEST_CASE("CSV: header, RFC 4180 quoting, nulls empty, empty strings quoted", "[output]") {
  CHECK(leda::report::result_csv(sample()) ==
        "agent,chats,rate,low_n\n"
        "\"Ann, \"\"A\"\"\",3,0.1,true\n"
        "\"\",-2,,false\n"
        ",0,2.0,\n");
}

TEST_CASE("the text table aligns columns, writes cells by unit and lists notes", "[output]") {
  const std::string text = leda::report::result_text(sample());
  CHECK(text ==
        "demo 1.2.3 - A demo\n"
        "parameters: group_by=agent,day, ratio=0.5, sl=30, strict=false, tz=UTC\n"
        "\n"
        "agent     chats    rate  low_n\n"
        "--------  -----  ------  -----\n"
        "Ann, \"A\"      3   10.0%  yes\n"
        "             -2       -  no\n"
        "-             0  200.0%  -\n"
        "\n"
        "notes:\n"
        "  - 1 order excluded\n"
        "  - line\n"
        "    break\n");
  auto big = sample();
  CHECK_THAT(leda::report::text_table(*big.table, 1), Catch::EndsWith("... and 2 more rows\n"));
}
