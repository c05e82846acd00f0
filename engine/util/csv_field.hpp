// util/csv_field.hpp — one field of a CSV file we write (RFC 4180).
//
//   leda::util::csv_field("a,b")        // "\"a,b\""
//   leda::util::csv_field("say \"hi\"") // "\"say \"\"hi\"\"\""
//   leda::util::csv_field("", true)     // "\"\"": an empty string, told apart from a null
#pragma once

#include <string>
#include <string_view>

namespace leda::util {

/// `value` as a CSV field: quoted when it holds a comma, a quote, CR or LF (and, with
/// `quote_empty`, when it is empty), with quotes doubled; as is otherwise.
std::string csv_field(std::string_view value, bool quote_empty = false);

}  // namespace leda::util
