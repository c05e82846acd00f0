// staffing_schedule.cpp — the schedule's supply of agents: every schedule agent's rows layered
// (a later row wins where rows overlap, wfm.md section 1), the time in counts_as_work
// activities summed per interval, and the planned shrinkage of the paid time.
//
// IGNORE activities (a day off) are not scheduled time: they add neither work nor paid time.
// The schedule is not data of a shard: it is summed once, in finish().
#include "staffing_rows.hpp"

namespace leda::kpi {

std::optional<double> ScheduleSupply::planned_shrinkage() const {
  if (paid_ms <= 0) return std::nullopt;
  return static_cast<double>(shrinkage_ms) / static_cast<double>(paid_ms);
}

ScheduleSupply schedule_supply(const StaffingConfig& config) {
  ScheduleSupply out;
  if (!config.schedule || !config.activities) return out;
  const Schedule& schedule = *config.schedule;
  out.agents = schedule.agents().size();
  for (const std::string& agent : schedule.agents()) {
    for (const ScheduleSegment& seg : schedule.layered(agent)) {
      const ScheduleRow& row = schedule.rows()[seg.row];
      const ActivityRow* act = config.activities->find(row.activity_code);
      // The host refuses a schedule with codes missing from the map; skip rather than trust.
      if (!act || act->adherence_mode == AdherenceMode::kIgnore) continue;
      const std::int64_t length = seg.end - seg.start;
      if (row.paid) {
        out.paid_ms += length;
        if (act->counts_as_shrinkage) out.shrinkage_ms += length;
      }
      if (act->counts_as_work)
        config.buckets->split_by_interval(
            seg.start, seg.end,
            [&](TimeMs start, TimeMs from, TimeMs to) { out.work_ms[start] += to - from; });
    }
  }
  return out;
}

}  // namespace leda::kpi
