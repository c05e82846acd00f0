// surveys.cpp — the `surveys` KPI plugin: post-chat survey responses, CSAT, NPS and FCR per
// skill, agent or survey (KPI spec sections 4 and 6). Operator (agent) surveys are never
// counted: they are not customer surveys.
#include <memory>
#include <optional>
#include <string>

#include "leda/conversation_facts.hpp"
#include "leda/joins.hpp"
#include "leda/kpi.hpp"
#include "surveys_state.hpp"

namespace leda::kpi {
namespace {

constexpr std::int32_t kPostChatSurvey = 2;

/// A whole number written as text ("7", " 7 "), or nullopt.
std::optional<int> small_integer(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > 3) return std::nullopt;
  int v = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return std::nullopt;
    v = v * 10 + (ch - '0');
  }
  return v;
}

class Surveys final : public Kpi<SurveysState> {
 public:
  const Description& describe() const override { return desc_; }

  void configure(const Params& params, const Joins&) override {
    SurveysConfig c;
    c.group_by = survey_dimensions().parse(params);
    auto question = [&](const char* name) {
      std::string q = ascii_lower(trim(params.get(name)));
      if (q.empty()) throw ParamError(name, "must not be empty");
      return q;
    };
    c.csat_question = question("csat_question");
    c.nps_question = question("nps_question");
    c.fcr_question = question("fcr_question");
    config_ = std::move(c);
  }

  void consume(SurveysState& st, const Batch& batch) const override {
    for (const Survey& s : surveys_of(batch))
      add(st, *batch.model, s);
  }

  Table finish(SurveysState&& st) const override { return surveys_table(config_, std::move(st)); }

 private:
  void add(SurveysState& st, const Model& m, const Survey& survey) const {
    if (survey.type != kPostChatSurvey) {
      ++st.issues.other_types[survey.type];
      return;
    }
    const SurveysConfig& c = config_;
    const Conversation* conv =
        survey.conversation == kNoIndex ? nullptr : &m.conversations[survey.conversation];
    if (!conv) ++st.issues.unlinked;
    SurveyKey k;
    if (c.by(SurveyDim::kSkill) && conv) k.skill = conversation_skill(m, *conv);
    if (c.by(SurveyDim::kAgent) && conv) k.agent = agent_key(conversation_agent(m, *conv));
    if (c.by(SurveyDim::kSurvey)) k.survey = survey.survey_id;

    SurveySums& s = st.sums[k];
    ++s.responses;
    for (const SurveyAnswer& a : m.answers(survey)) {
      const std::string question = ascii_lower(m.str(a.question));
      const std::string_view answer = m.str(a.answer);
      if (question.find(c.csat_question) != std::string::npos) {
        const auto v = small_integer(answer);
        if (v && *v >= 1 && *v <= 5) {
          ++s.csat_valid;
          s.csat_top += *v >= 4;
        } else {
          ++st.issues.invalid_csat;
        }
      }
      if (question.find(c.nps_question) != std::string::npos) {
        const auto v = small_integer(answer);
        if (v && *v <= 10) {
          ++s.nps_valid;
          s.promoters += *v >= 9;
          s.detractors += *v <= 6;
        } else {
          ++st.issues.invalid_nps;
        }
      }
      if (question.find(c.fcr_question) != std::string::npos) {
        const std::string yn = ascii_lower(trim(answer));
        if (yn == "yes")
          ++s.fcr_yes;
        else if (yn == "no")
          ++s.fcr_no;
        else
          ++st.issues.invalid_fcr;
      }
    }
  }

  Description desc_{
      .name = "surveys",
      .version = "1.1.0",
      .summary = "Post-chat survey responses, CSAT, NPS and first-contact resolution",
      .params =
          {
              survey_dimensions().param("none", "row keys, comma-separated; none: one total row"),
              {"csat_question",
               ParamType::kString,
               "satisf",
               "case-insensitive part of the CSAT question (answers 1-5)",
               {}},
              {"nps_question",
               ParamType::kString,
               "recommend",
               "case-insensitive part of the NPS question (answers 0-10)",
               {}},
              {"fcr_question",
               ParamType::kString,
               "resolve",
               "case-insensitive part of the FCR question (answers Yes/No)",
               {}},
          },
      .needs = kNeedSurvey | kNeedAnswers | kNeedEngagement | kNeedTranscripts,
      .columns = survey_columns(),
      .state_version = 1};
  SurveysConfig config_;
};

}  // namespace
}  // namespace leda::kpi

LEDA_PLUGIN(leda::kpi::Surveys, "surveys", "1.1.0")
