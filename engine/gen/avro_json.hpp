// gen/avro_json.hpp — appends Avro JSON encoding (the Data Access record format) to a string.
//
//   std::string buf;
//   leda::gen::AvroJson j(buf);
//   j.begin_object();
//   j.key("agentID").long_value(9);                 // "agentID":{"long":9}
//   j.key("agentEmployeeId").string_value("");       // "agentEmployeeId":{"string":""}
//   j.key("header").begin_named("AgentHeader");      // "header":{"com.liveperson.dataaccess.
//   ...                                              //   AgentHeader":{ ... }}
//   j.end_named();
//   j.end_object();
//
// Nullable scalars are written as union branches ({"long": 1}); `null()` writes the null
// branch. Commas between members and items are placed automatically. The output is compact
// (no whitespace), one record per call sequence; the caller adds the newline.
//
// Not thread-safe; one per thread. Nesting is limited to kMaxDepth levels.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace leda::gen {

/// Namespace of every named Data Access type.
inline constexpr std::string_view kNamespace = "com.liveperson.dataaccess.";

class AvroJson {
 public:
  static constexpr int kMaxDepth = 32;

  /// Appends to `out`, which must outlive this writer.
  explicit AvroJson(std::string& out) : out_(out) {}

  /// Writes `"name":`; the next call writes its value.
  AvroJson& key(std::string_view name);

  void begin_object();  ///< `{`
  void end_object();    ///< `}`
  void begin_array();   ///< `[` (a bare array)
  void end_array();     ///< `]`

  /// A nullable record: `{"com.liveperson.dataaccess.<type>":{`; then its members.
  void begin_named(std::string_view type);
  /// Closes begin_named: `}}`.
  void end_named();
  /// `{"array":[` — a nullable array; close with end_union_array().
  void begin_union_array();
  void end_union_array();

  void null();                            ///< `null`
  void long_value(std::int64_t v);        ///< `{"long":v}`
  void int_value(std::int64_t v);         ///< `{"int":v}`
  void string_value(std::string_view s);  ///< `{"string":"s"}` (escaped)
  void bool_value(bool b);                ///< `{"boolean":b}`
  void double_value(double d);            ///< `{"double":d}`, shortest round-trip form
  void money_value(std::int64_t cents);   ///< `{"double":12.34}` from integer cents
  void enum_value(std::string_view type, std::string_view symbol);  ///< named enum branch

  void bare_string(std::string_view s);  ///< `"s"` (an array item or a plain string field)
  void bare_long(std::int64_t v);        ///< `v`

 private:
  void separate();
  void push();
  void escape(std::string_view s);
  void number(std::int64_t v);

  std::string& out_;
  // Per nesting level: whether a member or item was written (the next one needs a comma).
  bool has_item_[kMaxDepth] = {};
  int depth_ = 0;
  bool after_key_ = false;
};

}  // namespace leda::gen
