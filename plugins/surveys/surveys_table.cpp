// surveys_table.cpp — the surveys result table: key columns in group_by order, then responses,
// csat (share 0-1), nps (points -100..100) and fcr (share 0-1).
#include <algorithm>
#include <string>
#include <vector>

#include "leda/stats.hpp"
#include "surveys_state.hpp"

namespace leda::kpi {
namespace {

int compare_on(SurveyDim d, const SurveyKey& a, const SurveyKey& b) {
  switch (d) {
    case SurveyDim::kSkill:
      return three_way(a.skill, b.skill);
    case SurveyDim::kAgent:
      return three_way(a.agent, b.agent);
    case SurveyDim::kSurvey:
      return three_way(a.survey, b.survey);
  }
  return 0;
}

Value id_or_null(std::int64_t id) {
  if (id == kNoLong) return std::monostate{};
  return id;
}

Value nps(const SurveySums& s) {
  if (s.nps_valid == 0) return std::monostate{};
  return 100.0 * static_cast<double>(s.promoters - s.detractors) / static_cast<double>(s.nps_valid);
}

const char* type_name(std::int32_t type) {
  switch (type) {
    case 1:
      return "pre-chat";
    case 3:
      return "agent (operator)";
    case 4:
      return "offline";
    default:
      return "unknown type";
  }
}

std::vector<Column> measure_columns() {
  using enum Unit;
  constexpr auto kHeadline = ColumnRole::kHeadline;
  return {
      {"responses", ColumnType::kInt, kCount, "post-chat surveys answered", kHeadline},
      {"csat", ColumnType::kNumber, kRatio, "share of CSAT answers rated 4 or 5 (of 1-5)",
       kHeadline},
      {"nps", ColumnType::kNumber, kPoints,
       "net promoter score: % of 9-10 minus % of 0-6 answers (-100 to 100)", kHeadline},
      {"fcr", ColumnType::kNumber, kRatio, "first-contact resolution: Yes / (Yes + No)", kHeadline},
  };
}

}  // namespace

const GroupBy<SurveyDim>& survey_dimensions() {
  using enum Unit;
  static const GroupBy<SurveyDim> kDims{{
      {"skill",
       SurveyDim::kSkill,
       {{"skill_id", ColumnType::kInt, kId, "last skill of the surveyed conversation"}}},
      {"agent",
       SurveyDim::kAgent,
       {{"agent_id", ColumnType::kInt, kId, "agent of the surveyed conversation"}}},
      {"survey", SurveyDim::kSurvey, {{"survey_id", ColumnType::kInt, kId, "the survey's id"}}},
  }};
  return kDims;
}

std::vector<Column> survey_columns() {
  std::vector<Column> all = survey_dimensions().all_key_columns();
  for (Column c : measure_columns())
    all.push_back(std::move(c));
  return all;
}

Table surveys_table(const SurveysConfig& config, SurveysState&& st) {
  Table t;
  t.columns = config.group_by.key_columns();
  for (Column c : measure_columns())
    t.columns.push_back(std::move(c));

  std::vector<const std::pair<const SurveyKey, SurveySums>*> rows;
  for (const auto& entry : st.sums)
    rows.push_back(&entry);
  std::stable_sort(rows.begin(), rows.end(), [&](const auto* a, const auto* b) {
    return config.group_by.less(a->first, b->first, compare_on);
  });

  std::int64_t responses = 0;
  for (const auto* entry : rows) {
    const SurveyKey& k = entry->first;
    const SurveySums& s = entry->second;
    responses += s.responses;
    std::vector<Value> row;
    for (SurveyDim d : config.group_by.dims()) {
      switch (d) {
        case SurveyDim::kSkill:
          row.push_back(id_or_null(k.skill));
          break;
        case SurveyDim::kAgent:
          row.push_back(id_or_null(k.agent));
          break;
        case SurveyDim::kSurvey:
          row.push_back(id_or_null(k.survey));
          break;
      }
    }
    row.emplace_back(std::in_place_type<std::int64_t>, s.responses);
    row.push_back(ratio(s.csat_top, s.csat_valid));
    row.push_back(nps(s));
    row.push_back(ratio(s.fcr_yes, s.fcr_yes + s.fcr_no));
    t.rows.push_back(std::move(row));
  }

  const SurveyIssues& is = st.issues;
  t.notes.push_back(plural(static_cast<std::uint64_t>(responses), "post-chat survey response") +
                    "; questions: CSAT '" + config.csat_question + "', NPS '" +
                    config.nps_question + "', FCR '" + config.fcr_question + "'");
  const std::int64_t invalid = is.invalid_csat + is.invalid_nps + is.invalid_fcr;
  if (invalid)
    t.notes.push_back(plural(static_cast<std::uint64_t>(invalid), "answer") +
                      " not valid for the scale " +
                      std::string(agree(static_cast<std::uint64_t>(invalid), "was", "were")) +
                      " skipped: " + std::to_string(is.invalid_csat) + " CSAT (not 1-5), " +
                      std::to_string(is.invalid_nps) + " NPS (not 0-10), " +
                      std::to_string(is.invalid_fcr) + " FCR (not Yes/No)");
  if (!is.other_types.empty()) {
    std::int64_t n = 0;
    std::string parts;
    for (const auto& [type, count] : is.other_types) {
      n += count;
      parts += (parts.empty() ? "" : ", ") + std::to_string(count) + " " + type_name(type);
    }
    t.notes.push_back(plural(static_cast<std::uint64_t>(n), "survey") + " not post-chat " +
                      std::string(agree(static_cast<std::uint64_t>(n), "was", "were")) +
                      " not counted: " + parts);
  }
  if (is.unlinked && (config.by(SurveyDim::kSkill) || config.by(SurveyDim::kAgent)))
    t.notes.push_back(plural(static_cast<std::uint64_t>(is.unlinked), "post-chat survey") + " " +
                      std::string(agree(static_cast<std::uint64_t>(is.unlinked), "names", "name")) +
                      " a conversation not in the data: no skill or agent");
  return t;
}

}  // namespace leda::kpi
