// cli/output_format.hpp — which format a command writes: --format, else --out's extension.
//
//   std::string f = leda::cli::output_format(format, out, {"table", "csv", "json"}, "table");
//   // "" and "kpis.json" -> "json"; "csv" and "kpis.json" -> std::invalid_argument
#pragma once

#include <string>
#include <vector>

namespace leda::cli {

/// The format to write: `format` when given (it must be one of `allowed`), else the format
/// `out`'s extension names (.json, .csv, .html, .htm, .txt; .txt names the text format of the
/// command, "table" or "text"), else `fallback`. Throws std::invalid_argument, with a message for
/// the user, for a format not in `allowed`, an extension naming a format the command does not
/// write, or a `format` that contradicts `out`'s extension.
std::string output_format(const std::string& format, const std::string& out,
                          const std::vector<std::string>& allowed, const std::string& fallback);

}  // namespace leda::cli
