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

bool right_aligned(ColumnType t) {
  return t == ColumnType::kInt || t == ColumnType::kNumber;
}

// Display width of UTF-8 text: code points (good enough for a terminal table).
std::size_t width(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string pad(const std::string& s, std::size_t w, bool right) {
  const std::size_t n = width(s);
  if (n >= w) return s;
  return right ? std::string(w - n, ' ') + s : s + std::string(w - n, ' ');
}

// Table cells must stay on one line.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

}  // namespace

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

std::string text_table(const Table& t, std::size_t max_rows, std::size_t max_width) {
  const std::size_t shown = max_rows == 0 ? t.rows.size() : std::min(max_rows, t.rows.size());
  std::vector<std::vector<std::string>> cells(shown);
  std::vector<std::size_t> widths;
  for (const auto& c : t.columns)
    widths.push_back(width(c.name));
  for (std::size_t r = 0; r < shown; ++r)
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      cells[r].push_back(one_line(human_value(t.rows[r][c])));
      widths[c] = std::max(widths[c], width(cells[r].back()));
    }

  // Blocks of columns that fit `max_width`, each repeating the key columns.
  std::vector<std::size_t> keys, rest;
  std::size_t key_width = 0;
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    if (is_key_column(t.columns[c].name)) {
      keys.push_back(c);
      key_width += widths[c] + 2;
    } else {
      rest.push_back(c);
    }
  }
  std::vector<std::vector<std::size_t>> blocks;
  std::size_t total = 0;
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    total += widths[c] + 2;
  if (max_width == 0 || total <= max_width + 2 || rest.empty()) {
    blocks.emplace_back();
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      blocks.back().push_back(c);
  } else {
    std::size_t used = max_width;  // forces a new block for the first column
    for (std::size_t c : rest) {
      if (used + widths[c] > max_width) {
        blocks.push_back(keys);
        used = key_width;
      }
      blocks.back().push_back(c);
      used += widths[c] + 2;
    }
  }

  std::string out;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (b) out += "\n";
    std::string head, rule;
    for (std::size_t i = 0; i < blocks[b].size(); ++i) {
      const std::size_t c = blocks[b][i];
      head += (i ? "  " : "") + pad(t.columns[c].name, widths[c], right_aligned(t.columns[c].type));
      rule += (i ? "  " : "") + std::string(widths[c], '-');
    }
    out += head + "\n" + rule + "\n";
    for (const auto& row : cells) {
      std::string line;
      for (std::size_t i = 0; i < blocks[b].size(); ++i) {
        const std::size_t c = blocks[b][i];
        line += (i ? "  " : "") + pad(row[c], widths[c], right_aligned(t.columns[c].type));
      }
      while (!line.empty() && line.back() == ' ')
        line.pop_back();
      out += line + "\n";
    }
  }
  if (t.rows.empty()) out += "(no rows)\n";
  if (shown < t.rows.size()) out += fmt::format("... and {} more rows\n", t.rows.size() - shown);
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
  if (!r.params.all().empty()) out += "parameters: " + params_text(r) + "\n";
  out += "\n";
  if (!r.ok()) return out + "FAILED: " + r.error + "\n";
  out += text_table(*r.table, max_rows, max_width);
  if (!r.table->notes.empty()) {
    out += "\nnotes:\n";
    for (const auto& n : r.table->notes)
      out += "  - " + n + "\n";
  }
  return out;
}

std::string result_text(const host::KpiResult& r, std::size_t max_rows, std::size_t max_width) {
  std::string out = r.kpi + " " + r.plugin_version;
  if (!r.summary.empty()) out += " - " + r.summary;
  return out + "\n" + result_body_text(r, max_rows, max_width);
}

}  // namespace leda::report
