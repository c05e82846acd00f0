// How reports show the staffing KPI (report/staffing_report.hpp): its rows gathered per interval
// and per day, and one line chart per day, on a hand-made staffing table.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "report/staffing_report.hpp"

using leda::Value;

namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size()))
    ++n;
  return n;
}

// A staffing table grouped by skill (7 and 9), 60-minute intervals in New York across the
// fall-back of 2026-11-01 (01:00 EDT = 05:00 UTC, 01:00 EST = 06:00 UTC), then one forecast
// day. The rows are out of time order on purpose: the report sorts interval_start as text, and
// text does not keep a fall-back day's repeated hour in time order.
leda::host::KpiResult staffing_result() {
  leda::Table t;
  const auto col = [](const char* name, leda::ColumnType type) {
    return leda::Column{name, type, leda::Unit::kNumber, "", leda::ColumnRole::kMeasure};
  };
  using leda::ColumnType;
  t.columns = {col("interval_start", ColumnType::kString),
               col("skill_id", ColumnType::kInt),
               col("kind", ColumnType::kString),
               col("arrivals", ColumnType::kInt),
               col("required_agents", ColumnType::kNumber),
               col("scheduled_agents", ColumnType::kNumber),
               col("online_agents", ColumnType::kNumber),
               col("actual_sl", ColumnType::kNumber),
               col("forecast_arrivals", ColumnType::kNumber)};
  const Value null;
  const auto obs = [&](const char* start, std::int64_t skill, std::int64_t arrivals,
                       double required, Value sl) {
    return std::vector<Value>{std::string(start),
                              skill,
                              std::string("observed"),
                              arrivals,
                              required,
                              null,
                              null,
                              sl,
                              null};
  };
  t.rows = {
      obs("2026-11-01T01:00:00-04:00", 7, 4, 1.5, 0.5),
      obs("2026-11-01T01:00:00-04:00", 9, 2, 1.0, 1.0),
      obs("2026-11-01T01:00:00-05:00", 7, 0, 0.0, null),
      obs("2026-11-01T01:00:00-05:00", 9, 1, 2.0, 0.0),
      obs("2026-11-01T00:00:00-04:00", 7, 3, 1.0, 1.0),
      obs("2026-11-01T00:00:00-04:00", 9, 0, 0.0, null),
      {std::string("2026-11-02T00:00:00-05:00"), std::int64_t{7}, std::string("forecast"), null,
       3.0, null, null, null, 5.5},
      {std::string("2026-11-02T00:00:00-05:00"), std::int64_t{9}, std::string("forecast"), null,
       1.0, null, null, null, 2.25},
  };
  leda::host::KpiResult r;
  r.kpi = "staffing";
  r.params = leda::Params(std::map<std::string, std::string>{{"interval", "60m"}});
  r.table = std::move(t);
  return r;
}

// "2026-10-DDT00:00:00-04:00", an observed interval start in October.
std::string fmt_day(int d) {
  return "2026-10-" + std::string(d < 10 ? "0" : "") + std::to_string(d) + "T00:00:00-04:00";
}

}  // namespace

TEST_CASE("staffing in reports: intervals in time order, skills summed", "[report][staffing]") {
  const auto r = staffing_result();
  const auto in = leda::report::staffing_intervals(*r.table);
  REQUIRE(in.size() == 4);
  // 00:00 EDT (04:00 UTC), 01:00 EDT (05:00 UTC), 01:00 EST (06:00 UTC), then the forecast.
  CHECK(in[0].start == "2026-11-01T00:00:00-04:00");
  CHECK(in[1].start == "2026-11-01T01:00:00-04:00");
  CHECK(in[2].start == "2026-11-01T01:00:00-05:00");
  CHECK(in[1].utc_ms + 3600000 == in[2].utc_ms);
  CHECK(in[3].forecast);
  // 01:00 EDT: arrivals 4 + 2, required 1.5 + 1 = 2.5, actual SL weighted by arrivals:
  // (0.5 x 4 + 1 x 2) / 6 = 2/3; no schedule nor Online column values: null.
  CHECK(in[1].arrivals == 6);
  CHECK(*in[1].required == 2.5);
  CHECK(*in[1].actual_sl == Approx(2.0 / 3));
  CHECK_FALSE(in[1].scheduled);
  // The forecast interval: forecast_arrivals 5.5 + 2.25, required 3 + 1.
  CHECK(in[3].arrivals == 7.75);
  CHECK(*in[3].required == 4);
}

TEST_CASE("staffing in reports: one row per day", "[report][staffing]") {
  const auto r = staffing_result();
  const leda::Table days =
      leda::report::staffing_days(leda::report::staffing_intervals(*r.table), 3600);
  REQUIRE(days.rows.size() == 2);
  // 2026-11-01: arrivals 3 + 6 + 1 = 10; peak required 2.5 (01:00 EDT); agent time required
  // (1 + 2.5 + 2) agents x 3600 s = 19800 s; actual SL (1 x 3 + 2/3 x 6 + 0 x 1) / 10 = 0.7.
  CHECK(std::get<std::string>(days.rows[0][0]) == "2026-11-01");
  CHECK(std::get<std::string>(days.rows[0][1]) == "observed");
  CHECK(std::get<double>(days.rows[0][2]) == 10);
  CHECK(std::get<double>(days.rows[0][3]) == 2.5);
  CHECK(std::get<double>(days.rows[0][4]) == 19800);
  CHECK(std::holds_alternative<std::monostate>(days.rows[0][5]));  // no schedule
  CHECK(std::get<double>(days.rows[0][8]) == Approx(0.7));
  // The forecast day: 7.75 arrivals (rounded to 7.8), 4 agents for one hour.
  CHECK(std::get<std::string>(days.rows[1][1]) == "forecast");
  CHECK(std::get<double>(days.rows[1][2]) == Approx(7.8));
  CHECK(std::get<double>(days.rows[1][4]) == 14400);

  const std::string text = leda::report::staffing_text(r, 100);
  CHECK(text.find("2026-11-01  observed") != std::string::npos);
  CHECK(text.find("5 h 30 min") != std::string::npos);  // 19800 s
}

TEST_CASE("staffing in reports: a line chart per day, forecast days dashed", "[report][staffing]") {
  const auto svgs = leda::report::staffing_charts(staffing_result());
  REQUIRE(svgs.size() == 2);
  // Only the required line has values: one series, solid on the observed day.
  CHECK(svgs[0].find("Agents required, 2026-11-01") != std::string::npos);
  CHECK(count(svgs[0], "<polyline") == 1);
  CHECK(count(svgs[0], "stroke-dasharray") == 0);
  // The forecast day has one interval: a point, no line; the legend says dashed means forecast.
  CHECK(svgs[1].find("Forecast: agents required, 2026-11-02") != std::string::npos);
  CHECK(svgs[1].find("dashed: forecast") != std::string::npos);
  CHECK(count(svgs[1], "class=\"point\"") == 1);
  // Not staffing, or failed: nothing.
  auto other = staffing_result();
  other.kpi = "conversations";
  CHECK(leda::report::staffing_text(other, 100).empty());
  other.table.reset();
  CHECK(leda::report::staffing_charts(other).empty());
}

TEST_CASE("staffing in reports: charts of the last 14 observed days, and every forecast day",
          "[report][staffing]") {
  // 20 observed days (2026-10-01 to 10-20, one interval each) and the forecast day 11-02 of
  // staffing_result(): charts for 10-07 .. 10-20 (the last 14), then the forecast day, after a
  // note that says 6 days were left out of the charts.
  auto r = staffing_result();
  auto& rows = r.table->rows;
  rows.erase(rows.begin(), rows.begin() + 6);  // keep the forecast rows only
  for (int d = 1; d <= 20; ++d) {
    auto row = rows.front();
    row[0] = fmt_day(d);
    row[2] = std::string("observed");
    row[3] = std::int64_t{1};
    row[8] = Value();
    rows.push_back(row);
  }
  const auto svgs = leda::report::staffing_charts(r);
  REQUIRE(svgs.size() == 1 + 14 + 1);
  CHECK(svgs[0].find("Charts of the last 14 of 20 observed days") != std::string::npos);
  CHECK(svgs[1].find("Agents required, 2026-10-07") != std::string::npos);
  CHECK(svgs[14].find("Agents required, 2026-10-20") != std::string::npos);
  CHECK(svgs[15].find("Forecast: agents required, 2026-11-02") != std::string::npos);
  // 14 days or fewer: every day, no note.
  rows.resize(rows.size() - 6);
  CHECK(leda::report::staffing_charts(r).size() == 14 + 1);
}
