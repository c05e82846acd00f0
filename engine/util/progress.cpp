#include "util/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

namespace leda::util {

Progress::Progress(std::string label, std::uint64_t total, std::string unit)
    : label_(std::move(label)),
      unit_(std::move(unit)),
      total_(total),
      enabled_(isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() {
  finish();
}

void Progress::add(std::uint64_t n) {
  maybe_draw(done_.fetch_add(n) + n);
}

void Progress::add_bytes(std::uint64_t n) {
  bytes_.fetch_add(n);
  maybe_draw(done_.load());
}

void Progress::maybe_draw(std::uint64_t done) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (!lock || finished_ || now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  draw(done);
}

void Progress::draw(std::uint64_t done) {
  const double frac = total_ ? std::min(1.0, static_cast<double>(done) / total_) : 0.0;
  const int width = 30;
  const int fill = static_cast<int>(frac * width);
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string amount;
  if (unit_ == "B")
    amount = fmt::format("{:.1f}/{:.1f} MB, {:.0f} MB/s", done / 1e6, total_ / 1e6,
                         secs > 0 ? done / 1e6 / secs : 0.0);
  else
    amount = fmt::format("{}/{} {}", done, total_, unit_);
  if (const std::uint64_t bytes = bytes_.load(); unit_ != "B" && bytes > 0)
    amount +=
        fmt::format(", {:.1f} MB, {:.1f} MB/s", bytes / 1e6, secs > 0 ? bytes / 1e6 / secs : 0.0);
  std::fprintf(stderr, "\r%s [%s%s] %3.0f%% %s\x1b[K", label_.c_str(),
               std::string(fill, '#').c_str(), std::string(width - fill, '.').c_str(), frac * 100,
               amount.c_str());
  std::fflush(stderr);
}

void Progress::finish() {
  std::lock_guard lock(mutex_);
  if (!enabled_ || finished_) return;
  finished_ = true;
  std::fprintf(stderr, "\r\x1b[K");
  std::fflush(stderr);
}

}  // namespace leda::util
