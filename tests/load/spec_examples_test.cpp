// Every documented example record loads, with its values checked field by field (expected
// values copied from the spec example files by hand).
#include <catch2/catch.hpp>

#include "load_test_support.hpp"
#include "model/model_dump.hpp"

using namespace leda;
using leda::test::load_all;
using leda::test::spec_example_path;

namespace {

constexpr const char* kVisitId = "AjvT6hLKTEi3AXgGnYu_mQ.606c99c686cbe0d422d558a5005b3ec2275dc20a";

void check_agent_record(const leda::load::LoadResult& r) {
  const Model& m = r.model;
  INFO(test::error_text(r.stats));
  CHECK(r.stats.errors == 0);
  REQUIRE(m.agent_sessions.size() == 1);
  const AgentSession& s = m.agent_sessions[0];
  CHECK(m.str(s.session_id) == "75555851-684867733");
  CHECK(s.agent_id == 9);
  CHECK(s.employee_id.present());
  CHECK(m.str(s.employee_id).empty());
  CHECK(m.str(s.user_name) == "CRAgent");
  CHECK(m.str(s.nick_name) == "CRAgent");
  CHECK(m.str(s.login_name) == "CRAgent@liveperson.com");
  CHECK(s.agent_group_id == -1);
  CHECK(s.record_start == 1465992202047);
  CHECK(s.record_end == kNoLong);
  REQUIRE(s.events.count == 1);
  const AgentEvent& e = m.events(s)[0];
  CHECK(e.timestamp == 1465992202047);
  CHECK(e.type == 3);
  CHECK(e.state == 0);
  CHECK(e.prev_state == 1);
  CHECK(e.concurrent_eng == 0);
  CHECK(e.prev_concurrent_eng == 0);
  CHECK(e.max_concurrent_eng == -9);
  CHECK(e.agent_group_id == -1);
  REQUIRE(m.agents.size() == 1);
  CHECK(m.agents[0].agent_id == 9);
  CHECK(m.str(m.agents[0].login_name) == "CRAgent@liveperson.com");
  REQUIRE(m.sessions_of(m.agents[0]).size() == 1);
  CHECK(m.sessions_of(m.agents[0])[0] == 0);
  CHECK(s.agent == 0);
  CHECK(m.find_agent_session("75555851-684867733") == &s);
  CHECK(m.find_agent(9) == &m.agents[0]);
  CHECK(r.stats.schema_versions == std::set<std::string>{"1.0.0.4"});
}

void check_web_record(const leda::load::LoadResult& r) {
  const Model& m = r.model;
  INFO(test::error_text(r.stats));
  CHECK(r.stats.errors == 0);
  CHECK(r.stats.records[1] == 1);
  CHECK(r.stats.duplicates == 0);
  CHECK(r.stats.unknown_fields == 0);
  CHECK(r.stats.unknown_branches == 0);
  REQUIRE(m.visits.size() == 1);
  const Visit& v = m.visits[0];
  CHECK(m.find_visit(kVisitId) == &v);
  CHECK(m.str(v.visit_id) == kVisitId);
  CHECK(m.str(v.visitor_id) == "pKytlMTwSPCwpJS-RQqtlQ");
  CHECK_FALSE(v.context_id.present());
  CHECK(v.first_time == 1467291704468);  // the record's startTime
  CHECK(v.last_time == 1467308703041);   // the last page view

  auto pages = m.pages(v);
  REQUIRE(pages.size() == 3);
  CHECK(pages[0].timestamp == 1467291704525);
  CHECK(m.str(pages[0].url) == "https://authentication.liveperson.net/login.html");
  CHECK(pages[0].referrer.present());
  CHECK(m.str(pages[0].referrer).empty());
  REQUIRE(m.sections(pages[0]).size() == 1);
  CHECK(m.str(m.sections(pages[0])[0]) == "loginPages");
  CHECK(pages[1].timestamp == 1467291714765);
  CHECK(m.str(pages[1].url) == "https://z1.le.liveperson.net/a/89995382/#wa!webagent");
  CHECK(m.sections(pages[1]).empty());
  CHECK(pages[2].timestamp == 1467308703041);
  CHECK(m.str(pages[2].referrer) == "https://z1.le.liveperson.net/a/89995382/");
  CHECK(m.str(m.sections(pages[2])[0]) == "loginPages");

  auto attrs = m.attributes_of(v);
  REQUIRE(attrs.size() == 2);
  CHECK(attrs[0].timestamp == 1467291718263);
  REQUIRE(attrs[0].kind == AttributeKind::kCustomerInfo);
  CHECK(m.str(attrs[0].type_name) == "com.liveperson.dataaccess.CustomerInfo");
  const CustomerInfo& ci = m.customer_infos[attrs[0].index];
  CHECK(m.str(ci.customer_id) == "Account: 89995382");
  CHECK(m.str(ci.customer_status) == "agentManager");
  CHECK_FALSE(ci.customer_type.present());
  CHECK_FALSE(ci.balance.has_value());
  CHECK(ci.company_size == kNoInt);
  CHECK(ci.is_authenticated == kNoBool);
  CHECK(ci.last_payment_date.year == kNoInt);
  CHECK(attrs[1].timestamp == 1467291718494);
  REQUIRE(attrs[1].kind == AttributeKind::kPersonalInfo);
  const PersonalInfo& pi = m.personal_infos[attrs[1].index];
  CHECK(m.str(pi.surname) == "BrookeR@blinds.com");
  CHECK_FALSE(pi.name.present());
  CHECK(pi.age_in_years == kNoInt);
  REQUIRE(m.contacts_of(pi).size() == 1);
  CHECK_FALSE(m.contacts_of(pi)[0].email.present());
  CHECK_FALSE(m.contacts_of(pi)[0].phone.present());

  auto goals = m.goals_of(v);
  REQUIRE(goals.size() == 1);
  CHECK(m.str(goals[0].id) == "0b5f9655-7bcb-4143-960b-7a5b08195167");
  CHECK(goals[0].timestamp == 1467291714594);
  CHECK(goals[0].campaign_goal_revision == 13);
  CHECK(goals[0].campaign_goal_id == 153250510);
  CHECK(goals[0].campaign_goal_type == 1);
  CHECK(m.str(goals[0].metadata_type) == "ReduceAbandonmentGoalMetadata");
  CHECK(goals[0].number_of_pages == 2);

  auto elig = m.eligibility_of(v);
  REQUIRE(elig.size() == 2);
  CHECK(elig[0].timestamp == 1467291704571);
  REQUIRE(m.campaigns_of(elig[0]).size() == 1);
  const EligibleCampaign& c0 = m.campaigns_of(elig[0])[0];
  CHECK(c0.campaign_id == 129082910);
  CHECK(c0.goal_id == 126222610);
  CHECK(c0.goal_type == 4);
  CHECK(c0.goal_indicator_type == 3);
  CHECK(m.str(c0.control_group) == "NA");
  REQUIRE(m.engagements_of(c0).size() == 1);
  const CampaignEngagement& e0 = m.engagements_of(c0)[0];
  CHECK(e0.id == kNoLong);
  CHECK(m.str(e0.channel) == "1");
  CHECK(m.str(e0.type) == "5");
  CHECK(e0.skill_id == 11);
  CHECK(m.str(e0.skill_name) == "Tier1");
  CHECK(e0.is_offsite == 0);
  CHECK(m.str(e0.availability_policy) == "1");
  CHECK(e0.interaction_type == 5);
  CHECK(e0.rendering_type == kNoInt);
  CHECK(elig[1].timestamp == 1467291718265);
  const EligibleCampaign& c1 = m.campaigns_of(elig[1])[0];
  CHECK(c1.campaign_id == 626105510);
  const CampaignEngagement& e1 = m.engagements_of(c1)[0];
  CHECK(m.str(e1.channel) == "100");
  CHECK(e1.skill_id == -1);
  CHECK_FALSE(e1.skill_name.present());
  CHECK_FALSE(e1.availability_policy.present());
  CHECK(e1.interaction_type == 1);

  auto imps = m.impressions_of(v);
  REQUIRE(imps.size() == 3);
  CHECK(imps[0].timestamp == kNoLong);
  CHECK(m.str(imps[0].engagement_instance_id) == "1");
  CHECK(m.str(imps[0].impression_type) == "Show");
  CHECK(m.str(imps[0].state) == "1");
  CHECK(imps[0].campaign_id == 129082910);
  CHECK(imps[0].goal_id == 126222610);
  REQUIRE(imps[0].engagement != kNoIndex);
  CHECK(m.campaign_engagements[imps[0].engagement].skill_id == 11);
  CHECK(m.str(imps[1].engagement_instance_id) == "2");
  CHECK(m.str(imps[1].state) == "0");
  CHECK(imps[1].campaign_id == 626105510);
  CHECK(m.str(imps[2].impression_type) == "Close");
  CHECK_FALSE(imps[2].control_group.present());
  CHECK(v.info == kNoIndex);
  CHECK(m.conversations_of(v).empty());
}

void check_engagement_record(const leda::load::LoadResult& r) {
  const Model& m = r.model;
  INFO(test::error_text(r.stats));
  CHECK(r.stats.errors == 0);
  REQUIRE(m.conversations.size() == 1);
  const Conversation& c = m.conversations[0];
  CHECK(m.find_conversation("755558514295264942") == &c);
  CHECK(m.str(c.conversation_id) == "755558514295264942");
  CHECK(m.str(c.type) == "LIVE_CHAT");
  CHECK(c.conversation_start == 1469469281856);
  CHECK(c.interaction_start == 1469469368565);
  CHECK(c.conversation_end == 1469469894169);
  CHECK(c.queue_start == 1469469281856);
  CHECK(c.queue_end == 1469469368565);
  CHECK_FALSE(c.consumer_id.present());
  CHECK(c.is_interactive == 0);
  CHECK(m.str(c.source_origin) == "Web");
  CHECK_FALSE(c.source_device.present());
  CHECK(c.end_reason_id == 205);
  CHECK(c.start_reason_id == 0);
  CHECK(c.campaign_id == kNoLong);
  REQUIRE(m.skills(c).size() == 1);
  CHECK(m.skills(c)[0] == 3);
  CHECK_FALSE(c.start_page.present());
  CHECK(m.transfers_of(c).empty());
  CHECK(c.secure_forms == 0);
  CHECK_FALSE(c.mcs.present());
  CHECK(c.visit_id.present());
  CHECK(m.str(c.visit_id).empty());
  CHECK(c.visit == kNoIndex);
  CHECK(c.record_start == 1469469281856);
  CHECK(c.record_end == 1469469906147);
  REQUIRE(m.transcript(c).size() == 1);
  const Message& line = m.transcript(c)[0];
  CHECK(m.str(line.text) == "Welcome to LivePerson! A representative will be with you shortly.");
  CHECK(line.timestamp == 1469469281857);
  CHECK(m.str(line.by) == "info");
  CHECK(line.type == 2);
  CHECK(m.str(line.control_type) == "4");
  CHECK(m.str(line.agent_id) == "0");
  CHECK(m.str(line.content_format) == "Text");
  CHECK(m.str(line.message_id) == "S4uqCX7MQuWB1_Y1GjsVjQ");
  CHECK_FALSE(line.dialog_id.present());
  CHECK_FALSE(line.file_type.present());
}

void check_survey_record(const leda::load::LoadResult& r) {
  const Model& m = r.model;
  INFO(test::error_text(r.stats));
  CHECK(r.stats.errors == 0);
  REQUIRE(m.surveys.size() == 1);
  const Survey& s = m.surveys[0];
  CHECK(s.survey_id == 275331);
  CHECK(s.type == 3);
  CHECK(s.view_time == kNoLong);
  CHECK(m.str(s.conversation_id) == "755558514295254843");
  CHECK(s.record_start == 1468274129221);
  CHECK(s.record_end == 1468274129228);
  auto answers = m.answers(s);
  REQUIRE(answers.size() == 4);
  CHECK(m.str(answers[0].question) == "Chat Result");
  CHECK(m.str(answers[0].answer) == "No Real Chat ('Ghost Chat')");
  CHECK(answers[0].submit_time == 1468274129221);
  CHECK(m.str(answers[0].survey_name) == "SalesNew");
  CHECK(answers[0].answer_type == 4);
  REQUIRE(answers[0].csat_threshold.has_value());
  CHECK(*answers[0].csat_threshold == -1.0);
  CHECK(m.str(answers[1].question) == "Salesforce Survey Submitted");
  CHECK(m.str(answers[1].answer) == "Yes");
  CHECK(answers[1].answer_type == 2);
  CHECK(answers[2].submit_time == 1468274129228);
  CHECK(m.str(answers[3].question) == "Chat Result");
  CHECK(answers[3].submit_time == 1468274129228);
  CHECK(s.conversation == kNoIndex);  // no conversation with that id in the example
}

}  // namespace

TEST_CASE("spec example: agent activity, printed twice, counts one duplicate") {
  leda::load::LoadResult r = load_all({spec_example_path("record-agentActivity.json")});
  check_agent_record(r);
  CHECK(r.stats.records[0] == 2);
  CHECK(r.stats.duplicates == 1);
  CHECK(r.stats.files[0] == 1);
  CHECK(r.stats.time_from == 1465992202047);
  CHECK(r.stats.time_to == 1465992202047);
}

TEST_CASE("spec example: agent activity, one record per line") {
  leda::load::LoadResult r = load_all({spec_example_path("derived/record-agentActivity.ndjson")});
  check_agent_record(r);
  CHECK(r.stats.records[0] == 2);
  CHECK(r.stats.duplicates == 1);
}

TEST_CASE("spec example: the wrapped envelope variant") {
  leda::load::LoadResult r =
      load_all({spec_example_path("derived/record-agentActivity.wrapped-envelope.ndjson")});
  check_agent_record(r);
  CHECK(r.stats.records[0] == 1);
  CHECK(r.stats.duplicates == 0);
}

TEST_CASE("spec example: web session, five body variants merged into one visit") {
  check_web_record(load_all({spec_example_path("record-webSession.json")}));
  check_web_record(load_all({spec_example_path("derived/record-webSession.ndjson")}));
}

TEST_CASE("spec example: the gzipped web session") {
  leda::load::LoadResult r = load_all({spec_example_path("derived/record-webSession.ndjson.gz")});
  check_web_record(r);
  CHECK(r.stats.compressed_bytes < r.stats.bytes);
  CHECK(r.stats.bytes == test::spec_example("derived/record-webSession.ndjson").size());
}

TEST_CASE("spec example: engagement") {
  check_engagement_record(load_all({spec_example_path("record-engagement.json")}));
  check_engagement_record(load_all({spec_example_path("derived/record-engagement.ndjson")}));
}

TEST_CASE("spec example: survey") {
  check_survey_record(load_all({spec_example_path("record-survey.json")}));
  check_survey_record(load_all({spec_example_path("derived/record-survey.ndjson")}));
}

TEST_CASE("the pretty-printed and one-per-line examples give the same model") {
  for (const char* name :
       {"record-agentActivity", "record-webSession", "record-engagement", "record-survey"}) {
    INFO(name);
    const std::string pretty =
        leda::model::dump_model(load_all({spec_example_path(name + std::string(".json"))}).model);
    const std::string lines = leda::model::dump_model(
        load_all({spec_example_path(std::string("derived/") + name + ".ndjson")}).model);
    CHECK(pretty == lines);
  }
}

TEST_CASE("all record examples together: a record's type comes from dataType") {
  test::TempDir dir;
  // File names that say nothing (or something wrong) about the content.
  dir.write("a/x1", test::spec_example("record-survey.json"));
  dir.write("a/x2.gz", test::gzip(test::spec_example("record-engagement.json")));
  dir.write("b/Agent.1.2.part-00000-0", test::spec_example("record-webSession.json"));
  dir.write("b/c/y", test::spec_example("record-agentActivity.json"));
  leda::load::LoadResult r = load_all({dir.path});
  INFO(test::error_text(r.stats));
  CHECK(r.stats.errors == 0);
  CHECK(r.stats.files_total == 4);
  CHECK(r.stats.records[0] == 2);
  CHECK(r.stats.records[1] == 1);
  CHECK(r.stats.records[2] == 1);
  CHECK(r.stats.records[3] == 1);
  CHECK(r.model.agent_sessions.size() == 1);
  CHECK(r.model.visits.size() == 1);
  CHECK(r.model.conversations.size() == 1);
  CHECK(r.model.surveys.size() == 1);
  CHECK(r.stats.schema_versions == std::set<std::string>{"1.0.0.22", "1.0.0.4"});
  CHECK(r.stats.time_from == 1465992202047);
  CHECK(r.stats.time_to == 1469469906147);
}

TEST_CASE("listing and base-resource files are not records: a clear error, no crash") {
  for (const char* name :
       {"listing-agentActivity.json", "listing-webSession.json", "listing-engagement.json",
        "listing-survey.json", "base-resource.json"}) {
    INFO(name);
    leda::load::LoadResult r = load_all({spec_example_path(name)});
    REQUIRE(r.stats.errors == 1);
    const leda::load::LoadError& e = r.stats.error_samples.at(0);
    CHECK(e.file == spec_example_path(name));
    CHECK(e.line == 1);
    CHECK(e.offset == 0);
    CHECK(e.reason == "not a Data Access record: no dataType");
    CHECK(r.model.visits.empty());
    CHECK(r.model.agent_sessions.empty());
  }
}
