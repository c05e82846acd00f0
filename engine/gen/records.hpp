// gen/records.hpp — serialises the planned entities of a World as Data Access records.
//
//   std::string ndjson;
//   leda::gen::write_visit(world, visit_index, /*wrapped=*/false, ndjson);  // one line + '\n'
//
// Each writer appends exactly one record (one JSON object and a newline) in the Avro JSON
// encoding of the spec (§2), with every field of the documented examples present, in their
// order. `wrapped` selects the envelope variant seen in live files (§2.2): metaData wrapped in
// its union branch and recordCollection as {"array": [...]}.
//
// The detail a record adds beyond the plan (page URLs, chat lines, answers) comes from the
// entity's own random stream, so writers are pure functions of (world, index): thread-safe and
// independent of the order in which records are written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "gen/avro_json.hpp"
#include "gen/random.hpp"
#include "gen/world.hpp"

namespace leda::gen {

/// The schema version written in every record's metaData.
inline constexpr std::string_view kSchemaVersion = "1.0.0.35";

void write_agent_session(const World& w, std::uint32_t session, bool wrapped, std::string& out);
void write_visit(const World& w, std::uint32_t visit, bool wrapped, std::string& out);
void write_conversation(const World& w, std::uint32_t chat, bool wrapped, std::string& out);
void write_survey(const World& w, std::uint32_t survey, bool wrapped, std::string& out);

// Identifiers, shared by the records that link to each other and by the CSV tables.

/// `visitId`: 22 URL-safe base64 characters, a dot, 40 hex digits (as in the spec example).
std::string visit_id(const World& w, std::uint32_t visit);
/// `visitorId`: 22 URL-safe base64 characters.
std::string visitor_id(const World& w, std::uint32_t visitor);
/// `conversationId`: the account id followed by ten digits (numeric text beyond 2^53).
std::string conversation_id(const World& w, std::uint32_t chat);
/// `agentSessionId`: "<account>-<number>".
std::string session_id(const World& w, std::uint32_t session);
/// The brand's customer id, "C" and six or more digits.
std::string customer_id(std::uint32_t customer);
/// The brand's order id, "ORD-" and digits.
std::string order_id(const World& w, std::uint32_t order);
/// Appends `n` random URL-safe base64 characters.
void append_token(Rng& r, int n, std::string& out);

// Pieces shared by the writers.

/// Opens a record: dataType, metaData and the recordCollection array. `end` kNoLong: null.
void begin_envelope(AvroJson& j, const World& w, std::string_view data_type, TimeMs start,
                    TimeMs end, bool wrapped);
/// Closes what begin_envelope opened and appends the newline.
void end_envelope(AvroJson& j, std::string& out, bool wrapped);
/// `"header": {"com.liveperson.dataaccess.VisitorHeader": {...}}`; a null contextId when
/// `context_id` is nullptr.
void visitor_header(AvroJson& j, std::string_view visit_id, std::string_view visitor_id,
                    const char* context_id);

}  // namespace leda::gen
