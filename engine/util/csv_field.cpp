// util/csv_field.cpp — see csv_field.hpp.
#include "util/csv_field.hpp"

namespace leda::util {

std::string csv_field(std::string_view value, bool quote_empty) {
  if ((!quote_empty || !value.empty()) && value.find_first_of(",\"\r\n") == std::string_view::npos)
    return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace leda::util
