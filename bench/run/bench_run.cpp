// bench_run: how fast `leda run aov-by-segment agent-utilization` (both joins) is compared with
// the limit probe — reading, gunzipping and SAX-parsing every file of the same account — on the
// same number of threads. `leda run` loads only what the two KPIs need (web sessions with their
// attributes, agent activity with events) and skips the rest, so it can beat the probe.
// Then `leda run staffing` (schedule joined) against `leda run conversations` on the same
// account (staffing_bench.hpp): staffing may cost at most 10% more; and `leda run
// agent-utilization wfm-adherence` with the three WFM joins against agent-utilization alone
// (wfm_bench.hpp): wfm-adherence may add at most 15%.
//
//   bench_run                        # generates ~1 GB of JSON into a temporary folder
//   bench_run --size-mb 300 --threads 2 --repeat 3
//   bench_run --data DIR/75555851 --agents DIR/agents.csv --membership DIR/membership.csv
//   bench_run --skip-probe --schedule DIR/schedule.csv --activities DIR/activities.csv ...
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "limit_probe.hpp"
#include "staffing_bench.hpp"
#include "util/thread_pool.hpp"
#include "wfm_bench.hpp"

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

constexpr double kTargetRatio = 0.8;
// The sample account's defaults (2000 visits a day, 20 agents, 3 days) give about 40 MB of
// JSON; the bench scales visits and agents together from there.
constexpr double kDefaultAccountMb = 40.0;

std::string shell_quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command; returns its wall time in seconds. Throws when it fails.
double timed(const std::string& command) {
  const auto start = std::chrono::steady_clock::now();
  const int status = std::system(command.c_str());
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("failed (exit " + std::to_string(WEXITSTATUS(status)) +
                             "): " + command);
  return s;
}

struct Options {
  std::string leda, data, agents, membership, schedule, activities, tmp;
  double size_mb = 1000;
  unsigned threads = 0;
  int repeat = 3;
  bool keep = false;
  bool skip_probe = false;
};

void compare_with_probe(const Options& o);

}  // namespace

int main(int argc, char** argv) {
  Options o;
  po::options_description opts(
      "bench_run: leda run aov-by-segment agent-utilization vs the limit probe\noptions");
  opts.add_options()("help,h", "show this help")(
      "leda", po::value(&o.leda), "the leda binary (default: $LEDA_BIN, else the build tree's)")(
      "data", po::value(&o.data), "an account folder to use instead of generating one")(
      "agents", po::value(&o.agents), "agent map CSV for --data")(
      "membership", po::value(&o.membership), "membership CSV for --data")(
      "schedule", po::value(&o.schedule), "WFM schedule CSV for --data (staffing, wfm-adherence)")(
      "activities", po::value(&o.activities),
      "activity map CSV for --data (staffing, wfm-adherence)")(
      "skip-probe", po::bool_switch(&o.skip_probe),
      "time only staffing against conversations and wfm-adherence against agent-utilization")(
      "size-mb", po::value(&o.size_mb)->default_value(1000), "JSON size of the generated account")(
      "threads", po::value(&o.threads)->default_value(0), "threads for both (0: all cores)")(
      "repeat", po::value(&o.repeat)->default_value(3), "runs of each; the best time counts")(
      "tmp", po::value(&o.tmp), "where to generate (default: the system temp folder)")(
      "keep", po::bool_switch(&o.keep), "keep the generated account");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, opts), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::fprintf(stderr, "bench_run: %s\n", e.what());
    return 2;
  }
  if (vm.count("help")) {
    std::cout << opts;
    return 0;
  }
  if (o.leda.empty()) o.leda = std::getenv("LEDA_BIN") ? std::getenv("LEDA_BIN") : LEDA_BUILT_BIN;
  if (o.threads == 0) o.threads = leda::util::default_threads();

  fs::path generated;
  try {
    if (o.data.empty()) {
      generated = fs::path(o.tmp.empty() ? fs::temp_directory_path().string() : o.tmp) /
                  ("leda-bench-run-" + std::to_string(::getpid()));
      const double scale = std::max(1.0, o.size_mb / kDefaultAccountMb);
      const long visits = std::lround(2000 * scale), agents = std::lround(20 * scale);
      const std::string gen = fmt::format(
          "{} generate --out {} --seed 1 --days 3 --visits-per-day {} --agents {} --threads {}",
          shell_quoted(o.leda), shell_quoted(generated.string()), visits, agents, o.threads);
      std::printf("generating: %s\n", gen.c_str());
      std::fflush(stdout);
      const double s = timed(gen + " >/dev/null");
      std::printf("generated in %.1f s\n", s);
      o.data = (generated / "75555851").string();
      o.agents = (generated / "agents.csv").string();
      o.membership = (generated / "membership.csv").string();
      o.schedule = (generated / "schedule.csv").string();
      o.activities = (generated / "activities.csv").string();
    }
    if (!o.skip_probe) compare_with_probe(o);
    const leda::bench::StaffingInputs in{o.leda,       o.data,    o.schedule,
                                         o.activities, o.threads, o.repeat};
    leda::bench::print_staffing(leda::bench::time_staffing(in, timed), in);
    if (!o.agents.empty() && !o.schedule.empty() && !o.activities.empty()) {
      const leda::bench::WfmInputs wfm{o.leda,       o.data,    o.agents, o.schedule,
                                       o.activities, o.threads, o.repeat};
      leda::bench::print_wfm(leda::bench::time_wfm(wfm, timed), wfm);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_run: %s\n", e.what());
    if (!generated.empty() && !o.keep) fs::remove_all(generated);
    return 1;
  }
  if (!generated.empty()) {
    if (o.keep)
      std::printf("kept: %s\n", generated.string().c_str());
    else
      fs::remove_all(generated);
  }
  return 0;
}

namespace {

void compare_with_probe(const Options& o) {
  if (o.agents.empty() || o.membership.empty())
    throw std::runtime_error("--data needs --agents and --membership");

  const auto files = leda::bench::account_files(o.data);
  const std::string run = fmt::format(
      "{} run aov-by-segment agent-utilization --data {} --join agents={} "
      "--join membership={} --threads {} --format json >/dev/null",
      shell_quoted(o.leda), shell_quoted(o.data), shell_quoted(o.agents),
      shell_quoted(o.membership), o.threads);

  leda::bench::ProbeResult best_probe;
  best_probe.seconds = 1e300;
  double best_run = 1e300;
  leda::bench::run_probe(files, o.threads);  // warm the page cache
  for (int i = 0; i < o.repeat; ++i) {
    const auto p = leda::bench::run_probe(files, o.threads);
    if (p.seconds < best_probe.seconds) best_probe = p;
    best_run = std::min(best_run, timed(run));
  }
  const double mb = best_probe.json_bytes / 1e6;
  std::printf("\naccount: %s\n", o.data.c_str());
  std::printf("  %.1f MB of JSON in %llu files (%.1f MB gzip), %llu records\n", mb,
              static_cast<unsigned long long>(best_probe.files), best_probe.compressed_bytes / 1e6,
              static_cast<unsigned long long>(best_probe.json_values));
  std::printf("threads: %u, best of %d\n\n", o.threads, o.repeat);
  std::printf("limit probe (libdeflate + RapidJSON SAX, every file)  %7.3f s  %7.1f MB/s\n",
              best_probe.seconds, mb / best_probe.seconds);
  std::printf("leda run aov-by-segment agent-utilization (2 joins)   %7.3f s  %7.1f MB/s\n",
              best_run, mb / best_run);
  const double ratio = best_run / best_probe.seconds;
  std::printf("\nratio run / probe: %.2f (target <= %.2f: %s)\n", ratio, kTargetRatio,
              ratio <= kTargetRatio ? "met" : "NOT met");
  std::printf("command: %s\n", run.c_str());
}

}  // namespace
