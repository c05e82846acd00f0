#include "load/load_report.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <fmt/format.h>

#include "model/model_dump.hpp"
#include "util/civil_time.hpp"

namespace leda::load {
namespace {

double mb_per_s(const LoadStats& s) {
  return s.seconds > 0 ? static_cast<double>(s.bytes) / 1e6 / s.seconds : 0.0;
}

std::uint64_t sessions_of_type(const Model& m, int type) {
  switch (type) {
    case 0:
      return m.agent_sessions.size();
    case 1:
      return m.visits.size();
    case 2:
      return m.conversations.size();
    default:
      return m.surveys.size();
  }
}

}  // namespace

std::string load_report_json(const LoadStats& s, const Model& m) {
  rapidjson::StringBuffer buf;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
  w.SetIndent(' ', 2);
  auto key = [&](std::string_view k) {
    w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
  };
  auto string = [&](std::string_view v) {
    w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  };
  auto per_type = [&](std::string_view name, const std::uint64_t* values) {
    key(name);
    w.StartObject();
    for (int t = 0; t < kDataTypeCount; ++t) {
      key(data_type_name(static_cast<DataType>(t)));
      w.Uint64(values[t]);
    }
    w.EndObject();
  };
  w.StartObject();
  per_type("files", s.files);
  key("files_total");
  w.Uint64(s.files_total);
  per_type("records", s.records);
  key("sessions");
  w.StartObject();
  key("agent_sessions");
  w.Uint64(m.agent_sessions.size());
  key("visits");
  w.Uint64(m.visits.size());
  key("conversations");
  w.Uint64(m.conversations.size());
  key("surveys");
  w.Uint64(m.surveys.size());
  w.EndObject();
  key("agents");
  w.Uint64(m.agents.size());
  key("duplicates");
  w.Uint64(s.duplicates);
  key("merged_parts");
  w.Uint64(s.merged_parts);
  key("errors");
  w.Uint64(s.errors);
  key("error_samples");
  w.StartArray();
  for (const LoadError& e : s.error_samples) {
    w.StartObject();
    key("file");
    string(e.file);
    key("line");
    w.Uint64(e.line);
    key("offset");
    w.Uint64(e.offset);
    key("reason");
    string(e.reason);
    w.EndObject();
  }
  w.EndArray();
  key("time_range");
  if (s.time_from == kNoLong) {
    w.Null();
  } else {
    w.StartObject();
    key("from");
    string(util::format_iso8601(s.time_from, 0, true));
    key("to");
    string(util::format_iso8601(s.time_to, 0, true));
    w.EndObject();
  }
  key("schema_versions");
  w.StartArray();
  for (const std::string& v : s.schema_versions)
    string(v);
  w.EndArray();
  key("bytes");
  w.Uint64(s.bytes);
  key("compressed_bytes");
  w.Uint64(s.compressed_bytes);
  key("seconds");
  w.Double(s.seconds);
  key("mb_per_s");
  w.Double(mb_per_s(s));
  key("peak_rss_bytes");
  w.Uint64(s.peak_rss_bytes);
  key("model_bytes");
  w.Uint64(model::model_memory_bytes(m));
  key("unknown_fields");
  w.Uint64(s.unknown_fields);
  key("unknown_branches");
  w.Uint64(s.unknown_branches);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

std::string load_report_table(const LoadStats& s, const Model& m) {
  std::string out;
  auto line = [&]<class... A>(fmt::format_string<A...> f, A&&... args) {
    out += fmt::format(f, std::forward<A>(args)...);
    out += '\n';
  };
  line("{:<15} {:>8} {:>10} {:>10}", "data type", "files", "records", "sessions");
  constexpr const char* kSessionNames[] = {"agent sessions", "visits", "conversations", "surveys"};
  for (int t = 0; t < kDataTypeCount; ++t)
    line("{:<15} {:>8} {:>10} {:>10}  {}", data_type_name(static_cast<DataType>(t)), s.files[t],
         s.records[t], sessions_of_type(m, t), kSessionNames[t]);
  line("");
  line("files read        {} ({} with no usable record)", s.files_total,
       s.files_total - (s.files[0] + s.files[1] + s.files[2] + s.files[3]));
  line("agents            {}", m.agents.size());
  line("duplicates        {} records dropped (already seen)", s.duplicates);
  line("merged parts      {} agent-session parts added to a session already seen", s.merged_parts);
  if (s.time_from == kNoLong)
    line("time range        (none)");
  else
    line("time range        {} .. {}", util::format_iso8601(s.time_from, 0, true),
         util::format_iso8601(s.time_to, 0, true));
  std::string versions;
  for (const std::string& v : s.schema_versions)
    versions += (versions.empty() ? "" : ", ") + v;
  line("schema versions   {}", versions.empty() ? "(none)" : versions);
  line("unknown           {} fields, {} union branches (skipped)", s.unknown_fields,
       s.unknown_branches);
  line("bytes             {:.1f} MB uncompressed, {:.1f} MB on disk", s.bytes / 1e6,
       s.compressed_bytes / 1e6);
  line("load              {:.2f} s, {:.0f} MB/s", s.seconds, mb_per_s(s));
  line("memory            model {:.1f} MB, peak RSS {:.1f} MB", model::model_memory_bytes(m) / 1e6,
       s.peak_rss_bytes / 1e6);
  line("errors            {}", s.errors);
  if (s.errors > 0) out += describe_errors(s, s.error_samples.size());
  return out;
}

std::string describe_errors(const LoadStats& s, std::size_t max_samples) {
  if (s.errors == 0) return {};
  std::string out = fmt::format("{} error{} in the input:\n", s.errors, s.errors == 1 ? "" : "s");
  std::size_t shown = 0;
  for (const LoadError& e : s.error_samples) {
    if (shown == max_samples) break;
    if (e.line > 0)
      out += fmt::format("  {}:{} (byte {}): {}\n", e.file, e.line, e.offset, e.reason);
    else if (e.offset > 0)
      out += fmt::format("  {} (byte {}): {}\n", e.file, e.offset, e.reason);
    else
      out += fmt::format("  {}: {}\n", e.file, e.reason);
    ++shown;
  }
  if (s.errors > shown) out += fmt::format("  ... and {} more\n", s.errors - shown);
  return out;
}

}  // namespace leda::load
