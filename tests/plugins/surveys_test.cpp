// The surveys plugin, loaded from its built library, on hand-made surveys.
#include <catch2/catch.hpp>

#include "leda/testkit.hpp"

using namespace leda::testkit;

namespace {
const PluginUnderTest& plugin() {
  static PluginUnderTest p(LEDA_PLUGIN_SURVEYS);
  return p;
}

const char* kSat = "How satisfied were you with the chat?";
const char* kRec = "How likely are you to recommend us to a friend?";
const char* kRes = "Was your issue resolved?";

// Conversations: k1 and k3 (skill 5, agent a1), k2 (skill 7, agent a2 from its transcript).
// A survey is one merged record per (survey id, conversation).
// Surveys (type 2 unless said):        CSAT      NPS       FCR
//   s1 id 100 on k1                      5         10        Yes
//   s2 id 100 on k2                      3 (a)     6         no
//   s3 id 100 on k3                      "4 "      8         maybe (invalid)
//   s4 id 200 on k2                      6 (inv.)  ten (inv.) YES
//   s5 id 200 on k1, type 3 (operator)   1         -         -      never counted
//   s6 id 300 on a conversation not in the data: 2, 0
//   s7 id 400 on k1, type 1 (pre-chat)   -> not counted
// (a) its question is "Overall SATISFACTION level": matched case-insensitively.
leda::Model make_model() {
  ModelBuilder b;
  ConversationSpec k1;
  k1.id = "k1";
  k1.skills = {5};
  k1.agent_id = "4101";
  b.conversation(k1);
  ConversationSpec k2;
  k2.id = "k2";
  k2.skills = {7};
  k2.lines = {{1, "4102"}, {0, "0"}};
  b.conversation(k2);
  ConversationSpec k3 = k1;
  k3.id = "k3";
  b.conversation(k3);
  b.survey({100, 2, "k1", {{kSat, "5"}, {kRec, "10"}, {kRes, "Yes"}}});
  b.survey({100, 2, "k2", {{"Overall SATISFACTION level", "3"}, {kRec, "6"}, {kRes, "no"}}});
  b.survey({100, 2, "k3", {{kSat, "4 "}, {kRec, "8"}, {kRes, "maybe"}}});
  b.survey({200, 2, "k2", {{kSat, "6"}, {kRec, "ten"}, {kRes, "YES"}}});
  b.survey({200, 3, "k1", {{kSat, "1"}}});
  b.survey({300, 2, "k-missing", {{kSat, "2"}, {kRec, "0"}}});
  b.survey({400, 1, "k1", {{"Your name?", "Ann"}}});
  return b.build();
}
}  // namespace

TEST_CASE("surveys: description", "[plugin][surveys]") {
  const auto& d = plugin().describe();
  CHECK(d.name == "surveys");
  CHECK((d.needs & leda::kNeedSurvey) != 0);
  CHECK((d.needs & leda::kNeedAnswers) != 0);
  CHECK((d.needs & leda::kNeedWebSession) == 0);
}

TEST_CASE("surveys: totals skip invalid answers and non post-chat surveys", "[plugin][surveys]") {
  const leda::Model m = make_model();
  const leda::Table t = plugin().run(m, leda::Joins{});
  INFO(to_text(t));
  REQUIRE(t.rows.size() == 1);
  // Responses: s1, s2, s3, s4, s6 (valid answers or not).
  CHECK(integer(t, 0, "responses") == 5);
  // CSAT valid 5, 3, 4, 2 (s4's 6 is off the scale): 4 or 5 in 2 of 4.
  CHECK(number(t, 0, "csat") == Approx(0.5));
  // NPS valid 10, 6, 8, 0: promoters 1, detractors 2 (6 and 0): 100 * (1 - 2) / 4 = -25.
  CHECK(number(t, 0, "nps") == Approx(-25));
  // FCR Yes, no, YES (maybe skipped): 2 / 3.
  CHECK(number(t, 0, "fcr") == Approx(2.0 / 3));
  CHECK(has_note(t,
                 "3 answers not valid for the scale were skipped: 1 CSAT (not 1-5), 1 NPS "
                 "(not 0-10), 1 FCR (not Yes/No)"));
  CHECK(has_note(t,
                 "2 surveys not post-chat were not counted: 1 pre-chat, 1 agent "
                 "(operator)"));
}

TEST_CASE("surveys: by skill, agent and survey", "[plugin][surveys]") {
  const leda::Model m = make_model();
  const leda::Table s = plugin().run(m, leda::Joins{}, {{"group_by", "skill"}});
  INFO(to_text(s));
  REQUIRE(s.rows.size() == 3);
  CHECK(is_null(s, 0, "skill_id"));  // s6: no linked conversation
  CHECK(number(s, 0, "csat") == 0.0);
  CHECK(number(s, 0, "nps") == Approx(-100));
  CHECK(is_null(s, 0, "fcr"));            // no FCR answer
  CHECK(integer(s, 1, "skill_id") == 5);  // s1, s3; the operator survey s5 is not counted
  CHECK(integer(s, 1, "responses") == 2);
  CHECK(number(s, 1, "csat") == Approx(1.0));  // 5, 4
  CHECK(number(s, 1, "nps") == Approx(50));    // 10, 8: 100 * (1 - 0) / 2
  CHECK(number(s, 1, "fcr") == Approx(1.0));   // Yes (maybe skipped)
  CHECK(integer(s, 2, "skill_id") == 7);       // s2, s4
  CHECK(number(s, 2, "csat") == 0.0);          // 3 (6 skipped)
  CHECK(number(s, 2, "nps") == Approx(-100));  // 6 (ten skipped)
  CHECK(number(s, 2, "fcr") == Approx(0.5));   // no, YES
  CHECK(has_note(s, "1 post-chat survey names a conversation not in the data"));

  const leda::Table a = plugin().run(m, leda::Joins{}, {{"group_by", "agent"}});
  REQUIRE(a.rows.size() == 3);
  CHECK(is_null(a, 0, "agent_id"));
  CHECK(integer(a, 1, "agent_id") == 4101);
  CHECK(integer(a, 2, "agent_id") == 4102);  // from k2's transcript
  CHECK(integer(a, 2, "responses") == 2);

  const leda::Table v = plugin().run(m, leda::Joins{}, {{"group_by", "survey"}});
  INFO(to_text(v));
  REQUIRE(v.rows.size() == 3);
  CHECK(integer(v, 0, "survey_id") == 100);  // s1, s2, s3 (s7 is pre-chat)
  CHECK(integer(v, 0, "responses") == 3);
  CHECK(number(v, 0, "csat") == Approx(2.0 / 3));  // 5, 3, 4
  CHECK(number(v, 0, "nps") == Approx(0));         // 10, 6, 8: 1 promoter, 1 detractor
  CHECK(number(v, 0, "fcr") == Approx(0.5));       // Yes, no
  CHECK(integer(v, 1, "survey_id") == 200);        // s4 only: every answer but FCR invalid
  CHECK(is_null(v, 1, "csat"));
  CHECK(is_null(v, 1, "nps"));
  CHECK(number(v, 1, "fcr") == Approx(1.0));
}

TEST_CASE("surveys: question parameters choose the questions", "[plugin][surveys]") {
  const leda::Model m = make_model();
  // Only s2's "Overall SATISFACTION level" matches "OVERALL": one valid CSAT answer, 3.
  const leda::Table t = plugin().run(m, leda::Joins{}, {{"csat_question", "OVERALL"}});
  CHECK(number(t, 0, "csat") == 0.0);
  CHECK_THROWS_AS(plugin().configured({{"nps_question", " "}}, leda::Joins{}), leda::PluginError);
  CHECK_THROWS_AS(plugin().configured({{"group_by", "region"}}, leda::Joins{}), leda::PluginError);
}

TEST_CASE("surveys: any sharding gives the same table", "[plugin][surveys][shards]") {
  const leda::Model m = make_model();
  check_merge(plugin(), m, leda::Joins{});
  check_merge(plugin(), m, leda::Joins{}, {{"group_by", "survey,skill,agent"}});
}
