// wfm/mu_zone.hpp — a WFM management unit's time zone: local schedule times to instants and
// back, with the DST rules the exports leave to the reader.
//
//   leda::wfm::MuZone mu("America/New_York");              // throws WfmZoneError if unknown
//   auto r = mu.to_utc(day, 90, leda::wfm::Fold::kEarlier); // 01:30 on local day `day`
//   if (r.nonexistent) ...                                 // in the spring-forward gap
//   std::string text = mu.rfc3339(r.ms);                   // "2026-11-01T01:30:00-04:00"
//
// Thread-safety: immutable after construction. Zone rules come from the system's tz database.
#pragma once

#include <stdexcept>
#include <string>

#include "wfm/rfc3339.hpp"

namespace date {
class time_zone;
}

namespace leda::wfm {

/// A time zone name the tz database does not know.
class WfmZoneError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Which of two occurrences of a repeated local time (DST fall back) to take.
enum class Fold { kEarlier, kLater };

class MuZone {
 public:
  /// `name` is an IANA zone ("America/New_York", "UTC"). Throws WfmZoneError otherwise.
  explicit MuZone(std::string name);

  const std::string& name() const { return name_; }

  /// A local time resolved to an instant.
  struct Resolved {
    TimeMs ms = 0;
    bool nonexistent = false;  ///< the local time does not exist (DST gap); `ms` is meaningless
    bool ambiguous = false;    ///< the local time occurs twice; `fold` chose one
  };
  /// The instant of local day `day` (days since 1970-01-01) at `minute` minutes after local
  /// midnight (0..1439).
  Resolved to_utc(std::int64_t day, int minute, Fold fold) const;

  /// The zone's UTC offset at instant `t`, in minutes.
  int offset_min(TimeMs t) const;
  /// The local date of instant `t`, days since 1970-01-01.
  std::int64_t local_day(TimeMs t) const {
    return floor_div(t + offset_min(t) * kMinuteMs, kDayMs);
  }
  /// Minutes after local midnight of instant `t`, ignoring seconds (0..1439).
  int local_minute(TimeMs t) const {
    const TimeMs local = t + offset_min(t) * kMinuteMs;
    return static_cast<int>((local - floor_div(local, kDayMs) * kDayMs) / kMinuteMs);
  }
  /// RFC 3339 text of `t` with the zone's offset at that instant.
  std::string rfc3339(TimeMs t) const { return format_rfc3339(t, offset_min(t)); }

 private:
  std::string name_;
  const date::time_zone* zone_ = nullptr;
};

}  // namespace leda::wfm
