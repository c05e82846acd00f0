// wfm/schedule_rows.cpp — see schedule_rows.hpp.
#include "wfm/schedule_rows.hpp"

namespace leda::wfm {

std::string RowError::text() const {
  std::string out = file;
  if (line) out += ":" + std::to_string(line);
  if (!out.empty()) out += ": ";
  if (!where.empty()) out += where + (field.empty() ? "" : ".");
  if (!field.empty()) out += field;
  if (!where.empty() || !field.empty()) out += ": ";
  return out + message;
}

}  // namespace leda::wfm
