// report/load_summary.hpp — what a load read, in words: problems found and the data covered.
//
//   std::fputs(leda::report::load_problems_text(result.stats, 5).c_str(), stderr);
//   for (const auto& line : leda::report::data_summary(result, paths, join_lines))
//     std::printf("%s: %s\n", line.label.c_str(), line.text.c_str());
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "load/loader.hpp"

namespace leda::report {

/// The problems found while loading, as `leda inspect` reports them ("N errors in the
/// input:" and the first `max_samples` with file, line and byte), or "" when there were none.
std::string load_problems_text(const load::LoadStats& stats, std::size_t max_samples);

/// A time as RFC 3339 UTC ("2026-10-31T00:00:00Z"); "-" for kNoLong.
std::string utc_time(TimeMs t);

/// One labelled fact of a data summary ("Sessions", "120 agent sessions of 20 agents, ...").
struct SummaryLine {
  std::string label, text;
};

/// The facts of the loaded data for a report header: the data range, files and records per
/// type, sessions after merging, duplicates, problems, and the joined tables given.
std::vector<SummaryLine> data_summary(const load::LoadResult& loaded,
                                      const std::vector<std::string>& data_paths,
                                      const std::vector<std::string>& join_lines);

}  // namespace leda::report
