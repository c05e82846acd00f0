// bench_mpi: the same `leda run` (the five built-in KPIs, both joins, JSON) in one process with
// --threads 2 and under mpiexec -np 2 with --threads 1 each, on the same machine: wall time,
// CPU time, the peak resident memory of the largest process (a rank), the bytes the ranks
// exchanged and the share of time in MPI calls; the outputs must be the same bytes. Then a
// projection to 1 TB on 64 ranks (the model is printed with it).
//
//   bench_mpi                            # generates ~1 GB of JSON into a temporary folder
//   bench_mpi --size-mb 300 --repeat 5
//   bench_mpi --data DIR/75555851 --agents DIR/agents.csv --membership DIR/membership.csv
//
// Targets: MPI wall time at most 1.25x the one-process time; peak memory per rank at most 60%
// of the one-process peak. Each figure is the median of --repeat runs (the machine may be
// shared: CPU time is printed too).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <boost/program_options.hpp>

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

constexpr double kTimeTarget = 1.25, kMemoryTarget = 0.60;
constexpr double kDefaultAccountMb = 40.0;  // the generator's defaults give about 40 MB of JSON

std::string shell_quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// One run of a shell command: wall time, CPU time and peak RSS of the largest process of its
// tree (wait4 reports the largest descendant that was waited for).
struct Measure {
  double wall = 0, cpu = 0;
  double peak_mb = 0;
  std::string err;  // its stderr
};

Measure measure(const std::string& command, const std::string& err_file) {
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const std::string c = command + " 2>" + shell_quoted(err_file);
    execl("/bin/sh", "sh", "-c", c.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  rusage ru{};
  if (wait4(pid, &status, 0, &ru) != pid) throw std::runtime_error("wait4 failed");
  Measure m;
  m.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  m.cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
          ru.ru_stime.tv_usec / 1e6;
  m.peak_mb = ru.ru_maxrss / 1024.0;
  std::ifstream in(err_file);
  std::stringstream ss;
  ss << in.rdbuf();
  m.err = ss.str();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("failed (status " + std::to_string(status) + "): " + command + "\n" +
                             m.err);
  return m;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// A number after `label` in leda's --timing lines, or -1.
double figure(const std::string& text, const std::string& pattern) {
  std::smatch m;
  if (std::regex_search(text, m, std::regex(pattern))) return std::stod(m[1]);
  return -1;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Options {
  std::string leda, mpiexec, data, agents, membership, tmp;
  double size_mb = 1000;
  int repeat = 3, ranks = 2;
  unsigned threads = 2;
  double net_mb_s = 1250.0 / 8;  // 10 Gbit/s shared by 8 ranks of a node
  double latency_us = 50;
  bool keep = false;
};

}  // namespace

int main(int argc, char** argv) {
  Options o;
  po::options_description opts(
      "bench_mpi: leda run in one process against mpiexec -np N on the same machine\noptions");
  opts.add_options()("help,h", "show this help")(
      "leda", po::value(&o.leda), "the leda binary (default: $LEDA_BIN, else the build tree's)")(
      "mpiexec", po::value(&o.mpiexec)->default_value(LEDA_MPIEXEC), "the MPI launcher")(
      "data", po::value(&o.data), "an account folder to use instead of generating one")(
      "agents", po::value(&o.agents), "agent map CSV for --data")(
      "membership", po::value(&o.membership), "membership CSV for --data")(
      "size-mb", po::value(&o.size_mb)->default_value(1000), "JSON size of the generated account")(
      "ranks", po::value(&o.ranks)->default_value(2), "MPI ranks (each with --threads 1)")(
      "threads", po::value(&o.threads)->default_value(2), "threads of the one-process run")(
      "repeat", po::value(&o.repeat)->default_value(3), "runs of each; medians are reported")(
      "net-mb-s", po::value(&o.net_mb_s)->default_value(o.net_mb_s),
      "projection: network bandwidth per rank, MB/s")(
      "latency-us", po::value(&o.latency_us)->default_value(o.latency_us),
      "projection: latency of one message, microseconds")(
      "tmp", po::value(&o.tmp), "where to generate and write (default: the system temp folder)")(
      "keep", po::bool_switch(&o.keep), "keep the generated account");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, opts), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::fprintf(stderr, "bench_mpi: %s\n", e.what());
    return 2;
  }
  if (vm.count("help")) {
    std::cout << opts;
    return 0;
  }
  if (o.leda.empty()) o.leda = std::getenv("LEDA_BIN") ? std::getenv("LEDA_BIN") : LEDA_BUILT_BIN;
  // mpiexec as root (containers, CI), ranks beyond the cores, and one machine's transports
  // (shared memory: probing network transports costs a launch 0.1 to 0.2 s). Set them in the
  // environment to override.
  setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 0);
  setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 0);
  setenv("OMPI_MCA_rmaps_base_oversubscribe", "1", 0);
  setenv("OMPI_MCA_pml", "ob1", 0);
  setenv("OMPI_MCA_btl", "self,vader", 0);

  const fs::path work = fs::path(o.tmp.empty() ? fs::temp_directory_path().string() : o.tmp) /
                        ("leda-bench-mpi-" + std::to_string(::getpid()));
  fs::create_directories(work);
  int code = 0;
  try {
    if (o.data.empty()) {
      const double scale = std::max(1.0, o.size_mb / kDefaultAccountMb);
      const std::string gen =
          fmt::format("{} generate --out {} --seed 1 --days 3 --visits-per-day {} --agents {} -q",
                      shell_quoted(o.leda), shell_quoted((work / "account").string()),
                      std::lround(2000 * scale), std::lround(20 * scale));
      std::printf("generating: %s\n", gen.c_str());
      std::fflush(stdout);
      measure(gen, (work / "gen.err").string());
      o.data = (work / "account" / "75555851").string();
      o.agents = (work / "account" / "agents.csv").string();
      o.membership = (work / "account" / "membership.csv").string();
    }
    if (o.agents.empty() || o.membership.empty())
      throw std::runtime_error("--data needs --agents and --membership");

    const std::string args = fmt::format(
        "run agent-utilization conversations surveys aov-by-segment conversion --data {} "
        "--join agents={} --join membership={} --format json --timing",
        shell_quoted(o.data), shell_quoted(o.agents), shell_quoted(o.membership));
    const fs::path one_out = work / "one.json", mpi_out = work / "mpi.json";
    const std::string one = fmt::format("{} {} --threads {} >{}", shell_quoted(o.leda), args,
                                        o.threads, shell_quoted(one_out.string()));
    const std::string mpi =
        fmt::format("{} -np {} {} {} --threads 1 >{}", shell_quoted(o.mpiexec), o.ranks,
                    shell_quoted(o.leda), args, shell_quoted(mpi_out.string()));

    // The fixed cost of a launch: the same runs over one small file (a join and nothing else
    // to read), so that what remains is the cost of the data.
    const fs::path tiny = work / "tiny";
    fs::create_directories(tiny);
    for (const auto& e : fs::directory_iterator(fs::path(o.data) / "survey")) {
      fs::copy_file(e.path(), tiny / e.path().filename());
      break;
    }
    const std::string tiny_args = fmt::format(
        "run agent-utilization conversations surveys aov-by-segment conversion --data {} "
        "--join agents={} --join membership={} --format json",
        shell_quoted(tiny.string()), shell_quoted(o.agents), shell_quoted(o.membership));
    std::vector<double> launch_one, launch_mpi;
    for (int i = 0; i < o.repeat; ++i) {
      launch_one.push_back(measure(fmt::format("{} {} >/dev/null", shell_quoted(o.leda), tiny_args),
                                   (work / "tiny.err").string())
                               .wall);
      launch_mpi.push_back(
          measure(fmt::format("{} -np {} {} {} --threads 1 >/dev/null", shell_quoted(o.mpiexec),
                              o.ranks, shell_quoted(o.leda), tiny_args),
                  (work / "tiny.err").string())
              .wall);
    }
    const double launch = median(launch_mpi) - median(launch_one);

    measure(one, (work / "warm.err").string());  // the page cache
    std::vector<double> one_wall, one_cpu, one_peak, mpi_wall, mpi_cpu, mpi_peak, mpi_share;
    double json_mb = 0, exchanged_mb = 0;
    for (int i = 0; i < o.repeat; ++i) {
      const Measure a = measure(one, (work / "one.err").string());
      const Measure b = measure(mpi, (work / "mpi.err").string());
      if (read_all(one_out) != read_all(mpi_out))
        throw std::runtime_error("the MPI output differs from the one-process output");
      one_wall.push_back(a.wall), one_cpu.push_back(a.cpu), one_peak.push_back(a.peak_mb);
      mpi_wall.push_back(b.wall), mpi_cpu.push_back(b.cpu), mpi_peak.push_back(b.peak_mb);
      json_mb = figure(a.err, R"(loaded ([0-9.]+) MB of JSON)");
      exchanged_mb = figure(b.err, R"(exchanged ([0-9.]+) MB)");
      mpi_share.push_back(figure(b.err, R"(\(([0-9.]+)% of the load and run\))"));
      std::printf(
          "run %d: one process %.2f s (%.2f s CPU, %.0f MB); %d ranks %.2f s (%.2f s CPU, "
          "%.0f MB per rank at most)\n",
          i + 1, a.wall, a.cpu, a.peak_mb, o.ranks, b.wall, b.cpu, b.peak_mb);
      std::fflush(stdout);
    }
    const double tw = median(mpi_wall) / median(one_wall);
    const double tc = median(mpi_cpu) / median(one_cpu);
    const double mem = median(mpi_peak) / median(one_peak);
    std::printf("\naccount: %s (%.0f MB of JSON)\n", o.data.c_str(), json_mb);
    std::printf("medians of %d runs\n", o.repeat);
    std::printf("  one process, --threads %u:      %7.2f s wall  %7.2f s CPU  %6.0f MB peak\n",
                o.threads, median(one_wall), median(one_cpu), median(one_peak));
    std::printf(
        "  mpiexec -np %d, --threads 1:    %7.2f s wall  %7.2f s CPU  %6.0f MB peak per rank\n",
        o.ranks, median(mpi_wall), median(mpi_cpu), median(mpi_peak));
    std::printf("  time ratio %.2f (target <= %.2f: %s); CPU ratio %.2f\n", tw, kTimeTarget,
                tw <= kTimeTarget ? "met" : "NOT met", tc);
    std::printf(
        "  a launch of %d ranks costs %.2f s more than one process (runs over one small "
        "file);\n  without it the time ratio is %.2f\n",
        o.ranks, launch, (median(mpi_wall) - launch) / median(one_wall));
    std::printf("  memory per rank %.0f%% of one process (target <= %.0f%%: %s)\n", 100 * mem,
                100 * kMemoryTarget, mem <= kMemoryTarget ? "met" : "NOT met");
    std::printf(
        "  exchanged %.1f MB (%.1f%% of the JSON); %.0f%% of the time in MPI calls "
        "(the busiest rank)\n",
        exchanged_mb, 100 * exchanged_mb / std::max(json_mb, 1.0), median(mpi_share));

    // Projection: 1 TB on 64 ranks, one core each.
    const double p = 64, tb_mb = 1e6;
    const double cpu_per_mb = median(mpi_cpu) / std::max(json_mb, 1.0);  // every rank's CPU
    const double compute = cpu_per_mb * tb_mb / p;
    // A record stays on its rank with probability 1/p: the bytes that cross grow with 1 - 1/p.
    const double crossing =
        (exchanged_mb / std::max(json_mb, 1.0)) * (1 - 1 / p) / (1 - 1.0 / o.ranks);
    const double per_rank_mb = crossing * tb_mb / p;
    const double rounds = std::ceil(per_rank_mb / (p - 1) / 256.0);
    const double exchange = per_rank_mb / o.net_mb_s + 2 * rounds * (p - 1) * o.latency_us / 1e6;
    const double base_mb = 30;  // a rank with no data: the binary, plugins, MPI
    const double rank_mb =
        base_mb + (median(mpi_peak) - base_mb) * (tb_mb / p) / (json_mb / o.ranks);
    std::printf("\nprojection, 1 TB of JSON on 64 ranks (one core each):\n");
    std::printf(
        "  model: time = CPU s per MB (measured, all ranks) x 1 TB / 64\n"
        "             + bytes crossing per rank / network bandwidth per rank\n"
        "             + 2 x rounds x 63 messages x latency\n"
        "  crossing bytes = measured share x (1 - 1/64) / (1 - 1/%d); rounds of 256 MiB\n"
        "  per pair; bandwidth %.0f MB/s per rank, latency %.0f us; files divided evenly\n"
        "  by size; the state merge (6 levels) and rank 0's output not counted\n",
        o.ranks, o.net_mb_s, o.latency_us);
    std::printf(
        "  compute %.0f s + exchange %.0f s (%.0f MB out of each rank, %.0f rounds)"
        " = %.0f s (%.1f min)\n",
        compute, exchange, per_rank_mb, rounds, compute + exchange, (compute + exchange) / 60);
    std::printf(
        "  memory per rank: %.0f MB + (measured peak - that) x its share of the data = "
        "%.1f GB\n",
        base_mb, rank_mb / 1e3);
    std::printf("\ncommands:\n  %s\n  %s\n", one.c_str(), mpi.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_mpi: %s\n", e.what());
    code = 1;
  }
  if (o.keep)
    std::printf("kept: %s\n", work.string().c_str());
  else
    fs::remove_all(work);
  return code;
}
