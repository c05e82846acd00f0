// fetch/fetch_plan.hpp — the bookkeeping of a fetch run, apart from any I/O: which windows to
// list, which listed files to fetch (each once), and how far each type's checkpoint may move.
//
//   auto windows = leda::fetch::plan_windows(range, "survey", href);
//   ... fill windows[i].call by listing ...
//   auto files = leda::fetch::collect_files(windows);
//   ... set files[i].state by skipping or downloading ...
//   auto again = leda::fetch::worth_another_pass(files);   // those that ran out of retry time
//   auto cp = leda::fetch::advanced_checkpoint("survey", old_cp, windows, files, now);
//   leda::fetch::count_outcomes(windows, files, summary);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fetch/data_access_api.hpp"
#include "fetch/fetch_summary.hpp"

namespace leda::fetch {

/// One listing call: a type and a time window [start, end).
struct Window {
  std::string type;
  std::string href;  ///< the type's listing URL from the base resource
  std::int64_t start = 0, end = 0;
  ListingCall call;                   ///< the listing's outcome
  std::vector<std::size_t> files;     ///< indexes into the collected files
  std::vector<std::string> problems;  ///< listed entries that could not be used
};

enum class FileState { kPending, kSkipped, kStored, kFailed };

/// One listed file, once per run even when several windows list it.
struct FileTask {
  std::string type;
  std::string key;  ///< the dedupe key (store::file_key of the @name)
  ListedFile file;
  FileState state = FileState::kPending;
  DownloadCall call;
};

/// The windows of `width` ms covering [from, to) for `type` (the last one may be shorter).
std::vector<Window> plan_windows(const std::string& type, const std::string& href,
                                 std::int64_t from, std::int64_t to, std::int64_t width);

/// The start of a type's range when --from is not given: its checkpoint minus `relist_ms`, or
/// `now - retention_ms` on a first run, and never before `now - retention_ms`.
std::int64_t default_start(std::optional<std::int64_t> checkpoint, std::int64_t now,
                           std::int64_t relist_ms, std::int64_t retention_ms);

/// The files of the windows that were listed, each (type, key) once; records in each window the
/// indexes of its files, and as a problem any listed name that cannot be stored safely.
std::vector<FileTask> collect_files(std::vector<Window>& windows);

/// True when the window was listed without problems and none of its files failed.
bool window_complete(const Window& w, const std::vector<FileTask>& files);

/// Where the checkpoint of `type` may move: over the leading run of complete windows of that
/// type, if that run starts at or before `checkpoint` (a gap is never jumped), and never past
/// `now`. Returns nullopt when it does not move forward.
std::optional<std::int64_t> advanced_checkpoint(const std::string& type,
                                                std::optional<std::int64_t> checkpoint,
                                                const std::vector<Window>& windows,
                                                const std::vector<FileTask>& files,
                                                std::int64_t now);

/// The indexes of `items` (windows or files) whose call failed transiently and ran out of retry
/// time: those worth one more pass.
template <class T>
std::vector<std::size_t> worth_another_pass(const std::vector<T>& items) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].call.worth_another_pass()) out.push_back(i);
  return out;
}

/// Adds the attempts of `call` to the summary's retry figures.
void count_attempts(const CallStatus& call, FetchSummary& summary);

/// Counts the outcome of every window and file into `summary`, with one failure entry for each
/// that was tried and did not make it; what was not tried (the run stopped early) is only
/// counted.
void count_outcomes(const std::vector<Window>& windows, const std::vector<FileTask>& files,
                    FetchSummary& summary);

}  // namespace leda::fetch
