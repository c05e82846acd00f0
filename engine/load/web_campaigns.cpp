// Goals, eligibility and impressions of web sessions (spec §3.2.3-3.2.6).
#include <algorithm>
#include <cctype>

#include "load/avro_reader.hpp"
#include "load/body_readers.hpp"

namespace leda::load {
namespace {

// The `Engagement` record of campaigns (§3.2.6).
CampaignEngagement read_engagement(ParseState& s, std::string_view what) {
  CampaignEngagement e;
  read_record(s, what, [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("id", e.id = read_long(s, key));
      LEDA_FIELD("channel", e.channel = read_str(s, key));
      LEDA_FIELD("type", e.type = read_str(s, key));
      LEDA_FIELD("visitorBehaviors", s.cur.skip_value());
      LEDA_FIELD("skillId", e.skill_id = read_int(s, key));
      LEDA_FIELD("skillName", e.skill_name = read_str(s, key));
      LEDA_FIELD("surveySkills", s.cur.skip_value());
      LEDA_FIELD("isOffsiteEngagement", e.is_offsite = read_bool(s, key));
      LEDA_FIELD("availabilityPolicy", e.availability_policy = read_str(s, key));
      LEDA_FIELD("interactionType", e.interaction_type = read_int(s, key));
      LEDA_FIELD("renderingType", e.rendering_type = read_int(s, key));
      default:
        unknown_field(s, key);
    }
  });
  return e;
}

// The `Campaign` record: its id (visitor profiles are not modelled).
std::int64_t read_campaign_id(ParseState& s, std::string_view what) {
  std::int64_t id = kNoLong;
  read_record(s, what, [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("id", id = read_long(s, key));
      LEDA_FIELD("visitorProfiles", s.cur.skip_value());
      default:
        unknown_field(s, key);
    }
  });
  return id;
}

// The `Goal` record: id, type and indicator type.
void read_goal_ref(ParseState& s, std::string_view what, std::int64_t& id, std::int32_t& type,
                   std::int32_t& indicator_type) {
  read_record(s, what, [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("id", id = read_long(s, key));
      LEDA_FIELD("type", type = read_int(s, key));
      LEDA_FIELD("indicatorType", indicator_type = read_int(s, key));
      default:
        unknown_field(s, key);
    }
  });
}

// An `Engagement` held by an impression: its index in the fragment, kNoIndex for null.
std::uint32_t read_engagement_ref(ParseState& s, std::string_view what) {
  if (s.cur.try_null()) return kNoIndex;
  s.frag.campaign_engagements.push_back(read_engagement(s, what));
  return static_cast<std::uint32_t>(s.frag.campaign_engagements.size() - 1);
}

void read_eligible_campaign(ParseState& s) {
  model::Fragment& f = s.frag;
  EligibleCampaign c;
  read_record(s, "eligibleCampaigns item", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("campaign", c.campaign_id = read_campaign_id(s, key));
      LEDA_FIELD("engagements",
                 c.engagements = read_list(s, key, f.campaign_engagements, [&] {
                   f.campaign_engagements.push_back(read_engagement(s, "engagements item"));
                 }));
      LEDA_FIELD("goal", read_goal_ref(s, key, c.goal_id, c.goal_type, c.goal_indicator_type));
      LEDA_FIELD("controlGroupType", c.control_group = read_str(s, key));
      default:
        unknown_field(s, key);
    }
  });
  f.eligible_campaigns.push_back(c);
}

// Lower-cased `text` in `buf` (names of goal metadata differ in case between doc versions).
std::string_view lower(std::string_view text, char* buf, std::size_t size) {
  const std::size_t n = std::min(text.size(), size);
  for (std::size_t i = 0; i < n; ++i)
    buf[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
  return {buf, n};
}

// One member of a goal's metadata record; `kind` is the lower-cased branch short name.
void read_goal_metadata_member(ParseState& s, std::string_view kind, std::string_view key,
                               GoalAchieved& g) {
  if (kind == "reduceabandonmentgoalmetadata" && key == "numberOfPages") {
    g.number_of_pages = read_int(s, key);
  } else if (kind == "urlgoalmetadata" && key == "url") {
    g.url = read_str(s, key);
  } else if (kind == "purchasemetadata" && key == "total") {
    g.total = read_double(s, key);
  } else if (kind == "purchasemetadata" && key == "orderId") {
    g.order_id = read_str(s, key);
  } else if ((kind == "purchasemetadata" && key == "cartStatus") ||
             (kind == "increaseinteractiongoalmetadata" &&
              (key == "engagement" || key == "campaign")) ||
             (kind == "leadmetadata" && (key == "topic" || key == "leadId" || key == "value")) ||
             (kind == "serviceactivitymetadata" &&
              (key == "topic" || key == "status" || key == "category" || key == "serviceId"))) {
    s.cur.skip_value();  // documented, not modelled
  } else {
    unknown_field(s, key);
  }
}

bool is_known_goal_metadata(std::string_view kind) {
  return kind == "reduceabandonmentgoalmetadata" || kind == "urlgoalmetadata" ||
         kind == "purchasemetadata" || kind == "increaseinteractiongoalmetadata" ||
         kind == "leadmetadata" || kind == "serviceactivitymetadata";
}

// A goal's `goalMetaData` union: the branch names the kind of goal.
void read_goal_metadata(ParseState& s, std::string_view what, GoalAchieved& g) {
  read_union(s, what, [&](std::string_view branch) {
    const std::string_view name = short_name(branch);
    g.metadata_type = s.intern(name);
    char buf[64];
    const std::string_view kind = lower(name, buf, sizeof buf);
    if (!is_known_goal_metadata(kind)) {
      ++s.unknown_branches;
      s.cur.skip_value();
      return;
    }
    read_record(s, branch,
                [&](std::string_view key) { read_goal_metadata_member(s, kind, key, g); });
  });
}

}  // namespace

void read_goal(ParseState& s) {
  GoalAchieved g;
  read_record(s, "achievedGoals item", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("id", g.id = read_str(s, key));
      LEDA_FIELD("timestamp", g.timestamp = read_time(s, key));
      LEDA_FIELD("campaignGoalRevision", g.campaign_goal_revision = read_long(s, key));
      LEDA_FIELD("campaignGoalId", g.campaign_goal_id = read_long(s, key));
      LEDA_FIELD("campaignGoalType", g.campaign_goal_type = read_int(s, key));
      LEDA_FIELD("goalMetaData", read_goal_metadata(s, key, g));
      default:
        unknown_field(s, key);
    }
  });
  s.frag.goals.push_back(g);
}

void read_eligibility(ParseState& s) {
  model::Fragment& f = s.frag;
  Eligibility e;
  read_record(s, "eligibilityData item", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("timestamp", e.timestamp = read_time(s, key));
      LEDA_FIELD("eligibleCampaigns", e.campaigns = read_list(s, key, f.eligible_campaigns,
                                                              [&] { read_eligible_campaign(s); }));
      default:
        unknown_field(s, key);
    }
  });
  f.eligibility.push_back(e);
}

void read_impression(ParseState& s) {
  model::Fragment& f = s.frag;
  Impression im;
  std::int32_t goal_type, goal_indicator;  // not kept for impressions
  read_record(s, "impressions item", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("timestamp", im.timestamp = read_time(s, key));
      LEDA_FIELD("engagementInstanceId", im.engagement_instance_id = read_str(s, key));
      LEDA_FIELD("impressionType", im.impression_type = read_str(s, key));
      LEDA_FIELD("state", im.state = read_str(s, key));
      LEDA_FIELD("engagement", im.engagement = read_engagement_ref(s, key));
      LEDA_FIELD("campaign", im.campaign_id = read_campaign_id(s, key));
      LEDA_FIELD("goal", read_goal_ref(s, key, im.goal_id, goal_type, goal_indicator));
      LEDA_FIELD("controlGroup", im.control_group = read_str(s, key));
      default:
        unknown_field(s, key);
    }
  });
  f.impressions.push_back(im);
}

}  // namespace leda::load
