#include "load/file_reader.hpp"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "load/json_cursor.hpp"
#include "load/parse_state.hpp"
#include "load/record_reader.hpp"
#include "util/gzip.hpp"

namespace leda::load {
namespace {

// Per-thread buffers reused from file to file: a file's bytes, and its decompressed text
// (tl_inflated is never zero-filled; tl_text serves the general decoder).
thread_local std::string tl_content, tl_text;
thread_local std::unique_ptr<char[]> tl_inflated;
thread_local std::size_t tl_inflated_capacity = 0;

struct Inflater {
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  ~Inflater() { libdeflate_free_decompressor(d); }
};

// Decodes `gz` when it is one whole gzip member (the common case) into tl_inflated, followed
// by JsonCursor::kPadding NULs. False when it is not, or not valid: the caller then uses the
// general decoder, which explains what is wrong.
bool gunzip_single_member(const std::string& gz, char*& text, std::size_t& size) {
  if (gz.size() < 18) return false;
  const auto* tail = reinterpret_cast<const unsigned char*>(gz.data() + gz.size() - 4);
  const std::size_t isize =
      tail[0] | (tail[1] << 8) | (tail[2] << 16) | (static_cast<std::size_t>(tail[3]) << 24);
  if (isize > gz.size() * 1032) return false;  // beyond deflate's ratio: a bogus trailer
  const std::size_t need = isize + JsonCursor::kPadding;
  if (need > tl_inflated_capacity) {
    tl_inflated.reset();  // free first: the old content is not needed
    tl_inflated = std::make_unique_for_overwrite<char[]>(need);
    tl_inflated_capacity = need;
  }
  thread_local Inflater inflater;
  std::size_t in_used = 0, out_used = 0;
  const auto rc = libdeflate_gzip_decompress_ex(inflater.d, gz.data(), gz.size(), tl_inflated.get(),
                                                isize, &in_used, &out_used);
  if (rc != LIBDEFLATE_SUCCESS || in_used != gz.size() || out_used != isize) return false;
  std::memset(tl_inflated.get() + isize, 0, JsonCursor::kPadding);
  text = tl_inflated.get();
  size = isize;
  return true;
}

// Inflates up to `limit` bytes of the start of a gzip file (zlib streams; libdeflate only
// decodes whole buffers).
std::string inflate_prefix(const std::string& gz, std::size_t limit) {
  std::string out(limit + JsonCursor::kPadding, '\0');
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return {};
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  zs.avail_in = static_cast<uInt>(std::min<std::size_t>(gz.size(), 1u << 30));
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(limit);
  int rc = Z_OK;
  while (rc == Z_OK && zs.avail_out > 0)
    rc = inflate(&zs, Z_NO_FLUSH);
  const std::size_t n = limit - zs.avail_out;
  inflateEnd(&zs);
  out.resize(n);
  return out;
}

// Where to resume after a broken record: the next line that starts with '{', at or after
// `from`; `end` when there is none.
char* resync_point(char* begin, char* end, char* from) {
  char* p = from;
  if (p > begin && p < end && p[-1] == '\n' && *p == '{') return p;
  while (p < end) {
    char* nl = static_cast<char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (nl == nullptr) return end;
    p = nl + 1;
    if (p < end && *p == '{') return p;
  }
  return end;
}

// Counts lines up to byte offsets that only grow (errors are met in order).
class LineCounter {
 public:
  explicit LineCounter(const char* text) : text_(text) {}
  std::uint64_t line_at(std::size_t offset) {
    if (offset < offset_) offset_ = 0, line_ = 1;
    const char* p = text_ + offset_;
    const char* end = text_ + offset;
    for (; p < end; ++p) {
      p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
      if (p == nullptr) break;
      ++line_;
    }
    offset_ = offset;
    return line_;
  }

 private:
  const char* text_;
  std::size_t offset_ = 0;
  std::uint64_t line_ = 1;
};

void widen(TimeMs& lo, TimeMs& hi, TimeMs from, TimeMs to) {
  if (from != kNoLong && (lo == kNoLong || from < lo)) lo = from;
  if (to != kNoLong && (hi == kNoLong || to > hi)) hi = to;
}

// Parses the records of `text` (size bytes followed by kPadding NULs).
void parse_text(char* text, std::size_t size, std::uint32_t needs, model::Fragment& frag,
                FileReport& report) {
  char* const end = text + size;
  JsonCursor cur(text, end);
  if (size >= 3 && std::memcmp(text, "\xEF\xBB\xBF", 3) == 0) cur.seek(text + 3);  // UTF-8 BOM
  ParseState s(cur, frag, needs);
  LineCounter lines(text);
  bool first = true, any = false;
  while (cur.next_record()) {
    any = true;
    char* const start = cur.position();
    const model::FragmentMark mark = frag.mark();
    s.start_record(frag.records);
    try {
      if (*start != '{') cur.fail_expected("record", "'{' starting a record");
      const RecordResult r = read_envelope(s, first);
      first = false;
      switch (r.outcome) {
        case RecordOutcome::kKept: {
          ++frag.records;
          ++report.records[static_cast<int>(r.type)];
          if (report.data_type < 0) report.data_type = static_cast<int>(r.type);
          report.unknown_fields += s.unknown_fields;
          report.unknown_branches += s.unknown_branches;
          widen(report.time_from, report.time_to, s.time_min, s.time_max);
          if (!s.schema_version.empty() &&
              std::find(report.schema_versions.begin(), report.schema_versions.end(),
                        s.schema_version) == report.schema_versions.end())
            report.schema_versions.emplace_back(s.schema_version);
          break;
        }
        case RecordOutcome::kRejected: {
          frag.rollback(mark);
          const auto offset = static_cast<std::size_t>(start - text);
          report.add_error(lines.line_at(offset), offset, s.rejected);
          break;
        }
        case RecordOutcome::kTypeNotNeeded:
          break;
        case RecordOutcome::kFileNotNeeded:
          report.data_type = static_cast<int>(r.type);
          report.skipped = true;
          return;
        case RecordOutcome::kUnknownType:
          report.unknown_branches += s.unknown_branches;
          break;
      }
    } catch (const JsonError& e) {
      frag.rollback(mark);
      first = false;
      report.add_error(lines.line_at(e.offset()), e.offset(), e.reason());
      cur.seek(resync_point(text, end, std::max(text + e.offset(), start + 1)));
    }
  }
  if (!any && report.errors == 0) report.add_error(0, 0, "empty file: no records");
}

}  // namespace

void FileReport::add_error(std::uint64_t line, std::uint64_t offset, std::string reason) {
  ++errors;
  if (error_samples.size() < kMaxErrorSamples)
    error_samples.push_back({path, line, offset, std::move(reason)});
}

ParsedFile read_data_bytes(const std::string& path, std::string& content, std::uint32_t needs,
                           std::unique_ptr<model::Fragment> fragment) {
  ParsedFile out;
  out.fragment = fragment ? std::move(fragment) : std::make_unique<model::Fragment>();
  FileReport& report = out.report;
  report.path = path;
  report.compressed_bytes = content.size();
  if (content.empty()) {
    report.add_error(0, 0, "empty file");
    return out;
  }
  if (!util::is_gzip(content)) {
    report.bytes = content.size();
    content.append(JsonCursor::kPadding, '\0');
    parse_text(content.data(), report.bytes, needs, *out.fragment, report);
    return out;
  }
  const std::uint32_t all_types =
      kNeedAgentActivity | kNeedWebSession | kNeedEngagement | kNeedSurvey;
  if ((needs & all_types) != all_types) {
    std::string prefix = inflate_prefix(content, 16 * 1024);
    const std::size_t n = prefix.size();
    prefix.append(JsonCursor::kPadding, '\0');
    DataType type;
    if (peek_data_type(prefix.data(), prefix.data() + n, type) && !(needs & need_of(type))) {
      report.data_type = static_cast<int>(type);
      report.skipped = true;
      return out;
    }
  }
  char* text = nullptr;
  std::size_t size = 0;
  if (!gunzip_single_member(content, text, size)) {
    // Several members, or an error: the general decoder reports it and keeps the members
    // decoded before it.
    tl_text.clear();
    const util::GunzipResult g = util::gunzip(content, tl_text);
    if (!g.ok) report.add_error(0, g.bad_offset, g.error + " (offset in the compressed file)");
    size = tl_text.size();
    tl_text.append(JsonCursor::kPadding, '\0');
    text = tl_text.data();
  }
  report.bytes = size;
  parse_text(text, size, needs, *out.fragment, report);
  if (tl_text.capacity() > (64u << 20)) std::string().swap(tl_text);
  return out;
}

void release_read_buffers() {
  std::string().swap(tl_content);
  std::string().swap(tl_text);
  tl_inflated.reset();
  tl_inflated_capacity = 0;
}

ParsedFile read_data_file(const std::string& path, std::uint32_t needs,
                          std::unique_ptr<model::Fragment> fragment) {
  std::string& content = tl_content;
  try {
    util::read_file(path, content);
  } catch (const std::exception& e) {
    ParsedFile out;
    out.fragment = fragment ? std::move(fragment) : std::make_unique<model::Fragment>();
    out.report.path = path;
    std::string reason = e.what();
    if (reason.rfind(path + ": ", 0) == 0) reason.erase(0, path.size() + 2);
    out.report.add_error(0, 0, reason);
    return out;
  }
  ParsedFile out = read_data_bytes(path, content, needs, std::move(fragment));
  if (content.capacity() > (256u << 20)) std::string().swap(content);
  return out;
}

}  // namespace leda::load
