// leda/model_fields.hpp — the data members of every session-model struct, by name, in
// declaration order, as X-macros: one list per struct that the SDK's layout fingerprint
// (layout.hpp) and the engine's generic record code (copying, dumping) both expand, so a field
// added to model.hpp is added here once and every consumer sees it.
//
//   #define PRINT(f) std::cout << #f << ' ' << event.f << '\n';
//   LEDA_FIELDS_AgentEvent(PRINT)
//   #undef PRINT
//
// A struct's list must name every data member of the struct in model.hpp; layout.hpp checks at
// compile time that the listed members tile the struct with no gap (a forgotten member leaves one).
#pragma once

#include "leda/model.hpp"

// clang-format off

#define LEDA_FIELDS_Range(F) \
  F(first) F(count)

#define LEDA_FIELDS_AgentEvent(F) \
  F(timestamp) F(agent_group_id) F(type) F(state) F(prev_state) \
  F(concurrent_eng) F(prev_concurrent_eng) F(max_concurrent_eng)

#define LEDA_FIELDS_AgentSession(F) \
  F(session_id) F(agent_id) F(employee_id) F(user_name) F(nick_name) \
  F(login_name) F(agent_group_id) F(events) F(record_start) F(record_end) \
  F(agent)

#define LEDA_FIELDS_Agent(F) \
  F(agent_id) F(employee_id) F(user_name) F(nick_name) F(login_name) \
  F(sessions)

#define LEDA_FIELDS_PageView(F) \
  F(timestamp) F(url) F(referrer) F(sections)

#define LEDA_FIELDS_Product(F) \
  F(quantity) F(name) F(category) F(sku) F(price)

#define LEDA_FIELDS_Date(F) \
  F(year) F(month) F(day)

#define LEDA_FIELDS_CustomerInfo(F) \
  F(customer_id) F(customer_status) F(customer_type) F(social_id) F(imei) \
  F(user_name) F(account_name) F(role) F(store_zip_code) F(store_number) \
  F(authenticated_conversation_id) F(balance) F(company_size) F(is_authenticated) F(last_payment_date) \
  F(registration_date)

#define LEDA_FIELDS_PersonalInfo(F) \
  F(name) F(surname) F(gender) F(company) F(authenticated_conversation_id) \
  F(is_authenticated) F(age_in_years) F(year_of_birth) F(month_of_birth) F(day_of_birth) \
  F(contacts)

#define LEDA_FIELDS_Contact(F) \
  F(email) F(phone)

#define LEDA_FIELDS_Purchase(F) \
  F(total) F(order_id) F(cart_total) F(cart_num_items) F(products)

#define LEDA_FIELDS_Lead(F) \
  F(topic) F(lead_id) F(value)

#define LEDA_FIELDS_ServiceActivity(F) \
  F(topic) F(category) F(service_id) F(status)

#define LEDA_FIELDS_VisitorError(F) \
  F(context_id) F(message) F(code) F(level) F(resolved)

#define LEDA_FIELDS_MarketingCampaignInfo(F) \
  F(originating_channel) F(affiliate) F(campaign_id)

#define LEDA_FIELDS_EngagementAttribute(F) \
  F(timestamp) F(kind) F(index) F(type_name)

#define LEDA_FIELDS_ViewedProduct(F) \
  F(products)

#define LEDA_FIELDS_GoalAchieved(F) \
  F(id) F(timestamp) F(campaign_goal_revision) F(campaign_goal_id) F(campaign_goal_type) \
  F(metadata_type) F(number_of_pages) F(url) F(total) F(order_id)

#define LEDA_FIELDS_CampaignEngagement(F) \
  F(id) F(channel) F(type) F(skill_name) F(availability_policy) \
  F(skill_id) F(interaction_type) F(rendering_type) F(is_offsite)

#define LEDA_FIELDS_EligibleCampaign(F) \
  F(campaign_id) F(goal_id) F(goal_type) F(goal_indicator_type) F(control_group) \
  F(engagements)

#define LEDA_FIELDS_Eligibility(F) \
  F(timestamp) F(campaigns)

#define LEDA_FIELDS_Impression(F) \
  F(timestamp) F(engagement_instance_id) F(impression_type) F(state) F(control_group) \
  F(campaign_id) F(goal_id) F(engagement)

#define LEDA_FIELDS_VisitInfo(F) \
  F(ipv4) F(ipv6) F(country) F(country_code) F(city) \
  F(state) F(org) F(isp) F(session_start) F(user_agent) \
  F(device_os) F(device_family) F(site_control_group) F(search_engine) F(search_engine_key)

#define LEDA_FIELDS_Visit(F) \
  F(visit_id) F(visitor_id) F(context_id) F(first_time) F(last_time) \
  F(pages) F(attributes) F(goals) F(eligibility) F(impressions) \
  F(info) F(conversations)

#define LEDA_FIELDS_Message(F) \
  F(timestamp) F(text) F(by) F(type) F(control_type) \
  F(agent_id) F(content_format) F(message_id) F(dialog_id) F(file_caption) \
  F(file_type) F(link_url)

#define LEDA_FIELDS_Transfer(F) \
  F(timestamp) F(skill_id) F(target_skill_id) F(reason) F(agent_id) \
  F(target_agent_id) F(queue_start) F(queue_end) F(is_interactive)

#define LEDA_FIELDS_Conversation(F) \
  F(conversation_id) F(type) F(conversation_start) F(interaction_start) F(conversation_end) \
  F(queue_start) F(queue_end) F(consumer_id) F(is_interactive) F(source_origin) \
  F(source_device) F(end_reason_id) F(start_reason_id) F(campaign_id) F(campaign_engagement_id) \
  F(skills) F(agent_id) F(skill_id) F(start_page) F(start_url) \
  F(transcript) F(transfers) F(secure_forms) F(mcs) F(visit_id) \
  F(visitor_id) F(context_id) F(record_start) F(record_end) F(visit) \
  F(surveys)

#define LEDA_FIELDS_SurveyAnswer(F) \
  F(question) F(answer) F(submit_time) F(survey_name) F(answer_type) \
  F(csat_threshold)

#define LEDA_FIELDS_Survey(F) \
  F(survey_id) F(type) F(view_time) F(conversation_id) F(answers) \
  F(visit_id) F(visitor_id) F(context_id) F(record_start) F(record_end) \
  F(conversation)

#define LEDA_FIELDS_Model(F) \
  F(strings) F(agent_sessions) F(agent_events) F(agents) F(agent_session_refs) \
  F(visits) F(page_views) F(attributes) F(customer_infos) F(personal_infos) \
  F(contacts) F(purchases) F(viewed_products) F(products) F(leads) \
  F(service_activities) F(visitor_errors) F(marketing_infos) F(goals) F(eligibility) \
  F(eligible_campaigns) F(campaign_engagements) F(impressions) F(visit_infos) F(conversations) \
  F(messages) F(transfers) F(surveys) F(survey_answers) F(strs) \
  F(longs) F(index_refs) F(agent_session_by_id) F(agent_by_id) F(visit_by_id) \
  F(conversation_by_id)


/// Every model struct, for code that handles them all: T(Name) per struct.
#define LEDA_MODEL_STRUCTS(T) \
  T(Range) T(AgentEvent) T(AgentSession) T(Agent) T(PageView) \
  T(Product) T(Date) T(CustomerInfo) T(PersonalInfo) T(Contact) \
  T(Purchase) T(Lead) T(ServiceActivity) T(VisitorError) T(MarketingCampaignInfo) \
  T(EngagementAttribute) T(ViewedProduct) T(GoalAchieved) T(CampaignEngagement) T(EligibleCampaign) \
  T(Eligibility) T(Impression) T(VisitInfo) T(Visit) T(Message) \
  T(Transfer) T(Conversation) T(SurveyAnswer) T(Survey) T(Model)

// clang-format on
