// bench/run/staffing_bench.cpp — see staffing_bench.hpp.
#include "staffing_bench.hpp"

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

StaffingTimes time_staffing(const StaffingInputs& in,
                            const std::function<double(const std::string&)>& timed) {
  StaffingTimes t;
  t.conversations_cmd = fmt::format("{} run conversations --data {} --threads {} --format json",
                                    quoted(in.leda), quoted(in.data), in.threads);
  std::string joins;
  if (!in.schedule.empty() && !in.activities.empty())
    joins = fmt::format(" --join schedule={} --join activities={}", quoted(in.schedule),
                        quoted(in.activities));
  t.staffing_cmd = fmt::format("{} run staffing --data {}{} --threads {} --format json",
                               quoted(in.leda), quoted(in.data), joins, in.threads);
  const std::string quiet = " >/dev/null 2>&1";
  timed(t.conversations_cmd + quiet);  // warm the page cache for both
  timed(t.staffing_cmd + quiet);
  t.conversations_s = t.staffing_s = 1e300;
  for (int i = 0; i < in.repeat; ++i) {
    t.conversations_s = std::min(t.conversations_s, timed(t.conversations_cmd + quiet));
    t.staffing_s = std::min(t.staffing_s, timed(t.staffing_cmd + quiet));
  }
  return t;
}

void print_staffing(const StaffingTimes& t, const StaffingInputs& in) {
  std::printf("\nthreads: %u, best of %d\n", in.threads, in.repeat);
  std::printf("leda run conversations                                %7.3f s\n", t.conversations_s);
  std::printf("leda run staffing%-37s%7.3f s\n", in.schedule.empty() ? "" : " (schedule joined)",
              t.staffing_s);
  const double ratio = t.staffing_s / t.conversations_s;
  std::printf("\nratio staffing / conversations: %.2f (target <= %.2f: %s)\n", ratio,
              kStaffingTarget, ratio <= kStaffingTarget ? "met" : "NOT met");
  std::printf("commands:\n  %s\n  %s\n", t.conversations_cmd.c_str(), t.staffing_cmd.c_str());
}

}  // namespace leda::bench
