#include "gen/generator.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "gen/brand_tables.hpp"
#include "gen/gzip_encoder.hpp"
#include "gen/records.hpp"
#include "gen/wfm_schedule.hpp"
#include "gen/world.hpp"
#include "util/progress.hpp"
#include "util/thread_pool.hpp"

namespace leda::gen {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kPrefix[kDataTypeCount] = {"Agent", "WebSession", "Engagement",
                                                      "Survey"};
// The WFM files beside the agent map (gen/wfm_schedule.hpp), in the order they are made.
constexpr std::string_view kWfmFiles[] = {"schedule.csv", "activities.csv", "schedule-iex.txt",
                                          "schedule-genesys.json", "genesys-activity-codes.json"};

using RecordWriter = void (*)(const World&, std::uint32_t, bool, std::string&);
constexpr RecordWriter kWriter[kDataTypeCount] = {write_agent_session, write_visit,
                                                  write_conversation, write_survey};

// A few files use the envelope variant of live files (§2.2): of the agent-activity and of the
// web-session files, the 2nd, 14th, 26th, ... in time order.
bool wrapped_envelope(const World& w, DataType type, int hour) {
  if (type != DataType::kAgentActivity && type != DataType::kWebSession) return false;
  const HourIndex& x = w.by_hour[static_cast<int>(type)];
  int rank = 0;  // non-empty hours before this one
  for (int h = 0; h < hour; ++h)
    rank += x.first[h + 1] > x.first[h];
  return rank % 12 == 1;
}

void write_whole_file(const fs::path& path, std::string_view bytes) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!f)
    throw std::runtime_error(
        fmt::format("{}: cannot create: {}", path.string(), std::strerror(errno)));
  if (std::fwrite(bytes.data(), 1, bytes.size(), f.get()) != bytes.size() ||
      std::fflush(f.get()) != 0)
    throw std::runtime_error(
        fmt::format("{}: write error: {}", path.string(), std::strerror(errno)));
  if (std::fclose(f.release()) != 0)
    throw std::runtime_error(
        fmt::format("{}: write error: {}", path.string(), std::strerror(errno)));
}

// What one hour wrote, per data type.
struct HourStats {
  std::uint64_t files[kDataTypeCount] = {}, records[kDataTypeCount] = {},
                bytes[kDataTypeCount] = {}, compressed[kDataTypeCount] = {};
};

void write_hour(const World& w, int hour, const fs::path& account_dir, HourStats& stats) {
  const TimeMs start = w.range_start + hour * kHourMs, end = start + kHourMs;
  std::string json, gz;
  for (int t = 0; t < kDataTypeCount; ++t) {
    const DataType type = static_cast<DataType>(t);
    const auto items = w.closing_in(type, hour);
    if (items.empty()) continue;
    const bool wrapped = wrapped_envelope(w, type, hour);
    int part = 0;
    auto flush = [&] {
      gzip_compress(json, kGzipLevel, gz);
      const std::string name =
          fmt::format("{}.{}.{}.part-{:05d}-0.gz", kPrefix[t], start, end, part++);
      write_whole_file(account_dir / data_type_name(type) / name, gz);
      ++stats.files[t];
      stats.bytes[t] += json.size();
      stats.compressed[t] += gz.size();
      json.clear();
    };
    for (std::uint32_t item : items) {
      kWriter[t](w, item, wrapped, json);
      ++stats.records[t];
      if (json.size() >= w.options.part_bytes) flush();
    }
    if (!json.empty()) flush();
  }
}

// A hidden directory under the output directory that holds the new files until they are all
// written; removed with whatever is left in it when the run fails.
class Staging {
 public:
  explicit Staging(fs::path path) : path_(std::move(path)) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~Staging() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

std::uint64_t GenSummary::total_files() const {
  return files[0] + files[1] + files[2] + files[3];
}
std::uint64_t GenSummary::total_records() const {
  return records[0] + records[1] + records[2] + records[3];
}
std::uint64_t GenSummary::total_bytes() const {
  return bytes[0] + bytes[1] + bytes[2] + bytes[3];
}
std::uint64_t GenSummary::total_compressed() const {
  return compressed[0] + compressed[1] + compressed[2] + compressed[3];
}

void validate(const GenOptions& o) {
  if (o.out_dir.empty()) throw GenUsageError("an output directory is required (--out DIR)");
  if (o.account.empty() || o.account.size() > 12 ||
      !std::all_of(o.account.begin(), o.account.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw GenUsageError(
        fmt::format("--account must be 1 to 12 decimal digits, got '{}'", o.account));
  if (o.agents < 1 || o.agents > 10000)
    throw GenUsageError(fmt::format("--agents must be 1..10000, got {}", o.agents));
  if (o.days < 1 || o.days > 366)
    throw GenUsageError(fmt::format("--days must be 1..366, got {}", o.days));
  if (o.visits_per_day < 0 || o.visits_per_day > 10000000)
    throw GenUsageError(
        fmt::format("--visits-per-day must be 0..10000000, got {}", o.visits_per_day));
  // 1971-01-01 .. 2199-12-31: far enough from the epoch for local shifts the day before.
  if (o.start_day < 365 || o.start_day > 84000)
    throw GenUsageError("--start must be a date between 1971-01-01 and 2199-12-31");
  if (o.threads > 1024)
    throw GenUsageError(fmt::format("--threads must be 0..1024, got {}", o.threads));
  if (o.part_bytes == 0) throw GenUsageError("part size must be positive");
}

GenSummary generate(const GenOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  validate(options);
  const fs::path out(options.out_dir);
  const fs::path account_dir = out / options.account;
  const fs::path tables[] = {out / "agents.csv", out / "membership.csv"};
  if (!options.force)
    for (const fs::path& p : {account_dir, tables[0], tables[1]})
      if (fs::exists(p))
        throw GenOutputExists(fmt::format("{} already exists (--force replaces it)", p.string()));
  if (!options.force)
    for (std::string_view name : kWfmFiles)
      if (fs::exists(out / name))
        throw GenOutputExists(
            fmt::format("{} already exists (--force replaces it)", (out / name).string()));

  const World w = build_world(options);

  fs::create_directories(out);
  Staging staging(out / fmt::format(".leda-generate-{}-{}", options.account, ::getpid()));
  const fs::path staged_account = staging.path() / options.account;
  for (int t = 0; t < kDataTypeCount; ++t)
    fs::create_directories(staged_account / data_type_name(static_cast<DataType>(t)));

  std::vector<HourStats> stats(static_cast<std::size_t>(w.hours));
  std::optional<leda::util::Progress> bar;
  if (options.progress) bar.emplace("generate", static_cast<std::uint64_t>(w.hours), "hours");
  leda::util::parallel_for(stats.size(),
                           options.threads ? options.threads : leda::util::default_threads(),
                           [&](std::size_t h) {
                             write_hour(w, static_cast<int>(h), staged_account, stats[h]);
                             if (bar) bar->add(1);
                           });
  if (bar) bar->finish();
  write_whole_file(staging.path() / "agents.csv", agent_map_csv(w));
  write_whole_file(staging.path() / "membership.csv", membership_csv(w));
  const std::vector<ScheduledShift> schedule = plan_schedule(w);
  const std::string wfm_files[] = {schedule_csv(schedule), activity_map_csv(), iex_export(schedule),
                                   genesys_export(w, schedule), genesys_activity_codes()};
  for (std::size_t i = 0; i < std::size(kWfmFiles); ++i)
    write_whole_file(staging.path() / kWfmFiles[i], wfm_files[i]);

  // Into place: the old account (if replaced) goes into the staging directory, which is then
  // removed with it.
  const fs::path replaced = staging.path() / "replaced";
  const bool replacing = fs::exists(account_dir);
  if (replacing) fs::rename(account_dir, replaced);
  try {
    fs::rename(staged_account, account_dir);
  } catch (...) {
    if (replacing) fs::rename(replaced, account_dir);  // put the old account back
    throw;
  }
  fs::rename(staging.path() / "agents.csv", tables[0]);
  fs::rename(staging.path() / "membership.csv", tables[1]);
  for (std::string_view name : kWfmFiles)
    fs::rename(staging.path() / name, out / name);

  GenSummary s;
  for (const HourStats& h : stats)
    for (int t = 0; t < kDataTypeCount; ++t) {
      s.files[t] += h.files[t];
      s.records[t] += h.records[t];
      s.bytes[t] += h.bytes[t];
      s.compressed[t] += h.compressed[t];
    }
  s.agents = w.agents.size();
  s.visits = w.visits.size();
  s.conversations = w.chats.size();
  s.surveys = w.surveys.size();
  s.orders = w.orders.size();
  s.account_dir = account_dir.string();
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return s;
}

}  // namespace leda::gen
