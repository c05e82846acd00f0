// Agents, their shifts (planned in each site's local time, so a DST change moves them in UTC)
// and the login sessions and breaks inside the range.
#include <date/tz.h>

#include <algorithm>
#include <chrono>

#include "gen/catalog.hpp"
#include "gen/random.hpp"
#include "gen/world.hpp"

namespace leda::gen {
namespace {

// Sites in agent order: every region early on, so even a handful of agents covers all three.
constexpr std::uint8_t kSiteCycle[] = {0, 1, 2, 3, 1, 4, 0, 5, 1, 6, 2, 0, 4, 3, 1, 0, 5, 6, 1, 2};

TimeMs local_to_utc(const date::time_zone* zone, std::int64_t day, std::int64_t minute) {
  using namespace std::chrono;
  const auto local = date::local_days{date::days{day}} + minutes{minute};
  const auto sys = zone->to_sys(local, date::choose::earliest);
  return duration_cast<milliseconds>(sys.time_since_epoch()).count();
}

AgentPlan make_agent(const World& w, int k) {
  const auto names = person_names();
  Rng r = Rng::stream(w.options.seed, Stream::kAgents, static_cast<std::uint64_t>(k));
  AgentPlan a;
  a.id = 3000000000 + 1000 * static_cast<std::int64_t>(k + 1) + r.between(0, 999);
  const PersonName& n = names[static_cast<std::size_t>(k) % names.size()];
  const int round = k / static_cast<int>(names.size());
  const std::string login =
      std::string(n.login) + (round > 0 ? std::to_string(round + 1) : std::string());
  a.user_name = login;
  a.nick_name = std::string(n.first) + (round > 0 ? " " + std::to_string(round + 1) : "");
  a.login_name = login + "@shop.example.com";
  a.wfm_id = "WFM-" + std::to_string(4100 + k * 7);
  a.site = kSiteCycle[static_cast<std::size_t>(k) % std::size(kSiteCycle)];
  const int s1 = k % 4, s2 = (s1 + 1 + (k / 4) % 3) % 4;
  a.skills = static_cast<std::uint8_t>((1u << s1) | (1u << s2));
  a.capacity = static_cast<int>(r.between(2, 4));
  a.group_id = k == 4 ? -1 : sites()[a.site].group_id;  // one agent is in no group
  if (k == 1) a.map = MapMatch::kByEmployeeId;
  if (k == 2) a.map = MapMatch::kByLoginName;
  if (k == 3) a.map = MapMatch::kAbsent;
  // Some agents have no employee id in LiveEngage (sent as ""), among them the one the agent
  // map can only find by login name.
  if (a.map != MapMatch::kByLoginName && k % 7 != 5)
    a.employee_id = "E" + std::to_string(10001 + k);
  return a;
}

// Breaks of a session from `online` to `logout`, sorted and at least 5 minutes apart: Back
// Soon breaks around the first and last quarter, an Away lunch when the shift was not split by
// a logout, and short status changes every quarter of an hour or so (agents pace incoming chats
// with Back Soon and step Away for a coffee).
void plan_breaks(World& w, SessionPlan& s, bool lunch, Rng& r) {
  const TimeMs from = s.online + 20 * kMinuteMs, to = s.logout - 20 * kMinuteMs;
  s.breaks.first = static_cast<std::uint32_t>(w.breaks.size());
  if (to - from < 90 * kMinuteMs) return;
  std::vector<BreakPlan> b;
  auto add = [&](TimeMs start, TimeMs minutes, std::int8_t state) {
    b.push_back({start, start + minutes * kMinuteMs + r.between(0, 59) * kSecondMs, state});
  };
  auto around = [&](double fraction) {
    return from + static_cast<TimeMs>(static_cast<double>(to - from) * fraction) +
           r.between(-20, 20) * kMinuteMs;
  };
  add(around(0.2), r.between(5, 15), 3);
  if (lunch) add(around(0.5), 30, 4);
  add(around(0.8), r.between(5, 15), 3);
  for (TimeMs t = from + r.exponential(15 * kMinuteMs); t < to;
       t += 5 * kMinuteMs + r.exponential(10 * kMinuteMs))
    add(t, r.between(1, 4), r.chance(0.75) ? 3 : 4);
  std::stable_sort(b.begin(), b.end(),
                   [](const BreakPlan& x, const BreakPlan& y) { return x.start < y.start; });
  TimeMs last_end = from - 5 * kMinuteMs;
  for (const auto& x : b) {
    if (x.start < last_end + 5 * kMinuteMs || x.start < from || x.end > to) continue;
    w.breaks.push_back(x);
    last_end = x.end;
  }
  s.breaks.count = static_cast<std::uint32_t>(w.breaks.size()) - s.breaks.first;
}

// The shift of agent `k` on local day `day`, starting around `start_min` local time: one
// session, or two when the agent logs out for lunch. Keeps the sessions that lie inside the
// range; returns how many.
int plan_shift(World& w, std::uint32_t k, const date::time_zone* zone, int start_min,
               std::int64_t day) {
  Rng r = Rng::stream(w.options.seed, Stream::kShift,
                      (static_cast<std::uint64_t>(k) << 20) ^ static_cast<std::uint64_t>(day));
  const TimeMs login =
      local_to_utc(zone, day, start_min + r.between(-10, 10)) + r.between(0, 59999);
  const TimeMs length = 8 * kHourMs + 30 * kMinuteMs + r.between(-15, 15) * kMinuteMs;
  std::vector<std::pair<TimeMs, TimeMs>> parts;
  if (r.chance(0.3)) {
    const TimeMs mid = login + length / 2 + r.between(-30, 30) * kMinuteMs;
    const TimeMs gap = r.between(30, 45) * kMinuteMs;
    parts = {{login, mid}, {mid + gap, login + length + gap}};
  } else {
    parts = {{login, login + length}};
  }
  ShiftPlan shift;
  shift.agent = k;
  shift.day = day;
  shift.planned = local_to_utc(zone, day, start_min);
  shift.login = parts.front().first;
  shift.logout = parts.back().second;
  if (parts.size() == 2) {
    shift.lunch_out = parts[0].second;
    shift.lunch_in = parts[1].first;
  }
  int kept = 0;
  for (const auto& [in, out] : parts) {
    if (in < w.range_start || out + kMinuteMs >= w.range_end) continue;
    SessionPlan s;
    s.agent = k;
    s.login = in;
    s.online = in + r.between(3000, 90000);
    s.logout = out;
    plan_breaks(w, s, parts.size() == 1, r);
    w.sessions.push_back(s);
    ++kept;
  }
  shift.in_range = kept == static_cast<int>(parts.size());
  w.shifts.push_back(shift);
  return kept;
}

}  // namespace

void plan_agents(World& w) {
  const GenOptions& o = w.options;
  for (int k = 0; k < o.agents; ++k)
    w.agents.push_back(make_agent(w, k));

  for (std::uint32_t k = 0; k < w.agents.size(); ++k) {
    const AgentPlan& a = w.agents[k];
    const Site& site = sites()[a.site];
    const date::time_zone* zone = date::locate_zone(std::string(site.tz));
    const int start_min = site.shift_start_min + 60 * static_cast<int>((k / 3) % 3);
    const int off1 = static_cast<int>((k * 3) % 7), off2 = (off1 + 1) % 7;
    // Local days around the range: a site east or west of UTC works shifts that start the
    // local day before or end the local day after the UTC range.
    int kept = 0;
    for (std::int64_t day = o.start_day - 1; day <= o.start_day + o.days; ++day) {
      const int weekday = static_cast<int>((day + 3) % 7);  // 0 Monday (1970-01-01 a Thursday)
      if (weekday != off1 && weekday != off2) kept += plan_shift(w, k, zone, start_min, day);
    }
    // An agent whose days off cover the range works one of them instead: every agent of the
    // account has activity.
    for (std::int64_t day = o.start_day - 1; kept == 0 && day <= o.start_day + o.days; ++day)
      kept += plan_shift(w, k, zone, start_min, day);
  }
  std::sort(w.sessions.begin(), w.sessions.end(), [](const SessionPlan& x, const SessionPlan& y) {
    return x.login != y.login ? x.login < y.login : x.agent < y.agent;
  });
  Rng ids = Rng::stream(o.seed, Stream::kIds, 0);
  const std::uint64_t base = 600000000 + ids.below(300000000);
  for (std::size_t i = 0; i < w.sessions.size(); ++i)
    w.sessions[i].number = base + 7 * i + 1;
  // One session is delivered without its logout event (its end has to be imputed).
  if (w.sessions.size() >= 2) w.sessions[w.sessions.size() / 2].logout_missing = true;
  // One agent also logs in from a second device for a while during a long session: two
  // sessions of one agent that overlap.
  for (const SessionPlan& main : w.sessions) {
    if (main.logout_missing || main.logout - main.online < 4 * kHourMs) continue;
    Rng r = Rng::stream(o.seed, Stream::kShift, 1ull << 40);
    SessionPlan extra;
    extra.agent = main.agent;
    extra.second_device = true;
    extra.login = main.online + 2 * kHourMs + r.between(0, 59999);
    extra.online = extra.login;
    extra.logout = extra.login + r.between(15, 40) * kMinuteMs;
    extra.breaks = {static_cast<std::uint32_t>(w.breaks.size()), 0};
    extra.number = w.sessions.back().number + 7;
    w.sessions.push_back(extra);
    break;
  }
}

}  // namespace leda::gen
