// bench/run/staffing_bench.hpp — the staffing part of bench_run: `leda run staffing` (with the
// schedule joins when given) against `leda run conversations` on the same account and threads.
// Target: staffing costs at most 10% more than conversations alone.
//
//   leda::bench::StaffingTimes t = leda::bench::time_staffing(inputs, timed);
//   std::printf("%.2f\n", t.staffing_s / t.conversations_s);
#pragma once

#include <functional>
#include <string>

namespace leda::bench {

/// The target: staffing's time over conversations' time.
inline constexpr double kStaffingTarget = 1.10;

/// What to run.
struct StaffingInputs {
  std::string leda, data, schedule, activities;  ///< schedule and activities may be empty
  unsigned threads = 1;
  int repeat = 3;
};

/// Best times of each (runs interleaved so that both see the same machine), and the commands.
struct StaffingTimes {
  double conversations_s = 0, staffing_s = 0;
  std::string conversations_cmd, staffing_cmd;
};

/// Runs both `repeat` times through `timed` (a shell command's wall time in seconds, throwing
/// when it fails) after one warm-up run each.
StaffingTimes time_staffing(const StaffingInputs& in,
                            const std::function<double(const std::string&)>& timed);

/// Prints the times, the ratio, whether the target is met, and the commands.
void print_staffing(const StaffingTimes& t, const StaffingInputs& in);

}  // namespace leda::bench
