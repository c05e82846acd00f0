// report/kpi_output.cpp — see kpi_output.hpp.
#include "report/kpi_output.hpp"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "report/value_text.hpp"

namespace leda::report {
namespace {

// A checked parameter value as JSON: numbers and booleans typed, a list as an array.
std::string param_json(const ParamSpec& spec, const std::string& value) {
  switch (spec.type) {
    case ParamType::kInt:
      return value;
    case ParamType::kNumber:
      return exact_number(std::strtod(value.c_str(), nullptr));
    case ParamType::kBool:
      return value == "true" ? "true" : "false";
    case ParamType::kList: {
      std::string out = "[";
      std::size_t start = 0;
      while (start < value.size()) {
        std::size_t end = value.find(',', start);
        if (end == std::string::npos) end = value.size();
        out += (out.size() > 1 ? ", " : "") + json_string(value.substr(start, end - start));
        start = end + 1;
      }
      return out + "]";
    }
    default:
      return json_string(value);
  }
}

}  // namespace

std::string column_json(const Column& c) {
  return fmt::format(
      "{{\"name\": {}, \"type\": \"{}\", \"unit\": \"{}\", \"role\": \"{}\", \"currency\": {}, "
      "\"description\": {}}}",
      json_string(c.name), column_type_name(c.type), unit_name(c.unit), column_role_name(c.role),
      c.currency.empty() ? "null" : json_string(c.currency), json_string(c.description));
}

std::string result_json(const host::KpiResult& r) {
  std::string out = "{\n";
  out += "  \"kpi\": " + json_string(r.kpi) + ",\n";
  out += "  \"plugin_version\": " + json_string(r.plugin_version) + ",\n";
  out += "  \"params\": {";
  bool first = true;
  for (const auto& spec : r.specs) {
    const auto& all = r.params.all();
    auto it = all.find(spec.name);
    if (it == all.end()) continue;
    out += (first ? "" : ", ") + json_string(spec.name) + ": " + param_json(spec, it->second);
    first = false;
  }
  out += "},\n";
  if (!r.ok()) {
    // A KPI that failed keeps its place in the output: what failed and the exit code it caused.
    out += "  \"error\": " + json_string(r.error) + ",\n";
    return out + "  \"exit\": 1\n}";
  }
  const Table& t = *r.table;
  std::string columns, types;
  for (const auto& c : t.columns) {
    columns += (columns.empty() ? "" : ", ") + json_string(c.name);
    types += (types.empty() ? "" : ", ") + json_string(column_type_name(c.type));
  }
  out += "  \"columns\": [" + columns + "],\n";
  out += "  \"column_types\": [" + types + "],\n";
  out += "  \"column_info\": [";
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    out += (c ? ",\n    " : "\n    ") + column_json(t.columns[c]);
  out += t.columns.empty() ? "],\n" : "\n  ],\n";
  out += "  \"rows\": [";
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    out += i ? ",\n    {" : "\n    {";
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      out += (c ? ", " : "") + json_string(t.columns[c].name) + ": " + json_value(t.rows[i][c]);
    out += "}";
  }
  out += t.rows.empty() ? "],\n" : "\n  ],\n";
  out += "  \"notes\": [";
  for (std::size_t i = 0; i < t.notes.size(); ++i)
    out += (i ? ",\n    " : "\n    ") + json_string(t.notes[i]);
  out += t.notes.empty() ? "]\n}" : "\n  ]\n}";
  return out;
}

std::string results_json(const std::vector<const host::KpiResult*>& results, bool array) {
  if (!array && results.size() == 1) return result_json(*results[0]) + "\n";
  std::string out = "[";
  for (std::size_t i = 0; i < results.size(); ++i)
    out += (i ? ",\n" : "\n") + result_json(*results[i]);
  return out + (results.empty() ? "]\n" : "\n]\n");
}

std::string result_csv(const host::KpiResult& r) {
  const Table& t = *r.table;
  std::string out;
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    out += (c ? "," : "") + csv_field(t.columns[c].name);
  out += "\n";
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < row.size(); ++c)
      out += (c ? "," : "") + csv_value(row[c]);
    out += "\n";
  }
  return out;
}

bool is_key_column(std::string_view name) {
  static constexpr std::string_view kKeys[] = {
      "region", "agent_login", "agent_id",       "group_id",    "segment", "skill_id",
      "survey", "day",         "interval_start", "survey_name", "skill",   "agent"};
  return std::find(std::begin(kKeys), std::end(kKeys), name) != std::end(kKeys);
}

std::string params_text(const host::KpiResult& r) {
  std::string out;
  for (const auto& [name, value] : r.params.all())
    out += (out.empty() ? "" : ", ") + name + "=" + value;
  return out;
}

std::string result_body_text(const host::KpiResult& r, std::size_t max_rows,
                             std::size_t max_width) {
  std::string out;
  if (!r.params.all().empty()) out += wrap_text("parameters: " + params_text(r), max_width, 2);
  out += "\n";
  if (!r.ok()) return out + wrap_text("FAILED: " + r.error, max_width, 2);
  out += text_table(*r.table, max_rows, max_width);
  if (!r.table->notes.empty()) {
    out += "\nnotes:\n";
    for (const auto& n : r.table->notes)
      out += wrap_text("  - " + n, max_width, 4);
  }
  return out;
}

std::string result_text(const host::KpiResult& r, std::size_t max_rows, std::size_t max_width) {
  std::string out = r.kpi + " " + r.plugin_version;
  if (!r.summary.empty()) out += " - " + r.summary;
  return wrap_text(out, max_width, 2) + result_body_text(r, max_rows, max_width);
}

}  // namespace leda::report
