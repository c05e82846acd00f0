// load/file_reader.hpp — one Data Access file (gzip or plain) into a model::Fragment and a report.
//
//   leda::ParsedFile f = leda::read_data_file("store/75555851/agentActivity/Agent...gz", needs);
//   // f.fragment holds the records; f.report the counts and errors of this file
//
// Never throws for bad input: an unreadable or empty file, a gzip error (the members decoded
// before it are still read), broken JSON (the record is dropped and reading resumes at the next
// line that starts with '{'), a record without dataType or recordCollection, or a value of the
// wrong type, each becomes an error naming the line and byte offset, and every good record is
// kept. A file whose first record is of a type not needed is not read further: for a gzip file
// only its first few kilobytes are inflated to tell.
//
// Thread-safety: any number of files may be read at once, each by one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "leda/model.hpp"
#include "load/loader.hpp"
#include "model/fragment.hpp"

namespace leda::load {

/// At most this many errors of one file are kept with their location.
inline constexpr std::size_t kMaxErrorSamples = 20;

/// What reading one file found.
struct FileReport {
  std::string path;
  int data_type = -1;    ///< DataType of its first record, -1 when none was read
  bool skipped = false;  ///< its data type was not needed
  std::uint64_t records[kDataTypeCount] = {};  ///< records kept into the fragment
  std::uint64_t errors = 0;
  std::vector<LoadError> error_samples;  ///< the first kMaxErrorSamples
  std::uint64_t unknown_fields = 0, unknown_branches = 0;
  std::vector<std::string> schema_versions;  ///< distinct, in order of appearance
  TimeMs time_from = kNoLong, time_to = kNoLong;
  std::uint64_t bytes = 0;             ///< decompressed bytes parsed
  std::uint64_t compressed_bytes = 0;  ///< bytes read from disk

  void add_error(std::uint64_t line, std::uint64_t offset, std::string reason);
};

struct ParsedFile {
  std::unique_ptr<model::Fragment> fragment;
  FileReport report;
};

/// Reads the file at `path`, building what `needs` (Need bits) asks for into `fragment` (an
/// empty one, e.g. recycled with model::Fragment::clear(); a new one when null).
ParsedFile read_data_file(const std::string& path, std::uint32_t needs,
                          std::unique_ptr<model::Fragment> fragment = nullptr);

/// Frees the calling thread's reading buffers (they are kept from file to file).
void release_read_buffers();

/// Reads `content` (the bytes of a file: gzip or plain) as if it were the file `path`.
/// `content` may be modified.
ParsedFile read_data_bytes(const std::string& path, std::string& content, std::uint32_t needs,
                           std::unique_ptr<model::Fragment> fragment = nullptr);

}  // namespace leda::load
