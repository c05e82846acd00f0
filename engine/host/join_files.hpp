// host/join_files.hpp — reads the `--join NAME=FILE` tables of a run.
//
//   leda::Joins joins = leda::host::read_joins({"agents=agents.csv", "membership=members.csv"});
//
// `agents` is read as the agent map and `membership` as the membership file (joins.hpp); every
// join, those two included, is also kept as a plain CsvTable under its name for plugins that
// read other tables. All files are read before any data is loaded, so a bad join stops the run
// early.
#pragma once

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "leda/joins.hpp"
#include "leda/plugin.hpp"

namespace leda::host {

/// A `--join` argument that is not NAME=FILE, or a name given twice: a usage error.
class JoinSpecError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Reads every `NAME=FILE`. Throws JoinSpecError for a malformed argument and leda::JoinError
/// (naming the file, line and column) for a file that cannot be read.
Joins read_joins(const std::vector<std::string>& specs);

/// The names of the joins present in `joins`.
std::set<std::string> join_names(const Joins& joins);

}  // namespace leda::host
