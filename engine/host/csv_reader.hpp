// host/csv_reader.hpp — RFC 4180 CSV files into leda::JoinTable, the view plugins read.
//
//   leda::JoinTable t = leda::host::read_csv("agents", "agents.csv");   // throws leda::JoinError
//
// Fields are separated by commas and may be quoted with `"` (a quote inside is doubled); quoted
// fields may hold commas and newlines; lines end in CRLF or LF; a UTF-8 byte order mark is
// skipped; blank lines are ignored; header names are trimmed. A stray quote, an unterminated
// quoted field or a row whose width differs from the header's throws a JoinError naming the
// file, the line and the column: a file is read whole or not at all.
#pragma once

#include <string>
#include <string_view>

#include "leda/joins.hpp"

namespace leda::host {

/// Parses `text` as the join `name` read from `path` (used in messages).
JoinTable parse_csv(std::string name, std::string_view text, std::string path);

/// Reads and parses a file; throws JoinError when it cannot be opened or parsed.
JoinTable read_csv(std::string name, const std::string& path);

}  // namespace leda::host
