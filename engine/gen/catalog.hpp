// gen/catalog.hpp — the fixed content a synthetic account is made of: agent sites and names,
// skills, products, pages, campaigns, chat lines and survey questions.
//
//   for (const leda::gen::Skill& s : leda::gen::skills()) use(s.id, s.name);
//
// Everything here is constant data; the generator picks from it with its seeded streams.
// Thread-safe (read-only).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace leda::gen {

/// A contact-centre site: where an agent works and when its shifts start.
struct Site {
  std::string_view region;  ///< EMEA, AMER, APAC (the agent map's region)
  std::string_view tz;      ///< IANA zone of the site
  std::int64_t group_id;    ///< agentGroupID of its agents
  int shift_start_min;      ///< local start of the early shift, minutes after midnight
};

/// A chat skill.
struct Skill {
  std::int64_t id;
  std::string_view name;
};

/// A person's name for agents.
struct PersonName {
  std::string_view first, last, login;  ///< `login`: ASCII form used in login names
};

/// A product of the brand's shop.
struct ProductInfo {
  std::string_view name, category, sku;
  std::int64_t price_cents;
};

/// A campaign with its goal and one engagement (a chat invitation or a content banner).
struct CampaignInfo {
  std::int64_t id, visitor_profile_id, profile_revision;
  std::int64_t goal_id;
  int goal_type, goal_indicator_type;
  std::string_view channel, engagement_type;  ///< `channel` "1" chat, "100" content
  std::int64_t behavior_id, behavior_revision;
  int skill;  ///< index into skills(), or -1 for a content engagement
  int interaction_type;
  std::string_view availability_policy;  ///< empty: null
};

/// One question of a survey form and how it is answered.
struct QuestionInfo {
  std::string_view text;
  int answer_type;
  int threshold;  ///< csatThreshold
};

/// Sites agents work at (the first three cover the three regions).
std::span<const Site> sites();
/// The brand's time zone: visitor traffic follows its local day.
std::string_view brand_tz();
/// Chat skills; `Skill::id` is what `skills` arrays and engagements carry.
std::span<const Skill> skills();
/// Agent names (more agents than names reuse them with a number).
std::span<const PersonName> person_names();
/// Visitor first and last names (for PersonalInfo).
std::span<const std::string_view> visitor_first_names();
std::span<const std::string_view> visitor_last_names();
/// The shop's products.
std::span<const ProductInfo> products();
/// URL slug of a product category ("Roller Blinds" -> "roller-blinds").
std::string_view category_slug(std::string_view category);
/// The shop's base URL, without a trailing slash.
std::string_view site_url();
/// Search terms, help topics, affiliates and marketing campaign ids.
std::span<const std::string_view> search_terms();
std::span<const std::string_view> help_topics();
std::span<const std::string_view> affiliates();
/// Campaigns: one chat campaign per skill (same index as skills()), then content campaigns.
std::span<const CampaignInfo> campaigns();

/// Chat lines: the system's greeting, visitor and agent lines per skill, closings.
std::string_view chat_welcome();
std::span<const std::string_view> visitor_openers(int skill);
std::span<const std::string_view> visitor_lines();
std::span<const std::string_view> agent_lines(int skill);
std::span<const std::string_view> agent_closings();
std::span<const std::string_view> visitor_closings();

/// The post-chat survey (type 2): CSAT (1-5), NPS (0-10), FCR (Yes/No), a free comment.
inline constexpr std::int64_t kPostChatSurveyId = 3100001;
inline constexpr std::string_view kPostChatSurveyName = "Post-chat survey";
std::span<const QuestionInfo> post_chat_questions();
std::span<const std::string_view> survey_comments();
/// The agent's wrap-up survey (type 3), which is not a customer survey.
inline constexpr std::int64_t kOperatorSurveyId = 3100002;
inline constexpr std::string_view kOperatorSurveyName = "Agent wrap-up";
std::span<const QuestionInfo> operator_questions();
std::span<const std::string_view> chat_results();

}  // namespace leda::gen
