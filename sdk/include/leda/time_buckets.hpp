// leda/time_buckets.hpp — local days and 15/30/60-minute intervals in one IANA time zone, and
// RFC 3339 text for instants.
//
// KPIs keep time as UTC epoch milliseconds and cut it into local calendar days and intervals
// only when they group by `day` or `interval`. A local day starts at local midnight and lasts
// 23, 24 or 25 hours; an interval starts on a multiple of its length in local clock time, so a
// 25-hour day has 25 hourly intervals (01:00-04:00 and 01:00-05:00 on a fall-back day in
// New York) and a 23-hour day has 23.
//
//   leda::TimeBuckets buckets("America/New_York", 60);   // throws PluginError if unknown
//   buckets.split_by_interval(from, to, [&](leda::TimeMs start, leda::TimeMs a, leda::TimeMs b) {
//     sums[start] += b - a;                              // [a, b) lies inside one interval
//   });
//   std::string key = buckets.rfc3339(start);            // "2026-11-01T01:00:00-05:00"
//   std::string day = leda::day_text(buckets.day_of(t)); // "2026-11-01"
//
// Thread-safety: a TimeBuckets is immutable after construction; any number of threads may use
// one. Time zone rules come from the system's tz database (Debian's tzdata).
#pragma once

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "leda/model.hpp"
#include "leda/plugin.hpp"

namespace leda {

/// A local calendar date as days since 1970-01-01 (a date, not an instant).
using LocalDay = std::int64_t;

/// Floor division for negative numerators (epoch times before 1970 stay correct).
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

/// The civil date (year, month, day) of a day count since 1970-01-01 (proleptic Gregorian).
struct CivilDate {
  std::int64_t year;
  unsigned month, day;
};
/// By the date library's calendar (`date::year_month_day`), whose years run from -32767 to
/// 32767: a count beyond them (only a nonsense timestamp is that far) gives the nearest end.
constexpr CivilDate civil_from_days(std::int64_t z) {
  constexpr std::int64_t first =
      date::sys_days{date::year::min() / date::January / 1}.time_since_epoch().count();
  constexpr std::int64_t last =
      date::sys_days{date::year::max() / date::December / 31}.time_since_epoch().count();
  const date::year_month_day ymd{
      date::sys_days{date::days{static_cast<int>(std::clamp(z, first, last))}}};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day())};
}

/// `YYYY-MM-DD` of a local day.
inline std::string day_text(LocalDay d) {
  const CivilDate c = civil_from_days(d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(c.year), c.month,
                c.day);
  return buf;
}

/// Parses an interval parameter: "15m", "30m" or "60m" (also "1h") into minutes. Throws
/// PluginError naming the value otherwise.
inline int parse_interval_minutes(std::string_view text) {
  if (text == "15m") return 15;
  if (text == "30m") return 30;
  if (text == "60m" || text == "1h") return 60;
  throw PluginError("interval must be 15m, 30m or 60m, not '" + std::string(text) + "'");
}

/// Day and interval arithmetic in one IANA time zone.
class TimeBuckets {
 public:
  /// `zone` is an IANA name ("UTC", "Europe/Paris"); `interval_minutes` must divide a day
  /// (15, 30 and 60 are the KPI choices). Throws PluginError for an unknown zone or a bad
  /// interval length.
  explicit TimeBuckets(std::string_view zone, int interval_minutes = 60)
      : name_(zone), interval_ms_(std::int64_t{interval_minutes} * 60000) {
    if (interval_minutes <= 0 || 1440 % interval_minutes != 0)
      throw PluginError("interval length must divide a day: " + std::to_string(interval_minutes) +
                        " minutes");
    try {
      zone_ = date::locate_zone(name_);
    } catch (const std::exception&) {
      throw PluginError("unknown time zone '" + name_ +
                        "' (expected an IANA name such as UTC or America/New_York)");
    }
  }

  /// The buckets of a plugin's `tz` parameter and, when it has one, its `interval` parameter
  /// (60 minutes otherwise). Throws ParamError naming the parameter whose value is unusable.
  static TimeBuckets from_params(const Params& params, const std::string& tz = "tz",
                                 const std::string& interval = "interval") {
    int minutes = 60;
    if (params.all().count(interval)) {
      try {
        minutes = parse_interval_minutes(params.get(interval));
      } catch (const PluginError& e) {
        throw ParamError(interval, e.what());
      }
    }
    try {
      return TimeBuckets(params.get(tz), minutes);
    } catch (const PluginError& e) {
      throw ParamError(tz, e.what());
    }
  }

  /// The `tz` parameter of a KPI with local days or intervals (IANA zone, default UTC).
  static ParamSpec tz_param(std::string help = "IANA time zone of days and intervals") {
    return {"tz", ParamType::kString, "UTC", std::move(help), {}};
  }
  /// The `interval` parameter (15m, 30m or 60m) with `default_value`.
  static ParamSpec interval_param(std::string default_value = "60m",
                                  std::string help = "interval length when grouping by interval") {
    return {"interval",
            ParamType::kEnum,
            std::move(default_value),
            std::move(help),
            {"15m", "30m", "60m"}};
  }

  /// The zone's IANA name as given.
  const std::string& zone_name() const { return name_; }
  /// Interval length in milliseconds.
  std::int64_t interval_ms() const { return interval_ms_; }

  /// Offset of local time from UTC at instant `t`, in milliseconds (negative west of Greenwich).
  std::int64_t offset_ms(TimeMs t) const { return info(t).offset.count() * 1000; }

  /// The local date of instant `t`.
  LocalDay day_of(TimeMs t) const { return floor_div(t + offset_ms(t), kDayMs); }

  /// The first instant of local day `d`: local midnight, or the instant the day begins when a
  /// clock change skips midnight. When midnight occurs twice, the first one.
  TimeMs day_start(LocalDay d) const {
    const date::local_time<std::chrono::milliseconds> midnight{
        std::chrono::milliseconds(d * kDayMs)};
    return zone_->to_sys(midnight, date::choose::earliest).time_since_epoch().count();
  }

  /// The interval holding instant `t`: `[start, end)`. Boundaries are multiples of the interval
  /// length in local clock time; a clock change that falls inside an interval also ends it.
  struct Interval {
    TimeMs start, end;
  };
  Interval interval_of(TimeMs t) const {
    const date::sys_info i = info(t);
    const std::int64_t off = i.offset.count() * 1000;
    const std::int64_t local_start = floor_div(t + off, interval_ms_) * interval_ms_;
    TimeMs start = local_start - off;
    TimeMs end = local_start + interval_ms_ - off;
    const TimeMs begin = i.begin.time_since_epoch().count() * 1000;
    const TimeMs stop = i.end.time_since_epoch().count() * 1000;
    // Only a real offset change (not a change of abbreviation) cuts an interval.
    if (start < begin && offset_ms(start) != off) start = begin;
    if (end > stop && offset_ms(stop) != off) end = stop;
    return {start, end};
  }

  /// Calls `f(LocalDay day, TimeMs a, TimeMs b)` for each local day overlapping `[from, to)`,
  /// with `[a, b)` the part of `[from, to)` in that day, in time order. Nothing when to <= from.
  template <class F>
  void split_by_day(TimeMs from, TimeMs to, F&& f) const {
    TimeMs cur = from;
    while (cur < to) {
      const LocalDay d = day_of(cur);
      TimeMs next = day_start(d + 1);
      if (next <= cur) next = to;  // guards against a zone whose date steps backwards
      const TimeMs b = std::min(next, to);
      f(d, cur, b);
      cur = b;
    }
  }

  /// Calls `f(TimeMs interval_start, TimeMs a, TimeMs b)` for each interval overlapping
  /// `[from, to)`, with `[a, b)` the part of `[from, to)` in that interval, in time order.
  template <class F>
  void split_by_interval(TimeMs from, TimeMs to, F&& f) const {
    TimeMs cur = from;
    while (cur < to) {
      const Interval iv = interval_of(cur);
      const TimeMs b = std::min(iv.end > cur ? iv.end : to, to);
      f(iv.start, cur, b);
      cur = b;
    }
  }

  /// RFC 3339 text of instant `t` in local time with its UTC offset:
  /// "2026-11-01T01:00:00-05:00", with ".mmm" only when `t` has milliseconds; UTC prints
  /// "+00:00".
  std::string rfc3339(TimeMs t) const {
    const std::int64_t off = offset_ms(t);
    const std::int64_t local = t + off;
    const LocalDay d = floor_div(local, kDayMs);
    const std::int64_t in_day = local - d * kDayMs;
    const int h = static_cast<int>(in_day / 3600000), mi = static_cast<int>(in_day / 60000 % 60),
              s = static_cast<int>(in_day / 1000 % 60), ms = static_cast<int>(in_day % 1000);
    const std::int64_t off_min = (off < 0 ? -off : off) / 60000;
    char buf[64];
    int n = std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d", day_text(d).c_str(), h, mi, s);
    if (ms != 0) n += std::snprintf(buf + n, sizeof buf - n, ".%03d", ms);
    std::snprintf(buf + n, sizeof buf - n, "%c%02d:%02d", off < 0 ? '-' : '+',
                  static_cast<int>(off_min / 60), static_cast<int>(off_min % 60));
    return buf;
  }

 private:
  static constexpr std::int64_t kDayMs = 86400000;

  date::sys_info info(TimeMs t) const {
    return zone_->get_info(date::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds(t)});
  }

  std::string name_;
  std::int64_t interval_ms_;
  const date::time_zone* zone_ = nullptr;
};

}  // namespace leda
