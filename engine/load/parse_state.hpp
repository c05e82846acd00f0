// load/parse_state.hpp — what the record readers share while they parse one file.
//
// A ParseState ties the cursor over a file's text to the model::Fragment being filled, the Need
// bits, and what is known about the record being read (its ordinal, its metaData times, the unknown
// fields and branches it held). Body readers (agent_body.cpp, web_body.cpp, ...) receive it.
//
// Thread-safety: one per file, used by one thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "leda/model.hpp"
#include "load/json_cursor.hpp"
#include "model/fragment.hpp"

namespace leda::load {

/// One agent event while its session is read: the event plus the names it carries.
struct EventRow {
  AgentEvent event;
  std::int64_t agent_id = kNoLong;
  Str employee_id, user_name, nick_name, login_name;
};

struct ParseState {
  ParseState(JsonCursor& c, model::Fragment& f, std::uint32_t need_bits)
      : cur(c), frag(f), needs(need_bits) {}

  JsonCursor& cur;
  model::Fragment& frag;
  std::uint32_t needs;

  // The record being read.
  std::uint32_t record = 0;  ///< its ordinal in the fragment
  TimeMs record_start = kNoLong, record_end = kNoLong;
  std::string_view schema_version;
  std::uint64_t unknown_fields = 0, unknown_branches = 0;
  TimeMs time_min = kNoLong, time_max = kNoLong;  ///< every time seen in the record
  TimeMs span_min = kNoLong, span_max = kNoLong;  ///< times seen in the current body
  std::string rejected;  ///< why the record cannot be kept (well-formed but unusable)

  // Scratch space reused across records.
  std::vector<EventRow> events;
  std::string text;

  /// The last value read for a field that repeats in consecutive bodies (a record's bodies
  /// share one visitor header): the same text gets the same handle without a lookup.
  struct Recent {
    std::string_view text;  // into the file's buffer, valid while the file is parsed
    Str str;
  };
  Recent recent_visit, recent_visitor, recent_context;

  /// intern() through a Recent.
  Str intern_recent(Recent& recent, std::string_view text_value) {
    if (!recent.str.present() || !model::same_text(recent.text, text_value))
      recent = {text_value, intern(text_value)};
    return recent.str;
  }

  bool need(std::uint32_t bits) const { return (needs & bits) != 0; }

  /// Prepares for the next record.
  void start_record(std::uint32_t ordinal) {
    record = ordinal;
    record_start = record_end = kNoLong;
    schema_version = {};
    unknown_fields = unknown_branches = 0;
    time_min = time_max = kNoLong;
    rejected.clear();
  }

  /// Marks the record unusable (the first reason wins); reading goes on to its end.
  void reject(std::string reason) {
    if (rejected.empty()) rejected = std::move(reason);
  }

  /// Notes a time of the record and of the current body.
  void see_time(TimeMs t) {
    if (t == kNoLong) return;
    widen(time_min, time_max, t);
    widen(span_min, span_max, t);
  }
  void start_span() { span_min = span_max = kNoLong; }

  Str intern(std::string_view text_value) { return frag.strings.intern(text_value); }
  Str add(std::string_view text_value) { return frag.strings.add(text_value); }

 private:
  static void widen(TimeMs& lo, TimeMs& hi, TimeMs t) {
    if (lo == kNoLong || t < lo) lo = t;
    if (hi == kNoLong || t > hi) hi = t;
  }
};

}  // namespace leda::load
