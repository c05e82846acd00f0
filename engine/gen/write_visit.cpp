// WebSession records: one per visit, holding the body variants of the spec example in its
// order: engagement attributes, navigation, achieved goals, eligibility, impressions.
#include <fmt/format.h>

#include "gen/catalog.hpp"
#include "gen/records.hpp"
#include "gen/visit_content.hpp"

namespace leda::gen {
namespace {

std::string first_referrer(const VisitContent& c, std::uint32_t visit) {
  switch (c.channel) {
    case 1:
      return "https://www.google.com/";
    case 2:
      return "https://www.facebook.com/";
    case 4:
      return fmt::format("https://{}.example.net/", affiliates()[visit % affiliates().size()]);
    default:
      return "";
  }
}

void navigation(AvroJson& j, const World& w, std::uint32_t visit, const VisitContent& c) {
  const auto times = w.pages_of(w.visits[visit]);
  j.key("navigationData").begin_union_array();
  std::string referrer = first_referrer(c, visit);
  for (std::size_t i = 0; i < times.size(); ++i) {
    std::string url = page_url(w, visit, c.pages[i]);
    j.begin_object();
    j.key("timestamp").long_value(times[i]);
    j.key("url").string_value(url);
    j.key("referrerUrl").string_value(referrer);
    j.key("sections").begin_union_array();
    for (std::string_view s : page_sections(c.pages[i]))
      j.bare_string(s);
    j.end_union_array();
    j.end_object();
    referrer = std::move(url);
  }
  j.end_union_array();
}

void goals(AvroJson& j, const World& w, std::uint32_t visit, const VisitContent& c, Rng& r) {
  const VisitPlan& v = w.visits[visit];
  auto goal_id = [&] {
    return fmt::format("{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}", r.next() >> 32, r.below(0x10000),
                       r.below(0x1000), 0x8000 + r.below(0x4000), r.next() >> 16);
  };
  j.key("achievedGoals").begin_union_array();
  if (c.abandonment_goal) {
    j.begin_object();
    j.key("id").string_value(goal_id());
    j.key("timestamp").long_value(w.pages_of(v)[2] + 100);
    j.key("campaignGoalRevision").long_value(13);
    j.key("campaignGoalId").long_value(153250510);
    j.key("campaignGoalType").int_value(1);
    j.key("goalMetaData").begin_named("ReduceAbandonmentGoalMetadata");
    j.key("numberOfPages").int_value(3);
    j.end_named();
    j.end_object();
  }
  if (v.order != kNone) {
    const OrderPlan& o = w.orders[v.order];
    j.begin_object();
    j.key("id").string_value(goal_id());
    j.key("timestamp").long_value(o.time + 40);
    j.key("campaignGoalRevision").long_value(4);
    j.key("campaignGoalId").long_value(153250610);
    j.key("campaignGoalType").int_value(3);
    j.key("goalMetaData").begin_named("PurchaseMetadata");
    j.key("total");
    if (o.total_kind == OrderPlan::Total::kMissing)
      j.null();
    else
      j.money_value(o.total_kind == OrderPlan::Total::kZero ? 0 : o.total_cents);
    j.key("orderId").string_value(order_id(w, v.order));
    j.key("cartStatus").null();
    j.end_named();
    j.end_object();
  }
  j.end_union_array();
}

void eligibility(AvroJson& j, const VisitContent& c) {
  j.key("eligibilityData").begin_union_array();
  for (const Evaluation& e : c.evaluations) {
    j.begin_object();
    j.key("eligibleCampaigns").begin_union_array();
    for (std::uint8_t campaign : e.campaigns) {
      j.begin_object();
      j.key("campaign");
      write_campaign(j, campaign);
      j.key("engagements").begin_union_array();
      write_campaign_engagement(j, campaign);
      j.end_union_array();
      j.key("goal");
      write_goal(j, campaign);
      j.key("controlGroupType").enum_value("ControlGroupEnum", c.control_group);
      j.end_object();
    }
    j.end_union_array();
    j.key("timestamp").long_value(e.t);
    j.end_object();
  }
  j.end_union_array();
}

void impressions(AvroJson& j, const VisitContent& c) {
  j.key("impressions").begin_union_array();
  for (const ImpressionItem& x : c.impressions) {
    const bool chat = campaigns()[x.campaign].skill >= 0;
    j.begin_object();
    j.key("engagementInstanceId").string_value(std::to_string(x.instance));
    j.key("impressionType").string_value(x.type);
    j.key("state").string_value(chat ? "1" : "0");
    j.key("engagement").begin_named("Engagement");
    write_engagement_fields(j, x.campaign);
    j.end_named();
    j.key("campaign");
    write_campaign(j, x.campaign);
    j.key("goal");
    write_goal(j, x.campaign);
    j.end_object();
  }
  j.end_union_array();
}

}  // namespace

void write_visit(const World& w, std::uint32_t index, bool wrapped, std::string& out) {
  const VisitPlan& v = w.visits[index];
  Rng r = Rng::stream(w.options.seed, Stream::kVisitContent, index);
  const VisitContent c = plan_visit_content(w, index, r);
  const std::string vid = visit_id(w, index), visitor = visitor_id(w, v.visitor);
  AvroJson j(out);
  begin_envelope(j, w, "WebSession", v.start, v.end, wrapped);
  auto begin_body = [&](std::string_view type) {
    j.begin_object();
    j.key("body").begin_named(type);
    visitor_header(j, vid, visitor, nullptr);
  };
  auto end_body = [&] {
    j.end_named();
    j.end_object();
  };
  if (!c.attributes.empty()) {
    begin_body("WebSessionEngAttrsData");
    j.key("engagementAttributes").begin_union_array();
    write_attributes(j, w, index, c);
    j.end_union_array();
    end_body();
  }
  begin_body("WebSessionNavigationData");
  navigation(j, w, index, c);
  end_body();
  if (c.abandonment_goal || v.order != kNone) {
    begin_body("WebSessionGoalAchievedData");
    goals(j, w, index, c, r);
    end_body();
  }
  begin_body("WebSessionEligibilityData");
  eligibility(j, c);
  end_body();
  if (!c.impressions.empty()) {
    begin_body("WebSessionImpressionData");
    impressions(j, c);
    end_body();
  }
  end_envelope(j, out, wrapped);
}

}  // namespace leda::gen
