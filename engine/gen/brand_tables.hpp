// gen/brand_tables.hpp — the brand's own tables that go with a synthetic account: the agent
// map (agents.csv) and the membership file (membership.csv), as RFC 4180 CSV text.
//
//   std::string csv = leda::gen::agent_map_csv(world);
//
// The agent map finds most agents by lp_agent_id, one only by employee id, one only by login
// name (in another letter case), leaves one agent out and has one row for an agent with no
// data. The membership file gives most customers a segment (Gold, Silver, Bronze), leaves some
// out, and changes one customer's segment inside the range (two rows with validity dates).
// Pure functions of the World: thread-safe.
#pragma once

#include <string>

#include "gen/world.hpp"

namespace leda::gen {

/// The `wfm_agent_id` of the agent map's row for an agent with no data (who left the team).
inline constexpr std::string_view kFormerAgentWfmId = "WFM-9999";

/// `lp_agent_id,employee_id,login_name,region,site_tz,wfm_agent_id` with a header row.
std::string agent_map_csv(const World& w);

/// `customer_id,segment,valid_from,valid_to` with a header row.
std::string membership_csv(const World& w);

/// YYYY-MM-DD of a day counted from 1970-01-01.
std::string iso_date(std::int64_t day);

}  // namespace leda::gen
