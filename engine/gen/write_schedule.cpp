// The account's WFM schedule as files: neutral CSV, NICE IEX, Genesys Cloud JSON, and the
// activity map (see wfm_schedule.hpp).
#include <fmt/format.h>

#include "gen/catalog.hpp"
#include "gen/wfm_schedule.hpp"
#include "wfm/mu_zone.hpp"
#include "wfm/rfc3339.hpp"

namespace leda::gen {
namespace {

struct Activity {
  std::string_view code, category, expected_states;
  bool work, shrinkage;
  std::string_view mode;
  std::string_view genesys_id, genesys_category;
};
constexpr Activity kActivities[] = {
    {"WORK", "WORK", "ONLINE", true, false, "STRICT", "0", "OnQueueWork"},
    {"BREAK", "BREAK", "BACK_SOON|AWAY|LOGGED_OUT", false, true, "STRICT", "1", "Break"},
    {"MEAL", "MEAL", "AWAY|LOGGED_OUT", false, false, "STRICT", "2", "Meal"},
    {"MEETING", "MEETING", "AWAY|BACK_SOON|LOGGED_OUT", false, true, "NEUTRAL", "3", "Meeting"},
    {"OFF", "OFF", "LOGGED_OUT", false, false, "IGNORE", "5", "TimeOff"},
    {"TRAINING", "TRAINING", "AWAY|BACK_SOON|LOGGED_OUT", false, true, "STRICT", "6", "Training"},
};

const Activity& activity(std::string_view code) {
  for (const Activity& a : kActivities)
    if (a.code == code) return a;
  throw std::logic_error("generate: no activity " + std::string(code));
}

std::string mmddyyyy(std::int64_t day) {
  const std::string iso = wfm::date_text(day);  // YYYY-MM-DD
  return iso.substr(5, 2) + iso.substr(8, 2) + iso.substr(0, 4);
}

std::string hhmm(const wfm::MuZone& mu, TimeMs t) {
  const int m = mu.local_minute(t);
  return fmt::format("{:02d}:{:02d}", m / 60, m % 60);
}

// "2026-10-31T12:00:00.000Z", as Genesys writes instants.
std::string genesys_time(TimeMs t) {
  const std::string s = wfm::format_rfc3339(t - t % 1000, 0);  // ...+00:00
  return s.substr(0, s.size() - 6) + fmt::format(".{:03d}Z", t % 1000);
}

}  // namespace

std::string schedule_csv(const std::vector<ScheduledShift>& shifts) {
  wfm::ImportResult r;
  for (const ScheduledShift& s : shifts)
    r.rows.insert(r.rows.end(), s.rows.begin(), s.rows.end());
  wfm::finish_import(r);  // the order an import writes
  return wfm::neutral_csv(r.rows);
}

std::string iex_export(const std::vector<ScheduledShift>& shifts) {
  const wfm::MuZone mu{std::string(brand_tz())};
  std::string out = "#fields:schedDate|tvID|excCode|startTime|stopTime|excDate\n";
  for (const ScheduledShift& s : shifts)
    for (const wfm::NeutralRow& n : s.rows)
      out += fmt::format("{}|{}|{}|{}|{}|{}\n", mmddyyyy(n.row.schedule_date), n.row.wfm_agent_id,
                         n.row.activity_code, hhmm(mu, n.row.start), hhmm(mu, n.row.end),
                         mmddyyyy(mu.local_day(n.row.start)));
  return out;
}

std::string genesys_export(const World& w, const std::vector<ScheduledShift>& shifts) {
  std::string out = fmt::format(
      "{{\n  \"managementUnitTimeZone\": \"{}\",\n  \"startDate\": \"{}\",\n  \"endDate\": "
      "\"{}\",\n  \"userSchedules\": {{",
      brand_tz(), genesys_time(w.range_start), genesys_time(w.range_end));
  int shift_number = 0;
  for (std::size_t i = 0; i < shifts.size(); ++i) {
    const ScheduledShift& s = shifts[i];
    const bool first_of_user = i == 0 || shifts[i - 1].wfm_id != s.wfm_id;
    const bool last_of_user = i + 1 == shifts.size() || shifts[i + 1].wfm_id != s.wfm_id;
    if (first_of_user)
      out += fmt::format("{}\n    \"{}\": {{\n      \"shifts\": [", i == 0 ? "" : ",", s.wfm_id);
    TimeMs end = s.rows[0].row.end;
    for (const wfm::NeutralRow& n : s.rows)
      end = std::max(end, n.row.end);
    const TimeMs start = s.rows[0].row.start;
    out += fmt::format(
        "{}\n        {{\"id\": \"shift-{}\", \"startDate\": \"{}\", \"lengthInMinutes\": {}, "
        "\"activities\": [",
        first_of_user ? "" : ",", ++shift_number, genesys_time(start), (end - start) / kMinuteMs);
    for (std::size_t k = 0; k < s.rows.size(); ++k) {
      const ScheduleRow& r = s.rows[k].row;
      const Activity& a = activity(r.activity_code);
      out += fmt::format(
          "{}\n          {{\"activityCodeId\": \"{}\", \"startDate\": \"{}\", \"lengthInMinutes\": "
          "{}, \"countsAsPaidTime\": {}, \"description\": \"{}\"}}",
          k == 0 ? "" : ",", a.genesys_id, genesys_time(r.start), (r.end - r.start) / kMinuteMs,
          r.paid ? "true" : "false", a.genesys_category);
    }
    out += "\n        ]}";
    if (last_of_user) out += "\n      ],\n      \"fullDayTimeOffMarkers\": []\n    }";
  }
  return out + "\n  }\n}\n";
}

std::string genesys_activity_codes() {
  std::string out = "{\n  \"entities\": [";
  for (std::size_t i = 0; i < std::size(kActivities); ++i)
    out += fmt::format("{}\n    {{\"id\": \"{}\", \"name\": \"{}\", \"category\": \"{}\"}}",
                       i == 0 ? "" : ",", kActivities[i].genesys_id, kActivities[i].code,
                       kActivities[i].genesys_category);
  return out + "\n  ]\n}\n";
}

std::string activity_map_csv() {
  std::string out =
      "activity_code,category,expected_states,counts_as_work,counts_as_shrinkage,adherence_mode\n";
  for (const Activity& a : kActivities)
    out += fmt::format("{},{},{},{},{},{}\n", a.code, a.category, a.expected_states, a.work,
                       a.shrinkage, a.mode);
  return out;
}

}  // namespace leda::gen
