// Engagement attributes (SDEs) of a visit and the campaign records of eligibility and
// impressions. Nested records whose names the spec does not publish (cart, product, date, age)
// use names in the same namespace; readers key on the union wrapper, not on the name.
#include <fmt/format.h>

#include "gen/catalog.hpp"
#include "gen/records.hpp"
#include "gen/visit_content.hpp"

namespace leda::gen {
namespace {

using Kind = AttributeItem::Kind;

void product_container(AvroJson& j, std::uint8_t p, int quantity) {
  const ProductInfo& info = products()[p];
  j.begin_object();
  j.key("quantity").int_value(quantity);
  j.key("product").begin_named("Product");
  j.key("name").string_value(info.name);
  j.key("category").string_value(info.category);
  j.key("sku").string_value(info.sku);
  j.key("price").money_value(info.price_cents);
  j.end_named();
  j.end_object();
}

// total, numItems, products: the fields of CartStatus and of a purchase's cart.
void cart_fields(AvroJson& j, const OrderPlan& o) {
  int items = 0;
  for (int i = 0; i < o.items; ++i)
    items += o.quantity[i];
  j.key("total").money_value(o.cart_cents);
  j.key("numItems").int_value(items);
  j.key("products").begin_union_array();
  for (int i = 0; i < o.items; ++i)
    product_container(j, o.product[i], o.quantity[i]);
  j.end_union_array();
}

void cart_fields(AvroJson& j, const AttributeItem& a) {
  std::int64_t total = 0;
  for (int i = 0; i < a.variant; ++i)
    total += products()[a.products[i]].price_cents;
  j.key("total").money_value(total);
  j.key("numItems").int_value(a.variant);
  j.key("products").begin_union_array();
  for (int i = 0; i < a.variant; ++i)
    product_container(j, a.products[i], 1);
  j.end_union_array();
}

void purchase(AvroJson& j, const World& w, const AttributeItem& a, const VisitPlan& v) {
  const OrderPlan& o = w.orders[a.arg];
  const bool resent = a.variant == 1;
  j.key("total");
  if (resent)
    j.money_value(v.resend_total_cents);
  else if (o.total_kind == OrderPlan::Total::kMissing)
    j.null();
  else
    j.money_value(o.total_kind == OrderPlan::Total::kZero ? 0 : o.total_cents);
  const std::string id = order_id(w, a.arg);
  j.key("orderId").string_value(resent && v.resend_padded_id ? " " + id + " " : id);
  j.key("cart").begin_named("Cart");
  cart_fields(j, o);
  j.end_named();
}

void ymd(AvroJson& j, int year, int month, int day) {
  j.begin_named("YMDDate");
  j.key("year").int_value(year);
  j.key("month").int_value(month);
  j.key("day").int_value(day);
  j.end_named();
}

void customer_info(AvroJson& j, const World& w, const AttributeItem& a) {
  Rng r = Rng::stream(w.options.seed, Stream::kCustomers, (1ull << 40) | a.arg);
  static constexpr const char* kPadded[] = {"{}", " {} ", "{}\t"};
  j.key("customerStatus");
  if (r.chance(0.7))
    j.string_value("active");
  else
    j.null();
  j.key("customerType");
  if (r.chance(0.05))
    j.string_value("vip");
  else
    j.null();
  j.key("balance");
  if (r.chance(0.1))
    j.money_value(r.between(-5000, 50000));
  else
    j.null();
  j.key("customerId")
      .string_value(fmt::format(fmt::runtime(kPadded[a.variant % 3]), customer_id(a.arg)));
  for (const char* field : {"socialId", "imei", "userName", "companySize", "accountName", "role",
                            "storeZipCode", "storeNumber", "lastPaymentDate"})
    j.key(field).null();
  j.key("registrationDate");
  if (r.chance(0.3))
    ymd(j, static_cast<int>(r.between(2015, 2025)), static_cast<int>(r.between(1, 12)),
        static_cast<int>(r.between(1, 28)));
  else
    j.null();
}

void personal_info(AvroJson& j, const World& w, const AttributeItem& a) {
  Rng r = Rng::stream(w.options.seed, Stream::kCustomers, (2ull << 40) | a.arg);
  const auto first = r.pick(visitor_first_names());
  const auto last = r.pick(visitor_last_names());
  j.key("name").string_value(first);
  j.key("surname").string_value(last);
  j.key("gender").null();
  j.key("company").null();
  j.key("customerAge").null();
  j.key("contacts").begin_union_array();
  j.begin_object();
  j.key("email").string_value(fmt::format("{}.{}{}@mail.example.org", first, last, a.arg % 97));
  j.key("phone");
  if (r.chance(0.5))
    j.string_value(fmt::format("+1-555-01{:02d}", a.arg % 100));
  else
    j.null();
  j.end_object();
  j.end_union_array();
}

void marketing(AvroJson& j, std::uint32_t visit, const AttributeItem& a) {
  static constexpr const char* kCampaignIds[] = {nullptr, "SEM-BLINDS-26", "SOC-AUTUMN",
                                                 "EM-NEWSLETTER-44", nullptr};
  j.key("OriginatingChannel").int_value(a.arg);
  j.key("affiliate");
  if (a.arg == 4)
    j.string_value(affiliates()[visit % affiliates().size()]);
  else
    j.null();
  j.key("campaignId");
  if (kCampaignIds[a.arg % 5])
    j.string_value(kCampaignIds[a.arg % 5]);
  else
    j.null();
}

}  // namespace

void write_attributes(AvroJson& j, const World& w, std::uint32_t visit, const VisitContent& c) {
  const VisitPlan& v = w.visits[visit];
  for (const AttributeItem& a : c.attributes) {
    j.begin_object();
    j.key("timestamp").long_value(a.t);
    j.key("data");
    switch (a.kind) {
      case Kind::kCustomerInfo:
        j.begin_named("CustomerInfo");
        customer_info(j, w, a);
        break;
      case Kind::kPersonalInfo:
        j.begin_named("PersonalInfo");
        personal_info(j, w, a);
        break;
      case Kind::kViewedProduct:
        j.begin_named("ViewedProduct");
        j.key("products").begin_union_array();
        product_container(j, static_cast<std::uint8_t>(a.arg), 1);
        j.end_union_array();
        break;
      case Kind::kCartStatus:
        j.begin_named("CartStatus");
        if (a.arg == kNone)
          cart_fields(j, a);
        else
          cart_fields(j, w.orders[a.arg]);
        break;
      case Kind::kPurchase:
        j.begin_named("Purchase");
        purchase(j, w, a, v);
        break;
      case Kind::kMarketing:
        j.begin_named("MarketingCampaignInfo");
        marketing(j, visit, a);
        break;
      case Kind::kLead:
        j.begin_named("Lead");
        j.key("topic").string_value("Made-to-measure quote");
        j.key("leadId").string_value(fmt::format("L-{}", 500000 + visit));
        j.key("value").money_value(15000 + 2500 * (visit % 8));
        break;
      case Kind::kServiceActivity:
        j.begin_named("ServiceActivity");
        j.key("topic").string_value("Return request");
        j.key("status").int_value(visit % 3 == 0 ? 0 : 1);
        j.key("category").string_value("Returns");
        j.key("serviceId").string_value(fmt::format("RMA-{}", 700000 + visit));
        break;
      case Kind::kVisitorError:
        j.begin_named("VisitorError");
        j.key("contextId").string_value("checkout-payment");
        j.key("message").string_value("Your card was declined");
        j.key("code").long_value(100004);
        j.key("level").long_value(2);
        j.key("resolved").bool_value(visit % 2 == 0);
        break;
    }
    j.end_named();
    j.end_object();
  }
}

void write_campaign(AvroJson& j, std::uint8_t index) {
  const CampaignInfo& c = campaigns()[index];
  j.begin_named("Campaign");
  j.key("id").long_value(c.id);
  j.key("visitorProfiles").begin_union_array();
  j.begin_object();
  j.key("id").long_value(c.visitor_profile_id);
  j.key("revision").long_value(c.profile_revision);
  j.end_object();
  j.end_union_array();
  j.end_named();
}

void write_engagement_fields(AvroJson& j, std::uint8_t index) {
  const CampaignInfo& c = campaigns()[index];
  j.key("channel").string_value(c.channel);
  j.key("type").string_value(c.engagement_type);
  j.key("visitorBehaviors").begin_union_array();
  j.begin_object();
  j.key("id").long_value(c.behavior_id);
  j.key("revision").long_value(c.behavior_revision);
  j.end_object();
  j.end_union_array();
  j.key("skillId").int_value(c.skill >= 0 ? skills()[c.skill].id : -1);
  j.key("skillName");
  if (c.skill >= 0)
    j.string_value(skills()[c.skill].name);
  else
    j.null();
  j.key("surveySkills").null();
  j.key("isOffsiteEngagement").bool_value(false);
  j.key("availabilityPolicy");
  if (c.availability_policy.empty())
    j.null();
  else
    j.string_value(c.availability_policy);
  j.key("interactionType").int_value(c.interaction_type);
  j.key("renderingType").null();
}

void write_campaign_engagement(AvroJson& j, std::uint8_t index) {
  j.begin_object();
  write_engagement_fields(j, index);
  j.end_object();
}

void write_goal(AvroJson& j, std::uint8_t index) {
  const CampaignInfo& c = campaigns()[index];
  j.begin_named("Goal");
  j.key("id").long_value(c.goal_id);
  j.key("type").int_value(c.goal_type);
  j.key("indicatorType").int_value(c.goal_indicator_type);
  j.end_named();
}

}  // namespace leda::gen
