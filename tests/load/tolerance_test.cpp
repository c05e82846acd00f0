// What the loader tolerates (spec §2.3, §6): unknown fields and branches are counted, never
// fatal; aliases; string-or-long branches; NaN/Infinity doubles; exact 64-bit longs.
#include <catch2/catch.hpp>
#include <cmath>

#include "load_test_support.hpp"

using namespace leda;
using namespace leda::test;

namespace {

// The one-line web-session example with `from` replaced by `to`.
std::string web_line(const std::string& from = "", const std::string& to = "") {
  std::string line = spec_example("derived/record-webSession.ndjson");
  return from.empty() ? line : replace_all(line, from, to);
}

leda::load::LoadResult load_text(const std::string& text) {
  TempDir dir;
  return load_all({dir.write("f.json", text)});
}

}  // namespace

TEST_CASE("unknown fields, body types and attribute branches are counted and skipped") {
  std::string line =
      web_line(R"("customerStatus":)", R"("loyaltyTier":{"string":"x"},"customerStatus":)");
  line = replace_all(line, R"("dataType":)", R"("newTopLevel":[1,{"a":"}"}],"dataType":)");
  // An unknown body type and an unknown attribute type next to the known ones.
  line = replace_all(
      line, R"("recordCollection":[)",
      R"("recordCollection":[{"body":{"com.liveperson.dataaccess.WebSessionFutureData":)"
      R"({"header":null,"x":[]}}},)");
  line =
      replace_all(line, R"({"timestamp":{"long":1467291718494},"data":)",
                  R"({"timestamp":{"long":1},"data":{"com.liveperson.dataaccess.SearchContent":)"
                  R"({"keywords":{"array":["a"]}}}},{"timestamp":{"long":1467291718494},"data":)");
  leda::load::LoadResult r = load_text(line);
  INFO(error_text(r.stats));
  CHECK(r.stats.errors == 0);
  CHECK(r.stats.unknown_fields == 2);
  CHECK(r.stats.unknown_branches == 2);
  REQUIRE(r.model.visits.size() == 1);
  const Model& m = r.model;
  auto attrs = m.attributes_of(m.visits[0]);
  REQUIRE(attrs.size() == 3);
  CHECK(attrs[0].kind == AttributeKind::kUnknown);  // timestamp 1 sorts first
  CHECK(m.str(attrs[0].type_name) == "com.liveperson.dataaccess.SearchContent");
  CHECK(attrs[1].kind == AttributeKind::kCustomerInfo);
  CHECK(m.pages(m.visits[0]).size() == 3);
}

TEST_CASE("an unknown dataType symbol skips the record as an unknown branch") {
  std::string line =
      replace_all(agent_record("s1", 1, {{10}}), R"("AgentActivity")", R"("Chatbot")");
  leda::load::LoadResult r = load_text(line + agent_record("s2", 2, {{20}}));
  CHECK(r.stats.errors == 0);
  CHECK(r.stats.unknown_branches == 1);
  CHECK_FALSE(r.model.agent_sessions.empty());
}

TEST_CASE("documented aliases of field names (spec 6.6)") {
  std::string agent = agent_record("s1", 1, {{10}});
  agent = replace_all(agent, "agentUsername", "agentUserName");
  agent = replace_all(agent, "agentNickname", "agentNickName");
  agent = replace_all(agent, "agentLoginname", "agentLoginName");
  std::string conv = replace_all(conversation_record("c1", "", 100), R"("skills")",
                                 R"("StartReasonId":{"int":2},"skills")");
  std::string web =
      web_line(R"("customerAge":null)",
               R"("customerAge":{"com.liveperson.dataaccess.CustomerAge":{)"
               R"("customerAgeInYears":{"int":30},"CustomerDateOfBirth":{"int":17}}})");
  web = replace_all(
      web, R"({"timestamp":{"long":1467291718494},"data":)",
      R"({"timestamp":{"long":1467291718495},"data":{"com.liveperson.dataaccess.)"
      R"(MarketingCampaignInfo":{"OriginatingChannel":{"int":3},"affiliate":null,)"
      R"("campaignId":{"string":"spring"}}}},{"timestamp":{"long":1467291718494},"data":)");
  leda::load::LoadResult r = load_text(agent + conv + web);
  INFO(error_text(r.stats));
  CHECK(r.stats.errors == 0);
  CHECK(r.stats.unknown_fields == 0);
  const Model& m = r.model;
  REQUIRE(m.agent_sessions.size() == 1);
  CHECK(m.str(m.agent_sessions[0].user_name) == "user1");
  CHECK(m.str(m.agent_sessions[0].nick_name) == "nick1");
  CHECK(m.str(m.agent_sessions[0].login_name) == "agent@example.com");
  REQUIRE(m.conversations.size() == 1);
  CHECK(m.conversations[0].start_reason_id == 2);
  const auto attrs = m.attributes_of(m.visits.at(0));
  REQUIRE(attrs.size() == 3);
  REQUIRE(attrs[1].kind == AttributeKind::kPersonalInfo);
  CHECK(m.personal_infos[attrs[1].index].age_in_years == 30);
  CHECK(m.personal_infos[attrs[1].index].day_of_birth == 17);
  REQUIRE(attrs[2].kind == AttributeKind::kMarketingCampaignInfo);
  CHECK(m.marketing_infos[attrs[2].index].originating_channel == 3);
  CHECK(m.str(m.marketing_infos[attrs[2].index].campaign_id) == "spring");
}

TEST_CASE("a string or a long where spec 6.6 allows either") {
  // agentEmployeeId as a long; a navigation timestamp as ISO-8601 text.
  std::string agent =
      replace_all(agent_record("s1", 1, {{10}}), R"("agentEmployeeId":{"string":"E1"})",
                  R"("agentEmployeeId":{"long":123456789012})");
  std::string web = web_line(R"("timestamp":{"long":1467291714765})",
                             R"("timestamp":{"string":"2016-06-30T13:01:54.765Z"})");
  // A transfer whose timestamp is text; VisitorError codes as a long and as a string.
  std::string conv =
      replace_all(conversation_record("c1", "", 100), R"("transfers":{"array":[]})",
                  R"("transfers":{"array":[{"timestamp":{"string":"2016-07-25T17:55:00+02:00"},)"
                  R"("skillId":{"long":3},"targetSkillId":{"long":4},"agentId":{"string":"a1"},)"
                  R"("targetAgentId":null,"reason":null,"queueStartTime":null,"queueEndTime":null,)"
                  R"("isInteractive":{"boolean":true}}]})");
  web = replace_all(web, R"({"timestamp":{"long":1467291718494},"data":)",
                    R"({"timestamp":{"long":1467291718495},"data":{"com.liveperson.dataaccess.)"
                    R"(VisitorError":{"contextId":null,"message":null,"code":{"long":100004},)"
                    R"("level":{"long":2},"resolved":{"boolean":false}}}},)"
                    R"({"timestamp":{"long":1467291718496},"data":{"com.liveperson.dataaccess.)"
                    R"(VisitorError":{"code":{"string":"er100004"}}}},)"
                    R"({"timestamp":{"long":1467291718494},"data":)");
  leda::load::LoadResult r = load_text(agent + web + conv);
  INFO(error_text(r.stats));
  CHECK(r.stats.errors == 0);
  const Model& m = r.model;
  CHECK(m.str(m.agent_sessions.at(0).employee_id) == "123456789012");
  const Visit& v = m.visits.at(0);
  CHECK(m.pages(v)[1].timestamp == 1467291714765);  // the same instant as the long
  const auto attrs = m.attributes_of(v);
  REQUIRE(attrs.size() == 4);
  REQUIRE(attrs[2].kind == AttributeKind::kVisitorError);
  CHECK(m.str(m.visitor_errors[attrs[2].index].code) == "100004");
  CHECK(m.visitor_errors[attrs[2].index].level == 2);
  CHECK(m.visitor_errors[attrs[2].index].resolved == 0);
  CHECK(m.str(m.visitor_errors[attrs[3].index].code) == "er100004");
  const auto transfers = m.transfers_of(m.conversations.at(0));
  REQUIRE(transfers.size() == 1);
  CHECK(transfers[0].timestamp == 1469462100000);  // 15:55 UTC
  CHECK(transfers[0].skill_id == 3);
  CHECK(transfers[0].target_skill_id == 4);
  CHECK(m.str(transfers[0].agent_id) == "a1");
  CHECK(transfers[0].is_interactive == 1);
}

TEST_CASE("a time as text: the documented `UTC ` form is read, a date that does not exist is not") {
  // Spec 3.2.2: the doc table writes navigation timestamps as `UTC YYYY-MM-DDThh:mm:ss`.
  const std::string good = web_line(R"("timestamp":{"long":1467291714765})",
                                    R"("timestamp":{"string":"UTC 2016-06-30T13:01:54.765"})");
  leda::load::LoadResult r = load_text(good);
  INFO(error_text(r.stats));
  REQUIRE(r.stats.errors == 0);
  CHECK(r.model.pages(r.model.visits.at(0))[1].timestamp == 1467291714765);
  // February 31 is refused with the field and the text named; the other record is kept.
  const std::string bad = web_line(R"("timestamp":{"long":1467291714765})",
                                   R"("timestamp":{"string":"2016-02-31T13:01:54Z"})");
  r = load_text(bad + spec_example("derived/record-agentActivity.ndjson"));
  REQUIRE(r.stats.errors == 1);
  CHECK_THAT(r.stats.error_samples.at(0).reason,
             Catch::Contains("timestamp") && Catch::Contains("2016-02-31T13:01:54Z"));
  CHECK(r.model.visits.empty());
  CHECK_FALSE(r.model.agent_sessions.empty());
}

TEST_CASE("NaN and infinities written as strings; doubles written without a fraction") {
  std::string text;
  int i = 0;
  for (const char* v : {R"({"string":"NaN"})", R"({"double":"Infinity"})", R"("-Infinity")",
                        R"({"double":-1})", R"({"double":2.5e1})", "null"}) {
    text += replace_all(survey_record(100 + i, "c" + std::to_string(i), 1000),
                        R"("csatThreshold":{"double":4})", std::string(R"("csatThreshold":)") + v);
    ++i;
  }
  leda::load::LoadResult r = load_text(text);
  INFO(error_text(r.stats));
  CHECK(r.stats.errors == 0);
  const Model& m = r.model;
  REQUIRE(m.surveys.size() == 6);
  auto threshold = [&](int k) { return m.answers(m.surveys[k])[0].csat_threshold; };
  CHECK(std::isnan(*threshold(0)));
  CHECK(*threshold(1) == std::numeric_limits<double>::infinity());
  CHECK(*threshold(2) == -std::numeric_limits<double>::infinity());
  CHECK(*threshold(3) == -1.0);
  CHECK(*threshold(4) == 25.0);
  CHECK_FALSE(threshold(5).has_value());
}

TEST_CASE("64-bit longs are exact") {
  // 2^53 + 1 is not representable as a double; the extremes of int64 are.
  leda::load::LoadResult r = load_text(agent_record("s1", 9007199254740993, {{10}}) +
                                       agent_record("s2", 9223372036854775807, {{20}}) +
                                       agent_record("s3", -9223372036854775807, {{30}}));
  INFO(error_text(r.stats));
  CHECK(r.stats.errors == 0);
  CHECK(r.model.find_agent_session("s1")->agent_id == 9007199254740993);
  CHECK(r.model.find_agent_session("s2")->agent_id == 9223372036854775807);
  CHECK(r.model.find_agent_session("s3")->agent_id == -9223372036854775807);
  leda::load::LoadResult over =
      load_text(replace_all(agent_record("s1", 1, {{10}}), R"("agentID":{"long":1})",
                            R"("agentID":{"long":9223372036854775808})"));
  REQUIRE(over.stats.errors == 1);
  CHECK(over.stats.error_samples[0].reason == "agentID: number out of range");
}

TEST_CASE("escapes in strings are decoded") {
  leda::load::LoadResult r =
      load_text(replace_all(agent_record("s1", 1, {{10}}), "agent@example.com",
                            R"(J\u00e9r\u00f4me \"JJ\" \ud83d\ude00\/\\\t)"));
  INFO(error_text(r.stats));
  REQUIRE(r.model.agent_sessions.size() == 1);
  CHECK(r.model.str(r.model.agent_sessions[0].login_name) ==
        "J\xc3\xa9r\xc3\xb4me \"JJ\" \xf0\x9f\x98\x80/\\\t");
}

TEST_CASE("members in any order: recordCollection before dataType and metaData") {
  const std::string line = spec_example("derived/record-engagement.ndjson");
  const std::size_t rc = line.find(",\"recordCollection\"");
  const std::string head = line.substr(1, rc - 1);  // dataType and metaData members
  const std::string collection = line.substr(rc + 1, line.rfind('}') - rc - 1);
  const std::string reordered = "{" + collection + "," + head + "}\n";
  leda::load::LoadResult r = load_text(reordered);
  INFO(error_text(r.stats));
  CHECK(r.stats.errors == 0);
  REQUIRE(r.model.conversations.size() == 1);
  CHECK(r.model.conversations[0].record_start == 1469469281856);
  CHECK(r.model.transcript(r.model.conversations[0]).size() == 1);
}

TEST_CASE("PGP-armoured strings pass through untouched") {
  const std::string armour = R"(-----BEGIN PGP MESSAGE-----\n\nhQIMA0x\n-----END PGP MESSAGE-----)";
  leda::load::LoadResult r =
      load_text(replace_all(agent_record("s1", 1, {{10}}), "agent@example.com", armour));
  REQUIRE(r.model.agent_sessions.size() == 1);
  CHECK(r.model.str(r.model.agent_sessions[0].login_name) ==
        "-----BEGIN PGP MESSAGE-----\n\nhQIMA0x\n-----END PGP MESSAGE-----");
}

TEST_CASE("a UTF-8 byte order mark before the first record is ignored") {
  leda::load::LoadResult r = load_text("\xEF\xBB\xBF" + agent_record("s1", 1, {{10}}));
  INFO(error_text(r.stats));
  CHECK(r.stats.errors == 0);
  CHECK_FALSE(r.model.agent_sessions.empty());
}
