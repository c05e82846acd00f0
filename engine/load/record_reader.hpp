// load/record_reader.hpp — the top-level record envelope (spec §2.1-2.2) and body dispatch.
//
//   ParseState s(cursor, fragment, needs);
//   s.start_record(fragment.records);
//   RecordResult r = read_envelope(s, /*first_in_file=*/true);
//
// The envelope's `dataType` decides whether the record is read at all; `metaData` may be bare or
// wrapped in `com.liveperson.dataaccess.MetaData`, `recordCollection` a bare array or
// `{"array": [...]}`; members may come in any order (a recordCollection seen before the
// dataType and metaData is read after them). Each body is dispatched on its union branch.
#pragma once

#include "leda/model.hpp"
#include "load/parse_state.hpp"

namespace leda::load {

/// What became of one record.
enum class RecordOutcome : std::uint8_t {
  kKept,           ///< read into the fragment
  kRejected,       ///< well-formed but unusable; ParseState::rejected says why
  kTypeNotNeeded,  ///< its data type is not needed: skipped
  kFileNotNeeded,  ///< the first record of a file, of a type not needed: stop reading the file
  kUnknownType,    ///< a dataType symbol this version does not know: skipped, counted
};

struct RecordResult {
  RecordOutcome outcome = RecordOutcome::kKept;
  DataType type = DataType::kAgentActivity;  ///< valid unless kRejected or kUnknownType
};

/// The Need bit of a data type.
constexpr std::uint32_t need_of(DataType t) {
  return 1u << static_cast<unsigned>(t);
}

/// Reads the record at the cursor (which must be on its '{'). Throws JsonError on malformed
/// JSON or a value of the wrong type.
RecordResult read_envelope(ParseState& s, bool first_in_file);

/// The data type of the first record in [begin, end) (which needs JsonCursor::kPadding NULs
/// after `end`), reading nothing else; false when it cannot be told from this text.
bool peek_data_type(char* begin, char* end, DataType& type);

}  // namespace leda::load
