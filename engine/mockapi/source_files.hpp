// mockapi/source_files.hpp — the files the emulator serves: DIR/<account>/<type>/<name>, with
// the covered hour taken from the name (`<Prefix>.<startMs>.<endMs>.part-<N>-<M>[.gz]`).
//
//   for (const auto& f : leda::mockapi::source_files(dir, "75555851", "survey")) ...
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace leda::mockapi {

struct SourceFile {
  std::string name;  ///< file name in the folder (served as @name and in the @href)
  std::string path;  ///< full path
  std::int64_t start_ms = 0, end_ms = 0;
};

/// The files of one type, sorted by name. Names starting with '.' and names without the epoch
/// scope are ignored. A missing folder has no files.
std::vector<SourceFile> source_files(const std::string& data_dir, const std::string& account,
                                     const std::string& type);

/// The UTC offset (minutes, -300 or -240) of US Eastern time at `utc_ms`, by the US daylight
/// saving rules (1987-2006 and from 2007), as the live service renders scope dates.
int us_eastern_offset_minutes(std::int64_t utc_ms);

}  // namespace leda::mockapi
