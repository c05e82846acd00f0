#include "load/record_reader.hpp"

#include "load/avro_reader.hpp"
#include "load/body_readers.hpp"

namespace leda::load {
namespace {

bool data_type_of(std::string_view symbol, DataType& type) {
  if (symbol == "AgentActivity")
    type = DataType::kAgentActivity;
  else if (symbol == "WebSession")
    type = DataType::kWebSession;
  else if (symbol == "Engagement")
    type = DataType::kEngagement;
  else if (symbol == "Survey")
    type = DataType::kSurvey;
  else
    return false;
  return true;
}

// Reads the `dataType` value: the enum symbol, in its union wrapper or bare. False (with the
// symbol empty) for null.
bool read_data_type_symbol(JsonCursor& c, std::string_view& symbol) {
  if (c.try_null()) return false;
  if (c.peek() == '"') {
    symbol = c.read_string("dataType");
    return true;
  }
  c.enter_object("dataType");
  bool first = true;
  std::string_view branch;
  if (!c.next_member(first, branch)) return false;
  if (c.try_null()) {
    c.leave_union("dataType");
    return false;
  }
  symbol = c.read_string("dataType");
  c.leave_union("dataType");
  return true;
}

void read_meta(ParseState& s) {
  read_record(s, "metaData", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("accountId", s.cur.skip_value());
      LEDA_FIELD("schemaVersion", read_str_view(s, key, s.schema_version));
      LEDA_FIELD("startTime", s.record_start = read_time(s, key));
      LEDA_FIELD("endTime", s.record_end = read_time(s, key));
      default:
        unknown_field(s, key);
    }
  });
}

void read_body(ParseState& s, std::string_view branch) {
  constexpr std::string_view ns = "com.liveperson.dataaccess.";
  const std::string_view name = branch.substr(0, ns.size()) == ns ? branch.substr(ns.size()) : "";
  model::WebBody web;
  if (name == "AgentActivityData") {
    s.need(kNeedAgentActivity) ? read_agent_body(s) : s.cur.skip_value();
  } else if (name == "EngagementData") {
    s.need(kNeedEngagement) ? read_engagement_body(s) : s.cur.skip_value();
  } else if (name == "SurveyData") {
    s.need(kNeedSurvey) ? read_survey_body(s) : s.cur.skip_value();
  } else if (web_body_of(branch, web)) {
    s.need(kNeedWebSession) ? read_web_body(s, web) : s.cur.skip_value();
  } else {
    ++s.unknown_branches;
    s.cur.skip_value();
  }
}

void read_collection(ParseState& s) {
  read_array(s, "recordCollection", [&] {
    read_record(s, "recordCollection item", [&](std::string_view key) {
      if (key == "body")
        read_union(s, key, [&](std::string_view branch) { read_body(s, branch); });
      else
        unknown_field(s, key);
    });
  });
}

void skip_rest_of_object(JsonCursor& c) {
  bool first = false;
  std::string_view key;
  while (c.next_member(first, key))
    c.skip_value();
}

}  // namespace

RecordResult read_envelope(ParseState& s, bool first_in_file) {
  JsonCursor& c = s.cur;
  c.enter_object("record");
  RecordResult result;
  bool has_type = false, has_meta = false, has_collection = false;
  char* deferred = nullptr;
  bool first = true;
  std::string_view key;
  while (c.next_member(first, key)) {
    if (key == "dataType") {
      std::string_view symbol;
      if (!read_data_type_symbol(c, symbol)) continue;  // null: as if missing
      has_type = true;
      if (!data_type_of(symbol, result.type)) {
        ++s.unknown_branches;
        skip_rest_of_object(c);
        result.outcome = RecordOutcome::kUnknownType;
        return result;
      }
      if (!s.need(need_of(result.type))) {
        result.outcome =
            first_in_file ? RecordOutcome::kFileNotNeeded : RecordOutcome::kTypeNotNeeded;
        if (!first_in_file) skip_rest_of_object(c);
        return result;
      }
    } else if (key == "metaData") {
      read_meta(s);
      has_meta = true;
    } else if (key == "recordCollection") {
      has_collection = true;
      if (has_type && has_meta) {
        read_collection(s);
      } else {
        c.peek();
        deferred = c.position();
        c.skip_value();
      }
    } else {
      unknown_field(s, key);
    }
  }
  if (!has_type) {
    s.reject("not a Data Access record: no dataType");
  } else if (!has_collection) {
    s.reject("record without a recordCollection");
  } else if (deferred != nullptr) {
    char* end = c.position();
    c.seek(deferred);
    read_collection(s);
    c.seek(end);
  }
  result.outcome = s.rejected.empty() ? RecordOutcome::kKept : RecordOutcome::kRejected;
  return result;
}

bool peek_data_type(char* begin, char* end, DataType& type) {
  try {
    JsonCursor c(begin, end);
    if (!c.next_record()) return false;
    c.enter_object("record");
    bool first = true;
    std::string_view key;
    while (c.next_member(first, key)) {
      if (key != "dataType") {
        c.skip_value();
        continue;
      }
      std::string_view symbol;
      return read_data_type_symbol(c, symbol) && data_type_of(symbol, type);
    }
  } catch (const JsonError&) {
  }
  return false;
}

}  // namespace leda::load
