// leda::load: list the files, parse them in parallel into fragments, merge in path order.
#include "load/loader.hpp"

#include <sys/resource.h>

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>

#include "load/file_reader.hpp"
#include "load/file_walk.hpp"
#include "model/model_builder.hpp"
#include "util/progress.hpp"
#include "util/thread_pool.hpp"

namespace leda::load {

// A part bit implies its data type.
std::uint32_t normalize_needs(std::uint32_t needs) {
  if (needs & kNeedEvents) needs |= kNeedAgentActivity;
  if (needs & (kNeedNavigation | kNeedAttributes | kNeedGoals | kNeedEligibility |
               kNeedImpressions | kNeedVisitInfo))
    needs |= kNeedWebSession;
  if (needs & (kNeedTranscripts | kNeedTransfers)) needs |= kNeedEngagement;
  if (needs & kNeedAnswers) needs |= kNeedSurvey;
  return needs;
}

std::uint64_t peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;  // Linux reports KiB
}

LoadStats::Merged merged_counts(const Model& m) {
  return {m.agent_sessions.size(), m.agents.size(), m.visits.size(), m.conversations.size(),
          m.surveys.size()};
}

namespace {

// Fragments cleared after merging and handed to the next file, so their memory is reused
// rather than allocated (and page-faulted) anew for every file.
class FragmentPool {
 public:
  explicit FragmentPool(std::size_t keep) : keep_(keep) {}
  std::unique_ptr<model::Fragment> take() {
    std::lock_guard lock(mutex_);
    if (free_.empty()) return std::make_unique<model::Fragment>();
    std::unique_ptr<model::Fragment> f = std::move(free_.back());
    free_.pop_back();
    return f;
  }
  void give(std::unique_ptr<model::Fragment> f) {
    f->clear();
    std::lock_guard lock(mutex_);
    if (free_.size() < keep_) free_.push_back(std::move(f));
  }

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<model::Fragment>> free_;
  std::size_t keep_;
};

}  // namespace

void add_file_report(LoadStats& stats, const FileReport& r) {
  ++stats.files_total;
  if (r.data_type >= 0) ++stats.files[r.data_type];
  for (int t = 0; t < kDataTypeCount; ++t)
    stats.records[t] += r.records[t];
  stats.errors += r.errors;
  for (const LoadError& e : r.error_samples)
    if (stats.error_samples.size() < kMaxErrorSamples) stats.error_samples.push_back(e);
  stats.unknown_fields += r.unknown_fields;
  stats.unknown_branches += r.unknown_branches;
  for (const std::string& v : r.schema_versions)
    stats.schema_versions.insert(v);
  if (r.time_from != kNoLong && (stats.time_from == kNoLong || r.time_from < stats.time_from))
    stats.time_from = r.time_from;
  if (r.time_to != kNoLong && (stats.time_to == kNoLong || r.time_to > stats.time_to))
    stats.time_to = r.time_to;
  stats.bytes += r.bytes;
  stats.compressed_bytes += r.compressed_bytes;
}

LoadResult load(const std::vector<std::string>& paths, const LoadOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const std::vector<DataFile> files = list_data_files(paths);
  const std::uint32_t needs = normalize_needs(options.needs);
  const unsigned threads = options.threads != 0 ? options.threads : util::default_threads();
  const std::size_t n = files.size();

  std::uint64_t total_bytes = 0;
  for (const DataFile& f : files)
    total_bytes += f.size;
  std::optional<util::Progress> bar;
  if (options.progress) bar.emplace("loading", total_bytes, "B");

  // Files are parsed in any order; fragments merge strictly in path order, by whichever
  // worker finds the next one ready, while the others go on parsing.
  std::vector<ParsedFile> parsed(n);
  std::unique_ptr<std::atomic<bool>[]> ready(new std::atomic<bool>[n]);
  for (std::size_t i = 0; i < n; ++i)
    ready[i].store(false, std::memory_order_relaxed);
  model::ModelBuilder builder;
  std::array<std::uint64_t, kDataTypeCount> hinted_bytes{};
  for (const DataFile& f : files)
    if (f.type_hint >= 0) hinted_bytes[f.type_hint] += f.size;
  builder.expect_input(hinted_bytes);
  FragmentPool pool(threads);
  std::mutex merge_mutex;
  std::size_t merged = 0;
  auto merge_ready = [&] {
    while (merged < n && ready[merged].load(std::memory_order_acquire)) {
      builder.add(*parsed[merged].fragment, files[merged].type_hint, files[merged].size);
      pool.give(std::move(parsed[merged].fragment));
      ++merged;
    }
  };
  util::parallel_for(n, threads, [&](std::size_t i) {
    parsed[i] = read_data_file(files[i].path, needs, pool.take());
    ready[i].store(true, std::memory_order_release);
    if (bar) bar->add(files[i].size);
    std::unique_lock lock(merge_mutex, std::try_to_lock);
    if (lock.owns_lock()) merge_ready();
  });
  {
    std::lock_guard lock(merge_mutex);
    merge_ready();
  }

  release_read_buffers();  // the other workers' buffers ended with their threads
  LoadResult result;
  result.model = builder.finish(threads);
  if (bar) bar->finish();
  LoadStats& stats = result.stats;
  for (const ParsedFile& p : parsed)
    add_file_report(stats, p.report);
  stats.duplicates = builder.duplicates();
  stats.merged_parts = builder.merged_parts();
  stats.merged = merged_counts(result.model);
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  stats.peak_rss_bytes = peak_rss_bytes();
  return result;
}

}  // namespace leda::load
