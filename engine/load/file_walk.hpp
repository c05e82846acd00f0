// load/file_walk.hpp — which files a load reads.
//
//   auto files = leda::load::list_data_files({"store/75555851", "extra.gz"});
//
// A directory is walked recursively. Names starting with '.' are skipped (files and whole
// directories: the fetch store keeps its manifest and temporary downloads under such names), as
// are files ending in .csv, .md, .txt or .json.tmp; every other regular file is read. A file
// named explicitly is always read. The list is sorted by path, and a file reached twice (named
// and inside a walked directory, or through two spellings) is listed once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace leda::load {

struct DataFile {
  std::string path;        ///< as found (relative paths stay relative)
  std::uint64_t size = 0;  ///< bytes on disk
  int type_hint = -1;      ///< DataType its name suggests (data_type_hint), -1 when none
};

/// The DataType a file's name suggests: its prefix (`Agent.`, `WebSession.`, `Engagement.`,
/// `Survey.`, spec §1.8) or else its directory (`agentActivity`, `webSession`, ...); -1 when
/// neither says. Only a sizing hint: a record's type always comes from its dataType.
int data_type_hint(const std::string& path);

/// Lists the data files under `paths`. Throws std::runtime_error naming the path when one does
/// not exist or a directory cannot be listed.
std::vector<DataFile> list_data_files(const std::vector<std::string>& paths);

/// True when a walked directory entry of this file name is read.
bool is_data_file_name(const std::string& name);

}  // namespace leda::load
