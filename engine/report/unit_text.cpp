// report/unit_text.cpp — see unit_text.hpp.
#include "report/unit_text.hpp"

#include <cmath>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "report/value_text.hpp"

namespace leda::report {
namespace {

// Fixed decimals with the integer part separated by commas: 12345.678, 2 -> "12,345.68".
std::string grouped_fixed(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", std::fabs(v), decimals);
  const std::size_t dot = s.find('.');
  const std::string whole = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot);
  std::string out;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i && (whole.size() - i) % 3 == 0) out += ',';
    out += whole[i];
  }
  out += frac;
  const bool zero = out.find_first_not_of("0.,") == std::string::npos;
  return (v < 0 && !zero ? "-" : "") + out;
}

std::string trim_zeros(std::string s) {
  if (s.find('.') == std::string::npos) return s;
  while (s.back() == '0')
    s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

// Decimals that show `sig` significant digits of a non-zero |v| < 1.
int small_decimals(double v, int sig) {
  const int lead = static_cast<int>(std::floor(std::log10(std::fabs(v))));
  return std::min(9, std::max(0, sig - 1 - lead));
}

// A tick value: nice numbers have few digits; integers get separators.
std::string tick_text(double x) {
  if (std::fabs(x) < 1e-12) return "0";
  if (std::fabs(x) >= 1000) return grouped_fixed(std::round(x), 0);
  return trim_zeros(grouped_fixed(x, std::fabs(x) >= 1 ? 2 : small_decimals(x, 3)));
}

const char* symbol_of(std::string_view currency) {
  if (currency == "USD") return "$";
  if (currency == "EUR") return "\xE2\x82\xAC";  // €
  if (currency == "GBP") return "\xC2\xA3";      // £
  return nullptr;
}

// `number` (unsigned text) with the currency's symbol or code, and the sign in front.
std::string with_currency(const std::string& number, bool negative, std::string_view currency) {
  const std::string sign = negative ? "-" : "";
  if (const char* symbol = symbol_of(currency)) return sign + symbol + number;
  if (currency.empty()) return sign + number;
  return sign + number + " " + std::string(currency);
}

}  // namespace

Measure measure_of(const Column& c) {
  return {c.unit, c.currency};
}

std::string thousands(std::int64_t n) {
  const bool negative = n < 0;
  std::string digits =
      negative ? std::to_string(-(n + 1) + 1ULL) : std::to_string(static_cast<std::uint64_t>(n));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (negative ? "-" : "") + out;
}

std::string duration_text(double seconds) {
  if (!std::isfinite(seconds)) return "-";
  const std::string sign = seconds < 0 ? "-" : "";
  const double a = std::fabs(seconds);
  if (std::round(a * 10) / 10 < 60) {
    const std::string s = fmt::format("{:.1f} s", a);
    return s == "0.0 s" ? "0 s" : sign + s;
  }
  const double whole = std::round(a);
  if (whole < 3600) {
    const auto s = static_cast<std::int64_t>(whole);
    return sign + fmt::format("{} min {} s", s / 60, s % 60);
  }
  const auto minutes = static_cast<std::int64_t>(std::round(a / 60));
  return sign + thousands(minutes / 60) + fmt::format(" h {} min", minutes % 60);
}

std::string percent_text(double ratio) {
  if (!std::isfinite(ratio)) return "-";
  const double p = ratio * 100;
  if (p == 0) return "0.0%";
  if (std::fabs(p) >= 1) return grouped_fixed(p, 1) + "%";
  return fmt::format("{:.{}f}%", p, small_decimals(p, 2));
}

std::string money_text(double amount, std::string_view currency) {
  if (!std::isfinite(amount)) return "-";
  const std::string number = grouped_fixed(std::fabs(amount), 2);
  const bool negative = amount < 0 && number != "0.00";
  return with_currency(number, negative, currency);
}

std::string quantity_text(double v) {
  if (!std::isfinite(v)) return "-";
  const double a = std::fabs(v);
  if (a == 0) return "0";
  if (a >= 1e15) return fmt::format("{:.3g}", v);
  if (a >= 1000) return grouped_fixed(v, 0);
  if (a >= 100) return grouped_fixed(v, 1);
  if (a >= 1) return grouped_fixed(v, 2);
  return grouped_fixed(v, small_decimals(v, 3));
}

std::string unit_number(double v, const Measure& m) {
  if (!std::isfinite(v)) return "-";
  switch (m.unit) {
    case Unit::kSeconds:
      return duration_text(v);
    case Unit::kRatio:
      return percent_text(v);
    case Unit::kPoints:
      return grouped_fixed(v, 1);
    case Unit::kMoney:
      return money_text(v, m.currency);
    case Unit::kCount:
      if (v == std::round(v) && std::fabs(v) < 9e15) return thousands(static_cast<std::int64_t>(v));
      return quantity_text(v);
    case Unit::kFlag:
      return v != 0 ? "yes" : "no";
    case Unit::kNumber:
      return quantity_text(v);
    case Unit::kText:
    case Unit::kId:
    case Unit::kTimestamp:
    case Unit::kDate:
      break;
  }
  return human_number(v);
}

std::string cell_text(const Value& v, const Column& c) {
  struct Visitor {
    const Column& c;
    std::string operator()(std::monostate) const { return "-"; }
    std::string operator()(std::int64_t i) const {
      switch (c.unit) {
        case Unit::kText:
        case Unit::kId:
        case Unit::kTimestamp:
        case Unit::kDate:
          return std::to_string(i);
        case Unit::kCount:
          return thousands(i);
        default:
          return unit_number(static_cast<double>(i), measure_of(c));
      }
    }
    std::string operator()(double d) const { return unit_number(d, measure_of(c)); }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(bool b) const { return b ? "yes" : "no"; }
  };
  return std::visit(Visitor{c}, v);
}

bool right_aligned(const Column& c) {
  return c.type == ColumnType::kInt || c.type == ColumnType::kNumber;
}

std::string readable_name(std::string_view column_name) {
  static const std::map<std::string, std::string, std::less<>> kWords = {
      {"asa", "ASA"}, {"aov", "AOV"}, {"csat", "CSAT"}, {"nps", "NPS"},   {"fcr", "FCR"},
      {"id", "ID"},   {"sd", "SD"},   {"sl", "SL"},     {"ci95", "CI95"}, {"tz", "TZ"},
      {"lp", "LP"},   {"wfm", "WFM"}, {"fte", "FTE"},   {"aht", "AHT"},   {"p25", "p25"},
      {"ivr", "IVR"}, {"kpi", "KPI"}, {"utc", "UTC"},
  };
  std::vector<std::string> words;
  std::string word;
  for (char ch : std::string(column_name) + "_") {
    if (ch != '_') {
      word += ch;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (words.size() > 1 && words.back() == "s") words.pop_back();
  std::string out;
  for (const auto& w : words) {
    const auto it = kWords.find(w);
    out += (out.empty() ? "" : " ") + (it != kWords.end() ? it->second : w);
  }
  return out;
}

double duration_scale(double largest_seconds) {
  const double a = std::fabs(largest_seconds);
  if (a >= 7200) return 3600;
  if (a >= 120) return 60;
  return 1;
}

std::string axis_number(double v, const Measure& m, double scale, bool suffix) {
  switch (m.unit) {
    case Unit::kSeconds: {
      const std::string n = tick_text(v / scale);
      if (!suffix) return n;
      return n + (scale == 3600 ? " h" : scale == 60 ? " min" : " s");
    }
    case Unit::kRatio:
      return tick_text(v * 100) + (suffix ? "%" : "");
    case Unit::kMoney: {
      if (!suffix) return tick_text(v);
      const std::string n = tick_text(std::fabs(v));
      return with_currency(n, v < 0 && n != "0", m.currency);
    }
    default:
      return tick_text(v);
  }
}

std::string axis_title(std::string_view name, const Measure& m, double scale) {
  std::string unit;
  switch (m.unit) {
    case Unit::kSeconds:
      unit = scale == 3600 ? "hours" : scale == 60 ? "minutes" : "seconds";
      break;
    case Unit::kRatio:
      unit = "%";
      break;
    case Unit::kPoints:
      unit = "points";
      break;
    case Unit::kMoney:
      unit = m.currency;
      break;
    case Unit::kCount:
      unit = "count";
      break;
    default:
      break;
  }
  return unit.empty() ? std::string(name) : std::string(name) + " (" + unit + ")";
}

}  // namespace leda::report
