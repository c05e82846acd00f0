// report/adherence_charts.cpp — see adherence_charts.hpp.
#include "report/adherence_charts.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "leda/strings.hpp"
#include "report/svg_bar_chart.hpp"
#include "report/svg_heatmap.hpp"
#include "report/unit_text.hpp"
#include "util/civil_time.hpp"

namespace leda::report {
namespace {

// Heatmaps wider than the other charts when they have many intervals (the page is 1100 px).
constexpr double kWideHeatmap = 1060;
constexpr std::size_t kWideFrom = 48;  // columns
// Rows lower than the primitive's 16 px when there are many agents; 12 px keeps 11 px labels.
constexpr double kDenseRowHeight = 12;
constexpr std::size_t kDenseFrom = 60;  // rows

std::optional<std::size_t> column_of(const Table& t, std::string_view name) {
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (t.columns[c].name == name) return c;
  return std::nullopt;
}

double number_or_zero(const Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  return 0;
}

// The sums the two ratios are made of, in seconds.
struct Sums {
  double in = 0, scheduled = 0, neutral = 0, work = 0, scheduled_work = 0;

  std::optional<double> adherence() const {
    const double strict = scheduled - neutral;
    if (strict <= 0) return std::nullopt;
    return in / strict;
  }
  std::optional<double> conformance() const {
    if (scheduled_work <= 0) return std::nullopt;
    return work / scheduled_work;
  }
};

// Where the table keeps what the charts read.
struct Columns {
  std::optional<std::size_t> agent_id, login, wfm, interval;
  std::vector<std::size_t> bar_keys;  // the key columns that name a bar
  std::string bar_title;              // what a bar is: "agent", "region", ...
  std::size_t in, scheduled, neutral, work_in_shift, out_of_shift, scheduled_work;
};

std::optional<Columns> columns_of(const Table& t) {
  Columns c;
  const auto in = column_of(t, "in_adherence_s"), sched = column_of(t, "scheduled_s"),
             neutral = column_of(t, "neutral_s"), wis = column_of(t, "work_in_shift_s"),
             oos = column_of(t, "out_of_shift_work_s"), sw = column_of(t, "scheduled_work_s");
  if (!in || !sched || !neutral || !wis || !oos || !sw) return std::nullopt;
  c.in = *in, c.scheduled = *sched, c.neutral = *neutral;
  c.work_in_shift = *wis, c.out_of_shift = *oos, c.scheduled_work = *sw;
  c.agent_id = column_of(t, "agent_id");
  c.login = column_of(t, "agent_login");
  c.wfm = column_of(t, "wfm_agent_id");
  c.interval = column_of(t, "interval_start");
  if (c.agent_id && c.wfm) {
    c.bar_keys = {*c.agent_id, *c.wfm};
    c.bar_title = "agent";
    return c;
  }
  for (const char* name : {"region", "day", "activity_code", "interval_start"})
    if (const auto k = column_of(t, name)) {
      c.bar_keys = {*k};
      c.bar_title = readable_name(name);
      return c;
    }
  c.bar_title = "all";
  return c;
}

// One bar: a distinct value of the bar keys, its label and the sums of its rows.
struct Bar {
  std::string label;
  Sums sums;
};

// A row's bar key (its bar columns' text) and the label a person reads: the agent's login (the
// part before the @ of an e-mail address, which fits the charts' label column), else its WFM id.
std::string bar_key(const Table& t, const Columns& c, std::size_t r) {
  std::string key;
  for (std::size_t k : c.bar_keys)
    key += cell_text(t.rows[r][k], t.columns[k]) + '\x1f';
  return key;
}
std::string bar_label(const Table& t, const Columns& c, std::size_t r) {
  if (c.bar_title == "agent") {
    if (c.login)
      if (const auto* s = std::get_if<std::string>(&t.rows[r][*c.login]); s && !s->empty())
        return s->substr(0, s->find('@') == 0 ? std::string::npos : s->find('@'));
    return cell_text(t.rows[r][*c.wfm], t.columns[*c.wfm]);
  }
  if (c.bar_keys.empty()) return "all rows";
  const std::size_t k = c.bar_keys.front();
  if (std::holds_alternative<std::monostate>(t.rows[r][k]) && t.columns[k].name == "activity_code")
    return "outside every row";
  return cell_text(t.rows[r][k], t.columns[k]);
}

void add_row(Sums& s, const Table& t, const Columns& c, std::size_t r) {
  const auto& row = t.rows[r];
  s.in += number_or_zero(row[c.in]);
  s.scheduled += number_or_zero(row[c.scheduled]);
  s.neutral += number_or_zero(row[c.neutral]);
  s.work += number_or_zero(row[c.work_in_shift]) + number_or_zero(row[c.out_of_shift]);
  s.scheduled_work += number_or_zero(row[c.scheduled_work]);
}

// Bar indexes sorted by `value`, lowest first, those without a value last; ties keep the
// table's order.
template <class F>
std::vector<std::size_t> sorted_by(const std::vector<Bar>& bars, F&& value) {
  std::vector<std::size_t> order(bars.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto va = value(bars[a].sums), vb = value(bars[b].sums);
    if (va.has_value() != vb.has_value()) return va.has_value();
    return va && *va < *vb;
  });
  return order;
}

template <class F>
std::optional<std::string> sorted_bars(const std::vector<Bar>& bars,
                                       const std::vector<std::size_t>& order, const Columns& c,
                                       const std::string& name, F&& value) {
  BarChart chart;
  chart.value_title = name;
  chart.category_title = c.bar_title;
  chart.measure = {Unit::kRatio};
  chart.title = std::string(1, static_cast<char>(name[0] - 'a' + 'A')) + name.substr(1) + " by " +
                c.bar_title + ", lowest first";
  const std::size_t n = std::min(order.size(), kMaxAdherenceBars);
  if (n < order.size())
    chart.title +=
        " (the " + std::to_string(n) + " lowest of " + plural(order.size(), c.bar_title) + ")";
  BarSeries series{name, {}};
  bool any = false;
  for (std::size_t i = 0; i < n; ++i) {
    chart.categories.push_back(bars[order[i]].label);
    series.values.push_back(value(bars[order[i]].sums));
    any = any || series.values.back().has_value();
  }
  if (!any) return std::nullopt;  // nothing scheduled to compare
  chart.series.push_back(std::move(series));
  return render_svg(chart);
}

// One interval column of a heatmap: its instant and its local text.
struct IntervalColumn {
  std::int64_t ms;
  std::string text;  // "2026-11-01T01:00:00-04:00"
  bool operator<(const IntervalColumn& o) const { return ms < o.ms; }
};

std::vector<std::string> heatmaps(const Table& t, const Columns& c, const std::vector<Bar>& bars,
                                  const std::vector<std::size_t>& bar_of_row,
                                  const std::vector<std::size_t>& order) {
  // Per local date: its intervals; per (bar, interval instant): the sums.
  std::map<std::string, std::set<IntervalColumn>> days;
  std::map<std::pair<std::size_t, std::int64_t>, Sums> cells;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto* text = std::get_if<std::string>(&t.rows[r][*c.interval]);
    if (!text || text->size() < 16) continue;
    const auto ms = util::parse_iso8601(*text);
    if (!ms) continue;
    days[text->substr(0, 10)].insert({*ms, *text});
    add_row(cells[{bar_of_row[r], *ms}], t, c, r);
  }
  std::vector<std::string> svgs;
  std::size_t drawn = 0;
  for (const auto& [day, intervals] : days) {
    if (drawn == kMaxHeatmapDays) break;
    ++drawn;
    Heatmap map;
    map.title = "Adherence by agent and interval, " + day;
    if (drawn == kMaxHeatmapDays && days.size() > kMaxHeatmapDays)
      map.title += " (the first " + std::to_string(kMaxHeatmapDays) + " of " +
                   plural(days.size(), "day") + ")";
    map.row_title = "agent";
    map.column_title = "interval start (local time)";
    map.value_title = "adherence";
    map.measure = {Unit::kRatio};
    map.low = 0;
    map.high = 1;
    // A clock time shown twice (a fall-back day) is told apart by its UTC offset.
    std::map<std::string, int> times;
    for (const IntervalColumn& iv : intervals)
      ++times[iv.text.substr(11, 5)];
    for (const IntervalColumn& iv : intervals) {
      std::string label = iv.text.substr(11, 5);
      if (times[label] > 1) label += " " + iv.text.substr(19);  // "01:00 -04:00", "01:00 -05:00"
      map.columns.push_back(std::move(label));
    }
    for (std::size_t b : order) {
      map.rows.push_back(bars[b].label);
      std::vector<std::optional<double>> row;
      for (const IntervalColumn& iv : intervals) {
        const auto it = cells.find({b, iv.ms});
        row.push_back(it == cells.end() ? std::nullopt : it->second.adherence());
      }
      map.cells.push_back(std::move(row));
    }
    if (map.columns.size() >= kWideFrom) map.width = kWideHeatmap;
    if (map.rows.size() >= kDenseFrom) map.row_height = kDenseRowHeight;
    svgs.push_back(render_svg(map));
  }
  return svgs;
}

}  // namespace

std::vector<std::string> adherence_chart_svgs(const host::KpiResult& result) {
  if (!result.ok() || result.table->rows.empty()) return {};
  const Table& t = *result.table;
  const auto c = columns_of(t);
  if (!c) return {};

  std::vector<Bar> bars;
  std::vector<std::size_t> bar_of_row(t.rows.size());
  std::map<std::string, std::size_t> index;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto [it, added] = index.emplace(bar_key(t, *c, r), bars.size());
    if (added) bars.push_back({bar_label(t, *c, r), {}});
    bar_of_row[r] = it->second;
    add_row(bars[it->second].sums, t, *c, r);
  }

  std::vector<std::string> svgs;
  const auto adherence = [](const Sums& s) { return s.adherence(); };
  const auto conformance = [](const Sums& s) { return s.conformance(); };
  const auto by_adherence = sorted_by(bars, adherence);
  if (auto svg = sorted_bars(bars, by_adherence, *c, "adherence", adherence))
    svgs.push_back(std::move(*svg));
  if (auto svg = sorted_bars(bars, sorted_by(bars, conformance), *c, "conformance", conformance))
    svgs.push_back(std::move(*svg));
  if (c->bar_title == "agent" && c->interval)
    for (std::string& svg : heatmaps(t, *c, bars, bar_of_row, by_adherence))
      svgs.push_back(std::move(svg));
  return svgs;
}

}  // namespace leda::report
