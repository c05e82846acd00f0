// staffing_columns.cpp — the staffing table's columns, a typed row as cells, and the Erlang C
// requirement every row computes the same way.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "leda/erlang.hpp"
#include "leda/samples.hpp"
#include "staffing_rows.hpp"

namespace leda::kpi {
namespace {

Column col(const char* name, ColumnType type, Unit unit, const char* description,
           ColumnRole role = ColumnRole::kMeasure) {
  return {name, type, unit, description, role};
}

Value number_or_null(const std::optional<double>& v, int decimals) {
  if (!v) return std::monostate{};
  return round_to(*v, decimals);
}

Value count_or_null(const std::optional<std::int64_t>& v) {
  if (!v) return std::monostate{};
  return Value(std::in_place_type<std::int64_t>, *v);
}

}  // namespace

std::vector<Column> staffing_columns(bool by_skill) {
  using enum Unit;
  constexpr auto kInt = ColumnType::kInt;
  constexpr auto kNum = ColumnType::kNumber;
  constexpr auto kStr = ColumnType::kString;
  constexpr auto kKey = ColumnRole::kKey;
  constexpr auto kHeadline = ColumnRole::kHeadline;
  std::vector<Column> c;
  c.push_back(col("interval_start", kStr, kTimestamp, "start of the interval in tz", kKey));
  if (by_skill)
    c.push_back(col("skill_id", kInt, kId, "the conversations' last skill (group_by=skill)", kKey));
  c.push_back(
      col("kind", kStr, kText, "observed (from the data) or forecast (after its end)", kHeadline));
  c.push_back(col("arrivals", kInt, kCount,
                  "conversations queued in the interval (queueStartTime, else "
                  "conversationStartTime), abandoned included",
                  kHeadline));
  c.push_back(col("aht_s", kNum, kSeconds,
                  "mean handle time (end - interaction start) of the connected arrivals; else "
                  "of the interval's hour of the week; else of the whole range"));
  c.push_back(col("traffic", kNum, kNumber, "Erlangs: arrivals x aht_s / interval length"));
  c.push_back(col("concurrency", kNum, kNumber,
                  "chats per engaged Online agent in the interval; the range's when none"));
  c.push_back(col("required_slots", kInt, kCount,
                  "Erlang C: least chat slots N > traffic with service level >= sl_target"));
  c.push_back(col("required_agents", kNum, kNumber, "required_slots / concurrency", kHeadline));
  c.push_back(col("required_scheduled", kNum, kNumber,
                  "required_agents / (1 - shrinkage): agents to schedule"));
  c.push_back(col("scheduled_agents", kNum, kNumber,
                  "time-weighted agents scheduled in counts_as_work activities (schedule join)",
                  kHeadline));
  c.push_back(col("online_agents", kNum, kNumber, "time-weighted agents Online", kHeadline));
  c.push_back(
      col("gap", kNum, kNumber, "online_agents - required_agents (negative: short)", kHeadline));
  c.push_back(col("predicted_sl", kNum, kRatio,
                  "Erlang C service level with floor(online_agents x concurrency) slots"));
  c.push_back(
      col("predicted_asa_s", kNum, kSeconds, "Erlang C average speed of answer, same slots"));
  c.push_back(col("actual_sl", kNum, kRatio,
                  "arrivals connected within sl_threshold_s / arrivals (as conversations)",
                  kHeadline));
  c.push_back(col("forecast_arrivals", kNum, kNumber,
                  "forecast rows: arrivals by the weekly profile plus trend"));
  c.push_back(col("forecast_aht_s", kNum, kSeconds,
                  "forecast rows: handle time by the weekly profile plus trend"));
  return c;
}

std::vector<Value> row_cells(const StaffingConfig& config, const StaffingRow& r) {
  std::vector<Value> v;
  v.reserve(18);
  v.push_back(Value(std::in_place_type<std::string>, config.buckets->rfc3339(r.interval)));
  if (config.by_skill)
    v.push_back(count_or_null(r.skill == kNoLong ? std::nullopt : std::optional(r.skill)));
  v.push_back(Value(std::in_place_type<std::string>, r.forecast ? "forecast" : "observed"));
  v.push_back(count_or_null(r.arrivals));
  v.push_back(number_or_null(r.aht_s, 3));
  v.push_back(number_or_null(r.traffic, 4));
  v.push_back(number_or_null(r.concurrency, 4));
  v.push_back(count_or_null(r.required_slots));
  v.push_back(number_or_null(r.required_agents, 3));
  v.push_back(number_or_null(r.required_scheduled, 3));
  v.push_back(number_or_null(r.scheduled_agents, 3));
  v.push_back(number_or_null(r.online_agents, 3));
  v.push_back(number_or_null(r.gap, 3));
  v.push_back(number_or_null(r.predicted_sl, 4));
  v.push_back(number_or_null(r.predicted_asa_s, 3));
  v.push_back(number_or_null(r.actual_sl, 4));
  v.push_back(number_or_null(r.forecast_arrivals, 3));
  v.push_back(number_or_null(r.forecast_aht_s, 3));
  return v;
}

Requirement requirement(const StaffingConfig& config, double arrivals, double aht_s,
                        double interval_s, double concurrency, double shrinkage) {
  Requirement r;
  r.traffic = arrivals * aht_s / interval_s;
  r.slots = required_servers(r.traffic, aht_s, config.sl_threshold_s, config.sl_target);
  r.agents = static_cast<double>(r.slots) / concurrency;
  r.scheduled = r.agents / (1.0 - shrinkage);
  return r;
}

double interval_seconds(const TimeBuckets& buckets, TimeMs start) {
  const TimeBuckets::Interval iv = buckets.interval_of(start);
  return static_cast<double>(iv.end - iv.start) / 1000.0;
}

std::string percent(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", fraction * 100);
  return buf;
}

}  // namespace leda::kpi
