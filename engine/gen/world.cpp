#include "gen/world.hpp"

#include <algorithm>

namespace leda::gen {
namespace {

void index_type(World& w, DataType type, std::vector<std::pair<TimeMs, std::uint32_t>> closes) {
  std::sort(closes.begin(), closes.end());
  HourIndex& x = w.by_hour[static_cast<int>(type)];
  x.items.clear();
  x.first.assign(static_cast<std::size_t>(w.hours) + 1, 0);
  for (const auto& [t, i] : closes) {
    if (t < w.range_start || t >= w.range_end)
      throw std::logic_error("generate: a record closes outside the range");
    ++x.first[static_cast<std::size_t>((t - w.range_start) / kHourMs) + 1];
    x.items.push_back(i);
  }
  for (int h = 0; h < w.hours; ++h)
    x.first[h + 1] += x.first[h];
}

}  // namespace

void index_by_hour(World& w) {
  std::vector<std::pair<TimeMs, std::uint32_t>> closes;
  for (std::uint32_t i = 0; i < w.sessions.size(); ++i)
    closes.push_back({w.sessions[i].close, i});
  index_type(w, DataType::kAgentActivity, std::move(closes));
  closes.clear();
  for (std::uint32_t i = 0; i < w.visits.size(); ++i)
    closes.push_back({w.visits[i].end, i});
  index_type(w, DataType::kWebSession, std::move(closes));
  closes.clear();
  for (std::uint32_t i = 0; i < w.chats.size(); ++i)
    closes.push_back({w.chats[i].record_end, i});
  index_type(w, DataType::kEngagement, std::move(closes));
  closes.clear();
  for (std::uint32_t i = 0; i < w.surveys.size(); ++i)
    closes.push_back({w.surveys[i].last_answer, i});
  index_type(w, DataType::kSurvey, std::move(closes));
}

World build_world(const GenOptions& options) {
  validate(options);
  World w;
  w.options = options;
  w.range_start = options.start_day * kDayMs;
  w.hours = options.days * 24;
  w.range_end = w.range_start + w.hours * kHourMs;
  plan_agents(w);
  plan_visits(w);
  route_chats(w);
  plan_outcomes(w);
  index_by_hour(w);
  return w;
}

}  // namespace leda::gen
