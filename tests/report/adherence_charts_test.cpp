// wfm-adherence's own charts in the HTML report (report/adherence_charts.hpp): the ratios
// recomputed from the table's sums per bar, bars sorted lowest first, the heatmap of adherence
// per agent and interval with its legend, and its size at 200 agents x 96 intervals.
#include <catch2/catch.hpp>

#include <regex>

#include "report/adherence_charts.hpp"
#include "report/kpi_charts.hpp"

using leda::ColumnType;
using leda::Unit;
using leda::Value;

namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size()))
    ++n;
  return n;
}

// The texts of the elements of class `cls`, in document order.
std::vector<std::string> texts(const std::string& svg, const std::string& cls) {
  std::vector<std::string> out;
  const std::regex re("class=\"" + cls + "\"[^>]*>([^<]*)<");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator();
       ++it)
    out.push_back((*it)[1]);
  return out;
}

// A wfm-adherence result grouped by agent and interval, with the columns the charts read.
struct Row {
  Value agent_id;
  std::string login, wfm, interval;
  double scheduled, neutral, in, scheduled_work, work_in_shift, out_of_shift;
};

leda::host::KpiResult result(const std::vector<Row>& rows) {
  leda::Table t;
  auto col = [&](const char* name, ColumnType type, Unit unit, leda::ColumnRole role) {
    t.columns.push_back({name, type, unit, "", role});
  };
  using enum leda::ColumnRole;
  col("agent_id", ColumnType::kInt, Unit::kId, kKey);
  col("agent_login", ColumnType::kString, Unit::kText, kKey);
  col("wfm_agent_id", ColumnType::kString, Unit::kId, kKey);
  col("interval_start", ColumnType::kString, Unit::kTimestamp, kKey);
  for (const char* name : {"scheduled_s", "neutral_s", "in_adherence_s", "scheduled_work_s",
                           "work_in_shift_s", "out_of_shift_work_s"})
    col(name, ColumnType::kNumber, Unit::kSeconds, kMeasure);
  for (const Row& r : rows)
    t.rows.push_back({r.agent_id, r.login, r.wfm, r.interval, r.scheduled, r.neutral, r.in,
                      r.scheduled_work, r.work_in_shift, r.out_of_shift});
  leda::host::KpiResult res;
  res.kpi = "wfm-adherence";
  res.table = std::move(t);
  return res;
}

}  // namespace

TEST_CASE("adherence charts: ratios from the sums, bars lowest first, a heatmap per day",
          "[charts][adherence]") {
  const Value none = std::monostate{};
  const std::string at9 = "2026-03-02T09:00:00+00:00", at930 = "2026-03-02T09:30:00+00:00";
  // ann: adherence (1800 + 450) / (3600 - 900) = 83.3%, conformance (1800 + 450) / 2700 = 83.3%;
  // her 09:30 cell 450 / 900 = 50%. bob: adherence 900 / 1800 = 50% (no 09:30 row: a grey
  // cell), conformance (900 + 300) / 1800 = 66.7%. W-E (absent, no login): NEUTRAL only, so no
  // adherence and no conformance: last in both charts, "-", grey cells.
  const auto r = result({
      {std::int64_t{101}, "ann@shop.example.com", "W-A", at9, 1800, 0, 1800, 1800, 1800, 0},
      {std::int64_t{101}, "ann@shop.example.com", "W-A", at930, 1800, 900, 450, 900, 450, 0},
      {std::int64_t{102}, "bob", "W-B", at9, 1800, 0, 900, 1800, 900, 300},
      {none, "", "W-E", at9, 1800, 1800, 0, 0, 0, 0},
  });
  const auto svgs = leda::report::kpi_chart_svgs(r);  // found by KPI name
  REQUIRE(svgs.size() == 3);

  const std::string& adherence = svgs[0];
  CHECK_THAT(adherence, Catch::Contains("aria-label=\"Adherence by agent, lowest first\""));
  CHECK(texts(adherence, "category") == std::vector<std::string>{"bob", "ann", "W-E"});
  CHECK(texts(adherence, "value") == std::vector<std::string>{"50.0%", "83.3%", "-"});
  CHECK_THAT(adherence, Catch::Contains(">adherence (%)<"));  // the axis names the unit

  const std::string& conformance = svgs[1];
  CHECK_THAT(conformance, Catch::Contains("aria-label=\"Conformance by agent, lowest first\""));
  CHECK(texts(conformance, "category") == std::vector<std::string>{"bob", "ann", "W-E"});
  CHECK(texts(conformance, "value") == std::vector<std::string>{"66.7%", "83.3%", "-"});

  // The heatmap: rows in the adherence bars' order, 09:00 and 09:30, a 0%..100% legend.
  const std::string& map = svgs[2];
  CHECK_THAT(map, Catch::Contains("aria-label=\"Adherence by agent and interval, 2026-03-02\""));
  CHECK(count(map, "class=\"cell\"") == 3);        // bob 09:00, ann 09:00 and 09:30
  CHECK(count(map, "class=\"cell empty\"") == 3);  // bob 09:30, W-E at both
  // Ten steps, the "no data" swatch and its text.
  CHECK(count(map, "class=\"legend\"") == 10 + 2);
  CHECK_THAT(map, Catch::Contains("<title>bob, 09:00: 50.0%</title>") &&
                      Catch::Contains("<title>bob, 09:30: no data</title>") &&
                      Catch::Contains("<title>ann, 09:00: 100.0%</title>") &&
                      Catch::Contains("<title>ann, 09:30: 50.0%</title>"));
  CHECK(texts(map, "category") == std::vector<std::string>{"bob", "ann", "W-E"});
  const auto ticks = texts(map, "tick");
  REQUIRE(ticks.size() >= 3);
  CHECK(std::vector<std::string>(ticks.begin(), ticks.begin() + 3) ==
        std::vector<std::string>{"0%", "50%", "100%"});
}

TEST_CASE("adherence charts: the repeated hour of a fall-back day is told apart",
          "[charts][adherence]") {
  // New York, 2026-11-01: 01:00 EDT and 01:00 EST are two columns named by their offsets,
  // in time order.
  const auto r = result({
      {std::int64_t{106}, "fay", "W-G", "2026-11-01T01:00:00-04:00", 3600, 0, 3600, 3600, 3600, 0},
      {std::int64_t{106}, "fay", "W-G", "2026-11-01T01:00:00-05:00", 3600, 0, 1800, 3600, 1800, 0},
      {std::int64_t{106}, "fay", "W-G", "2026-11-01T02:00:00-05:00", 3600, 0, 0, 3600, 0, 0},
  });
  const auto svgs = leda::report::adherence_chart_svgs(r);
  REQUIRE(svgs.size() == 3);
  CHECK_THAT(svgs[2], Catch::Contains("<title>fay, 01:00 -04:00: 100.0%</title>") &&
                          Catch::Contains("<title>fay, 01:00 -05:00: 50.0%</title>") &&
                          Catch::Contains("<title>fay, 02:00: 0.0%</title>"));
  CHECK(svgs[2].find("01:00 -04:00") < svgs[2].find("01:00 -05:00"));
}

TEST_CASE("adherence charts: 200 agents x 96 intervals stay readable", "[charts][adherence]") {
  std::vector<Row> rows;
  for (int a = 0; a < 200; ++a)
    for (int i = 0; i < 96; ++i) {
      char when[40];
      std::snprintf(when, sizeof when, "2026-03-02T%02d:%02d:00+00:00", i / 4, i % 4 * 15);
      // Agent a is in adherence (a % 10) / 10 of each interval: the lowest are a = 0, 10, 20...
      const double in = 900.0 * (a % 10) / 10;
      rows.push_back({std::int64_t{1000 + a}, "agent" + std::to_string(a), "W" + std::to_string(a),
                      when, 900, 0, in, 900, in, 0});
    }
  const auto svgs = leda::report::adherence_chart_svgs(result(rows));
  REQUIRE(svgs.size() == 3);
  // Bars: the 40 lowest of 200 (the 20 agents at 0% and 20 at 10%), lowest first.
  CHECK_THAT(svgs[0], Catch::Contains("lowest first (the 40 lowest of 200 agents)"));
  const auto bars = texts(svgs[0], "category");
  REQUIRE(bars.size() == 40);
  CHECK(bars.front() == "agent0");
  CHECK(texts(svgs[0], "value").back() == "10.0%");

  // The heatmap: every agent and interval a cell; 1060 px wide (the page is 1100 px), so each
  // of the 96 columns is (1060 - 170 - 20) / 96 = 9.06 px; 12 px rows: 76 + 200 x 12 + 44 =
  // 2520 px high. Column labels every ceil(56 / 9.06) = 7th interval: 14 of them (00:00,
  // 01:45, ...), after the legend's three.
  const std::string& map = svgs[2];
  CHECK(count(map, "class=\"cell\"") == 200 * 96);
  CHECK_THAT(map, Catch::Contains("width=\"1060\" height=\"2520\""));
  const auto ticks = texts(map, "tick");
  REQUIRE(ticks.size() == 3 + 14);
  CHECK(ticks[3] == "00:00");
  CHECK(ticks[4] == "01:45");
  CHECK(texts(map, "category").size() == 200);
}

TEST_CASE("adherence charts: by region, bars only, and nothing without the sums",
          "[charts][adherence]") {
  leda::Table t;
  t.columns = {{"region", ColumnType::kString, Unit::kText, "", leda::ColumnRole::kKey}};
  for (const char* name : {"scheduled_s", "neutral_s", "in_adherence_s", "scheduled_work_s",
                           "work_in_shift_s", "out_of_shift_work_s"})
    t.columns.push_back(
        {name, ColumnType::kNumber, Unit::kSeconds, "", leda::ColumnRole::kMeasure});
  // AMER 3000 / 3600 = 83.3%, EMEA 1800 / 3600 = 50%: EMEA first.
  t.rows = {{std::string("AMER"), 3600.0, 0.0, 3000.0, 3600.0, 3000.0, 0.0},
            {std::string("EMEA"), 3600.0, 0.0, 1800.0, 3600.0, 1800.0, 0.0}};
  leda::host::KpiResult r;
  r.kpi = "wfm-adherence";
  r.table = t;
  const auto svgs = leda::report::adherence_chart_svgs(r);
  REQUIRE(svgs.size() == 2);
  CHECK_THAT(svgs[0], Catch::Contains("Adherence by region, lowest first"));
  CHECK(texts(svgs[0], "category") == std::vector<std::string>{"EMEA", "AMER"});

  t.columns.pop_back();  // no out_of_shift_work_s: not a table the charts can read
  for (auto& row : t.rows)
    row.pop_back();
  r.table = t;
  CHECK(leda::report::adherence_chart_svgs(r).empty());
}
