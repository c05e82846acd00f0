// model/fields.hpp — every field of every Model record, by name, for generic code.
//
// `fields(record, visitor)` calls `visitor(name, field)` for each data member of a model struct,
// in declaration order. The builder uses it to re-map string handles when fragments merge; the
// canonical dump uses it to print a Model. A new field in model.hpp belongs here too (the dump
// test would otherwise miss it).
//
//   leda::fields(event, [](std::string_view name, auto& value) { print(name, value); });
//
// The visitor receives members as non-const references; read-only users pass a const_cast
// record and must not write.
#pragma once

#include <string_view>

#include "leda/model.hpp"

namespace leda::model {

template <class V>
void fields(AgentEvent& x, V&& v) {
  v("timestamp", x.timestamp);
  v("agent_group_id", x.agent_group_id);
  v("type", x.type);
  v("state", x.state);
  v("prev_state", x.prev_state);
  v("concurrent_eng", x.concurrent_eng);
  v("prev_concurrent_eng", x.prev_concurrent_eng);
  v("max_concurrent_eng", x.max_concurrent_eng);
}

template <class V>
void fields(AgentSession& x, V&& v) {
  v("session_id", x.session_id);
  v("agent_id", x.agent_id);
  v("employee_id", x.employee_id);
  v("user_name", x.user_name);
  v("nick_name", x.nick_name);
  v("login_name", x.login_name);
  v("agent_group_id", x.agent_group_id);
  v("events", x.events);
  v("record_start", x.record_start);
  v("record_end", x.record_end);
  v("agent", x.agent);
}

template <class V>
void fields(Agent& x, V&& v) {
  v("agent_id", x.agent_id);
  v("employee_id", x.employee_id);
  v("user_name", x.user_name);
  v("nick_name", x.nick_name);
  v("login_name", x.login_name);
  v("sessions", x.sessions);
}

template <class V>
void fields(PageView& x, V&& v) {
  v("timestamp", x.timestamp);
  v("url", x.url);
  v("referrer", x.referrer);
  v("sections", x.sections);
}

template <class V>
void fields(Product& x, V&& v) {
  v("quantity", x.quantity);
  v("name", x.name);
  v("category", x.category);
  v("sku", x.sku);
  v("price", x.price);
}

template <class V>
void fields(CustomerInfo& x, V&& v) {
  v("customer_id", x.customer_id);
  v("customer_status", x.customer_status);
  v("customer_type", x.customer_type);
  v("social_id", x.social_id);
  v("imei", x.imei);
  v("user_name", x.user_name);
  v("account_name", x.account_name);
  v("role", x.role);
  v("store_zip_code", x.store_zip_code);
  v("store_number", x.store_number);
  v("authenticated_conversation_id", x.authenticated_conversation_id);
  v("balance", x.balance);
  v("company_size", x.company_size);
  v("is_authenticated", x.is_authenticated);
  v("last_payment_date.year", x.last_payment_date.year);
  v("last_payment_date.month", x.last_payment_date.month);
  v("last_payment_date.day", x.last_payment_date.day);
  v("registration_date.year", x.registration_date.year);
  v("registration_date.month", x.registration_date.month);
  v("registration_date.day", x.registration_date.day);
}

template <class V>
void fields(PersonalInfo& x, V&& v) {
  v("name", x.name);
  v("surname", x.surname);
  v("gender", x.gender);
  v("company", x.company);
  v("authenticated_conversation_id", x.authenticated_conversation_id);
  v("is_authenticated", x.is_authenticated);
  v("age_in_years", x.age_in_years);
  v("year_of_birth", x.year_of_birth);
  v("month_of_birth", x.month_of_birth);
  v("day_of_birth", x.day_of_birth);
  v("contacts", x.contacts);
}

template <class V>
void fields(Contact& x, V&& v) {
  v("email", x.email);
  v("phone", x.phone);
}

template <class V>
void fields(Purchase& x, V&& v) {
  v("total", x.total);
  v("order_id", x.order_id);
  v("cart_total", x.cart_total);
  v("cart_num_items", x.cart_num_items);
  v("products", x.products);
}

template <class V>
void fields(Lead& x, V&& v) {
  v("topic", x.topic);
  v("lead_id", x.lead_id);
  v("value", x.value);
}

template <class V>
void fields(ServiceActivity& x, V&& v) {
  v("topic", x.topic);
  v("category", x.category);
  v("service_id", x.service_id);
  v("status", x.status);
}

template <class V>
void fields(VisitorError& x, V&& v) {
  v("context_id", x.context_id);
  v("message", x.message);
  v("code", x.code);
  v("level", x.level);
  v("resolved", x.resolved);
}

template <class V>
void fields(MarketingCampaignInfo& x, V&& v) {
  v("originating_channel", x.originating_channel);
  v("affiliate", x.affiliate);
  v("campaign_id", x.campaign_id);
}

template <class V>
void fields(EngagementAttribute& x, V&& v) {
  v("timestamp", x.timestamp);
  v("kind", x.kind);
  v("index", x.index);
  v("type_name", x.type_name);
}

template <class V>
void fields(ViewedProduct& x, V&& v) {
  v("products", x.products);
}

template <class V>
void fields(GoalAchieved& x, V&& v) {
  v("id", x.id);
  v("timestamp", x.timestamp);
  v("campaign_goal_revision", x.campaign_goal_revision);
  v("campaign_goal_id", x.campaign_goal_id);
  v("campaign_goal_type", x.campaign_goal_type);
  v("metadata_type", x.metadata_type);
  v("number_of_pages", x.number_of_pages);
  v("url", x.url);
  v("total", x.total);
  v("order_id", x.order_id);
}

template <class V>
void fields(CampaignEngagement& x, V&& v) {
  v("id", x.id);
  v("channel", x.channel);
  v("type", x.type);
  v("skill_name", x.skill_name);
  v("availability_policy", x.availability_policy);
  v("skill_id", x.skill_id);
  v("interaction_type", x.interaction_type);
  v("rendering_type", x.rendering_type);
  v("is_offsite", x.is_offsite);
}

template <class V>
void fields(EligibleCampaign& x, V&& v) {
  v("campaign_id", x.campaign_id);
  v("goal_id", x.goal_id);
  v("goal_type", x.goal_type);
  v("goal_indicator_type", x.goal_indicator_type);
  v("control_group", x.control_group);
  v("engagements", x.engagements);
}

template <class V>
void fields(Eligibility& x, V&& v) {
  v("timestamp", x.timestamp);
  v("campaigns", x.campaigns);
}

template <class V>
void fields(Impression& x, V&& v) {
  v("timestamp", x.timestamp);
  v("engagement_instance_id", x.engagement_instance_id);
  v("impression_type", x.impression_type);
  v("state", x.state);
  v("control_group", x.control_group);
  v("campaign_id", x.campaign_id);
  v("goal_id", x.goal_id);
  v("engagement", x.engagement);
}

template <class V>
void fields(VisitInfo& x, V&& v) {
  v("ipv4", x.ipv4);
  v("ipv6", x.ipv6);
  v("country", x.country);
  v("country_code", x.country_code);
  v("city", x.city);
  v("state", x.state);
  v("org", x.org);
  v("isp", x.isp);
  v("session_start", x.session_start);
  v("user_agent", x.user_agent);
  v("device_os", x.device_os);
  v("device_family", x.device_family);
  v("site_control_group", x.site_control_group);
  v("search_engine", x.search_engine);
  v("search_engine_key", x.search_engine_key);
}

template <class V>
void fields(Visit& x, V&& v) {
  v("visit_id", x.visit_id);
  v("visitor_id", x.visitor_id);
  v("context_id", x.context_id);
  v("first_time", x.first_time);
  v("last_time", x.last_time);
  v("pages", x.pages);
  v("attributes", x.attributes);
  v("goals", x.goals);
  v("eligibility", x.eligibility);
  v("impressions", x.impressions);
  v("info", x.info);
  v("conversations", x.conversations);
}

template <class V>
void fields(Message& x, V&& v) {
  v("timestamp", x.timestamp);
  v("text", x.text);
  v("by", x.by);
  v("type", x.type);
  v("control_type", x.control_type);
  v("agent_id", x.agent_id);
  v("content_format", x.content_format);
  v("message_id", x.message_id);
  v("dialog_id", x.dialog_id);
  v("file_caption", x.file_caption);
  v("file_type", x.file_type);
  v("link_url", x.link_url);
}

template <class V>
void fields(Transfer& x, V&& v) {
  v("timestamp", x.timestamp);
  v("skill_id", x.skill_id);
  v("target_skill_id", x.target_skill_id);
  v("reason", x.reason);
  v("agent_id", x.agent_id);
  v("target_agent_id", x.target_agent_id);
  v("queue_start", x.queue_start);
  v("queue_end", x.queue_end);
  v("is_interactive", x.is_interactive);
}

template <class V>
void fields(Conversation& x, V&& v) {
  v("conversation_id", x.conversation_id);
  v("type", x.type);
  v("conversation_start", x.conversation_start);
  v("interaction_start", x.interaction_start);
  v("conversation_end", x.conversation_end);
  v("queue_start", x.queue_start);
  v("queue_end", x.queue_end);
  v("consumer_id", x.consumer_id);
  v("is_interactive", x.is_interactive);
  v("source_origin", x.source_origin);
  v("source_device", x.source_device);
  v("end_reason_id", x.end_reason_id);
  v("start_reason_id", x.start_reason_id);
  v("campaign_id", x.campaign_id);
  v("campaign_engagement_id", x.campaign_engagement_id);
  v("skills", x.skills);
  v("agent_id", x.agent_id);
  v("skill_id", x.skill_id);
  v("start_page", x.start_page);
  v("start_url", x.start_url);
  v("transcript", x.transcript);
  v("transfers", x.transfers);
  v("secure_forms", x.secure_forms);
  v("mcs", x.mcs);
  v("visit_id", x.visit_id);
  v("visitor_id", x.visitor_id);
  v("context_id", x.context_id);
  v("record_start", x.record_start);
  v("record_end", x.record_end);
  v("visit", x.visit);
  v("surveys", x.surveys);
}

template <class V>
void fields(SurveyAnswer& x, V&& v) {
  v("question", x.question);
  v("answer", x.answer);
  v("submit_time", x.submit_time);
  v("survey_name", x.survey_name);
  v("answer_type", x.answer_type);
  v("csat_threshold", x.csat_threshold);
}

template <class V>
void fields(Survey& x, V&& v) {
  v("survey_id", x.survey_id);
  v("type", x.type);
  v("view_time", x.view_time);
  v("conversation_id", x.conversation_id);
  v("answers", x.answers);
  v("visit_id", x.visit_id);
  v("visitor_id", x.visitor_id);
  v("context_id", x.context_id);
  v("record_start", x.record_start);
  v("record_end", x.record_end);
  v("conversation", x.conversation);
}

/// Calls `f(name, vector)` for every record vector of a Model, in declaration order.
template <class M, class F>
void model_vectors(M& m, F&& f) {
  f("agent_sessions", m.agent_sessions);
  f("agent_events", m.agent_events);
  f("agents", m.agents);
  f("agent_session_refs", m.agent_session_refs);
  f("visits", m.visits);
  f("page_views", m.page_views);
  f("attributes", m.attributes);
  f("customer_infos", m.customer_infos);
  f("personal_infos", m.personal_infos);
  f("contacts", m.contacts);
  f("purchases", m.purchases);
  f("viewed_products", m.viewed_products);
  f("products", m.products);
  f("leads", m.leads);
  f("service_activities", m.service_activities);
  f("visitor_errors", m.visitor_errors);
  f("marketing_infos", m.marketing_infos);
  f("goals", m.goals);
  f("eligibility", m.eligibility);
  f("eligible_campaigns", m.eligible_campaigns);
  f("campaign_engagements", m.campaign_engagements);
  f("impressions", m.impressions);
  f("visit_infos", m.visit_infos);
  f("conversations", m.conversations);
  f("messages", m.messages);
  f("transfers", m.transfers);
  f("surveys", m.surveys);
  f("survey_answers", m.survey_answers);
  f("strs", m.strs);
  f("longs", m.longs);
  f("index_refs", m.index_refs);
}

}  // namespace leda::model
