// Survey records: post-chat surveys (type 2) with CSAT, NPS and FCR questions and now and then
// an answer that is not valid for its scale, and the agent's wrap-up survey (type 3). Linked
// to their chat by conversationId; the header ids are empty, as in the spec example.
#include <algorithm>
#include <string>
#include <vector>

#include "gen/catalog.hpp"
#include "gen/records.hpp"

namespace leda::gen {
namespace {

struct Answer {
  const QuestionInfo* question;
  std::string text;
};

constexpr int kCsatWeight[] = {6, 7, 12, 30, 45};  // 1..5
constexpr const char* kBadCsat[] = {"N/A", "6", "0", "five"};
constexpr const char* kBadNps[] = {"11", "ten", "-1"};
constexpr const char* kBadFcr[] = {"Maybe", "Not sure"};

std::vector<Answer> post_chat_answers(Rng& r) {
  const auto q = post_chat_questions();
  std::vector<Answer> out;
  const int csat = 1 + static_cast<int>(r.weighted(kCsatWeight));
  out.push_back({&q[0], r.chance(0.03) ? kBadCsat[r.below(4)] : std::to_string(csat)});
  if (!r.chance(0.1)) {  // some skip the NPS question
    const int nps = std::clamp<int>(2 * csat - 1 + static_cast<int>(r.between(-1, 1)), 0, 10);
    out.push_back({&q[1], r.chance(0.02) ? kBadNps[r.below(3)] : std::to_string(nps)});
  }
  const bool resolved = r.chance(csat >= 4 ? 0.9 : 0.4);
  out.push_back({&q[2], r.chance(0.02) ? kBadFcr[r.below(2)] : resolved ? "Yes" : "No"});
  if (r.chance(0.25)) out.push_back({&q[3], std::string(r.pick(survey_comments()))});
  return out;
}

std::vector<Answer> operator_answers(Rng& r) {
  const auto q = operator_questions();
  return {{&q[0], std::string(r.pick(chat_results()))}, {&q[1], r.chance(0.8) ? "Yes" : "No"}};
}

}  // namespace

void write_survey(const World& w, std::uint32_t index, bool wrapped, std::string& out) {
  const SurveyPlan& s = w.surveys[index];
  Rng r = Rng::stream(w.options.seed, Stream::kSurvey, (1ull << 40) | index);
  const std::vector<Answer> answers =
      s.operator_survey ? operator_answers(r) : post_chat_answers(r);
  AvroJson j(out);
  begin_envelope(j, w, "Survey", s.first_answer, s.last_answer, wrapped);
  j.begin_object();
  j.key("body").begin_named("SurveyData");
  visitor_header(j, "", "", "");
  j.key("surveys").begin_union_array();
  j.begin_object();
  j.key("id").long_value(s.operator_survey ? kOperatorSurveyId : kPostChatSurveyId);
  j.key("type").int_value(s.operator_survey ? 3 : 2);
  j.key("viewTime").long_value(s.view);
  j.key("conversationId").string_value(conversation_id(w, s.chat));
  j.key("contents").begin_union_array();
  const std::string_view name = s.operator_survey ? kOperatorSurveyName : kPostChatSurveyName;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const TimeMs t = answers.size() == 1
                         ? s.last_answer
                         : s.first_answer + (s.last_answer - s.first_answer) *
                                                static_cast<TimeMs>(i) /
                                                static_cast<TimeMs>(answers.size() - 1);
    j.begin_object();
    j.key("question").string_value(answers[i].question->text);
    j.key("answer").string_value(answers[i].text);
    j.key("answerSubmitTime").long_value(t);
    j.key("surveyName").string_value(name);
    j.key("answerType").int_value(answers[i].question->answer_type);
    j.key("csatThreshold").double_value(answers[i].question->threshold);
    j.end_object();
  }
  j.end_union_array();
  j.end_object();
  j.end_union_array();
  j.end_named();
  j.end_object();
  end_envelope(j, out, wrapped);
}

}  // namespace leda::gen
