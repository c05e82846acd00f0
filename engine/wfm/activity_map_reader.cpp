// wfm/activity_map_reader.cpp — the activity map and the schedule's codes against it (see
// schedule_reader.hpp).
#include <map>
#include <optional>

#include "wfm/schedule_reader.hpp"

#include "host/csv_reader.hpp"

namespace leda::wfm {
namespace {

std::optional<bool> parse_bool(std::string_view text) {
  const std::string v = ascii_lower(trim(text));
  if (v == "true") return true;
  if (v == "false") return false;
  return std::nullopt;
}

std::optional<ActualState> parse_state(std::string_view text) {
  for (int s = 0; s < 5; ++s)
    if (ascii_lower(actual_state_name(static_cast<ActualState>(s))) == ascii_lower(text))
      return static_cast<ActualState>(s);
  return std::nullopt;
}

std::optional<AdherenceMode> parse_mode(std::string_view text) {
  for (int m = 0; m < 3; ++m)
    if (ascii_lower(adherence_mode_name(static_cast<AdherenceMode>(m))) == ascii_lower(text))
      return static_cast<AdherenceMode>(m);
  return std::nullopt;
}

// `ONLINE|BACK_SOON`: the set, or the first name that is not a state (in `bad`).
std::optional<StateSet> parse_states(std::string_view text, std::string& bad) {
  StateSet set;
  text = trim(text);
  while (!text.empty()) {
    const std::size_t bar = text.find('|');
    const std::string_view name = trim(text.substr(0, bar));
    const auto s = parse_state(name);
    if (!s) {
      bad = std::string(name);
      return std::nullopt;
    }
    set.insert(*s);
    text = bar == std::string_view::npos ? std::string_view() : text.substr(bar + 1);
  }
  return set;
}

}  // namespace

ActivityMap activity_map_from_table(const JoinTable& csv) {
  const std::size_t code = csv.require("activity_code"), states = csv.require("expected_states"),
                    work = csv.require("counts_as_work"),
                    shrink = csv.require("counts_as_shrinkage"),
                    mode = csv.require("adherence_mode");
  const auto category = csv.column("category");
  std::vector<ActivityRow> rows;
  std::vector<RowError> errors;
  std::map<std::string, std::size_t> first_line;
  for (std::size_t r = 0; r < csv.rows(); ++r) {
    auto cells = [&](std::size_t c) { return csv.cell(r, c); };
    const std::size_t line = csv.line(r);
    auto bad = [&](const char* field, std::string message) {
      errors.push_back({csv.path(), line, {}, field, std::move(message)});
    };
    ActivityRow a;
    a.line = line;
    a.code = std::string(trim(cells(code)));
    if (category) a.category = std::string(trim(cells(*category)));
    if (a.code.empty()) {
      bad("activity_code", "empty");
      continue;
    }
    if (auto [it, fresh] = first_line.emplace(a.code, line); !fresh) {
      bad("activity_code", "'" + a.code + "' is already on line " + std::to_string(it->second));
      continue;
    }
    std::string unknown;
    const auto set = parse_states(cells(states), unknown);
    if (!set) {
      bad("expected_states", "not a state: '" + unknown +
                                 "' (expected ONLINE, BACK_SOON, AWAY, LOGGED_OUT, UNKNOWN "
                                 "separated by |)");
      continue;
    }
    a.expected_states = *set;
    const auto w = parse_bool(cells(work)), s = parse_bool(cells(shrink));
    if (!w) {
      bad("counts_as_work", "not true or false: '" + std::string(trim(cells(work))) + "'");
      continue;
    }
    if (!s) {
      bad("counts_as_shrinkage", "not true or false: '" + std::string(trim(cells(shrink))) + "'");
      continue;
    }
    a.counts_as_work = *w;
    a.counts_as_shrinkage = *s;
    const auto m = parse_mode(trim(cells(mode)));
    if (!m) {
      bad("adherence_mode",
          "not STRICT, NEUTRAL or IGNORE: '" + std::string(trim(cells(mode))) + "'");
      continue;
    }
    a.adherence_mode = *m;
    if (a.adherence_mode == AdherenceMode::kStrict && a.expected_states.empty()) {
      bad("expected_states", "empty for a STRICT activity (it could never be in adherence)");
      continue;
    }
    rows.push_back(std::move(a));
  }
  if (!errors.empty()) throw_row_errors(csv.path(), errors);
  return ActivityMap(std::move(rows));
}

ActivityMap read_activity_map(const std::string& path) {
  return activity_map_from_table(host::read_csv("activities", path));
}

std::vector<std::string> unknown_activity_codes(const Schedule& schedule,
                                                const ActivityMap& activities) {
  std::vector<std::string> out;
  for (const ScheduleRow& r : schedule.rows())
    if (!activities.find(r.activity_code)) out.push_back(r.activity_code);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void check_activity_codes(const Schedule& schedule, const ActivityMap& activities,
                          const std::string& schedule_path) {
  const std::vector<std::string> unknown = unknown_activity_codes(schedule, activities);
  if (unknown.empty()) return;
  std::map<std::string, std::pair<std::size_t, std::size_t>> uses;  // code -> first line, rows
  for (const ScheduleRow& r : schedule.rows()) {
    if (activities.find(r.activity_code)) continue;
    auto [it, fresh] = uses.emplace(r.activity_code, std::make_pair(r.line, std::size_t{0}));
    ++it->second.second;
  }
  std::string message = schedule_path + ": " + std::to_string(unknown.size()) +
                        (unknown.size() == 1 ? " activity code is" : " activity codes are") +
                        " not in the activity map:";
  for (const std::string& code : unknown) {
    const auto& [line, rows] = uses.at(code);
    message += "\n  '" + code + "' (" + std::to_string(rows) + (rows == 1 ? " row" : " rows") +
               ", first on line " + std::to_string(line) + ")";
  }
  throw JoinError(message);
}

}  // namespace leda::wfm
