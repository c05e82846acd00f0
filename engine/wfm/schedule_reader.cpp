// wfm/schedule_reader.cpp — the neutral schedule table (see schedule_reader.hpp).
#include "wfm/schedule_reader.hpp"

#include "host/csv_reader.hpp"
#include "util/civil_time.hpp"
#include "wfm/rfc3339.hpp"

namespace leda::wfm {

std::vector<NeutralRow> parse_schedule_rows(const JoinTable& csv, std::uint32_t file,
                                            std::vector<RowError>& errors,
                                            std::vector<std::string>* ignored) {
  const std::size_t agent = csv.require("wfm_agent_id"), date = csv.require("schedule_date"),
                    code = csv.require("activity_code"), start = csv.require("start"),
                    end = csv.require("end");
  const auto paid = csv.column("paid");
  if (ignored)
    for (const std::string& h : csv.columns())
      if (h != "wfm_agent_id" && h != "schedule_date" && h != "activity_code" && h != "start" &&
          h != "end" && h != "paid")
        ignored->push_back(csv.path() + ": " + h);
  std::vector<NeutralRow> rows;
  for (std::size_t r = 0; r < csv.rows(); ++r) {
    auto cells = [&](std::size_t c) { return csv.cell(r, c); };
    const std::size_t line = csv.line(r);
    auto bad = [&](const char* field, std::string message) {
      errors.push_back({csv.path(), line, {}, field, std::move(message)});
    };
    NeutralRow n;
    n.file = file;
    n.row.line = line;
    n.row.wfm_agent_id = std::string(trim(cells(agent)));
    n.row.activity_code = std::string(trim(cells(code)));
    const std::string_view date_cell = trim(cells(date));
    const std::string_view start_cell = trim(cells(start)), end_cell = trim(cells(end));
    if (n.row.wfm_agent_id.empty()) {
      bad("wfm_agent_id", "empty");
      continue;
    }
    const auto day = util::parse_date(date_cell);
    if (!day) {
      bad("schedule_date", "not a date (YYYY-MM-DD): '" + std::string(date_cell) + "'");
      continue;
    }
    n.row.schedule_date = *day;
    n.row.schedule_date_text = std::string(date_cell);
    if (n.row.activity_code.empty()) {
      bad("activity_code", "empty");
      continue;
    }
    std::string why;
    const auto s = parse_rfc3339(start_cell, &why);
    if (!s) {
      bad("start", why + ": '" + std::string(start_cell) + "'");
      continue;
    }
    const auto e = parse_rfc3339(end_cell, &why);
    if (!e) {
      bad("end", why + ": '" + std::string(end_cell) + "'");
      continue;
    }
    if (e->ms <= s->ms) {
      bad("end",
          "not after start: '" + std::string(end_cell) + "' <= '" + std::string(start_cell) + "'");
      continue;
    }
    n.row.start = s->ms;
    n.row.end = e->ms;
    n.start_offset_min = s->offset_min;
    n.end_offset_min = e->offset_min;
    if (paid) {
      const std::string p = ascii_lower(trim(cells(*paid)));
      if (p == "false") {
        n.row.paid = false;
      } else if (p != "true" && !p.empty()) {
        bad("paid", "not true or false: '" + std::string(trim(cells(*paid))) + "'");
        continue;
      }
    }
    rows.push_back(std::move(n));
  }
  return rows;
}

Schedule schedule_from_table(const JoinTable& csv) {
  std::vector<RowError> errors;
  std::vector<NeutralRow> rows = parse_schedule_rows(csv, 0, errors);
  if (!errors.empty()) throw_row_errors(csv.path(), errors);
  std::vector<ScheduleRow> plain;
  plain.reserve(rows.size());
  for (NeutralRow& n : rows)
    plain.push_back(std::move(n.row));
  return Schedule(std::move(plain));
}

Schedule read_schedule(const std::string& path) {
  return schedule_from_table(host::read_csv("schedule", path));
}

void throw_row_errors(const std::string& path, const std::vector<RowError>& errors) {
  constexpr std::size_t kShown = 20;
  std::string message = path + ": " + std::to_string(errors.size()) +
                        (errors.size() == 1 ? " row" : " rows") + " cannot be read:";
  for (std::size_t i = 0; i < errors.size() && i < kShown; ++i)
    message += "\n  " + errors[i].text();
  if (errors.size() > kShown)
    message += "\n  ... and " + std::to_string(errors.size() - kShown) + " more";
  throw JoinError(message);
}

}  // namespace leda::wfm
