// util/progress.hpp — a progress bar on stderr, shown only when stderr is a terminal.
//
//   leda::Progress bar("loading", total_bytes, "B");
//   bar.add(n);        // thread-safe; redraws at most ten times a second
//   bar.add_bytes(b);  // optional: bytes moved, shown next to a count ("3/40 files, 1.2 MB")
//   bar.finish();      // clears the line
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace leda::util {

class Progress {
 public:
  /// `unit` "B" prints sizes in MB; anything else prints counts with that unit.
  Progress(std::string label, std::uint64_t total, std::string unit);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// Adds `n` to the amount done; may redraw.
  void add(std::uint64_t n);
  /// Adds `n` bytes to a byte counter shown (in MB, with the rate) after a count that is not
  /// itself in bytes, e.g. files downloaded; thread-safe; may redraw. Unused, nothing is shown.
  void add_bytes(std::uint64_t n);
  /// Clears the bar's line (only when it was drawn).
  void finish();
  /// True when stderr is a terminal (the bar is drawn).
  bool enabled() const { return enabled_; }

 private:
  void maybe_draw(std::uint64_t done);
  void draw(std::uint64_t done);
  std::string label_, unit_;
  std::uint64_t total_;
  std::atomic<std::uint64_t> done_{0};
  std::atomic<std::uint64_t> bytes_{0};
  bool enabled_;
  bool finished_ = false;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace leda::util
