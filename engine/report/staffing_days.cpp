// report/staffing_days.cpp — the staffing table gathered per interval and per day (see
// staffing_report.hpp).
#include <algorithm>
#include <cmath>
#include <map>

#include "report/kpi_output.hpp"
#include "report/staffing_report.hpp"
#include "util/civil_time.hpp"

namespace leda::report {
namespace {

std::optional<std::size_t> column_of(const Table& t, const std::string& name) {
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (t.columns[c].name == name) return c;
  return std::nullopt;
}

std::optional<double> number_at(const Table& t, std::size_t row, std::optional<std::size_t> c) {
  if (!c) return std::nullopt;
  const Value& v = t.rows[row][*c];
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  return std::nullopt;
}

void add_to(std::optional<double>& into, const std::optional<double>& v) {
  if (v) into = into.value_or(0) + *v;
}

}  // namespace

std::vector<StaffingInterval> staffing_intervals(const Table& t) {
  const auto c_start = column_of(t, "interval_start"), c_kind = column_of(t, "kind");
  if (!c_start || !c_kind) return {};
  const auto c_arr = column_of(t, "arrivals"), c_farr = column_of(t, "forecast_arrivals"),
             c_req = column_of(t, "required_agents"), c_sch = column_of(t, "scheduled_agents"),
             c_onl = column_of(t, "online_agents"), c_sl = column_of(t, "actual_sl");
  std::map<std::pair<bool, std::string>, std::size_t> at;  // (forecast, start) -> position
  std::vector<StaffingInterval> out;
  std::map<std::size_t, double> sl_weight;  // position -> arrivals with an actual_sl
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto* start = std::get_if<std::string>(&t.rows[r][*c_start]);
    const auto* kind = std::get_if<std::string>(&t.rows[r][*c_kind]);
    if (!start || !kind) continue;
    const bool forecast = *kind == "forecast";
    auto [it, fresh] = at.try_emplace({forecast, *start}, out.size());
    if (fresh) {
      StaffingInterval in;
      in.start = *start;
      in.utc_ms = util::parse_iso8601(*start).value_or(0);
      in.forecast = forecast;
      out.push_back(in);
    }
    StaffingInterval& in = out[it->second];
    const double arrivals = number_at(t, r, forecast ? c_farr : c_arr).value_or(0);
    in.arrivals += arrivals;
    add_to(in.required, number_at(t, r, c_req));
    add_to(in.scheduled, number_at(t, r, c_sch));
    add_to(in.online, number_at(t, r, c_onl));
    if (const auto sl = number_at(t, r, c_sl)) {
      in.actual_sl = in.actual_sl.value_or(0) + *sl * arrivals;
      sl_weight[it->second] += arrivals;
    }
  }
  for (const auto& [i, w] : sl_weight)
    if (w > 0) *out[i].actual_sl /= w;
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.forecast != b.forecast ? !a.forecast : a.utc_ms < b.utc_ms;
  });
  return out;
}

Table staffing_days(const std::vector<StaffingInterval>& intervals, double interval_s) {
  using enum Unit;
  constexpr auto kNum = ColumnType::kNumber;
  constexpr auto kInt = ColumnType::kInt;
  Table t;
  t.columns = {
      {"day", ColumnType::kString, kDate, "local day", ColumnRole::kKey},
      {"kind", ColumnType::kString, kText, "observed or forecast"},
      {"arrivals", kNum, kNumber, "conversations (forecast: expected)"},
      {"peak_required", kNum, kNumber, "most agents required in one interval"},
      {"required_agent_s", kNum, kSeconds, "agent time required (agents x time)"},
      {"scheduled_agent_s", kNum, kSeconds, "agent time scheduled for work"},
      {"online_agent_s", kNum, kSeconds, "agent time Online"},
      {"intervals_short", kInt, kCount, "intervals with fewer agents Online than required"},
      {"actual_sl", kNum, kRatio, "connected within the threshold / arrivals"},
  };
  struct Day {
    std::string day = {};
    bool forecast = false;
    double arrivals = 0, peak = 0, sl_sum = 0, sl_n = 0;
    std::optional<double> required = {}, scheduled = {}, online = {};
    std::int64_t short_n = 0;
  };
  std::vector<Day> days;
  for (const StaffingInterval& in : intervals) {
    if (days.empty() || days.back().day != in.day() || days.back().forecast != in.forecast)
      days.push_back({.day = in.day(), .forecast = in.forecast});
    Day& d = days.back();
    d.arrivals += in.arrivals;
    if (in.required) d.peak = std::max(d.peak, *in.required);
    add_to(d.required, in.required ? std::optional(*in.required * interval_s) : std::nullopt);
    add_to(d.scheduled, in.scheduled ? std::optional(*in.scheduled * interval_s) : std::nullopt);
    add_to(d.online, in.online ? std::optional(*in.online * interval_s) : std::nullopt);
    if (in.online && in.required && *in.online < *in.required) ++d.short_n;
    if (in.actual_sl) {
      d.sl_sum += *in.actual_sl * in.arrivals;
      d.sl_n += in.arrivals;
    }
  }
  const auto cell = [](const std::optional<double>& v, double scale) {
    return v ? Value(std::round(*v * scale) / scale) : Value();
  };
  for (const Day& d : days)
    t.rows.push_back(
        {d.day, std::string(d.forecast ? "forecast" : "observed"), std::round(d.arrivals * 10) / 10,
         std::round(d.peak * 10) / 10, cell(d.required, 1), cell(d.scheduled, 1), cell(d.online, 1),
         d.forecast ? Value() : Value(d.short_n), d.sl_n > 0 ? Value(d.sl_sum / d.sl_n) : Value()});
  return t;
}

std::string staffing_text(const host::KpiResult& r, std::size_t max_width) {
  if (r.kpi != "staffing" || !r.ok()) return {};
  const auto intervals = staffing_intervals(*r.table);
  if (intervals.empty()) return {};
  double interval_s = 1800;
  if (const auto it = r.params.all().find("interval"); it != r.params.all().end())
    interval_s = std::atof(it->second.c_str()) * 60;
  return "\nby day (agent time = agents x time):\n" +
         text_table(staffing_days(intervals, interval_s), 0, max_width);
}

}  // namespace leda::report
