// bench/run/wfm_bench.hpp — the wfm-adherence part of bench_run: `leda run agent-utilization
// wfm-adherence` with the agent map, the schedule and the activity map against `leda run
// agent-utilization` with the agent map, on the same account and threads. Target: adding
// wfm-adherence costs at most 15%.
//
//   leda::bench::WfmTimes t = leda::bench::time_wfm(inputs, timed);
//   std::printf("%.2f\n", t.with_wfm_s / t.utilization_s);
#pragma once

#include <functional>
#include <string>

namespace leda::bench {

/// The target: agent-utilization with wfm-adherence over agent-utilization alone.
inline constexpr double kWfmTarget = 1.15;

/// What to run.
struct WfmInputs {
  std::string leda, data, agents, schedule, activities;
  unsigned threads = 1;
  int repeat = 3;
};

/// Best times of each (runs interleaved so that both see the same machine), and the commands.
struct WfmTimes {
  double utilization_s = 0, with_wfm_s = 0;
  std::string utilization_cmd, with_wfm_cmd;
};

/// Runs both `repeat` times through `timed` (a shell command's wall time in seconds, throwing
/// when it fails) after one warm-up run each.
WfmTimes time_wfm(const WfmInputs& in, const std::function<double(const std::string&)>& timed);

/// Prints the times, what wfm-adherence adds, whether the target is met, and the commands.
void print_wfm(const WfmTimes& t, const WfmInputs& in);

}  // namespace leda::bench
