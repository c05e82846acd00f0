// surveys_state.hpp — configuration and mergeable state of the surveys KPI (KPI spec sections 4
// and 6): post-chat survey responses, CSAT, NPS and FCR.
//
// Surveys are merged records of the model (survey id + conversationId), so consume()
// reduces each post-chat survey to counts keyed by the group_by columns; merging adds counts.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "leda/group_by.hpp"
#include "leda/keyed_map.hpp"
#include "leda/plugin.hpp"

namespace leda::kpi {

/// A group_by column of surveys.
enum class SurveyDim { kSkill, kAgent, kSurvey };

/// Bound parameters. Questions are lower-cased substrings.
struct SurveysConfig {
  GroupBy<SurveyDim> group_by{{}};
  std::string csat_question, nps_question, fcr_question;
  bool by(SurveyDim d) const { return group_by.by(d); }
};

/// One output row's key; columns not grouped by keep their defaults.
struct SurveyKey {
  std::int64_t skill = kNoLong;  ///< the linked conversation's last skill
  AgentKey agent = kNoLong;      ///< the linked conversation's agent; kNoLong: none
  std::int64_t survey = kNoLong;
  auto operator<=>(const SurveyKey&) const = default;
  LEDA_FIELDS(skill, agent, survey)
};

/// Counts of one row.
struct SurveySums {
  std::int64_t responses = 0;
  std::int64_t csat_valid = 0, csat_top = 0;                  ///< answers 1-5; of them 4 or 5
  std::int64_t nps_valid = 0, promoters = 0, detractors = 0;  ///< 0-10; 9-10; 0-6
  std::int64_t fcr_yes = 0, fcr_no = 0;
  void merge(const SurveySums& o) {
    responses += o.responses;
    csat_valid += o.csat_valid;
    csat_top += o.csat_top;
    nps_valid += o.nps_valid;
    promoters += o.promoters;
    detractors += o.detractors;
    fcr_yes += o.fcr_yes;
    fcr_no += o.fcr_no;
  }
  LEDA_FIELDS(responses, csat_valid, csat_top, nps_valid, promoters, detractors, fcr_yes, fcr_no)
};

/// What was skipped, for the notes.
struct SurveyIssues {
  std::int64_t invalid_csat = 0, invalid_nps = 0, invalid_fcr = 0;
  std::map<std::int32_t, std::int64_t> other_types;  ///< surveys not post-chat, by type
  std::int64_t unlinked = 0;  ///< post-chat surveys whose conversation is not in the data
  void merge(const SurveyIssues& o) {
    invalid_csat += o.invalid_csat;
    invalid_nps += o.invalid_nps;
    invalid_fcr += o.invalid_fcr;
    for (const auto& [type, n] : o.other_types)
      other_types[type] += n;
    unlinked += o.unlinked;
  }
  LEDA_FIELDS(invalid_csat, invalid_nps, invalid_fcr, other_types, unlinked)
};

/// Per-shard state.
struct SurveysState {
  KeyedMap<SurveyKey, SurveySums> sums;
  SurveyIssues issues;
  void merge(SurveysState&& o) {
    sums.merge(std::move(o.sums));
    issues.merge(o.issues);
  }
  LEDA_FIELDS(sums, issues)
};

/// The group_by choices and their key columns.
const GroupBy<SurveyDim>& survey_dimensions();

/// Every column the table can have (for the description).
std::vector<Column> survey_columns();

/// The result table of a fully merged state.
Table surveys_table(const SurveysConfig& config, SurveysState&& state);

}  // namespace leda::kpi
