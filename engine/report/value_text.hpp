// report/value_text.hpp — how result values are written as text in each output format.
//
//   leda::report::exact_number(0.1)        -> "0.1"      (shortest text that reads back equal)
//   leda::report::human_number(0.8333333)  -> "0.8333"   (for tables a person reads)
//   leda::report::json_string("a\"b")      -> "\"a\\\"b\""
//   leda::report::csv_field("a,b")         -> "\"a,b\""
#pragma once

#include <string>
#include <string_view>

#include "leda/plugin.hpp"

namespace leda::report {

/// The shortest decimal text that parses back to exactly `v`, with ".0" added to integral
/// values so a number column reads as a number ("2.0"). Not finite: "null".
std::string exact_number(double v);

/// `v` rounded for reading: 3 decimals (trailing zeros dropped) from 1 up, 4 significant digits
/// below 1; "-" when not finite.
std::string human_number(double v);

/// `s` as a JSON string literal: quotes, backslashes and control characters escaped; bytes that
/// are not valid UTF-8 become U+FFFD so the output is always valid JSON.
std::string json_string(std::string_view s);

/// A CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF, or is empty (an
/// empty string is `""`, a null is an empty field), with quotes doubled.
std::string csv_field(std::string_view s);

/// A cell as JSON: null, a number, true/false or a string.
std::string json_value(const Value& v);
/// A cell as a CSV field: empty for null (and a non-finite number).
std::string csv_value(const Value& v);
/// A cell for a person: "-" for null.
std::string human_value(const Value& v);

/// "string", "int", "number" or "bool".
const char* column_type_name(ColumnType t);

/// "text", "id", "count", "seconds", "ratio", "points", "money", "timestamp", "date", "number"
/// or "flag".
const char* unit_name(Unit u);

/// "key", "headline" or "measure".
const char* column_role_name(ColumnRole r);

/// `s` escaped for HTML text and attribute values.
std::string html_escape(std::string_view s);

}  // namespace leda::report
