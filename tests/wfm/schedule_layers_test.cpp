// leda/schedule.hpp: layering of overlapping rows, the per-agent index, the activity lookup.
#include <catch2/catch.hpp>

#include "leda/schedule.hpp"

using leda::ScheduleRow;
using leda::ScheduleSegment;

namespace {

constexpr leda::TimeMs kMin = 60000;
// Minutes after an arbitrary midnight, as epoch ms: h(8) is 08:00.
constexpr leda::TimeMs h(int hours, int minutes = 0) {
  return (hours * 60 + minutes) * kMin;
}

ScheduleRow row(std::string agent, std::string code, leda::TimeMs start, leda::TimeMs end) {
  ScheduleRow r;
  r.wfm_agent_id = std::move(agent);
  r.activity_code = std::move(code);
  r.start = start;
  r.end = end;
  return r;
}

// The segments of `rows` layered in file order.
std::vector<ScheduleSegment> layered(const std::vector<ScheduleRow>& rows) {
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < rows.size(); ++i)
    order.push_back(i);
  return leda::layer_rows(rows, order);
}

using Segs = std::vector<ScheduleSegment>;

}  // namespace

TEST_CASE("a break written after its shift lies over it", "[schedule]") {
  const auto segs = layered({row("a", "WORK", h(8), h(16)), row("a", "BREAK", h(10), h(10, 15))});
  CHECK(segs == Segs{{h(8), h(10), 0}, {h(10), h(10, 15), 1}, {h(10, 15), h(16), 0}});
}

TEST_CASE("the later row wins even when it is the wider one", "[schedule]") {
  // The break comes first in the file, so the shift written after it hides it completely.
  const auto segs = layered({row("a", "BREAK", h(10), h(10, 15)), row("a", "WORK", h(8), h(16))});
  CHECK(segs == Segs{{h(8), h(16), 1}});
}

TEST_CASE("partial overlaps, gaps and an overlay starting with its base", "[schedule]") {
  // A 08-12 then B 11-14: B wins 11-12. Reversed: A wins 11-12.
  CHECK(layered({row("a", "A", h(8), h(12)), row("a", "B", h(11), h(14))}) ==
        Segs{{h(8), h(11), 0}, {h(11), h(14), 1}});
  CHECK(layered({row("a", "B", h(11), h(14)), row("a", "A", h(8), h(12))}) ==
        Segs{{h(8), h(12), 1}, {h(12), h(14), 0}});
  // Time covered by no row is not a segment.
  CHECK(layered({row("a", "A", h(8), h(10)), row("a", "B", h(11), h(12))}) ==
        Segs{{h(8), h(10), 0}, {h(11), h(12), 1}});
  // An overlay that starts at the base's start instant covers the start.
  CHECK(layered({row("a", "WORK", h(8), h(16)), row("a", "MEETING", h(8), h(8, 30))}) ==
        Segs{{h(8), h(8, 30), 1}, {h(8, 30), h(16), 0}});
  // Touching rows stay two segments, even with the same code.
  CHECK(layered({row("a", "WORK", h(8), h(10)), row("a", "WORK", h(10), h(12))}) ==
        Segs{{h(8), h(10), 0}, {h(10), h(12), 1}});
  // Rows of no length are ignored.
  CHECK(layered({row("a", "WORK", h(8), h(10)), row("a", "BREAK", h(9), h(9))}) ==
        Segs{{h(8), h(10), 0}});
  CHECK(layered({}).empty());
}

TEST_CASE("three layers: a break inside training inside a shift", "[schedule]") {
  const auto segs = layered({row("a", "WORK", h(8), h(16)), row("a", "TRAINING", h(13), h(15)),
                             row("a", "BREAK", h(14), h(14, 15))});
  CHECK(segs == Segs{{h(8), h(13), 0},
                     {h(13), h(14), 1},
                     {h(14), h(14, 15), 2},
                     {h(14, 15), h(15), 1},
                     {h(15), h(16), 0}});
}

TEST_CASE("Schedule indexes rows by agent in file order", "[schedule]") {
  const leda::Schedule s({row("b", "WORK", h(9), h(17)), row("a", "WORK", h(8), h(16)),
                          row("b", "BREAK", h(12), h(12, 30)),
                          row("a", "BREAK", h(10), h(10, 15))});
  CHECK(s.rows().size() == 4);
  CHECK(s.agents() == std::vector<std::string>{"a", "b"});
  const auto b = s.rows_of("b");
  CHECK(std::vector<std::uint32_t>(b.begin(), b.end()) == std::vector<std::uint32_t>{0, 2});
  CHECK(s.rows_of("nobody").empty());
  CHECK(s.layered("nobody").empty());
  // Segment rows index the whole schedule; another agent's rows never take part.
  CHECK(s.layered("a") == Segs{{h(8), h(10), 1}, {h(10), h(10, 15), 3}, {h(10, 15), h(16), 1}});
  CHECK(s.layered("b") == Segs{{h(9), h(12), 0}, {h(12), h(12, 30), 2}, {h(12, 30), h(17), 0}});
}

TEST_CASE("ActivityMap finds codes case-sensitively, StateSet holds states", "[schedule]") {
  using leda::ActualState;
  leda::ActivityRow work{
      "WORK", "WORK", {ActualState::kOnline}, true, false, leda::AdherenceMode::kStrict, 2};
  leda::ActivityRow off{
      "OFF", "OFF", {ActualState::kLoggedOut}, false, false, leda::AdherenceMode::kIgnore, 3};
  const leda::ActivityMap map({work, off});
  REQUIRE(map.find("WORK"));
  CHECK(map.find("WORK")->counts_as_work);
  CHECK(map.find("OFF")->adherence_mode == leda::AdherenceMode::kIgnore);
  CHECK(map.find("work") == nullptr);
  CHECK(map.find("") == nullptr);

  const leda::StateSet away_or_out{ActualState::kAway, ActualState::kLoggedOut};
  CHECK(away_or_out.contains(ActualState::kAway));
  CHECK(away_or_out.contains(ActualState::kLoggedOut));
  CHECK_FALSE(away_or_out.contains(ActualState::kOnline));
  CHECK(away_or_out.bits() == 0b01100);  // AWAY is bit 2, LOGGED_OUT bit 3
  CHECK(leda::StateSet{}.empty());

  CHECK(leda::actual_state_of(leda::kStateOnline) == ActualState::kOnline);
  CHECK(leda::actual_state_of(leda::kStateBackSoon) == ActualState::kBackSoon);
  CHECK(leda::actual_state_of(leda::kStateAway) == ActualState::kAway);
  CHECK(leda::actual_state_of(leda::kStateOffline) == ActualState::kUnknown);
  CHECK(leda::actual_state_of(leda::kStateUnknown) == ActualState::kUnknown);
  CHECK(leda::actual_state_name(ActualState::kBackSoon) == "BACK_SOON");
  CHECK(leda::adherence_mode_name(leda::AdherenceMode::kNeutral) == "NEUTRAL");
}
