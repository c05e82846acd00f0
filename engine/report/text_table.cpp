// report/text_table.cpp — the aligned text table and word wrapping of kpi_output.hpp.
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "leda/strings.hpp"
#include "report/key_order.hpp"
#include "report/kpi_output.hpp"
#include "report/unit_text.hpp"

namespace leda::report {
namespace {

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

// Width of a block of columns: their widths and two spaces between each.
std::size_t block_width(const std::vector<std::size_t>& block, const std::vector<std::size_t>& w) {
  std::size_t total = 0;
  for (std::size_t c : block)
    total += w[c];
  return total + (block.empty() ? 0 : 2 * (block.size() - 1));
}

// Blocks of columns that fit `max_width`, each starting with the key columns.
std::vector<std::vector<std::size_t>> blocks_of(const Table& t, const std::vector<std::size_t>& w,
                                                std::size_t max_width) {
  std::vector<std::size_t> all(t.columns.size()), keys, rest;
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    all[c] = c;
    (is_key(t.columns[c]) ? keys : rest).push_back(c);
  }
  if (max_width == 0 || block_width(all, w) <= max_width || rest.empty()) return {all};
  std::vector<std::vector<std::size_t>> blocks{keys};
  for (std::size_t c : rest) {
    if (blocks.back().size() > keys.size()) {
      auto wider = blocks.back();
      wider.push_back(c);
      if (block_width(wider, w) > max_width) blocks.push_back(keys);
    }
    blocks.back().push_back(c);
  }
  return blocks;
}

}  // namespace

std::string text_table(const Table& t, std::size_t max_rows, std::size_t max_width) {
  const std::size_t shown = max_rows == 0 ? t.rows.size() : std::min(max_rows, t.rows.size());
  std::vector<std::vector<std::string>> cells(shown);
  std::vector<std::size_t> widths;
  for (const auto& c : t.columns)
    widths.push_back(width(c.name));
  for (std::size_t r = 0; r < shown; ++r)
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      cells[r].push_back(one_line(cell_text(t.rows[r][c], t.columns[c])));
      widths[c] = std::max(widths[c], width(cells[r].back()));
    }

  std::string out;
  const auto blocks = blocks_of(t, widths, max_width);
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (b) out += "\n";
    std::string head, rule;
    for (std::size_t i = 0; i < blocks[b].size(); ++i) {
      const std::size_t c = blocks[b][i];
      head += (i ? "  " : "") + pad(t.columns[c].name, widths[c], right_aligned(t.columns[c]));
      rule += (i ? "  " : "") + std::string(widths[c], '-');
    }
    while (!head.empty() && head.back() == ' ')
      head.pop_back();
    out += head + "\n" + rule + "\n";
    for (const auto& row : cells) {
      std::string line;
      for (std::size_t i = 0; i < blocks[b].size(); ++i) {
        const std::size_t c = blocks[b][i];
        line += (i ? "  " : "") + pad(row[c], widths[c], right_aligned(t.columns[c]));
      }
      while (!line.empty() && line.back() == ' ')
        line.pop_back();
      out += line + "\n";
    }
  }
  if (t.rows.empty()) out += "(no rows)\n";
  if (shown < t.rows.size()) out += "... and " + plural(t.rows.size() - shown, "more row") + "\n";
  return out;
}

std::string wrap_text(const std::string& text, std::size_t max_width, std::size_t indent) {
  const std::string margin(indent, ' ');
  std::string out;
  std::size_t start = 0;
  bool first_line = true;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string paragraph = text.substr(start, end - start);
    std::string line = first_line ? "" : margin;
    bool line_has_word = false;
    std::size_t pos = 0;
    while (pos <= paragraph.size()) {
      std::size_t space = paragraph.find(' ', pos);
      if (space == std::string::npos) space = paragraph.size();
      const std::string word = paragraph.substr(pos, space - pos);
      const std::string candidate = line + (line_has_word ? " " : "") + word;
      if (max_width && line_has_word && width(candidate) > max_width) {
        out += line + "\n";
        line = margin + word;
      } else {
        line = candidate;
      }
      line_has_word = true;
      pos = space + 1;
    }
    out += line + "\n";
    first_line = false;
    start = end + 1;
  }
  return out;
}

}  // namespace leda::report
