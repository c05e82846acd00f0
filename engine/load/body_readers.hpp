// load/body_readers.hpp — readers of the record bodies of spec §3 and §4.
//
// Each reader is called with the cursor on the body's value (the object inside the body union,
// e.g. the value of `"com.liveperson.dataaccess.AgentActivityData"`), appends what it read to
// the ParseState's fragment and leaves the cursor after the value. Parts the Need bits do not
// ask for are skipped without being built. A body that cannot be keyed (no agentSessionId,
// visitId, conversationId or survey id) rejects its record through ParseState::reject.
#pragma once

#include <string_view>

#include "load/parse_state.hpp"
#include "model/fragment.hpp"

namespace leda::load {

/// `AgentActivityData`: one agent session with its events (§3.1).
void read_agent_body(ParseState& s);

/// One web-session body variant (§3.2): one model::VisitPiece.
void read_web_body(ParseState& s, model::WebBody body);

/// `EngagementData`: its conversations (§3.3).
void read_engagement_body(ParseState& s);

/// `SurveyData`: its surveys (§3.4).
void read_survey_body(ParseState& s);

/// `VisitorHeader` (or a bare header record): visit, visitor and context ids.
void read_visitor_header(ParseState& s, std::string_view key, Str& visit_id, Str& visitor_id,
                         Str& context_id);

/// The web-session body variant named by a body union branch, if it is one. Geo and
/// session-info bodies have no published name (spec Q10): `WebSession...Data` names containing
/// `Geo` or `Info` (other than the known ones) are taken as those.
bool web_body_of(std::string_view branch, model::WebBody& body);

// Parts of web-session bodies (web_parts.cpp, web_attributes.cpp, web_campaigns.cpp).
void read_page(ParseState& s);         ///< a navigationData item
void read_attribute(ParseState& s);    ///< an engagementAttributes item
void read_goal(ParseState& s);         ///< an achievedGoals item
void read_eligibility(ParseState& s);  ///< an eligibilityData item
void read_impression(ParseState& s);   ///< an impressions item
void read_geo_member(ParseState& s, std::string_view key, VisitInfo& info);
void read_session_info_member(ParseState& s, std::string_view key, VisitInfo& info);

}  // namespace leda::load
