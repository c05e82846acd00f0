// gen/wfm_schedule.hpp — the WFM side of a synthetic account: the agents' schedule and the
// activity map, in the neutral form and as the WFM systems export it.
//
//   std::vector<leda::gen::ScheduledShift> shifts = leda::gen::plan_schedule(world);
//   std::string csv = leda::gen::schedule_csv(shifts);        // schedule.csv (neutral)
//   std::string iex = leda::gen::iex_export(shifts);          // schedule-iex.txt
//   std::string json = leda::gen::genesys_export(world, shifts);  // schedule-genesys.json
//
// The schedule follows the shifts the agents actually worked (World::shifts): each shift that
// lies inside the range is scheduled from its planned start, as one WORK row with BREAK, an
// unpaid MEAL, and now and then a TRAINING block or a MEETING layered over it. Some shifts are
// scheduled to start earlier (the agent comes late) or to end later (the agent leaves early)
// than the agent's plan. A date of the range on which an agent has no shift is an OFF row
// (a day off). The former agent of the agent map (no data) has a shift on the first day; the
// agent missing from the map has a schedule. The management unit is the brand's time zone
// (brand_tz()); times the zone's clock shows twice are never a row's boundary (an IEX export
// could not tell them apart). Random draws come from Stream::kSchedule only, so the rest of the
// account is the same with or without these files. Pure functions of the World: thread-safe.
#pragma once

#include <string>
#include <vector>

#include "gen/world.hpp"
#include "wfm/neutral_schedule.hpp"

namespace leda::gen {

/// One scheduled shift (or day off) of one agent: the base row first, then the rows layered
/// over it in start order.
struct ScheduledShift {
  std::string wfm_id;
  std::vector<wfm::NeutralRow> rows;
};

/// The account's schedule, by agent (`wfm_agent_id` byte order), then time.
std::vector<ScheduledShift> plan_schedule(const World& w);

/// The neutral schedule CSV (wfm.md §1).
std::string schedule_csv(const std::vector<ScheduledShift>& shifts);
/// The same schedule as a NICE IEX schedule detail export: a `#fields:` line, local times of
/// the management unit, `excDate` on every row. MEAL and OFF are the unpaid codes.
std::string iex_export(const std::vector<ScheduledShift>& shifts);
/// The same schedule as a Genesys Cloud schedule search result (activity code ids).
std::string genesys_export(const World& w, const std::vector<ScheduledShift>& shifts);
/// The Genesys activity code list that names those ids.
std::string genesys_activity_codes();
/// The activity map (activities.csv) for the schedule's codes.
std::string activity_map_csv();

}  // namespace leda::gen
