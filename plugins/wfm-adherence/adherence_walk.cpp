// adherence_walk.cpp — one agent's layered schedule walked against its state timeline (wfm.md
// sections 3 and 5). The walk cuts time where either side changes; each stretch has one
// schedule row (or none) and one actual state, and is classified (scheduled or not, neutral,
// in or out of adherence, work, paid) and attributed to its row keys: the row's schedule date
// and activity, or, outside every row, the date of the instant in tz. Contiguous out time of
// the agent is one run, across activity and row boundaries, judged whole by the threshold.
#include <limits>
#include <map>
#include <vector>

#include "adherence_state.hpp"

namespace leda::kpi {
namespace {

constexpr TimeMs kNever = std::numeric_limits<TimeMs>::max();

// The part of a row key that varies along one agent's time (the agent part is fixed).
struct LocalKey {
  LocalDay day = 0;
  TimeMs interval = kNoLong;
  std::int64_t activity = -1;  // position in the activity map; -1: outside every row
  auto operator<=>(const LocalKey&) const = default;
};

class Walk {
 public:
  Walk(const AdherenceConfig& c, AdherenceState& st) : c_(c), st_(st) {}

  // [a, b) with the scheduled segment `seg` (or none) and the logged-in piece `piece` (or none:
  // logged out).
  void span(TimeMs a, TimeMs b, const ScheduleSegment* seg, const TimelinePiece* piece) {
    const ScheduleRow* row = seg ? &c_.schedule->rows()[seg->row] : nullptr;
    const ActivityRow* act = nullptr;
    std::int64_t act_index = -1;
    if (row) {
      act_index = c_.activity_of_row[seg->row];
      act = &c_.activities->rows()[static_cast<std::size_t>(act_index)];
    }
    const bool scheduled = act && act->adherence_mode != AdherenceMode::kIgnore;
    ActualState state = piece ? actual_state_of(piece->state) : ActualState::kLoggedOut;
    // The switch: only inside counts_as_work rows, any logged-in state with a chat (section 5).
    if (scheduled && act->counts_as_work && c_.engaged_counts_as_work && piece &&
        piece->concurrency >= 1)
      state = ActualState::kOnline;
    const bool work = piece && state == ActualState::kOnline;

    if (!scheduled) {  // no row, or an IGNORE row: not scheduled time; ends an out run
      close_run();
      if (!row && !work) return;  // nothing to attribute (an IGNORE row still makes its row)
      attribute(a, b, row, act_index, [&](AdherenceSums& s, std::int64_t ms) {
        if (work) s.out_of_shift_work_ms += ms;
      });
      return;
    }
    const bool neutral = act->adherence_mode == AdherenceMode::kNeutral;
    const bool out = !neutral && !act->expected_states.contains(state);
    if (out) {
      if (!run_open_) run_start_ = a;  // an open run ended at `a`: gaps and other time close it
      run_open_ = true;
      run_end_ = b;
    } else {
      close_run();
    }
    attribute(a, b, row, act_index, [&](AdherenceSums& s, std::int64_t ms) {
      s.scheduled_ms += ms;
      if (neutral)
        s.neutral_ms += ms;
      else if (out)
        run_.push_back({&s, ms});  // in or out once the run is over
      else
        s.in_ms += ms;
      if (act->counts_as_work) {
        s.scheduled_work_ms += ms;
        if (work) s.work_in_shift_ms += ms;
      }
      if (row->paid) {
        s.paid_ms += ms;
        if (act->counts_as_shrinkage) s.planned_shrinkage_ms += ms;
        if (work) s.productive_paid_ms += ms;
      }
    });
  }

  // Time covered by neither side: unscheduled and logged out.
  void gap() { close_run(); }

  // Adds the agent's sums to the state under its full keys.
  void finish(const WalkedAgent& who) {
    close_run();
    for (auto& [k, sums] : local_) {
      AdherenceKey key;
      if (c_.by(AdherenceDim::kAgent)) {
        key.agent = who.agent;
        key.wfm = who.wfm;
      }
      if (c_.by(AdherenceDim::kRegion)) key.region = who.region;
      key.day = k.day;
      key.interval = k.interval;
      if (k.activity >= 0) key.activity = c_.activities->rows()[k.activity].code;
      sums.agents = sums.scheduled_ms > 0 ? 1 : 0;
      st_.sums[key].merge(sums);
    }
  }

 private:
  struct RunPart {
    AdherenceSums* sums;  // into local_, whose nodes never move
    std::int64_t ms;
  };

  // Calls f(sums, ms) for each row key [a, b) falls in: split by interval (and by local day
  // outside every row) when those are grouped by.
  template <class F>
  void attribute(TimeMs a, TimeMs b, const ScheduleRow* row, std::int64_t activity, F&& f) {
    LocalKey base;
    if (c_.by(AdherenceDim::kActivity)) base.activity = activity;
    const bool by_day = c_.by(AdherenceDim::kDay);
    if (c_.by(AdherenceDim::kInterval)) {
      c_.buckets->split_by_interval(a, b, [&](TimeMs start, TimeMs x, TimeMs y) {
        LocalKey k = base;
        k.interval = start;
        if (by_day) k.day = row ? row->schedule_date : c_.buckets->day_of(x);
        f(sums_of(k), y - x);
      });
    } else if (by_day && !row) {
      c_.buckets->split_by_day(a, b, [&](LocalDay d, TimeMs x, TimeMs y) {
        LocalKey k = base;
        k.day = d;
        f(sums_of(k), y - x);
      });
    } else {
      LocalKey k = base;
      if (by_day) k.day = row->schedule_date;
      f(sums_of(k), b - a);
    }
  }

  // The sums of key `k`; consecutive stretches mostly share one, so the last is kept at hand.
  AdherenceSums& sums_of(const LocalKey& k) {
    if (!last_sums_ || !(k == last_key_)) {
      last_key_ = k;
      last_sums_ = &local_[k];
    }
    return *last_sums_;
  }

  // Ends the open out run: shorter than the threshold, its time is in adherence; otherwise it
  // stays out and is one exception, in the row of its first instant.
  void close_run() {
    if (!run_open_) return;
    run_open_ = false;
    const bool forgiven = run_end_ - run_start_ < c_.threshold_ms;
    if (forgiven)
      ++st_.runs_below_threshold;
    else
      ++run_.front().sums->exceptions;
    for (const RunPart& p : run_)
      (forgiven ? p.sums->in_ms : p.sums->out_ms) += p.ms;
    run_.clear();
  }

  const AdherenceConfig& c_;
  AdherenceState& st_;
  std::map<LocalKey, AdherenceSums> local_;
  LocalKey last_key_;
  AdherenceSums* last_sums_ = nullptr;  // local_[last_key_]; map nodes never move
  bool run_open_ = false;
  TimeMs run_start_ = 0, run_end_ = 0;
  std::vector<RunPart> run_;
};

}  // namespace

void walk_agent(const AdherenceConfig& config, const WalkedAgent& who,
                std::span<const ScheduleSegment> segments, std::span<const TimelinePiece> pieces,
                AdherenceState& st) {
  Walk walk(config, st);
  std::size_t i = 0, j = 0;
  TimeMs t = std::numeric_limits<TimeMs>::min();
  while (i < segments.size() || j < pieces.size()) {
    const ScheduleSegment* s = i < segments.size() ? &segments[i] : nullptr;
    const TimelinePiece* p = j < pieces.size() ? &pieces[j] : nullptr;
    const TimeMs next = std::min(s ? s->start : kNever, p ? p->start : kNever);
    if (t < next) {  // [t, next) is neither scheduled nor logged in
      walk.gap();
      t = next;
    }
    const bool in_s = s && s->start <= t, in_p = p && p->start <= t;
    TimeMs end = kNever;
    if (s) end = std::min(end, in_s ? s->end : s->start);
    if (p) end = std::min(end, in_p ? p->end : p->start);
    walk.span(t, end, in_s ? s : nullptr, in_p ? p : nullptr);
    t = end;
    if (s && s->end <= t) ++i;
    if (p && p->end <= t) ++j;
  }
  walk.finish(who);
}

}  // namespace leda::kpi
