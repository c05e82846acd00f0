#include "fetch/fetch_plan.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "store/layout.hpp"
#include "util/civil_time.hpp"

namespace leda::fetch {
namespace {

std::string span_text(std::int64_t start, std::int64_t end) {
  return util::format_iso8601(start) + " .. " + util::format_iso8601(end);
}

}  // namespace

std::vector<Window> plan_windows(const std::string& type, const std::string& href,
                                 std::int64_t from, std::int64_t to, std::int64_t width) {
  std::vector<Window> out;
  for (std::int64_t start = from; start < to; start += width) {
    Window w;
    w.type = type;
    w.href = href;
    w.start = start;
    w.end = std::min(to, start + width);
    out.push_back(std::move(w));
  }
  return out;
}

std::int64_t default_start(std::optional<std::int64_t> checkpoint, std::int64_t now,
                           std::int64_t relist_ms, std::int64_t retention_ms) {
  const std::int64_t oldest = now - retention_ms;
  return checkpoint ? std::max(*checkpoint - relist_ms, oldest) : oldest;
}

std::vector<FileTask> collect_files(std::vector<Window>& windows) {
  std::vector<FileTask> files;
  std::map<std::pair<std::string, std::string>, std::size_t> seen;
  for (auto& w : windows) {
    if (!w.call.ok) continue;
    w.problems.insert(w.problems.end(), w.call.listing.problems.begin(),
                      w.call.listing.problems.end());
    for (const auto& f : w.call.listing.files) {
      std::string key = store::file_key(f.name);
      if (!store::is_safe_file_name(key)) {
        w.problems.push_back(fmt::format("unusable file name '{}'", f.name));
        continue;
      }
      auto [it, added] = seen.try_emplace({w.type, key}, files.size());
      if (added) files.push_back({w.type, std::move(key), f, FileState::kPending, {}});
      w.files.push_back(it->second);
    }
  }
  return files;
}

bool window_complete(const Window& w, const std::vector<FileTask>& files) {
  if (!w.call.ok || !w.problems.empty()) return false;
  return std::none_of(w.files.begin(), w.files.end(),
                      [&](std::size_t f) { return files[f].state == FileState::kFailed; });
}

std::optional<std::int64_t> advanced_checkpoint(const std::string& type,
                                                std::optional<std::int64_t> checkpoint,
                                                const std::vector<Window>& windows,
                                                const std::vector<FileTask>& files,
                                                std::int64_t now) {
  std::optional<std::int64_t> reached;
  for (const auto& w : windows) {
    if (w.type != type) continue;
    if (!reached && checkpoint && w.start > *checkpoint) break;
    if (!window_complete(w, files)) break;
    // Never past the start of this run: files for later times may not exist yet.
    reached = std::min(w.end, now);
  }
  if (reached && (!checkpoint || *reached > *checkpoint)) return reached;
  return std::nullopt;
}

void count_attempts(const CallStatus& call, FetchSummary& s) {
  if (call.attempts > 1) s.retries += static_cast<std::size_t>(call.attempts - 1);
  s.most_attempts = std::max(s.most_attempts, call.attempts);
}

void count_outcomes(const std::vector<Window>& windows, const std::vector<FileTask>& files,
                    FetchSummary& s) {
  s.windows = windows.size();
  for (const auto& w : windows) {
    count_attempts(w.call, s);
    const std::string what = fmt::format("listing {} {}", w.type, span_text(w.start, w.end));
    if (w.call.ok) ++s.listed_windows;
    if (w.call.not_tried()) {
      ++s.unlisted;
    } else if (!w.call.ok) {
      s.auth_failed = s.auth_failed || w.call.auth_failure();
      s.failures.push_back({what + " failed", w.call.error, w.call.attempts});
    }
    for (const auto& p : w.problems)
      s.failures.push_back({what, p, 0});
    if (!w.call.ok || !w.problems.empty()) ++s.failed_windows;
  }
  for (const auto& f : files) {
    count_attempts(f.call, s);
    if (f.state == FileState::kStored) {
      ++s.stored;
      s.bytes += f.call.bytes;
    } else if (f.state == FileState::kSkipped) {
      ++s.skipped;
    } else {
      ++s.failed;
      s.auth_failed = s.auth_failed || f.call.auth_failure();
      if (f.call.not_tried())
        ++s.not_tried;
      else
        s.failures.push_back({f.type + "/" + f.key, f.call.error, f.call.attempts});
    }
  }
}

FetchResult FetchSummary::result() const {
  if (!fatal.empty()) return FetchResult::kNothingDone;
  if (windows > 0 && listed_windows == 0 && stored == 0) return FetchResult::kNothingDone;
  if (failed > 0 || failed_windows > 0 || missing_types > 0) return FetchResult::kPartial;
  return FetchResult::kComplete;
}

}  // namespace leda::fetch
