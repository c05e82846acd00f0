// fetch/fetch_summary.hpp — what a fetch run tells its caller: progress and notices while it
// works (FetchObserver), and what it came to when it is over (FetchSummary). The run prints
// nothing itself; `leda fetch` (cli/cmd_fetch.cpp) draws the bars and writes the lines.
//
//   struct Printer : leda::fetch::FetchObserver {
//     void note(const std::string& line) override { std::cerr << line << "\n"; }
//   } printer;
//   leda::fetch::FetchSummary s = leda::fetch::run_fetch(options, printer);
//   for (const auto& f : s.failures) std::cerr << f.what << ": " << f.error << "\n";
//   if (s.result() == leda::fetch::FetchResult::kComplete) ...
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace leda::fetch {

/// Receives a run's progress. Every method has an empty default. stage() and stage_done() come
/// from the thread that called run_fetch(); advanced() and received() come from the download
/// threads, concurrently, between the two.
class FetchObserver {
 public:
  virtual ~FetchObserver() = default;
  /// A notice worth a line on its own, e.g. leftovers of an earlier run removed.
  virtual void note(const std::string& line) { (void)line; }
  /// A stage starts: `total` items of `unit` ("windows" to list, "files" to download).
  virtual void stage(std::string_view name, std::size_t total, std::string_view unit) {
    (void)name, (void)total, (void)unit;
  }
  /// `items` more items of the current stage are done (whether they succeeded or not).
  virtual void advanced(std::size_t items) { (void)items; }
  /// `bytes` more body bytes of downloads arrived.
  virtual void received(std::uint64_t bytes) { (void)bytes; }
  /// The current stage is over.
  virtual void stage_done() {}
};

/// One listing window or file that did not make it into the store.
struct FetchFailure {
  std::string what;   ///< "webSession/<file key>" or "listing survey <from> .. <to>"
  std::string error;  ///< why, e.g. "download failed its check: ... bad CRC"
  int attempts = 0;   ///< requests made for it (0: none, e.g. an unusable listed name)
};

enum class FetchResult {
  kComplete,     ///< every listed file is stored
  kPartial,      ///< some windows or files failed; the rest is stored
  kNothingDone,  ///< nothing could be done (keys, URL, store, base resource, every listing)
};

/// What a run came to.
struct FetchSummary {
  std::size_t stored = 0;          ///< files downloaded and committed in this run
  std::size_t skipped = 0;         ///< files already stored and verified
  std::size_t failed = 0;          ///< listed files not stored
  std::size_t windows = 0;         ///< listing windows planned
  std::size_t listed_windows = 0;  ///< windows whose listing was answered
  std::size_t failed_windows = 0;  ///< windows not listed, or listed with unusable entries
  std::size_t missing_types = 0;   ///< types asked for that the base resource has no link for
  std::uint64_t bytes = 0;         ///< bytes stored in this run
  double seconds = 0;              ///< wall time of the run
  std::size_t unlisted = 0;        ///< windows not listed after the run stopped early
  std::size_t not_tried = 0;       ///< files not downloaded after the run stopped early
  std::size_t second_pass = 0;     ///< windows and files given one more pass at the end
  std::size_t retries = 0;         ///< attempts beyond the first, over all requests
  int most_attempts = 0;           ///< the most attempts one request took
  bool auth_failed = false;        ///< the server refused the API key (401/403) somewhere
  /// Why nothing could be done, when that is so (a sentence without a prefix), else empty.
  std::string fatal;
  /// Why the run stopped early (a failure every request would meet: the key refused, the disk
  /// full), else empty. What was not tried then is counted in `unlisted` and `not_tried`, not in
  /// `failures`.
  std::string stopped;
  /// Each window and file that failed (and was tried), in listing order.
  std::vector<FetchFailure> failures;

  FetchResult result() const;
};

}  // namespace leda::fetch
