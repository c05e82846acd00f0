#include "gen/visit_content.hpp"

#include <algorithm>

#include "gen/catalog.hpp"
#include "gen/records.hpp"

namespace leda::gen {
namespace {

using Kind = AttributeItem::Kind;

constexpr int kEntryWeight[] = {40, 25, 25, 10};  // home, category, product, search
constexpr PageKind kEntry[] = {PageKind::kHome, PageKind::kCategory, PageKind::kProduct,
                               PageKind::kSearch};
constexpr int kNextWeight[] = {5, 25, 40, 8, 10, 12};  // + help, cart
constexpr PageKind kNext[] = {PageKind::kHome,   PageKind::kCategory, PageKind::kProduct,
                              PageKind::kSearch, PageKind::kHelp,     PageKind::kCart};
constexpr int kChannelWeight[] = {30, 30, 15, 15, 10};  // direct, search, social, email, referral

void plan_pages(const World& w, const VisitPlan& v, VisitContent& c, Rng& r) {
  const std::size_t n = v.pages.count;
  const OrderPlan* order = v.order == kNone ? nullptr : &w.orders[v.order];
  c.pages.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    PageContent& p = c.pages[i];
    p.kind = i == 0 ? kEntry[r.weighted(kEntryWeight)] : kNext[r.weighted(kNextWeight)];
    if (p.kind == PageKind::kProduct && order)
      p.item = order->product[r.below(order->items)];
    else if (p.kind == PageKind::kProduct || p.kind == PageKind::kCategory)
      p.item = static_cast<std::uint8_t>(r.below(products().size()));
    else if (p.kind == PageKind::kSearch)
      p.item = static_cast<std::uint8_t>(r.below(search_terms().size()));
    else if (p.kind == PageKind::kHelp)
      p.item = static_cast<std::uint8_t>(r.below(help_topics().size()));
  }
  if (order) {  // the checkout funnel ends the visit
    c.pages[n - 3].kind = PageKind::kCart;
    c.pages[n - 2].kind = PageKind::kCheckout;
    c.pages[n - 1].kind = PageKind::kConfirmation;
  }
}

void add(VisitContent& c, TimeMs t, Kind kind, std::uint32_t arg = 0, std::uint8_t variant = 0) {
  AttributeItem a;
  a.t = t;
  a.kind = kind;
  a.arg = arg;
  a.variant = variant;
  c.attributes.push_back(a);
}

void plan_attributes(const World& w, const VisitPlan& v, VisitContent& c, Rng& r) {
  const auto times = w.pages_of(v);
  const std::size_t n = times.size();
  const OrderPlan* order = v.order == kNone ? nullptr : &w.orders[v.order];
  if (r.chance(0.45)) {
    c.channel = static_cast<int>(r.weighted(kChannelWeight));
    add(c, times[0] + 50, Kind::kMarketing, static_cast<std::uint32_t>(c.channel));
  }
  const std::uint32_t customer = w.visitors[v.visitor].customer;
  if (customer != kNone && r.chance(order ? 0.97 : 0.8)) {
    const std::uint8_t variant = r.chance(0.05) ? static_cast<std::uint8_t>(r.between(1, 2)) : 0;
    TimeMs at;
    if (order && r.chance(0.05)) {
      at = order->time + 300;  // reported only after the purchase
    } else if (order && n == 3) {
      at = times[1] + 300;  // logs in at checkout
    } else {
      const std::size_t page = r.below(std::max<std::size_t>(1, n - (order ? 3 : 0)));
      c.pages[page].kind = PageKind::kLogin;
      at = times[page] + 600;
    }
    add(c, at, Kind::kCustomerInfo, customer, variant);
    if (r.chance(0.3)) add(c, at + 5, Kind::kPersonalInfo, customer);
    if (r.chance(0.2) && at < times[n - 1])
      add(c, times[n - 1] + 200, Kind::kCustomerInfo, customer, variant);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const PageContent& p = c.pages[i];
    if (p.kind == PageKind::kProduct && r.chance(0.7))
      add(c, times[i] + 150, Kind::kViewedProduct, p.item);
    if (p.kind == PageKind::kCart) {
      if (order && i == n - 3) {
        add(c, times[i] + 200, Kind::kCartStatus, v.order);
      } else {
        AttributeItem a;
        a.t = times[i] + 200;
        a.kind = Kind::kCartStatus;
        a.arg = kNone;
        a.variant = static_cast<std::uint8_t>(r.between(1, 2));
        for (auto& p2 : a.products)
          p2 = static_cast<std::uint8_t>(r.below(products().size()));
        if (a.variant == 2 && a.products[1] == a.products[0]) a.variant = 1;
        c.attributes.push_back(a);
      }
    }
  }
  if (order) add(c, order->time, Kind::kPurchase, v.order);
  if (v.resend != kNone) add(c, times[r.below(n)] + 700, Kind::kPurchase, v.resend, 1);
  if (r.chance(0.01)) add(c, times[r.below(n)] + 900, Kind::kLead);
  if (r.chance(0.01)) add(c, times[r.below(n)] + 950, Kind::kServiceActivity);
  if (r.chance(0.005)) add(c, times[r.below(n)] + 990, Kind::kVisitorError);
  std::stable_sort(c.attributes.begin(), c.attributes.end(),
                   [](const AttributeItem& a, const AttributeItem& b) { return a.t < b.t; });
}

void plan_campaigns(const World& w, const VisitPlan& v, VisitContent& c, Rng& r) {
  const auto times = w.pages_of(v);
  const int skill = v.chat != kNone ? w.chats[v.chat].skill : static_cast<int>(r.below(4));
  const double control = r.unit();
  c.control_group = control < 0.9 ? "NA" : control < 0.97 ? "TEST" : "CONTROL";
  auto evaluation = [&](TimeMs t) {
    Evaluation e{t, {static_cast<std::uint8_t>(skill)}};
    if (r.chance(0.3)) e.campaigns.push_back(static_cast<std::uint8_t>((skill + 1) % 4));
    if (r.chance(0.6)) e.campaigns.push_back(static_cast<std::uint8_t>(4 + r.below(2)));
    c.evaluations.push_back(std::move(e));
  };
  evaluation(times[0] + 40);
  if (v.chat != kNone && v.chat_page > 0) evaluation(times[v.chat_page] + 40);
  if (times.size() > 2 && r.chance(0.2)) evaluation(times[1 + r.below(times.size() - 1)] + 40);

  std::uint8_t instance = 0;
  for (std::uint8_t campaign : c.evaluations.front().campaigns) {
    const bool chat_campaign = campaign < 4;
    const bool accepted = v.chat != kNone && campaign == skill;
    if (!accepted && !r.chance(chat_campaign ? 0.7 : 0.8)) continue;
    ++instance;
    c.impressions.push_back({campaign, instance, "Show"});
    if (accepted)
      c.impressions.push_back({campaign, instance, "Accept"});
    else if (r.chance(0.3))
      c.impressions.push_back({campaign, instance, "Close"});
    else if (r.chance(0.1))
      c.impressions.push_back({campaign, instance, "Timeout"});
  }
  c.abandonment_goal = times.size() >= 3 && r.chance(0.3);
}

}  // namespace

VisitContent plan_visit_content(const World& w, std::uint32_t visit, Rng& r) {
  const VisitPlan& v = w.visits[visit];
  VisitContent c;
  plan_pages(w, v, c, r);
  plan_attributes(w, v, c, r);
  plan_campaigns(w, v, c, r);
  return c;
}

std::string page_url(const World& w, std::uint32_t visit, const PageContent& page) {
  std::string url(site_url());
  const ProductInfo& product = products()[page.item % products().size()];
  switch (page.kind) {
    case PageKind::kHome:
      url += "/";
      break;
    case PageKind::kCategory:
      url += "/c/";
      url += category_slug(product.category);
      break;
    case PageKind::kProduct:
      url += "/p/";
      url += product.sku;
      break;
    case PageKind::kSearch:
      url += "/search?q=";
      url += search_terms()[page.item % search_terms().size()];
      break;
    case PageKind::kHelp:
      url += "/help/";
      url += help_topics()[page.item % help_topics().size()];
      break;
    case PageKind::kCart:
      url += "/cart";
      break;
    case PageKind::kCheckout:
      url += "/checkout";
      break;
    case PageKind::kConfirmation:
      url += "/checkout/confirmation?order=";
      url += order_id(w, w.visits[visit].order);
      break;
    case PageKind::kLogin:
      url += "/account/login";
      break;
  }
  return url;
}

std::vector<std::string_view> page_sections(const PageContent& page) {
  const ProductInfo& product = products()[page.item % products().size()];
  switch (page.kind) {
    case PageKind::kHome:
      return {"home"};
    case PageKind::kCategory:
    case PageKind::kProduct:
      return {"products", category_slug(product.category)};
    case PageKind::kSearch:
      return {"search"};
    case PageKind::kHelp:
      return {"help"};
    case PageKind::kCart:
      return {"cart"};
    case PageKind::kCheckout:
    case PageKind::kConfirmation:
      return {"checkout"};
    case PageKind::kLogin:
      return {};
  }
  return {};
}

}  // namespace leda::gen
