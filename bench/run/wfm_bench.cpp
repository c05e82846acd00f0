// bench/run/wfm_bench.cpp — see wfm_bench.hpp.
#include "wfm_bench.hpp"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

namespace leda::bench {
namespace {

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

WfmTimes time_wfm(const WfmInputs& in, const std::function<double(const std::string&)>& timed) {
  WfmTimes t;
  t.utilization_cmd =
      fmt::format("{} run agent-utilization --data {} --join agents={} --threads {} --format json",
                  quoted(in.leda), quoted(in.data), quoted(in.agents), in.threads);
  t.with_wfm_cmd = fmt::format(
      "{} run agent-utilization wfm-adherence --data {} --join agents={} --join schedule={} "
      "--join activities={} --threads {} --format json",
      quoted(in.leda), quoted(in.data), quoted(in.agents), quoted(in.schedule),
      quoted(in.activities), in.threads);
  const std::string quiet = " >/dev/null 2>&1";
  timed(t.utilization_cmd + quiet);  // warm the page cache for both
  timed(t.with_wfm_cmd + quiet);
  t.utilization_s = t.with_wfm_s = 1e300;
  for (int i = 0; i < in.repeat; ++i) {
    t.utilization_s = std::min(t.utilization_s, timed(t.utilization_cmd + quiet));
    t.with_wfm_s = std::min(t.with_wfm_s, timed(t.with_wfm_cmd + quiet));
  }
  return t;
}

void print_wfm(const WfmTimes& t, const WfmInputs& in) {
  std::printf("\nthreads: %u, best of %d\n", in.threads, in.repeat);
  std::printf("leda run agent-utilization (agent map)                %7.3f s\n", t.utilization_s);
  std::printf("leda run agent-utilization wfm-adherence (3 joins)    %7.3f s\n", t.with_wfm_s);
  const double ratio = t.with_wfm_s / t.utilization_s;
  std::printf("\nwfm-adherence adds %.1f%% (target <= %.0f%%: %s)\n", (ratio - 1) * 100,
              (kWfmTarget - 1) * 100, ratio <= kWfmTarget ? "met" : "NOT met");
  std::printf("commands:\n  %s\n  %s\n", t.utilization_cmd.c_str(), t.with_wfm_cmd.c_str());
}

}  // namespace leda::bench
