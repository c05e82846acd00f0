// Cross-links a user of the synthetic account relies on: agent sessions and concurrency follow
// the chats, chats belong to visits, surveys to chats; the edge cases the KPIs must handle are
// present.
#include <date/tz.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "account_reader.hpp"
#include "gen/generator.hpp"
#include "host/csv_reader.hpp"
#include "host/join_files.hpp"
#include "leda/joins.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using gentest::kAbsent;
using gentest::Ms;

namespace {

// One account shared by the tests below: 3 days from 2026-10-31 (the US DST change).
struct Generated {
  leda::test::TempDir dir{"gen-invariants"};
  gentest::Account account;
  Generated() {
    leda::gen::GenOptions o;
    o.out_dir = dir.path;
    o.seed = 3;
    o.agents = 8;
    o.days = 3;
    o.visits_per_day = 1000;
    o.progress = false;
    leda::gen::generate(o);
    account = gentest::read_account(dir / "75555851");
  }
};

const Generated& generated() {
  static const Generated g;
  return g;
}

bool second_device(const gentest::AgentSession& s) {
  return s.events.size() == 2 && s.events[0].state == 0 && s.events[1].state == 0;
}

// One agent's part of a connected chat.
struct Segment {
  std::string agent;
  Ms start, end;
  bool operator<(const Segment& o) const {
    return std::tie(agent, start, end) < std::tie(o.agent, o.start, o.end);
  }
};

std::vector<Segment> chat_segments(const gentest::Conversation& c) {
  if (c.connect == kAbsent) return {};
  const Ms first_end = c.transfers.empty() ? c.end : c.transfers[0].t;
  std::string first_agent;
  for (const auto& l : c.lines)
    if (l.type == "1" && l.t < first_end) first_agent = l.agent_id;
  std::vector<Segment> out = {{first_agent, c.connect, first_end}};
  for (const auto& t : c.transfers)
    out.push_back({t.target_agent_id, t.queue_end, c.end});
  return out;
}

}  // namespace

TEST_CASE("agent sessions: login first, logout last, concurrency and state consistent") {
  const auto& acc = generated().account;
  REQUIRE(acc.sessions.size() > 20);
  int unclosed = 0, overlapping = 0;
  std::set<std::string> ids;
  for (const auto& s : acc.sessions) {
    INFO(s.id);
    CHECK(ids.insert(s.id).second);
    CHECK(s.id.rfind("75555851-", 0) == 0);
    REQUIRE(!s.events.empty());
    CHECK(s.events.front().type == 3);
    CHECK(s.meta_start == s.events.front().t);
    CHECK(s.meta_end == s.events.back().t);
    unclosed += s.events.back().type != 4;
    if (second_device(s)) {
      ++overlapping;
      continue;
    }
    for (std::size_t i = 0; i < s.events.size(); ++i) {
      const auto& e = s.events[i];
      INFO("event " << i << " at " << e.t);
      CHECK(e.concurrent >= 0);
      CHECK(e.state >= 0);
      CHECK(e.state <= 4);
      if (e.type == 3 || e.type == 4) {
        CHECK(e.max == -9);
        CHECK(e.concurrent == 0);
      } else {
        CHECK(e.max >= 2);
        CHECK(e.max <= 4);
        CHECK(e.concurrent <= e.max);
      }
      CHECK(std::abs(e.concurrent - e.prev_concurrent) == (e.type == 1 ? 1 : 0));
      if (i == 0) continue;
      const auto& prev = s.events[i - 1];
      CHECK(e.t >= prev.t);
      CHECK(e.prev_concurrent == prev.concurrent);
      CHECK(e.agent == prev.agent);
      if (prev.state != 0) CHECK(e.prev_state == prev.state);
    }
  }
  CHECK(unclosed == 1);     // one session's end has to be imputed
  CHECK(overlapping == 1);  // one agent logged in from a second device
}

TEST_CASE("every chat went to an Online agent with room, and concurrency follows the chats") {
  const auto& acc = generated().account;
  std::multiset<Segment> from_chats, from_starts, from_ends;
  for (const auto& c : acc.conversations)
    for (const auto& seg : chat_segments(c)) {
      INFO(c.id);
      CHECK(!seg.agent.empty());
      from_chats.insert(seg);
    }
  REQUIRE(from_chats.size() > 50);
  // Chat events of the agents: +1 at a segment's start (the agent Online), -1 at its end.
  std::map<std::string, std::vector<std::pair<Ms, Ms>>> logged_in;  // agent -> sessions
  std::multiset<std::pair<std::string, Ms>> ups, downs;
  for (const auto& s : acc.sessions) {
    if (second_device(s)) continue;
    const std::string agent = std::to_string(s.events.front().agent);
    logged_in[agent].push_back({s.events.front().t, s.events.back().t});
    for (const auto& e : s.events) {
      if (e.type != 1) continue;
      if (e.concurrent > e.prev_concurrent) {
        ups.insert({agent, e.t});
        CHECK(e.prev_state == 2);  // Online when the chat was assigned
      } else {
        downs.insert({agent, e.t});
      }
    }
  }
  std::multiset<std::pair<std::string, Ms>> starts, ends;
  for (const auto& seg : from_chats) {
    starts.insert({seg.agent, seg.start});
    ends.insert({seg.agent, seg.end});
    // The agent had a session covering the whole interaction.
    const auto& sessions = logged_in[seg.agent];
    INFO(seg.agent << " " << seg.start);
    CHECK(std::any_of(sessions.begin(), sessions.end(),
                      [&](const auto& x) { return x.first <= seg.start && seg.end <= x.second; }));
  }
  CHECK((ups == starts));
  CHECK((downs == ends));
}

TEST_CASE("conversations belong to their visits and transcripts carry their agents") {
  const auto& acc = generated().account;
  std::map<std::string, const gentest::Visit*> visits;
  for (const auto& v : acc.visits)
    CHECK(visits.emplace(v.id, &v).second);
  std::set<std::string> ids;
  int abandoned = 0, transferred = 0;
  for (const auto& c : acc.conversations) {
    INFO(c.id);
    CHECK(ids.insert(c.id).second);
    CHECK(c.id.rfind("75555851", 0) == 0);
    REQUIRE(visits.count(c.visit_id) == 1);
    const auto& v = *visits.at(c.visit_id);
    CHECK(v.start <= c.start);
    CHECK(c.end <= v.end);
    CHECK(c.queue_start == c.start);
    for (const auto& l : c.lines) {
      CHECK(l.t >= c.start);
      CHECK(l.t <= c.end);
      if (l.type != "1") CHECK(l.agent_id == "0");
    }
    if (c.connect == kAbsent) {
      ++abandoned;
      CHECK(c.queue_end == kAbsent);
      CHECK_FALSE(c.interactive);
      CHECK(std::none_of(c.lines.begin(), c.lines.end(),
                         [](const auto& l) { return l.type == "1"; }));
      continue;
    }
    CHECK(c.queue_end == c.connect);
    // The conversation's agent (the last agent line) is the agent after any transfer.
    std::string last_agent;
    for (const auto& l : c.lines)
      if (l.type == "1") last_agent = l.agent_id;
    const auto segs = chat_segments(c);
    CHECK(last_agent == segs.back().agent);
    if (!c.transfers.empty()) {
      ++transferred;
      const auto& t = c.transfers[0];
      CHECK(t.agent_id == segs.front().agent);
      CHECK(t.agent_id != t.target_agent_id);
      REQUIRE(c.skills.size() == 2);
      CHECK(c.skills[0] == t.skill);
      CHECK(c.skills[1] == t.target_skill);
      CHECK(t.queue_start == t.t);
      CHECK(t.queue_end > t.t);
    } else {
      CHECK(c.skills.size() == 1);
    }
  }
  CHECK(abandoned > 0);
  CHECK(transferred > 0);
}

TEST_CASE("post-chat surveys rate connected chats on CSAT, NPS and FCR") {
  const auto& acc = generated().account;
  std::map<std::string, const gentest::Conversation*> chats;
  for (const auto& c : acc.conversations)
    chats[c.id] = &c;
  int post = 0, operator_surveys = 0, invalid = 0;
  for (const auto& s : acc.surveys) {
    INFO(s.conversation_id);
    REQUIRE(chats.count(s.conversation_id) == 1);
    const auto& c = *chats.at(s.conversation_id);
    CHECK(c.connect != kAbsent);
    for (const auto& a : s.answers)
      CHECK(a.t > c.end);
    if (s.type == 3) {
      ++operator_surveys;
      continue;
    }
    REQUIRE(s.type == 2);
    ++post;
    auto find = [&](const char* word) -> const gentest::Answer* {
      for (const auto& a : s.answers)
        if (a.question.find(word) != std::string::npos) return &a;
      return nullptr;
    };
    const auto* csat = find("satisf");
    const auto* fcr = find("resolve");
    REQUIRE(csat);
    REQUIRE(fcr);
    const auto* nps = find("recommend");
    const std::set<std::string> csat_ok = {"1", "2", "3", "4", "5"};
    const std::set<std::string> nps_ok = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
    invalid += !csat_ok.count(csat->answer);
    invalid += nps && !nps_ok.count(nps->answer);
    invalid += fcr->answer != "Yes" && fcr->answer != "No";
  }
  CHECK(post > 20);
  CHECK(operator_surveys > 0);
  CHECK(invalid > 0);
  CHECK(invalid < post / 5);
}

TEST_CASE("orders include re-sent duplicates, a conflicting total, zero and missing totals") {
  const auto& acc = generated().account;
  struct Copy {
    Ms t;
    std::optional<double> total;
    std::string visit;
  };
  std::map<std::string, std::vector<Copy>> orders;  // trimmed orderId -> copies
  int padded_order = 0, padded_customer = 0, missing = 0, zero = 0;
  for (const auto& v : acc.visits)
    for (const auto& a : v.attributes) {
      if (a.kind == "CustomerInfo")
        padded_customer += std::string(leda::trim(a.customer_id)) != a.customer_id;
      if (a.kind != "Purchase") continue;
      const std::string id(leda::trim(a.order_id));
      padded_order += id != a.order_id;
      missing += !a.total;
      zero += a.total && *a.total == 0;
      orders[id].push_back({a.t, a.total, v.id});
    }
  int duplicated = 0, conflicting = 0;
  for (auto& [id, copies] : orders) {
    if (copies.size() < 2) continue;
    ++duplicated;
    std::sort(copies.begin(), copies.end(), [](const Copy& a, const Copy& b) { return a.t < b.t; });
    CHECK(copies[0].visit != copies[1].visit);  // sent again by a later visit
    conflicting += copies[0].total != copies[1].total;
  }
  CHECK(orders.size() > 30);
  CHECK(duplicated >= 3);
  CHECK(conflicting == 1);
  CHECK(padded_order >= 1);
  CHECK(missing >= 1);
  CHECK(zero >= 1);
  CHECK(padded_customer >= 1);
}

TEST_CASE("agent map and membership read as leda reads joins and hold the edge cases") {
  const auto& g = generated();
  const leda::Joins joins = leda::host::read_joins(
      {{"agents", g.dir / "agents.csv"}, {"membership", g.dir / "membership.csv"}});
  const leda::AgentMap& map = *joins.agents;
  std::map<std::int64_t, const gentest::Event*> agents;  // agent id -> one of its events
  for (const auto& s : g.account.sessions)
    agents[s.events.front().agent] = &s.events.front();
  int unmatched = 0, by_id = 0, by_employee = 0, by_login = 0;
  std::set<const leda::AgentMapRow*> used;
  for (const auto& [id, e] : agents) {
    const leda::AgentMapRow* row = map.match(id, e->employee_id, e->login_name);
    if (!row) {
      ++unmatched;
      continue;
    }
    used.insert(row);
    if (!row->lp_agent_id.empty()) {
      ++by_id;
    } else if (!row->employee_id.empty()) {
      ++by_employee;
    } else {
      ++by_login;
      CHECK(row->login_name != e->login_name);  // the same login in another letter case
    }
  }
  CHECK(unmatched == 1);
  CHECK(by_employee == 1);
  CHECK(by_login == 1);
  CHECK(by_id == static_cast<int>(agents.size()) - 3);
  CHECK(map.rows().size() == used.size() + 1);  // one row for an agent without data
  std::set<std::string> regions;
  for (const auto& r : map.rows())
    regions.insert(r.region);
  CHECK(regions == std::set<std::string>{"AMER", "APAC", "EMEA"});

  const leda::Membership& members = *joins.membership;
  std::map<std::string, std::set<std::string>> segments;
  for (const auto& r : members.rows())
    segments[r.customer_id].insert(r.segment);
  int changing = 0;
  for (const auto& [id, segs] : segments)
    changing += segs.size() > 1;
  CHECK(changing == 1);
  std::set<std::string> customers;
  for (const auto& v : g.account.visits)
    for (const auto& a : v.attributes)
      if (a.kind == "CustomerInfo") customers.insert(std::string(leda::trim(a.customer_id)));
  const auto absent = std::count_if(customers.begin(), customers.end(),
                                    [&](const std::string& c) { return !segments.count(c); });
  CHECK(absent > 0);
  CHECK(absent < static_cast<long>(customers.size()) / 4);
}

TEST_CASE("shifts keep their local start time across the US DST change") {
  const auto& g = generated();
  const leda::JoinTable csv = leda::host::read_csv("agents", g.dir / "agents.csv");
  std::map<std::int64_t, std::string> tz;  // by lp_agent_id (rows that have one)
  for (std::size_t r = 0; r < csv.rows(); ++r)
    if (!csv.cell(r, "lp_agent_id").empty())
      tz[std::stoll(std::string(csv.cell(r, "lp_agent_id")))] = csv.cell(r, "site_tz");
  // agent -> local day -> earliest login (local minute of day, UTC minute of day)
  std::map<std::int64_t, std::map<long, std::pair<long, long>>> starts;
  for (const auto& s : g.account.sessions) {
    const auto agent = s.events.front().agent;
    if (!tz.count(agent) || tz[agent].rfind("America/", 0) != 0 || second_device(s)) continue;
    const auto sys =
        date::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds{s.events.front().t}};
    const auto local = date::locate_zone(tz[agent])->to_local(sys);
    const auto day = date::floor<date::days>(local);
    const long local_min = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
    const long utc_min = (s.events.front().t / 60000) % 1440;
    auto& slot = starts[agent][day.time_since_epoch().count()];
    if (slot.first == 0 || local_min < slot.first) slot = {local_min, utc_min};
  }
  int across_dst = 0;
  for (const auto& [agent, days] : starts) {
    if (days.size() < 2) continue;
    long lo = 1440, hi = 0, ulo = 1440, uhi = 0;
    for (const auto& [day, m] : days) {
      lo = std::min(lo, m.first), hi = std::max(hi, m.first);
      ulo = std::min(ulo, m.second), uhi = std::max(uhi, m.second);
    }
    INFO(agent);
    CHECK(hi - lo <= 25);           // same local shift start (+-10 min jitter)
    across_dst += uhi - ulo >= 40;  // which moved by an hour in UTC
  }
  CHECK(across_dst >= 1);
}
