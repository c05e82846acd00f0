// host/csv_reader.cpp — see csv_reader.hpp.
#include "host/csv_reader.hpp"

#include <fstream>
#include <sstream>
#include <vector>

namespace leda::host {
namespace {

std::string at(const std::string& path, std::size_t line) {
  return path + ":" + std::to_string(line);
}

}  // namespace

JoinTable parse_csv(std::string name, std::string_view text, std::string path) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string> header, cells;
  std::vector<std::size_t> lines;
  std::size_t i = 0, line = 1;
  bool first = true;
  std::vector<std::string> row;
  std::string field;
  while (i < text.size()) {
    const std::size_t row_line = line;
    row.clear();
    for (bool row_done = false; !row_done;) {
      field.clear();
      if (i < text.size() && text[i] == '"') {
        ++i;
        for (;;) {
          if (i >= text.size()) throw JoinError(at(path, row_line) + ": unterminated quoted field");
          const char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              field += '"';
              ++i;
            } else {
              break;
            }
          } else {
            if (c == '\n') ++line;
            field += c;
          }
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
          throw JoinError(at(path, line) + ": column " + std::to_string(row.size() + 1) +
                          ": text after a closing quote");
      } else {
        // The field runs to the next comma or line end; appended at once, not char by char.
        std::size_t end = i;
        for (char c; end < text.size() && (c = text[end]) != ',' && c != '\n' && c != '\r'; ++end)
          if (c == '"')
            throw JoinError(at(path, line) + ": column " + std::to_string(row.size() + 1) +
                            ": quote inside an unquoted field");
        field.append(text.substr(i, end - i));
        i = end;
      }
      row.push_back(std::move(field));
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      row_done = true;
    }
    if (row.size() == 1 && row[0].empty()) continue;  // blank line
    if (first) {
      for (auto& h : row)
        header.emplace_back(trim(h));
      first = false;
      continue;
    }
    if (row.size() != header.size())
      throw JoinError(at(path, row_line) + ": " + std::to_string(row.size()) +
                      " fields, the header has " + std::to_string(header.size()));
    for (auto& f : row)
      cells.push_back(std::move(f));
    lines.push_back(row_line);
  }
  if (first) throw JoinError(path + ": empty file (a header row is required)");
  return JoinTable(std::move(name), std::move(path), std::move(header), std::move(cells),
                   std::move(lines));
}

JoinTable read_csv(std::string name, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw JoinError(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw JoinError(path + ": read error");
  return parse_csv(std::move(name), ss.str(), path);
}

}  // namespace leda::host
