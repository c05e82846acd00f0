// The account's WFM schedule, from the shifts the agents worked (see wfm_schedule.hpp).
#include <algorithm>
#include <optional>

#include "gen/brand_tables.hpp"
#include "gen/catalog.hpp"
#include "gen/random.hpp"
#include "gen/wfm_schedule.hpp"
#include "wfm/mu_zone.hpp"

namespace leda::gen {
namespace {

constexpr TimeMs kQuarterMs = 15 * kMinuteMs;

TimeMs nearest_quarter(TimeMs t) {
  return (t + kQuarterMs / 2) / kQuarterMs * kQuarterMs;
}

// `t`, or the first minute after it that the zone's clock does not show a second time: when
// the clocks go back, 01:30 happens twice, and an export in local time can only mean the first.
TimeMs first_occurrence(const wfm::MuZone& mu, TimeMs t) {
  while (mu.to_utc(mu.local_day(t), mu.local_minute(t), wfm::Fold::kEarlier).ms != t)
    t += kMinuteMs;
  return t;
}

class ShiftBuilder {
 public:
  ShiftBuilder(const wfm::MuZone& mu, std::string wfm_id) : mu_(mu) { shift_.wfm_id = wfm_id; }

  void add(std::string_view code, TimeMs start, TimeMs end, bool paid = true) {
    start = first_occurrence(mu_, start);
    end = first_occurrence(mu_, end);
    if (end <= start) return;
    if (shift_.rows.empty()) date_ = mu_.local_day(start);
    wfm::NeutralRow n;
    n.row.wfm_agent_id = shift_.wfm_id;
    n.row.schedule_date = date_;
    n.row.schedule_date_text = wfm::date_text(date_);
    n.row.activity_code = std::string(code);
    n.row.start = start;
    n.row.end = end;
    n.row.paid = paid;
    n.start_offset_min = mu_.offset_min(start);
    n.end_offset_min = mu_.offset_min(end);
    shift_.rows.push_back(std::move(n));
  }
  ScheduledShift done() {
    if (shift_.rows.size() > 1)
      std::stable_sort(shift_.rows.begin() + 1, shift_.rows.end(),
                       [](const wfm::NeutralRow& a, const wfm::NeutralRow& b) {
                         return a.row.start < b.row.start;
                       });
    return std::move(shift_);
  }

 private:
  const wfm::MuZone& mu_;
  ScheduledShift shift_;
  std::int64_t date_ = 0;
};

// The schedule of one worked shift; nothing when the shift is not wholly in the range.
std::optional<ScheduledShift> schedule_shift(const World& w, const wfm::MuZone& mu,
                                             const ShiftPlan& s, const std::string& wfm_id) {
  if (!s.in_range) return std::nullopt;
  Rng r =
      Rng::stream(w.options.seed, Stream::kSchedule,
                  (static_cast<std::uint64_t>(s.agent) << 20) ^ static_cast<std::uint64_t>(s.day));
  const bool split = s.lunch_out != 0;  // the agent logs out for lunch
  const TimeMs p = s.planned;
  TimeMs start = p, end = p + (split ? 9 * kHourMs : 8 * kHourMs + 30 * kMinuteMs);
  const double deviation = r.unit();
  const bool meeting = r.chance(0.1), training = r.chance(0.1);
  if (deviation < 0.15 && start - 30 * kMinuteMs >= w.range_start)
    start -= 30 * kMinuteMs;  // scheduled before the agent's own start: the agent is late
  else if (deviation >= 0.15 && deviation < 0.27 && end + 30 * kMinuteMs <= w.range_end)
    end += 30 * kMinuteMs;  // scheduled past the agent's own end: the agent leaves early
  if (start < w.range_start || end > w.range_end) return std::nullopt;
  const TimeMs meal = split ? nearest_quarter(s.lunch_out) : p + 4 * kHourMs;
  ShiftBuilder b(mu, wfm_id);
  b.add("WORK", start, end);
  if (meeting) b.add("MEETING", p + kHourMs, p + kHourMs + 30 * kMinuteMs);
  b.add("BREAK", p + 2 * kHourMs, p + 2 * kHourMs + kQuarterMs);
  b.add("MEAL", meal, meal + 30 * kMinuteMs, false);
  if (training) b.add("TRAINING", p + 5 * kHourMs + kQuarterMs, p + 6 * kHourMs + kQuarterMs);
  const TimeMs second_break = p + (split ? 7 * kHourMs : 6 * kHourMs + 30 * kMinuteMs);
  b.add("BREAK", second_break, second_break + kQuarterMs);
  return b.done();
}

}  // namespace

std::vector<ScheduledShift> plan_schedule(const World& w) {
  const wfm::MuZone mu{std::string(brand_tz())};
  std::vector<ScheduledShift> out;
  for (const ShiftPlan& s : w.shifts)
    if (auto shift = schedule_shift(w, mu, s, w.agents[s.agent].wfm_id)) out.push_back(*shift);

  // Days off: a date of the range (in the management unit's zone) that no shift of the agent
  // touches, scheduled or not.
  for (std::uint32_t k = 0; k < w.agents.size(); ++k)
    for (std::int64_t d = w.options.start_day; d < w.options.start_day + w.options.days; ++d) {
      const TimeMs from = mu.to_utc(d, 0, wfm::Fold::kEarlier).ms,
                   to = mu.to_utc(d + 1, 0, wfm::Fold::kEarlier).ms;
      const bool works = std::any_of(w.shifts.begin(), w.shifts.end(), [&](const ShiftPlan& s) {
        return s.agent == k && s.planned - kHourMs < to && s.planned + 10 * kHourMs > from;
      });
      if (works) continue;
      ShiftBuilder b(mu, w.agents[k].wfm_id);
      b.add("OFF", from, to, false);
      out.push_back(b.done());
    }

  // The agent who left the team is still scheduled on the first day (and never logs in).
  ShiftPlan former;
  former.agent = static_cast<std::uint32_t>(w.agents.size());
  former.day = w.options.start_day;
  const wfm::MuZone london("Europe/London");
  former.planned = london.to_utc(former.day, 8 * 60, wfm::Fold::kEarlier).ms;
  former.in_range = true;
  if (auto shift = schedule_shift(w, mu, former, std::string(kFormerAgentWfmId)))
    out.push_back(*shift);

  std::stable_sort(out.begin(), out.end(), [](const ScheduledShift& a, const ScheduledShift& b) {
    return a.wfm_id != b.wfm_id ? a.wfm_id < b.wfm_id : a.rows[0].row.start < b.rows[0].row.start;
  });
  return out;
}

}  // namespace leda::gen
