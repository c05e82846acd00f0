// dist/load_codec.cpp — see load_codec.hpp.
#include "dist/load_codec.hpp"

namespace leda::dist {
namespace {

void encode_errors(StateWriter& w, const std::vector<load::LoadError>& errors) {
  w.u64(errors.size());
  for (const auto& e : errors) {
    w.str(e.file);
    w.u64(e.line);
    w.u64(e.offset);
    w.str(e.reason);
  }
}

std::vector<load::LoadError> decode_errors(StateReader& r) {
  std::vector<load::LoadError> out(r.count());
  for (auto& e : out) {
    e.file = r.str();
    e.line = r.u64();
    e.offset = r.u64();
    e.reason = r.str();
  }
  return out;
}

template <std::size_t N>
void encode_counts(StateWriter& w, const std::uint64_t (&v)[N]) {
  for (std::uint64_t x : v)
    w.u64(x);
}
template <std::size_t N>
void decode_counts(StateReader& r, std::uint64_t (&v)[N]) {
  for (std::uint64_t& x : v)
    x = r.u64();
}

}  // namespace

void encode_report(StateWriter& w, const load::FileReport& r) {
  w.str(r.path);
  w.i64(r.data_type);
  w.boolean(r.skipped);
  encode_counts(w, r.records);
  w.u64(r.errors);
  encode_errors(w, r.error_samples);
  w.u64(r.unknown_fields);
  w.u64(r.unknown_branches);
  leda::encode(w, r.schema_versions);
  w.i64(r.time_from);
  w.i64(r.time_to);
  w.u64(r.bytes);
  w.u64(r.compressed_bytes);
}

load::FileReport decode_report(StateReader& r) {
  load::FileReport f;
  f.path = r.str();
  f.data_type = static_cast<int>(r.i64());
  f.skipped = r.boolean();
  decode_counts(r, f.records);
  f.errors = r.u64();
  f.error_samples = decode_errors(r);
  f.unknown_fields = r.u64();
  f.unknown_branches = r.u64();
  leda::decode(r, f.schema_versions);
  f.time_from = r.i64();
  f.time_to = r.i64();
  f.bytes = r.u64();
  f.compressed_bytes = r.u64();
  return f;
}

void encode_stats(StateWriter& w, const load::LoadStats& s) {
  encode_counts(w, s.files);
  encode_counts(w, s.records);
  w.u64(s.files_total);
  w.u64(s.duplicates);
  w.u64(s.merged_parts);
  w.u64(s.errors);
  encode_errors(w, s.error_samples);
  w.u64(s.unknown_fields);
  w.u64(s.unknown_branches);
  leda::encode(w, s.schema_versions);
  w.i64(s.time_from);
  w.i64(s.time_to);
  w.u64(s.bytes);
  w.u64(s.compressed_bytes);
  const auto& m = s.merged;
  for (std::uint64_t x : {m.agent_sessions, m.agents, m.visits, m.conversations, m.surveys})
    w.u64(x);
}

load::LoadStats decode_stats(StateReader& r) {
  load::LoadStats s;
  decode_counts(r, s.files);
  decode_counts(r, s.records);
  s.files_total = r.u64();
  s.duplicates = r.u64();
  s.merged_parts = r.u64();
  s.errors = r.u64();
  s.error_samples = decode_errors(r);
  s.unknown_fields = r.u64();
  s.unknown_branches = r.u64();
  leda::decode(r, s.schema_versions);
  s.time_from = r.i64();
  s.time_to = r.i64();
  s.bytes = r.u64();
  s.compressed_bytes = r.u64();
  auto& m = s.merged;
  for (std::uint64_t* x : {&m.agent_sessions, &m.agents, &m.visits, &m.conversations, &m.surveys})
    *x = r.u64();
  return s;
}

}  // namespace leda::dist
