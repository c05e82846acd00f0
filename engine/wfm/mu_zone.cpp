// wfm/mu_zone.cpp — see mu_zone.hpp.
#include "wfm/mu_zone.hpp"

#include <date/tz.h>

#include <chrono>

namespace leda::wfm {

MuZone::MuZone(std::string name) : name_(std::move(name)) {
  try {
    zone_ = date::locate_zone(name_);
  } catch (const std::exception&) {
    throw WfmZoneError("unknown time zone '" + name_ +
                       "' (expected an IANA name such as America/New_York)");
  }
}

MuZone::Resolved MuZone::to_utc(std::int64_t day, int minute, Fold fold) const {
  using std::chrono::seconds;
  const date::local_seconds local{seconds{day * 86400 + minute * 60}};
  const date::local_info info = zone_->get_info(local);
  Resolved r;
  seconds offset = info.first.offset;
  if (info.result == date::local_info::nonexistent) {
    r.nonexistent = true;
  } else if (info.result == date::local_info::ambiguous) {
    r.ambiguous = true;
    // `first` is the rule in force before the change: its offset gives the earlier instant.
    if (fold == Fold::kLater) offset = info.second.offset;
  }
  r.ms = (local.time_since_epoch() - offset).count() * TimeMs{1000};
  return r;
}

int MuZone::offset_min(TimeMs t) const {
  const date::sys_seconds s{std::chrono::seconds{floor_div(t, 1000)}};
  return static_cast<int>(zone_->get_info(s).offset.count() / 60);
}

}  // namespace leda::wfm
