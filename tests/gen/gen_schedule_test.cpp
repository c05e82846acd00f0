// The generated WFM schedule (gen/wfm_schedule.hpp) against the agents' actual sessions: the
// schedule a user joins must describe the shifts the account holds, with the deviations an
// adherence report is meant to find.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "account_reader.hpp"
#include "gen/generator.hpp"
#include "host/join_files.hpp"
#include "leda/joins.hpp"
#include "support/temp_dir.hpp"
#include "wfm/schedule_reader.hpp"

namespace fs = std::filesystem;
using gentest::Ms;

namespace {

constexpr Ms kMinute = 60000;

struct Generated {
  leda::test::TempDir dir{"gen-schedule"};
  gentest::Account account;
  leda::Schedule schedule;
  leda::ActivityMap activities;
  std::map<std::string, std::vector<std::pair<Ms, Ms>>> sessions;  // by wfm id: [login, logout]
};

// The default account (seed 1, 20 agents, 3 days from 2026-10-31) with few visits: agent
// shifts do not depend on the visits, so this is the sample account's schedule.
const Generated& generated() {
  static const Generated& g = *[] {
    auto* made = new Generated;  // lives for the whole test run, like a static
    Generated& out = *made;
    leda::gen::GenOptions o;
    o.out_dir = out.dir.path;
    o.visits_per_day = 100;
    o.progress = false;
    leda::gen::generate(o);
    out.account = gentest::read_account(out.dir / "75555851");
    out.schedule = leda::wfm::read_schedule(out.dir / "schedule.csv");
    out.activities = leda::wfm::read_activity_map(out.dir / "activities.csv");
    const leda::Joins joins = leda::host::read_joins({{"agents", out.dir / "agents.csv"}});
    const leda::AgentMap& map = *joins.agents;
    for (const auto& s : out.account.sessions) {
      const auto& e = s.events.front();
      const bool second_device = s.events.size() == 2 && e.state == 0 && s.events[1].state == 0;
      const leda::AgentMapRow* row = map.match(e.agent, e.employee_id, e.login_name);
      if (!row || second_device) continue;
      out.sessions[row->wfm_agent_id].push_back({e.t, s.events.back().t});
    }
    return made;
  }();
  return g;
}

Ms overlap(Ms a, Ms b, Ms c, Ms d) {
  return std::max<Ms>(0, std::min(b, d) - std::max(a, c));
}

}  // namespace

TEST_CASE("the generated schedule is read by the host readers and every code is mapped") {
  const auto& g = generated();
  CHECK_NOTHROW(leda::wfm::check_activity_codes(g.schedule, g.activities, "schedule.csv"));
  std::map<std::string, int> codes;
  for (const auto& r : g.schedule.rows()) {
    ++codes[r.activity_code];
    INFO(r.wfm_agent_id << " line " << r.line);
    CHECK(r.paid == (r.activity_code != "MEAL" && r.activity_code != "OFF"));
    CHECK(r.end - r.start <= 25 * 60 * kMinute);
  }
  for (const char* code : {"WORK", "BREAK", "MEAL", "TRAINING", "MEETING", "OFF"})
    CHECK(codes[code] > 0);
  CHECK(g.activities.find("OFF")->adherence_mode == leda::AdherenceMode::kIgnore);
  CHECK(g.activities.find("MEETING")->adherence_mode == leda::AdherenceMode::kNeutral);
  // The former agent (in the map, no data) is scheduled; so is the agent the map lacks.
  CHECK_FALSE(g.schedule.rows_of("WFM-9999").empty());
  CHECK(g.sessions.count("WFM-9999") == 0);
  CHECK(g.schedule.agents().size() == 21);
}

TEST_CASE("scheduled shifts follow the sessions: most logged-in time is scheduled work") {
  const auto& g = generated();
  Ms logged_in = 0, in_work = 0;
  int late = 0, early = 0, worked_shifts = 0;
  for (const auto& [id, sessions] : g.sessions) {
    INFO(id);
    std::vector<const leda::ScheduleRow*> work, off;
    for (std::uint32_t i : g.schedule.rows_of(id)) {
      const auto& r = g.schedule.rows()[i];
      if (r.activity_code == "WORK") work.push_back(&r);
      if (r.activity_code == "OFF") off.push_back(&r);
    }
    for (const auto& [in, out] : sessions) {
      logged_in += out - in;
      for (const auto* w : work)
        in_work += overlap(in, out, w->start, w->end);
      for (const auto* o : off)
        CHECK(overlap(in, out, o->start, o->end) == 0);  // nobody works on a day off
    }
    for (const auto* w : work) {
      Ms first = INT64_MAX, last = 0;
      for (const auto& [in, out] : sessions)
        if (overlap(in, out, w->start, w->end) > 0) {
          first = std::min(first, in);
          last = std::max(last, out);
        }
      REQUIRE(first != INT64_MAX);  // every scheduled shift was worked
      ++worked_shifts;
      CHECK(std::abs(first - w->start) < 45 * kMinute);
      CHECK(std::abs(last - w->end) < 75 * kMinute);
      late += first - w->start >= 20 * kMinute;
      early += w->end - last >= 20 * kMinute;
    }
  }
  CHECK(worked_shifts > 30);
  // Shifts cut by the range's edges are not scheduled; the rest is.
  CHECK(in_work > logged_in * 8 / 10);
  CHECK(late > 0);
  CHECK(early > 0);
}
