// report/load_summary.cpp — see load_summary.hpp.
#include "report/load_summary.hpp"

#include <fmt/format.h>

#include "load/load_report.hpp"
#include "util/civil_time.hpp"

namespace leda::report {
namespace {

std::string count(std::uint64_t n) {
  // Thousands separated by commas for reading.
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// "1 visit", "5,990 visits".
std::string counted(std::uint64_t n, const std::string& noun) {
  return count(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace

std::string load_problems_text(const load::LoadStats& stats, std::size_t max_samples) {
  return leda::load::describe_errors(stats, max_samples);
}

std::string utc_time(TimeMs t) {
  return t == kNoLong ? "-" : util::format_iso8601(t);
}

std::vector<SummaryLine> data_summary(const load::LoadResult& loaded,
                                      const std::vector<std::string>& data_paths,
                                      const std::vector<std::string>& join_lines) {
  const load::LoadStats& s = loaded.stats;
  std::vector<SummaryLine> out;
  std::string paths;
  for (const auto& p : data_paths)
    paths += (paths.empty() ? "" : ", ") + p;
  out.push_back({"Data", paths});
  out.push_back({"Time range", utc_time(s.time_from) + " to " + utc_time(s.time_to)});
  std::string files, records;
  for (int t = 0; t < kDataTypeCount; ++t) {
    const auto name = std::string(data_type_name(static_cast<DataType>(t)));
    files += (t ? ", " : "") + name + " " + count(s.files[t]);
    records += (t ? ", " : "") + name + " " + count(s.records[t]);
  }
  out.push_back({"Files", count(s.files_total) + " (" + files + ")"});
  out.push_back({"Records", records});
  out.push_back({"Sessions", counted(s.merged.agent_sessions, "agent session") + " of " +
                                 counted(s.merged.agents, "agent") + ", " +
                                 counted(s.merged.visits, "visit") + ", " +
                                 counted(s.merged.conversations, "conversation") + ", " +
                                 counted(s.merged.surveys, "survey")});
  out.push_back({"Duplicates dropped", count(s.duplicates)});
  if (s.merged_parts)
    out.push_back({"Split sessions", counted(s.merged_parts, "agent-session part") +
                                         " merged into sessions delivered in parts"});
  out.push_back({"Errors in the input",
                 s.errors ? count(s.errors) + " (listed below)" : std::string("none")});
  out.push_back({"Joined tables", join_lines.empty() ? std::string("none") : [&] {
                   std::string j;
                   for (const auto& l : join_lines)
                     j += (j.empty() ? "" : "; ") + l;
                   return j;
                 }()});
  return out;
}

}  // namespace leda::report
