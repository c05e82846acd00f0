// Survey bodies (spec §3.4): surveys with their answers.
#include "load/avro_reader.hpp"
#include "load/body_readers.hpp"

namespace leda::load {
namespace {

void read_answer(ParseState& s) {
  SurveyAnswer a;
  read_record(s, "contents item", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("question", a.question = read_str(s, key));
      LEDA_FIELD("answer", a.answer = read_str(s, key));
      LEDA_FIELD("answerSubmitTime", a.submit_time = read_time(s, key));
      LEDA_FIELD("surveyName", a.survey_name = read_str(s, key));
      LEDA_FIELD("answerType", a.answer_type = read_int(s, key));
      LEDA_FIELD("csatThreshold", a.csat_threshold = read_double(s, key));
      default:
        unknown_field(s, key);
    }
  });
  s.frag.survey_answers.push_back(a);
}

void read_survey(ParseState& s) {
  model::Fragment& f = s.frag;
  Survey v;
  const bool present = read_record(s, "surveys item", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("id", v.survey_id = read_long(s, key));
      LEDA_FIELD("type", v.type = read_int(s, key));
      LEDA_FIELD("viewTime", v.view_time = read_time(s, key));
      LEDA_FIELD("conversationId", v.conversation_id = read_str(s, key));
      LEDA_FIELD("contents", v.answers = read_list_if(s, kNeedAnswers, key, f.survey_answers,
                                                      [&] { read_answer(s); }));
      default:
        unknown_field(s, key);
    }
  });
  if (!present) return;
  if (v.survey_id == kNoLong) {
    s.reject("survey without an id");
    return;
  }
  v.record_start = s.record_start;
  v.record_end = s.record_end;
  f.surveys.push_back(v);
  f.survey_records.push_back(s.record);
}

}  // namespace

void read_survey_body(ParseState& s) {
  model::Fragment& f = s.frag;
  const std::size_t first = f.surveys.size();
  Str visit_id, visitor_id, context_id;
  read_record(s, "SurveyData", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("header", read_visitor_header(s, key, visit_id, visitor_id, context_id));
      LEDA_FIELD("surveys", read_array(s, key, [&] { read_survey(s); }));
      default:
        unknown_field(s, key);
    }
  });
  for (std::size_t i = first; i < f.surveys.size(); ++i) {
    f.surveys[i].visit_id = visit_id;
    f.surveys[i].visitor_id = visitor_id;
    f.surveys[i].context_id = context_id;
  }
}

}  // namespace leda::load
