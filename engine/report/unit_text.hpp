// report/unit_text.hpp — values written for a person, by the unit of their column: durations
// in hours and minutes, ratios as percentages, money with two decimals and its currency, counts
// with thousands separators. The text and HTML reports, `leda run`'s tables and the charts all
// write values through here; CSV and JSON keep the raw values (value_text.hpp).
//
//   using leda::Unit;
//   leda::report::unit_number(485706.321, {Unit::kSeconds})      -> "134 h 55 min"
//   leda::report::unit_number(0.04757, {Unit::kRatio})           -> "4.8%"
//   leda::report::unit_number(6907.3, {Unit::kMoney, "USD"})     -> "$6,907.30"
//   leda::report::unit_number(5990, {Unit::kCount})              -> "5,990"
//   leda::report::cell_text(row[c], table.columns[c])            -> any cell, "-" for null
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "leda/plugin.hpp"

namespace leda::report {

/// What a number measures: a unit and, for money, its ISO 4217 currency code.
struct Measure {
  Unit unit = Unit::kNumber;
  std::string currency = {};
};

/// The measure of a column.
Measure measure_of(const Column& c);

/// `n` with a comma every three digits: "1,234,567".
std::string thousands(std::int64_t n);

/// A duration: "7.3 s" under a minute, "8 min 39 s" under an hour, "134 h 55 min" from an
/// hour up (rounded to the shown precision).
std::string duration_text(double seconds);

/// A ratio as a percentage: one decimal from 1% up ("83.8%", "100.0%"), two significant
/// digits below ("0.83%"), "0.0%" for 0.
std::string percent_text(double ratio);

/// Money with two decimals and separators, with the currency's symbol for USD, EUR and GBP
/// ("$6,907.30", "-€5.00"), else followed by its code ("1,200.00 CHF"); no currency: the number.
std::string money_text(double amount, std::string_view currency);

/// Any other quantity with about three significant digits: "1.01", "12.3", "1,235".
std::string quantity_text(double v);

/// `v` written for its measure ("-" when not finite). kId and kText print the number as is.
std::string unit_number(double v, const Measure& m);

/// A cell written for its column: text as is, a flag as "yes"/"no", numbers by unit, null "-".
std::string cell_text(const Value& v, const Column& c);

/// True when a column's cells are right-aligned: numbers and flags, but not ids, text or times.
bool right_aligned(const Column& c);

/// A column name for a person: underscores become spaces, the unit suffix `_s` of a duration
/// is dropped and known abbreviations are capitalised ("asa_s" -> "ASA", "skill_id" ->
/// "skill ID", "ci95_low" -> "CI95 low").
std::string readable_name(std::string_view column_name);

/// The unit a set of durations reads best in on an axis: 3600 (hours) when the largest is two
/// hours or more, 60 (minutes) from two minutes, else 1 (seconds).
double duration_scale(double largest_seconds);

/// `v` in the unit of an axis: durations in `scale` seconds ("135", "2.5"), ratios in percent
/// ("12.5"), money and counts with separators; with `suffix`, the unit is written too
/// ("135 h", "12.5%", "$1,200").
std::string axis_number(double v, const Measure& m, double scale, bool suffix);

/// The axis title of a measure: the name and its unit in parentheses ("logged in (hours)",
/// "abandon rate (%)", "revenue (USD)", "NPS (points)", "orders (count)"), or the name alone.
std::string axis_title(std::string_view name, const Measure& m, double scale);

}  // namespace leda::report
