// report/value_text.cpp — see value_text.hpp.
#include "report/value_text.hpp"

#include "util/csv_field.hpp"

#include <cmath>
#include <cstdint>

#include <fmt/format.h>

namespace leda::report {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not one.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  std::size_t n;
  std::uint32_t cp;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
      (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
    return 0;
  return n;
}

std::string trim_zeros(std::string s) {
  if (s.find('.') == std::string::npos) return s;
  while (s.back() == '0')
    s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

std::string exact_number(double v) {
  if (!std::isfinite(v)) return "null";
  std::string s = fmt::format("{}", v);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

std::string human_number(double v) {
  if (!std::isfinite(v)) return "-";
  if (v == 0) return "0";
  std::string s = std::fabs(v) >= 1 ? fmt::format("{:.3f}", v) : fmt::format("{:.4g}", v);
  if (s.find('e') != std::string::npos) return s;
  s = trim_zeros(std::move(s));
  return s == "-0" ? "0" : s;
}

std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else if (c >= 0x80) {
          const std::size_t n = utf8_sequence(s, i);
          if (n == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD
            ++i;
          } else {
            out.append(s.substr(i, n));
            i += n;
          }
          continue;
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  out += '"';
  return out;
}

std::string csv_field(std::string_view s) {
  return util::csv_field(s, true);
}

std::string json_value(const Value& v) {
  struct Visitor {
    std::string operator()(std::monostate) const { return "null"; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return exact_number(d); }
    std::string operator()(const std::string& s) const { return json_string(s); }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
  };
  return std::visit(Visitor{}, v);
}

std::string csv_value(const Value& v) {
  struct Visitor {
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return std::isfinite(d) ? exact_number(d) : ""; }
    std::string operator()(const std::string& s) const { return csv_field(s); }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
  };
  return std::visit(Visitor{}, v);
}

std::string human_value(const Value& v) {
  struct Visitor {
    std::string operator()(std::monostate) const { return "-"; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return human_number(d); }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
  };
  return std::visit(Visitor{}, v);
}

const char* unit_name(Unit u) {
  switch (u) {
    case Unit::kText:
      return "text";
    case Unit::kId:
      return "id";
    case Unit::kCount:
      return "count";
    case Unit::kSeconds:
      return "seconds";
    case Unit::kRatio:
      return "ratio";
    case Unit::kPoints:
      return "points";
    case Unit::kMoney:
      return "money";
    case Unit::kTimestamp:
      return "timestamp";
    case Unit::kDate:
      return "date";
    case Unit::kNumber:
      return "number";
    case Unit::kFlag:
      return "flag";
  }
  return "?";
}

const char* column_role_name(ColumnRole r) {
  switch (r) {
    case ColumnRole::kKey:
      return "key";
    case ColumnRole::kHeadline:
      return "headline";
    case ColumnRole::kMeasure:
      return "measure";
  }
  return "?";
}

const char* column_type_name(ColumnType t) {
  switch (t) {
    case ColumnType::kString:
      return "string";
    case ColumnType::kInt:
      return "int";
    case ColumnType::kNumber:
      return "number";
    case ColumnType::kBool:
      return "bool";
  }
  return "?";
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace leda::report
