// wfm/iex_import.cpp — NICE IEX schedule detail exports (see importers.hpp).
//
// A file is pipe-delimited text: an optional `#fields:` first line naming the columns, then one
// line per scheduled activity, `schedDate|tvID|excCode|startTime|stopTime` by default, times
// local to the management unit. A stop at or before the start is on the next day (stop ==
// start: a whole day, `00:00|00:00` for a day off); an `excDate` column, when present, is the
// date of the start (the second half of a night shift), else the start is on `schedDate`.
#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <tuple>

#include "leda/joins.hpp"
#include "util/civil_time.hpp"
#include "wfm/importers.hpp"

namespace leda::wfm {
namespace {

struct Role {
  const char* role;
  const char* default_name;
};
constexpr Role kRoles[] = {{"agent", "tvID"},
                           {"date", "schedDate"},
                           {"code", "excCode"},
                           {"start", "startTime"},
                           {"stop", "stopTime"}};
constexpr const char* kExcDate = "excDate";

// MMDDYYYY as days since 1970-01-01.
std::optional<std::int64_t> parse_mmddyyyy(std::string_view s) {
  if (s.size() != 8) return std::nullopt;
  const std::string iso = std::string(s.substr(4, 4)) + "-" + std::string(s.substr(0, 2)) + "-" +
                          std::string(s.substr(2, 2));
  return util::parse_date(iso);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// `HH:MM` (or `H:MM`), 00:00-23:59, as minutes after midnight.
std::optional<int> parse_24h(std::string_view s) {
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() != colon + 3)
    return std::nullopt;
  const std::string_view h = s.substr(0, colon), m = s.substr(colon + 1);
  if (!all_digits(h) || !all_digits(m)) return std::nullopt;
  const int hh = std::stoi(std::string(h)), mm = std::stoi(std::string(m));
  if (hh > 23 || mm > 59) return std::nullopt;
  return hh * 60 + mm;
}

// `hh:mmAM` / `hh:mmPM` (1-12, either case, a space allowed before AM/PM).
std::optional<int> parse_12h(std::string_view s) {
  if (s.size() < 6) return std::nullopt;
  const std::string suffix = ascii_lower(s.substr(s.size() - 2));
  if (suffix != "am" && suffix != "pm") return std::nullopt;
  std::string_view clock = s.substr(0, s.size() - 2);
  if (!clock.empty() && clock.back() == ' ') clock.remove_suffix(1);
  const auto t = parse_24h(clock);
  if (!t || *t / 60 < 1 || *t / 60 > 12) return std::nullopt;
  const int h = *t / 60 % 12 + (suffix == "pm" ? 12 : 0);
  return h * 60 + *t % 60;
}

std::vector<std::string> split_pipes(std::string_view line) {
  std::vector<std::string> out;
  for (;;) {
    const std::size_t bar = line.find('|');
    out.emplace_back(trim(line.substr(0, bar)));
    if (bar == std::string_view::npos) return out;
    line.remove_prefix(bar + 1);
  }
}

std::string describe_day(std::int64_t day, int minute) {
  char buf[16];
  std::snprintf(buf, sizeof buf, " %02d:%02d", minute / 60, minute % 60);
  return date_text(day) + buf;
}

class IexFile {
 public:
  IexFile(const IexOptions& o, const MuZone& mu, ImportResult& r, std::uint32_t file)
      : o_(o), mu_(mu), r_(r), file_(file), path_(r.files[file]) {}

  void read() {
    std::ifstream in(path_, std::ios::binary);
    if (!in) return file_error(0, "cannot open");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    std::istringstream lines(text);
    std::string line;
    std::size_t n = 0;
    bool columns_known = false;
    while (std::getline(lines, line)) {
      ++n;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (n == 1 && ascii_lower(trim(line).substr(0, 8)) == "#fields:") {
        if (!columns(split_pipes(trim(line).substr(8)), 1)) return;
        columns_known = true;
        continue;
      }
      if (trim(line).empty()) continue;
      if (!columns_known) {
        if (o_.fields.empty())
          return file_error(0, "no '#fields:' first line and no --fields: the columns are unknown");
        if (!columns(o_.fields, 0)) return;
        columns_known = true;
      }
      ++r_.records;
      row(split_pipes(line), n);
    }
  }

 private:
  void file_error(std::size_t line, std::string message) {
    r_.file_errors.push_back({path_, line, {}, {}, std::move(message)});
  }

  // Finds the columns of every role in `names` (from line `line`, 0: --fields).
  bool columns(const std::vector<std::string>& names, std::size_t line) {
    names_ = names;
    auto find = [&](const std::string& want) -> std::optional<std::size_t> {
      for (std::size_t i = 0; i < names.size(); ++i)
        if (ascii_lower(names[i]) == ascii_lower(want)) return i;
      return std::nullopt;
    };
    for (int k = 0; k < 5; ++k) {
      const auto it = o_.names.find(kRoles[k].role);
      const std::string want = it != o_.names.end() ? it->second : kRoles[k].default_name;
      const auto c = find(want);
      if (!c) {
        file_error(line, "missing column '" + want + "' (" + kRoles[k].role + ") in " +
                             (line ? "the #fields: line" : "--fields") + "; name another with " +
                             "--field " + kRoles[k].role + "=NAME");
        return false;
      }
      col_[k] = *c;
    }
    exc_date_ = find(kExcDate);
    for (std::size_t i = 0; i < names.size(); ++i) {
      bool used = exc_date_ == i;
      for (std::size_t c : col_)
        used = used || c == i;
      if (!used) r_.ignored_columns.push_back(path_ + ": " + names[i]);
    }
    return true;
  }

  void row(const std::vector<std::string>& cells, std::size_t line) {
    auto bad = [&](std::size_t column, std::string message) {
      r_.errors.push_back({path_, line, {}, names_[column], std::move(message)});
    };
    const bool trailing_bar = cells.size() == names_.size() + 1 && cells.back().empty();
    if (cells.size() != names_.size() && !trailing_bar) {
      r_.errors.push_back({path_,
                           line,
                           {},
                           {},
                           std::to_string(cells.size()) + " fields, the column list has " +
                               std::to_string(names_.size())});
      return;
    }
    const auto& [agent, date, code, start, stop] = col_;
    NeutralRow n;
    n.file = file_;
    n.row.line = line;
    n.row.wfm_agent_id = cells[agent];
    n.row.activity_code = cells[code];
    if (n.row.wfm_agent_id.empty()) return bad(agent, "empty");
    const auto day = parse_mmddyyyy(cells[date]);
    if (!day) return bad(date, "not a date (MMDDYYYY): '" + cells[date] + "'");
    if (n.row.activity_code.empty()) return bad(code, "empty");
    std::int64_t start_day = *day;
    if (exc_date_ && !cells[*exc_date_].empty()) {
      const auto d = parse_mmddyyyy(cells[*exc_date_]);
      if (!d) return bad(*exc_date_, "not a date (MMDDYYYY): '" + cells[*exc_date_] + "'");
      start_day = *d;
    }
    const char* shape = o_.twelve_hour
                            ? "not a time (hh:mmAM or hh:mmPM)"
                            : "not a time (HH:MM, 24 h; --time-format 12h reads hh:mmAM)";
    auto clock = [&](std::size_t c) {
      return o_.twelve_hour ? parse_12h(cells[c]) : parse_24h(cells[c]);
    };
    const auto from = clock(start), to = clock(stop);
    if (!from) return bad(start, std::string(shape) + ": '" + cells[start] + "'");
    if (!to) return bad(stop, std::string(shape) + ": '" + cells[stop] + "'");
    const std::int64_t stop_day = *to <= *from ? start_day + 1 : start_day;
    if (*to == *from) ++r_.full_day_rows;
    const MuZone::Resolved s = mu_.to_utc(start_day, *from, o_.fold),
                           e = mu_.to_utc(stop_day, *to, o_.fold);
    for (const auto& [res, c, d, m] :
         {std::tuple{s, start, start_day, *from}, std::tuple{e, stop, stop_day, *to}})
      if (res.nonexistent)
        return bad(c, describe_day(d, m) + " does not exist in " + mu_.name() +
                          " (the clocks skip it when daylight saving time starts)");
    if (e.ms <= s.ms) return bad(stop, "not after the start once both are placed in " + mu_.name());
    n.row.schedule_date = *day;
    n.row.schedule_date_text = date_text(*day);
    n.row.start = s.ms;
    n.row.end = e.ms;
    n.row.paid = o_.unpaid.count(n.row.activity_code) == 0;
    n.start_offset_min = mu_.offset_min(s.ms);
    n.end_offset_min = mu_.offset_min(e.ms);
    r_.rows.push_back(std::move(n));
  }

  const IexOptions& o_;
  const MuZone& mu_;
  ImportResult& r_;
  std::uint32_t file_;
  std::string path_;
  std::vector<std::string> names_;
  std::array<std::size_t, 5> col_{};
  std::optional<std::size_t> exc_date_;
};

}  // namespace

void add_iex_field_name(IexOptions& o, std::string_view spec) {
  const std::size_t eq = spec.find('=');
  const std::string role(trim(spec.substr(0, eq)));
  const std::string name =
      eq == std::string_view::npos ? "" : std::string(trim(spec.substr(eq + 1)));
  bool known = false;
  for (const Role& r : kRoles)
    known = known || role == r.role;
  if (!known || name.empty())
    throw WfmUsageError("--field " + std::string(spec) +
                        ": expected ROLE=NAME with ROLE one of agent, date, code, start, stop");
  o.names[role] = name;
}

std::vector<std::string> split_names(std::string_view list) {
  std::vector<std::string> out;
  for (;;) {
    const std::size_t sep = list.find_first_of("|,");
    const std::string_view name = trim(list.substr(0, sep));
    if (!name.empty()) out.emplace_back(name);
    if (sep == std::string_view::npos) return out;
    list.remove_prefix(sep + 1);
  }
}

ImportResult import_iex(const std::vector<std::string>& files, const IexOptions& o) {
  const MuZone mu(o.tz);
  ImportResult r;
  r.files = files;
  for (std::uint32_t f = 0; f < files.size(); ++f)
    IexFile(o, mu, r, f).read();
  finish_import(r);
  return r;
}

}  // namespace leda::wfm
