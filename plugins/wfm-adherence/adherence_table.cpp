// adherence_table.cpp — wfm-adherence's columns and result table: key columns in group_by
// order, then the time sums (seconds), counts and ratios of wfm.md section 3.
#include <algorithm>
#include <string>
#include <vector>

#include "adherence_state.hpp"
#include "leda/samples.hpp"
#include "leda/stats.hpp"

namespace leda::kpi {
namespace {

Column measure(const char* name, Unit unit, const char* description,
               ColumnRole role = ColumnRole::kMeasure) {
  return {name, unit == Unit::kCount ? ColumnType::kInt : ColumnType::kNumber, unit, description,
          role};
}

// The measure columns, in table order.
std::vector<Column> measure_columns() {
  using enum Unit;
  constexpr auto kHeadline = ColumnRole::kHeadline;
  return {
      measure("scheduled_s", kSeconds, "scheduled time: STRICT and NEUTRAL activities", kHeadline),
      measure("neutral_s", kSeconds, "scheduled time of NEUTRAL activities (never in or out)"),
      measure("in_adherence_s", kSeconds,
              "STRICT time in an expected state (out runs under the threshold included)"),
      measure("out_of_adherence_s", kSeconds, "STRICT time not in an expected state"),
      measure("adherence", kRatio, "in adherence / (scheduled - neutral)", kHeadline),
      measure("adherence_exception_based", kRatio, "1 - out of adherence / scheduled"),
      measure("exceptions", kCount,
              "out-of-adherence runs at least exception_threshold_s long, where they start",
              kHeadline),
      measure("scheduled_work_s", kSeconds, "scheduled time of counts_as_work activities"),
      measure("work_in_shift_s", kSeconds, "Online time during counts_as_work activities"),
      measure("out_of_shift_work_s", kSeconds,
              "Online time outside every schedule row or in an IGNORE row"),
      measure("conformance", kRatio,
              "(work in shift + out-of-shift work) / scheduled work (may exceed 1)", kHeadline),
      measure("paid_s", kSeconds, "scheduled time of paid rows"),
      measure("planned_shrinkage_s", kSeconds, "paid time of counts_as_shrinkage activities"),
      measure("planned_shrinkage", kRatio, "planned shrinkage / paid time"),
      measure("productive_paid_s", kSeconds, "Online time during paid scheduled time"),
      measure("actual_shrinkage", kRatio, "1 - productive paid time / paid time", kHeadline),
      measure("agents", kCount, "agents with scheduled time in the row"),
  };
}

Value id_or_null(std::int64_t id) {
  if (id == kNoLong) return std::monostate{};
  return id;
}

// Nulls (an agent with no LiveEngage id, time outside every row) sort last.
int compare_on(AdherenceDim d, const AdherenceKey& a, const AdherenceKey& b) {
  switch (d) {
    case AdherenceDim::kAgent:
      if (int c = three_way(a.agent == kNoLong, b.agent == kNoLong)) return c;
      if (int c = three_way(a.agent, b.agent)) return c;
      return three_way(a.wfm, b.wfm);
    case AdherenceDim::kRegion:
      return three_way(a.region, b.region);
    case AdherenceDim::kDay:
      return three_way(a.day, b.day);
    case AdherenceDim::kInterval:
      return three_way(a.interval, b.interval);
    case AdherenceDim::kActivity:
      if (int c = three_way(!a.activity, !b.activity)) return c;
      return three_way(a.activity, b.activity);
  }
  return 0;
}

Value ratio_complement(std::int64_t num, std::int64_t den) {
  if (den == 0) return std::monostate{};
  return 1.0 - static_cast<double>(num) / static_cast<double>(den);
}

}  // namespace

const GroupBy<AdherenceDim>& adherence_dimensions() {
  using enum Unit;
  static const GroupBy<AdherenceDim> kDims{{
      {"agent",
       AdherenceDim::kAgent,
       {{"agent_id", ColumnType::kInt, kId,
         "LiveEngage agent id (agentID); an absent agent: its map row's lp_agent_id, if any"},
        {"agent_login", ColumnType::kString, kText, "the agent's login name"},
        {"wfm_agent_id", ColumnType::kString, kId, "the agent's id in the WFM schedule"}}},
      {"region",
       AdherenceDim::kRegion,
       {{"region", ColumnType::kString, kText, "region from the agent map (UNMAPPED: none)"}}},
      {"day",
       AdherenceDim::kDay,
       {{"day", ColumnType::kString, kDate,
         "schedule date of the row; out-of-shift work: the local date in tz"}}},
      {"interval",
       AdherenceDim::kInterval,
       {{"interval_start", ColumnType::kString, kTimestamp, "start of the interval in tz"}}},
      {"activity",
       AdherenceDim::kActivity,
       {{"activity_code", ColumnType::kString, kText,
         "scheduled activity (after layering); empty: out-of-shift work outside every row"}}},
  }};
  return kDims;
}

std::vector<Column> adherence_columns() {
  std::vector<Column> all = adherence_dimensions().all_key_columns();
  for (Column c : measure_columns())
    all.push_back(std::move(c));
  return all;
}

Table adherence_table(const AdherenceConfig& config, AdherenceState&& st) {
  Table t;
  t.columns = config.group_by.key_columns();
  for (Column c : measure_columns())
    t.columns.push_back(std::move(c));

  std::vector<const std::pair<const AdherenceKey, AdherenceSums>*> rows;
  for (const auto& entry : st.sums)
    rows.push_back(&entry);
  std::stable_sort(rows.begin(), rows.end(), [&](const auto* a, const auto* b) {
    return config.group_by.less(a->first, b->first, compare_on);
  });

  const auto dims = config.group_by.dims();
  for (const auto* entry : rows) {
    const AdherenceKey& k = entry->first;
    const AdherenceSums& s = entry->second;
    std::vector<Value> row;
    for (AdherenceDim d : dims) {
      switch (d) {
        case AdherenceDim::kAgent:
          row.push_back(id_or_null(k.agent));
          row.push_back(agent_login(config, st, k.agent, k.wfm));
          row.push_back(k.wfm);
          break;
        case AdherenceDim::kRegion:
          row.push_back(k.region);
          break;
        case AdherenceDim::kDay:
          row.push_back(day_text(k.day));
          break;
        case AdherenceDim::kInterval:
          row.push_back(config.buckets->rfc3339(k.interval));
          break;
        case AdherenceDim::kActivity:
          if (k.activity)
            row.push_back(*k.activity);
          else
            row.emplace_back(std::monostate{});
          break;
      }
    }
    for (std::int64_t ms : {s.scheduled_ms, s.neutral_ms, s.in_ms, s.out_ms})
      row.push_back(seconds(ms));
    row.push_back(ratio(s.in_ms, s.scheduled_ms - s.neutral_ms));
    row.push_back(ratio_complement(s.out_ms, s.scheduled_ms));
    row.emplace_back(std::in_place_type<std::int64_t>, s.exceptions);
    for (std::int64_t ms : {s.scheduled_work_ms, s.work_in_shift_ms, s.out_of_shift_work_ms})
      row.push_back(seconds(ms));
    row.push_back(ratio(s.work_in_shift_ms + s.out_of_shift_work_ms, s.scheduled_work_ms));
    row.push_back(seconds(s.paid_ms));
    row.push_back(seconds(s.planned_shrinkage_ms));
    row.push_back(ratio(s.planned_shrinkage_ms, s.paid_ms));
    row.push_back(seconds(s.productive_paid_ms));
    row.push_back(ratio_complement(s.productive_paid_ms, s.paid_ms));
    row.emplace_back(std::in_place_type<std::int64_t>, s.agents);
    t.rows.push_back(std::move(row));
  }
  t.notes = adherence_notes(config, st);
  return t;
}

}  // namespace leda::kpi
