// Routes chats to agents like a contact centre's router: a chat waits in its skill's queue
// until an agent with that skill is logged in, Online and below capacity for the whole chat,
// or until the visitor gives up. Then builds every agent session's events, so that agent
// concurrency goes up and down exactly with the chats it was given.
#include <algorithm>
#include <numeric>

#include "gen/catalog.hpp"
#include "gen/random.hpp"
#include "gen/world.hpp"

namespace leda::gen {
namespace {

// One agent's part of a chat: [start, end) in session `session`.
struct Segment {
  TimeMs start, end;
  std::uint32_t session;
};

class Router {
 public:
  explicit Router(World& w)
      : w_(w),
        sessions_of_(w.agents.size()),
        busy_(w.agents.size()),
        all_(w.agents.size()),
        wrap_ups_(w.sessions.size()) {
    for (std::uint32_t s = 0; s < w.sessions.size(); ++s)
      if (!w.sessions[s].second_device) sessions_of_[w.sessions[s].agent].push_back(s);
  }

  // Drops chats that ended before `now`: no new chat starts before `now`.
  void advance(TimeMs now) {
    for (auto& list : busy_)
      std::erase_if(list, [&](const Segment& x) { return x.end <= now; });
  }

  // The agent (not `exclude`) with skill `skill` that can take [start, end), least loaded first;
  // kNone when there is none.
  std::uint32_t find(int skill, TimeMs start, TimeMs end, std::uint32_t exclude, Rng& r,
                     std::uint32_t* session) const {
    std::uint32_t best = kNone, best_session = kNone;
    int best_load = 1 << 30;
    const std::uint32_t n = static_cast<std::uint32_t>(w_.agents.size());
    const std::uint32_t rotate = static_cast<std::uint32_t>(r.below(n));
    for (std::uint32_t i = 0; i < n; ++i) {
      const std::uint32_t a = (i + rotate) % n;
      if (a == exclude || !(w_.agents[a].skills & (1u << skill))) continue;
      const std::uint32_t s = online_session(a, start);
      if (s == kNone || w_.sessions[s].logout < end + 5 * kSecondMs) continue;
      const int peak = peak_load(a, start, end);
      if (peak + 1 > w_.agents[a].capacity) continue;
      const int load = load_at(a, start);
      if (load < best_load) {
        best = a;
        best_session = s;
        best_load = load;
      }
    }
    *session = best_session;
    return best;
  }

  // Gives [start, end) to the agent. When it fits, the agent then spends `wrap_up` in Back
  // Soon (after-chat work): only when no planned break, other chat or wrap-up overlaps it.
  void assign(std::uint32_t agent, std::uint32_t session, TimeMs start, TimeMs end,
              TimeMs wrap_up) {
    busy_[agent].push_back({start, end, session});
    all_[agent].push_back({start, end, session});
    const TimeMs stop = end + wrap_up;
    if (stop + 5 * kSecondMs >= w_.sessions[session].logout) return;
    for (const BreakPlan& b : w_.breaks_of(w_.sessions[session]))
      if (b.start < stop + kSecondMs && b.end > end - kSecondMs) return;
    for (const Segment& x : all_[agent])
      if (&x != &all_[agent].back() && x.start < stop && x.end > end) return;
    for (const BreakPlan& b : wrap_ups_[session])
      if (b.start < stop && b.end > end) return;
    wrap_ups_[session].push_back({end, stop, 3});
  }

  const std::vector<std::vector<Segment>>& segments() const { return all_; }
  const std::vector<std::vector<BreakPlan>>& wrap_ups() const { return wrap_ups_; }

 private:
  // The session in which the agent is Online at `t` (logged in, past its first Online, not on
  // a break), or kNone.
  std::uint32_t online_session(std::uint32_t agent, TimeMs t) const {
    for (std::uint32_t s : sessions_of_[agent]) {
      const SessionPlan& p = w_.sessions[s];
      if (t < p.online || t >= p.logout) continue;
      for (const BreakPlan& b : w_.breaks_of(p))
        if (t >= b.start && t < b.end) return kNone;
      for (const BreakPlan& b : wrap_ups_[s])
        if (t >= b.start && t < b.end) return kNone;
      return s;
    }
    return kNone;
  }
  int load_at(std::uint32_t agent, TimeMs t) const {
    int n = 0;
    for (const auto& x : busy_[agent])
      n += x.start <= t && t < x.end;
    return n;
  }
  // Most chats the agent has at once during [start, end).
  int peak_load(std::uint32_t agent, TimeMs start, TimeMs end) const {
    int peak = load_at(agent, start);
    for (const auto& x : busy_[agent])
      if (x.start > start && x.start < end) peak = std::max(peak, load_at(agent, x.start));
    return peak;
  }

  World& w_;
  std::vector<std::vector<std::uint32_t>> sessions_of_;
  std::vector<std::vector<Segment>> busy_;        // segments that may still overlap new chats
  std::vector<std::vector<Segment>> all_;         // every segment, per agent
  std::vector<std::vector<BreakPlan>> wrap_ups_;  // per session
};

constexpr int kConnectedEndReasons[] = {201, 210, 205, 202};
constexpr int kConnectedEndWeights[] = {40, 40, 17, 3};

// Routes one chat; returns true when it was connected.
void route(World& w, Router& router, std::uint32_t index) {
  ChatPlan& c = w.chats[index];
  Rng r = Rng::stream(w.options.seed, Stream::kChat, index);
  const TimeMs give_up = c.queue_start + c.patience;
  std::uint32_t session = kNone;
  for (TimeMs t = c.queue_start + r.between(2000, 12000); t <= give_up;
       t += r.between(10000, 20000)) {
    const std::uint32_t a = router.find(c.skill, t, t + c.duration, kNone, r, &session);
    if (a == kNone) continue;
    c.agent = a;
    c.connect = t;
    break;
  }
  if (c.agent == kNone) {  // abandoned in the queue
    c.end = give_up;
    c.end_reason = r.chance(0.5) ? 208 : 210;
    c.record_end = c.end + r.between(300, 15000);
    return;
  }
  c.end = c.connect + c.duration;
  c.interactive = r.chance(0.9);
  c.end_reason = kConnectedEndReasons[r.weighted(kConnectedEndWeights)];
  TimeMs first_end = c.end;
  // A few chats are transferred to another skill, when an agent there can take them.
  if (c.duration >= 4 * kMinuteMs && r.chance(0.08)) {
    const int skill2 = (c.skill + 1 + static_cast<int>(r.below(3))) % 4;
    const TimeMs at = c.connect + r.between(60000, c.duration / 2);
    const TimeMs rest = c.connect + c.duration - at;
    for (TimeMs t = at + r.between(5000, 20000); t <= at + 3 * kMinuteMs; t += 15000) {
      std::uint32_t s2 = kNone;
      const std::uint32_t b = router.find(skill2, t, t + rest, c.agent, r, &s2);
      if (b == kNone) continue;
      c.agent2 = b;
      c.skill2 = skill2;
      c.transfer_at = at;
      c.transfer_connect = t;
      c.end = t + rest;
      first_end = at;
      router.assign(b, s2, t, c.end, r.between(20000, 120000));
      break;
    }
  }
  router.assign(c.agent, session, c.connect, first_end, r.between(20000, 120000));
  c.record_end = c.end + r.between(300, 15000);
}

// Raw agent events before their state and concurrency fields are worked out.
struct RawEvent {
  TimeMs t;
  int rank;  // order at equal times: chat ends, state changes, chat starts
  int type;
  int state;  // 0: keep (chat events)
  int delta;  // concurrency change
};

// State and concurrency of an agent just before `t`, from its main sessions' events.
std::pair<int, int> agent_status_at(const World& w, std::uint32_t agent, TimeMs t) {
  int state = 1, concurrent = 0;
  TimeMs latest = kNoLong;
  for (const SessionPlan& s : w.sessions) {
    if (s.agent != agent || s.second_device) continue;
    for (const EventPlan& e : w.events_of(s))
      if (e.t < t && e.t >= latest) {
        latest = e.t;
        if (e.state > 0) state = e.state;
        concurrent = e.concurrent;
      }
  }
  return {state, concurrent};
}

void finish_events(World& w, SessionPlan& p, std::vector<RawEvent>& ev, int state, int concurrent) {
  std::stable_sort(ev.begin(), ev.end(), [](const RawEvent& a, const RawEvent& b) {
    return a.t != b.t ? a.t < b.t : a.rank < b.rank;
  });
  const int capacity = w.agents[p.agent].capacity;
  p.events.first = static_cast<std::uint32_t>(w.events.size());
  for (const RawEvent& e : ev) {
    EventPlan out;
    out.t = e.t;
    out.type = static_cast<std::int8_t>(e.type);
    out.prev_state = static_cast<std::int8_t>(state);
    out.prev_concurrent = static_cast<std::int16_t>(concurrent);
    concurrent += e.delta;
    out.concurrent = static_cast<std::int16_t>(concurrent);
    if (e.state == 0 && (e.type == 3 || e.type == 4)) {
      out.state = 0;  // Irrelevant: the event does not say the agent's status
    } else {
      if (e.state != 0) state = e.state;
      out.state = static_cast<std::int8_t>(state);
    }
    out.max_concurrent = static_cast<std::int16_t>(e.type == 3 || e.type == 4 ? -9 : capacity);
    w.events.push_back(out);
  }
  p.events.count = static_cast<std::uint32_t>(w.events.size()) - p.events.first;
  p.close = w.events.back().t;
}

void build_events(World& w, const std::vector<std::vector<Segment>>& segments,
                  const std::vector<std::vector<BreakPlan>>& wrap_ups) {
  std::vector<std::vector<RawEvent>> raw(w.sessions.size());
  for (const auto& list : segments)
    for (const Segment& x : list) {
      raw[x.session].push_back({x.start, 2, 1, 0, +1});
      raw[x.session].push_back({x.end, 0, 1, 0, -1});
    }
  for (std::uint32_t s = 0; s < w.sessions.size(); ++s) {
    SessionPlan& p = w.sessions[s];
    if (p.second_device) continue;
    auto& ev = raw[s];
    ev.push_back({p.login, -1, 3, 0, 0});
    ev.push_back({p.online, 1, -1, 2, 0});
    auto add_break = [&](const BreakPlan& b) {
      ev.push_back({b.start, 1, -1, b.state, 0});
      ev.push_back({b.end, 1, -1, 2, 0});
    };
    for (const BreakPlan& b : w.breaks_of(p))
      add_break(b);
    for (const BreakPlan& b : wrap_ups[s])
      add_break(b);
    if (!p.logout_missing) ev.push_back({p.logout, 9, 4, 1, 0});
    finish_events(w, p, ev, 1, 0);  // Offline with no chats before the login
  }
  // A second device's login and logout carry the agent's status and chats at that moment and
  // change neither.
  for (SessionPlan& p : w.sessions) {
    if (!p.second_device) continue;
    const auto [state, concurrent] = agent_status_at(w, p.agent, p.login);
    std::vector<RawEvent> ev = {{p.login, -1, 3, 0, 0}, {p.logout, 9, 4, 0, 0}};
    const auto [state_out, concurrent_out] = agent_status_at(w, p.agent, p.logout);
    finish_events(w, p, ev, state, concurrent);
    // The logout reports the status of the agent at its own time.
    EventPlan& out = w.events[p.events.first + 1];
    out.prev_state = static_cast<std::int8_t>(state_out);
    out.prev_concurrent = out.concurrent = static_cast<std::int16_t>(concurrent_out);
  }
}

}  // namespace

void route_chats(World& w) {
  Router router(w);
  std::vector<std::uint32_t> order(w.chats.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return w.chats[a].queue_start < w.chats[b].queue_start;
  });
  for (std::uint32_t i : order) {
    router.advance(w.chats[i].queue_start);
    route(w, router, i);
  }
  build_events(w, router.segments(), router.wrap_ups());
}

}  // namespace leda::gen
