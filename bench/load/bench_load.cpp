// bench_load: loader throughput against the physical limit, thread scaling and memory.
//
//   bench_load --data DIR            measure an existing account
//   bench_load [--size-mb 500]       generate one with `leda generate` into a temp directory
//   bench_load --synthetic           the spec examples repeated with varied ids instead
//
// Every measurement runs in a forked child, so its peak RSS is its own: the physical limit
// (each file read, gunzipped with libdeflate and parsed by a RapidJSON SAX handler that does
// nothing, one thread), then leda::load with 1 and 2 threads. Each is repeated (--repeat) and
// the fastest run is reported, with CPU time alongside wall time because the machine may be
// shared. The model digests of the 1- and 2-thread loads must match.
#include <libdeflate.h>
#include <rapidjson/reader.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "bench_data.hpp"
#include "load/file_walk.hpp"
#include "load/loader.hpp"
#include "model/fields.hpp"
#include "model/model_dump.hpp"
#include "util/gzip.hpp"
#include "util/large_blocks.hpp"

namespace {
namespace fs = std::filesystem;
namespace po = boost::program_options;

// What one child measured (sent back through a pipe; plain data only).
struct Measure {
  double seconds = 0;       // wall time of the measured work
  double cpu_seconds = 0;   // user + system time of the measured work
  std::uint64_t bytes = 0;  // uncompressed bytes parsed
  std::uint64_t peak_rss = 0;
  std::uint64_t model_bytes = 0;
  std::uint64_t sessions = 0;
  std::uint64_t digest = 0;
  std::uint64_t errors = 0;
};

double cpu_now() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec +
         u.ru_stime.tv_usec / 1e6;
}

double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Runs `work` in a forked child and adds the child's peak RSS.
template <class Work>
Measure in_child(Work&& work) {
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::close(fds[0]);
    Measure m = work();
    const ssize_t n = ::write(fds[1], &m, sizeof m);
    ::_exit(n == sizeof m ? 0 : 1);
  }
  ::close(fds[1]);
  Measure m;
  const ssize_t n = ::read(fds[0], &m, sizeof m);
  ::close(fds[0]);
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  if (n != sizeof m || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("a measurement failed");
  m.peak_rss = static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;
  return m;
}

// Decodes a whole single-member gzip file with libdeflate into `out` (reused, never
// zero-filled); false when the file is something else.
bool inflate_whole(libdeflate_decompressor* d, const std::string& gz, std::unique_ptr<char[]>& out,
                   std::size_t& capacity, std::size_t& size) {
  if (gz.size() < 18) return false;
  const auto* t = reinterpret_cast<const unsigned char*>(gz.data() + gz.size() - 4);
  size = t[0] | (t[1] << 8) | (t[2] << 16) | (static_cast<std::size_t>(t[3]) << 24);
  if (size + 1 > capacity) {
    out.reset();
    out = std::make_unique_for_overwrite<char[]>(size + 1);
    capacity = size + 1;
  }
  std::size_t used_in = 0, used_out = 0;
  return libdeflate_gzip_decompress_ex(d, gz.data(), gz.size(), out.get(), size, &used_in,
                                       &used_out) == LIBDEFLATE_SUCCESS &&
         used_in == gz.size() && used_out == size;
}

// The physical limit: read each file, gunzip it with libdeflate and parse it with a RapidJSON
// SAX handler that does nothing (in situ, the fastest RapidJSON mode).
Measure physical_limit(const std::vector<leda::load::DataFile>& files) {
  Measure m;
  std::string raw, text;
  std::unique_ptr<char[]> inflated;
  std::size_t capacity = 0;
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  const double start = now(), cpu_start = cpu_now();
  for (const leda::load::DataFile& f : files) {
    leda::util::read_file(f.path, raw);
    char* json;
    std::size_t size;
    if (!leda::util::is_gzip(raw)) {
      raw.push_back('\0');
      json = raw.data();
      size = raw.size() - 1;
    } else if (inflate_whole(d, raw, inflated, capacity, size)) {
      json = inflated.get();
      json[size] = '\0';
    } else {  // several members
      text.clear();
      leda::util::gunzip(raw, text);
      text.push_back('\0');
      json = text.data();
      size = text.size() - 1;
    }
    m.bytes += size;
    rapidjson::InsituStringStream in(json);
    rapidjson::BaseReaderHandler<> nothing;
    rapidjson::Reader reader;
    for (;;) {
      while (in.Peek() == ' ' || in.Peek() == '\n' || in.Peek() == '\r' || in.Peek() == '\t')
        in.Take();
      if (in.Peek() == '\0') break;
      if (reader.Parse<rapidjson::kParseInsituFlag | rapidjson::kParseStopWhenDoneFlag>(in, nothing)
              .IsError()) {
        ++m.errors;
        break;
      }
    }
  }
  m.seconds = now() - start;
  m.cpu_seconds = cpu_now() - cpu_start;
  libdeflate_free_decompressor(d);
  return m;
}

Measure loader(const std::string& dir, unsigned threads) {
  leda::load::LoadOptions options;
  options.threads = threads;
  options.progress = false;
  const double cpu_start = cpu_now();
  leda::load::LoadResult r = leda::load::load({dir}, options);
  Measure m;
  m.cpu_seconds = cpu_now() - cpu_start;
  m.seconds = r.stats.seconds;
  m.bytes = r.stats.bytes;
  m.errors = r.stats.errors;
  m.model_bytes = leda::model::model_memory_bytes(r.model);
  m.sessions = r.model.agent_sessions.size() + r.model.visits.size() +
               r.model.conversations.size() + r.model.surveys.size();
  m.digest = leda::model::model_digest(r.model);
  return m;
}

// Prints the model's bytes by vector, largest first.
void print_breakdown(const std::string& dir) {
  leda::load::LoadOptions options;
  options.progress = false;
  leda::load::LoadResult r = leda::load::load({dir}, options);
  std::vector<std::pair<std::size_t, std::string>> parts;
  leda::model::model_vectors(r.model, [&](std::string_view name, const auto& v) {
    using T = typename std::decay_t<decltype(v)>::value_type;
    parts.emplace_back(v.capacity() * sizeof(T),
                       fmt::format("{} ({} x {} B)", name, v.size(), sizeof(T)));
  });
  parts.emplace_back(r.model.strings.memory_bytes(),
                     fmt::format("strings ({} handles)", r.model.strings.size()));
  std::sort(parts.rbegin(), parts.rend());
  std::printf("model bytes by part (total %.1f MB):\n",
              leda::model::model_memory_bytes(r.model) / 1e6);
  for (const auto& [bytes, what] : parts)
    if (bytes > 0) std::printf("  %8.2f MB  %s\n", bytes / 1e6, what.c_str());
}

// Keeps the fastest wall time and, separately, the least CPU time over the runs (the machine
// may be shared: the best run is the one least disturbed), and the highest peak RSS.
void keep_best(Measure& best, const Measure& m) {
  if (best.seconds == 0) {
    best = m;
    return;
  }
  const Measure previous = best;
  if (m.seconds < best.seconds) best = m;
  best.cpu_seconds = std::min(previous.cpu_seconds, m.cpu_seconds);
  best.peak_rss = std::max(previous.peak_rss, m.peak_rss);
}

double mb_s(std::uint64_t bytes, double seconds) {
  return seconds > 0 ? bytes / 1e6 / seconds : 0;
}

}  // namespace

int main(int argc, char** argv) {
  leda::util::return_large_blocks_to_system();  // as the leda command does
  std::string data, leda_bin, tmp = fs::temp_directory_path().string();
  double size_mb = 500;
  int repeat = 3;
  po::options_description desc(
      "bench_load: loader throughput vs the physical limit, 1 vs 2 threads, memory\n\n"
      "usage: bench_load [--data DIR | --size-mb N [--synthetic]] [--repeat N]\n\noptions");
  // clang-format off
  desc.add_options()
    ("help,h", "show this help")
    ("data", po::value(&data)->value_name("DIR"), "an account directory to measure")
    ("size-mb", po::value(&size_mb)->default_value(size_mb),
     "without --data: uncompressed MB of JSON to generate")
    ("synthetic", "without --data: repeat the spec examples instead of running leda generate")
    ("leda", po::value(&leda_bin)->value_name("PATH"),
     "the leda executable (default: $LEDA_BIN, else the one of this build)")
    ("tmp", po::value(&tmp)->value_name("DIR"), "where to generate (default: the temp dir)")
    ("repeat", po::value(&repeat)->default_value(repeat), "runs of each measurement (best kept)")
    ("keep", "keep the generated data")
    ("breakdown", "also print the model's memory by part");
  // clang-format on
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, desc), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::fprintf(stderr, "bench_load: %s\n", e.what());
    return 2;
  }
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return 0;
  }
  if (leda_bin.empty())
    leda_bin = std::getenv("LEDA_BIN") ? std::getenv("LEDA_BIN") : LEDA_BUILT_BIN;

  std::string generated;
  try {
    if (data.empty()) {
      generated = fmt::format("{}/leda-bench-load-{}", tmp, ::getpid());
      fs::remove_all(generated);
      const bool synthetic = vm.count("synthetic") || !fs::exists(leda_bin);
      std::fprintf(stderr, "bench_load: writing %.0f MB of %s data into %s\n", size_mb,
                   synthetic ? "synthetic (spec examples)" : "generated", generated.c_str());
      data = synthetic ? leda::bench::synthetic_account(LEDA_SPEC_EXAMPLES, generated, size_mb)
                       : leda::bench::generate_account(leda_bin, generated, size_mb);
    }
    const std::vector<leda::load::DataFile> files = leda::load::list_data_files({data});
    std::uint64_t disk = 0;
    for (const leda::load::DataFile& f : files)
      disk += f.size;
    in_child([&] {  // the page cache holds every file from here on
      std::string bytes;
      for (const leda::load::DataFile& f : files)
        leda::util::read_file(f.path, bytes);
      return Measure{};
    });

    // What a child holds before any work (shared with this process): the floor of its RSS.
    const Measure idle = in_child([] { return Measure{}; });
    Measure limit, one, two;
    for (int r = 0; r < repeat; ++r) {
      keep_best(limit, in_child([&] { return physical_limit(files); }));
      keep_best(one, in_child([&] { return loader(data, 1); }));
      keep_best(two, in_child([&] { return loader(data, 2); }));
    }
    const double json_mb = one.bytes / 1e6;
    std::printf("data: %s: %zu files, %.1f MB uncompressed JSON, %.1f MB on disk, %llu sessions\n",
                data.c_str(), files.size(), json_mb, disk / 1e6,
                static_cast<unsigned long long>(one.sessions));
    std::printf("best of %d runs; CPU MB/s = uncompressed MB per CPU second of the process\n",
                repeat);
    std::printf(
        "physical limit (libdeflate + RapidJSON SAX no-op, 1 thread): %7.1f MB/s wall, "
        "%7.1f MB/s CPU\n",
        mb_s(limit.bytes, limit.seconds), mb_s(limit.bytes, limit.cpu_seconds));
    std::printf(
        "loader, 1 thread:  %7.1f MB/s wall, %7.1f MB/s CPU = %3.0f%% of the limit "
        "(wall), %3.0f%% (CPU)\n",
        mb_s(one.bytes, one.seconds), mb_s(one.bytes, one.cpu_seconds),
        100 * limit.seconds / one.seconds * one.bytes / limit.bytes,
        100 * limit.cpu_seconds / one.cpu_seconds * one.bytes / limit.bytes);
    std::printf("loader, 2 threads: %7.1f MB/s wall = %.2fx one thread\n",
                mb_s(two.bytes, two.seconds), one.seconds / two.seconds);
    std::printf(
        "memory: model %.1f MB = %.0f bytes per session; peak RSS %.1f MB (1 thread) = "
        "%.1f%% of the JSON, %.1f MB (2 threads) = %.1f%% (a process starts at %.1f MB)\n",
        one.model_bytes / 1e6, static_cast<double>(one.model_bytes) / one.sessions,
        one.peak_rss / 1e6, 100.0 * one.peak_rss / one.bytes, two.peak_rss / 1e6,
        100.0 * two.peak_rss / two.bytes, idle.peak_rss / 1e6);
    std::printf("model digest 1 thread %016llx, 2 threads %016llx: %s; load errors %llu\n",
                static_cast<unsigned long long>(one.digest),
                static_cast<unsigned long long>(two.digest),
                one.digest == two.digest ? "equal" : "DIFFERENT",
                static_cast<unsigned long long>(one.errors));
    if (vm.count("breakdown")) print_breakdown(data);
    if (!generated.empty() && !vm.count("keep")) fs::remove_all(generated);
    return one.digest == two.digest ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_load: %s\n", e.what());
    if (!generated.empty() && !vm.count("keep")) fs::remove_all(generated);
    return 3;
  }
}
