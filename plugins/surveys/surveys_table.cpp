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
  auto cmp = [](const auto& x, const auto& y) { return x < y ? -1 : y < x ? 1 : 0; };
  switch (d) {
    case SurveyDim::kSkill:
      return cmp(a.skill, b.skill);
    case SurveyDim::kAgent:
      return cmp(a.agent, b.agent);
    case SurveyDim::kSurvey:
      return cmp(a.survey, b.survey);
  }
  return 0;
}

Value id_or_null(std::int64_t id) {
  if (id == kNoLong) return std::monostate{};
  return id;
}

Value text_or_null(const std::string& s) {
  if (s.empty()) return std::monostate{};
  return s;
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

}  // namespace

Table surveys_table(const SurveysConfig& config, SurveysState&& st) {
  Table t;
  for (SurveyDim d : config.group_by) {
    switch (d) {
      case SurveyDim::kSkill:
        t.columns.push_back({"skill_id", ColumnType::kInt});
        break;
      case SurveyDim::kAgent:
        t.columns.push_back({"agent_id", ColumnType::kString});
        break;
      case SurveyDim::kSurvey:
        t.columns.push_back({"survey_id", ColumnType::kInt});
        break;
    }
  }
  t.columns.insert(t.columns.end(), {{"responses", ColumnType::kInt},
                                     {"csat", ColumnType::kNumber},
                                     {"nps", ColumnType::kNumber},
                                     {"fcr", ColumnType::kNumber}});

  std::vector<const std::pair<const SurveyKey, SurveySums>*> rows;
  for (const auto& entry : st.sums)
    rows.push_back(&entry);
  std::stable_sort(rows.begin(), rows.end(), [&](const auto* a, const auto* b) {
    for (SurveyDim d : config.group_by)
      if (int c = compare_on(d, a->first, b->first)) return c < 0;
    return false;
  });

  std::int64_t responses = 0;
  for (const auto* entry : rows) {
    const SurveyKey& k = entry->first;
    const SurveySums& s = entry->second;
    responses += s.responses;
    std::vector<Value> row;
    for (SurveyDim d : config.group_by) {
      switch (d) {
        case SurveyDim::kSkill:
          row.push_back(id_or_null(k.skill));
          break;
        case SurveyDim::kAgent:
          row.push_back(text_or_null(k.agent));
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
  t.notes.push_back(std::to_string(responses) + " post-chat survey responses; questions: CSAT '" +
                    config.csat_question + "', NPS '" + config.nps_question + "', FCR '" +
                    config.fcr_question + "'");
  const std::int64_t invalid = is.invalid_csat + is.invalid_nps + is.invalid_fcr;
  if (invalid)
    t.notes.push_back(
        std::to_string(invalid) + " answers not valid for their scale were skipped: " +
        std::to_string(is.invalid_csat) + " CSAT (not 1-5), " + std::to_string(is.invalid_nps) +
        " NPS (not 0-10), " + std::to_string(is.invalid_fcr) + " FCR (not Yes/No)");
  if (!is.other_types.empty()) {
    std::int64_t n = 0;
    std::string parts;
    for (const auto& [type, count] : is.other_types) {
      n += count;
      parts += (parts.empty() ? "" : ", ") + std::to_string(count) + " " + type_name(type);
    }
    t.notes.push_back(std::to_string(n) +
                      " surveys that are not post-chat were not counted: " + parts);
  }
  if (is.unlinked && (config.by(SurveyDim::kSkill) || config.by(SurveyDim::kAgent)))
    t.notes.push_back(std::to_string(is.unlinked) +
                      " post-chat surveys name a conversation not in the data: no skill or agent");
  return t;
}

}  // namespace leda::kpi
