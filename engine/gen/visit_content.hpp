// gen/visit_content.hpp — the detail of one visit (pages, engagement attributes, campaigns),
// worked out from the visit's plan and its own random stream before it is serialised.
//
//   Rng r = Rng::stream(seed, Stream::kVisitContent, visit);
//   VisitContent c = plan_visit_content(world, visit, r);
//   write_attributes(j, world, visit, c);
//
// Internal to the generator. Pure functions of (world, visit, stream): thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "gen/avro_json.hpp"
#include "gen/random.hpp"
#include "gen/world.hpp"

namespace leda::gen {

enum class PageKind : std::uint8_t {
  kHome,
  kCategory,
  kProduct,
  kSearch,
  kHelp,
  kCart,
  kCheckout,
  kConfirmation,
  kLogin,
};

struct PageContent {
  PageKind kind = PageKind::kHome;
  std::uint8_t item = 0;  ///< product (product and category pages), term or topic index
};

/// One engagement attribute to write, in timestamp order.
struct AttributeItem {
  enum class Kind : std::uint8_t {
    kCustomerInfo,  ///< variant: 0 plain id, 1 id with spaces around, 2 id with a tab after
    kPersonalInfo,
    kViewedProduct,  ///< arg: product
    kCartStatus,     ///< arg: order, or kNone with `products` (count in variant)
    kPurchase,       ///< arg: order; variant 1: re-sent by a later visit
    kMarketing,      ///< arg: originating channel
    kLead,
    kServiceActivity,
    kVisitorError,
  };
  TimeMs t = 0;
  Kind kind = Kind::kMarketing;
  std::uint32_t arg = 0;
  std::uint8_t variant = 0;
  std::uint8_t products[2] = {};
};

/// One eligibility evaluation: campaign indexes (into campaigns()) at a time.
struct Evaluation {
  TimeMs t = 0;
  std::vector<std::uint8_t> campaigns;
};

/// One impression event of an engagement (campaign index) shown in the visit.
struct ImpressionItem {
  std::uint8_t campaign = 0;
  std::uint8_t instance = 1;  ///< engagementInstanceId
  std::string_view type;      ///< Show, Accept, Close, Timeout
};

struct VisitContent {
  std::vector<PageContent> pages;
  std::vector<AttributeItem> attributes;  ///< sorted by t
  std::vector<Evaluation> evaluations;
  std::vector<ImpressionItem> impressions;
  std::string_view control_group = "NA";  ///< controlGroupType of the visit's campaigns
  int channel = -1;                       ///< marketing channel, -1 when not reported
  bool abandonment_goal = false;          ///< a ReduceAbandonment goal on the third page
};

/// Works out the visit's detail, drawing from `r`.
VisitContent plan_visit_content(const World& w, std::uint32_t visit, Rng& r);

/// Page URL and the `sections` of a page.
std::string page_url(const World& w, std::uint32_t visit, const PageContent& page);
std::vector<std::string_view> page_sections(const PageContent& page);

/// Writes the `engagementAttributes` array items of the visit.
void write_attributes(AvroJson& j, const World& w, std::uint32_t visit, const VisitContent& c);

/// A campaign, its engagement and goal records (shared by eligibility and impressions).
void write_campaign(AvroJson& j, std::uint8_t campaign);
void write_campaign_engagement(AvroJson& j, std::uint8_t campaign);  ///< a bare Engagement
/// The members of an Engagement record (the caller opens and closes it).
void write_engagement_fields(AvroJson& j, std::uint8_t campaign);
void write_goal(AvroJson& j, std::uint8_t campaign);

}  // namespace leda::gen
