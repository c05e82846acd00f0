#include "gen/records.hpp"

#include <fmt/format.h>

namespace leda::gen {

void append_token(Rng& r, int n, std::string& out) {
  static constexpr char kChars[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::uint64_t bits = 0;
  for (int i = 0; i < n; ++i) {
    if (i % 10 == 0) bits = r.next();
    out += kChars[bits & 63];
    bits >>= 6;
  }
}

std::string visit_id(const World& w, std::uint32_t visit) {
  Rng r = Rng::stream(w.options.seed, Stream::kIds, (1ull << 40) | visit);
  std::string id;
  append_token(r, 22, id);
  id += '.';
  id += fmt::format("{:016x}{:016x}{:08x}", r.next(), r.next(), r.next() >> 32);
  return id;
}

std::string visitor_id(const World& w, std::uint32_t visitor) {
  Rng r = Rng::stream(w.options.seed, Stream::kIds, (2ull << 40) | visitor);
  std::string id;
  append_token(r, 22, id);
  return id;
}

std::string conversation_id(const World& w, std::uint32_t chat) {
  const std::uint64_t base = 4000000000ull + (w.options.seed * 7919ull) % 100000000ull;
  return fmt::format("{}{:010d}", w.options.account, base + 11ull * chat);
}

std::string session_id(const World& w, std::uint32_t session) {
  return fmt::format("{}-{}", w.options.account, w.sessions[session].number);
}

std::string customer_id(std::uint32_t customer) {
  return fmt::format("C{}", 100001 + static_cast<std::uint64_t>(customer));
}

std::string order_id(const World& w, std::uint32_t order) {
  return fmt::format("ORD-{}", 20000000 + (w.options.seed % 1000) * 100000 + 3ull * order);
}

void begin_envelope(AvroJson& j, const World& w, std::string_view data_type, TimeMs start,
                    TimeMs end, bool wrapped) {
  j.begin_object();
  j.key("dataType").enum_value("DataTypeEnum", data_type);
  j.key("metaData");
  if (wrapped)
    j.begin_named("MetaData");
  else
    j.begin_object();
  j.key("accountId").string_value(w.options.account);
  j.key("schemaVersion").bare_string(kSchemaVersion);
  j.key("startTime").long_value(start);
  j.key("endTime");
  if (end == kNoLong)
    j.null();
  else
    j.long_value(end);
  if (wrapped)
    j.end_named();
  else
    j.end_object();
  j.key("recordCollection");
  if (wrapped)
    j.begin_union_array();
  else
    j.begin_array();
}

void end_envelope(AvroJson& j, std::string& out, bool wrapped) {
  if (wrapped)
    j.end_union_array();
  else
    j.end_array();
  j.end_object();
  out += '\n';
}

void visitor_header(AvroJson& j, std::string_view visit_id, std::string_view visitor_id,
                    const char* context_id) {
  j.key("header").begin_named("VisitorHeader");
  j.key("visitId").string_value(visit_id);
  j.key("visitorId").string_value(visitor_id);
  j.key("contextId");
  if (context_id)
    j.string_value(context_id);
  else
    j.null();
  j.end_named();
}

}  // namespace leda::gen
