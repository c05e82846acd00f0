#include "gen/brand_tables.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include "gen/catalog.hpp"
#include "gen/records.hpp"
#include "util/csv_field.hpp"

namespace leda::gen {
namespace {

// "aisha.khan@shop.example.com" -> "Aisha.Khan@Shop.Example.Com": the same login in the letter
// case a WFM export might use (the map matches login names case-insensitively).
std::string title_case(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    start = c == '.' || c == '@';
  }
  return out;
}

}  // namespace

std::string iso_date(std::int64_t day) {
  const date::year_month_day ymd{date::sys_days{date::days{day}}};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string agent_map_csv(const World& w) {
  std::string out = "lp_agent_id,employee_id,login_name,region,site_tz,wfm_agent_id\n";
  auto row = [&](std::string id, std::string_view employee, std::string_view login,
                 const Site& site, std::string_view wfm) {
    out += fmt::format("{},{},{},{},{},{}\n", id, util::csv_field(employee), util::csv_field(login),
                       site.region, site.tz, util::csv_field(wfm));
  };
  for (const AgentPlan& a : w.agents) {
    const Site& site = sites()[a.site];
    switch (a.map) {
      case MapMatch::kById:
        row(std::to_string(a.id), a.employee_id, a.login_name, site, a.wfm_id);
        break;
      case MapMatch::kByEmployeeId:
        row("", a.employee_id, "", site, a.wfm_id);
        break;
      case MapMatch::kByLoginName:
        row("", "", title_case(a.login_name), site, a.wfm_id);
        break;
      case MapMatch::kAbsent:
        break;
    }
  }
  // An agent who is in the map but has no activity in the account (left the team, say).
  row("3000999001", "E19999", "former.agent@shop.example.com", sites()[1], kFormerAgentWfmId);
  return out;
}

std::string membership_csv(const World& w) {
  std::string out = "customer_id,segment,valid_from,valid_to\n";
  for (std::uint32_t c = 0; c < w.customers.size(); ++c) {
    const int segment = w.customers[c].segment;
    if (segment < 0) continue;  // not a member: the customer's orders are UNMATCHED
    const std::string id = customer_id(c);
    if (c == w.segment_change_customer) {
      out += fmt::format("{},Silver,,{}\n", id, iso_date(w.segment_change_day - 1));
      out += fmt::format("{},Gold,{},\n", id, iso_date(w.segment_change_day));
    } else {
      out += fmt::format("{},{},,\n", id, kSegments[segment]);
    }
  }
  return out;
}

}  // namespace leda::gen
