// Engagement attributes of web sessions (spec §4): the `data` union of each item.
#include "load/avro_reader.hpp"
#include "load/body_readers.hpp"

namespace leda::load {
namespace {

template <class T>
std::uint32_t push(std::vector<T>& v, const T& value) {
  v.push_back(value);
  return static_cast<std::uint32_t>(v.size() - 1);
}

void read_date(ParseState& s, std::string_view what, Date& d) {
  read_record(s, what, [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("year", d.year = read_int(s, key));
      LEDA_FIELD("month", d.month = read_int(s, key));
      LEDA_FIELD("day", d.day = read_int(s, key));
      default:
        unknown_field(s, key);
    }
  });
}

// A product, or a product container `{quantity, product}` (both accepted everywhere, Q18).
void read_product(ParseState& s, std::string_view what, Product& p) {
  read_record(s, what, [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("quantity", p.quantity = read_int(s, key));
      LEDA_FIELD("product", read_product(s, key, p));
      LEDA_FIELD("name", p.name = read_str(s, key));
      LEDA_FIELD("category", p.category = read_str(s, key));
      LEDA_FIELD("sku", p.sku = read_str(s, key));
      LEDA_FIELD("price", p.price = read_double(s, key));
      default:
        unknown_field(s, key);
    }
  });
}

Range read_products(ParseState& s, std::string_view what) {
  model::Fragment& f = s.frag;
  Range r{static_cast<std::uint32_t>(f.products.size()), 0};
  read_array(s, what, [&] {
    Product p;
    read_product(s, "products item", p);
    f.products.push_back(p);
  });
  r.count = static_cast<std::uint32_t>(f.products.size()) - r.first;
  return r;
}

// Cart fields, shared by CartStatus and Purchase.cart.
bool read_cart_member(ParseState& s, std::string_view key, Purchase& p) {
  switch (key_hash(key)) {
    case key_hash("total"):
      if (key != "total") return false;
      p.cart_total = read_double(s, key);
      return true;
    case key_hash("numItems"):
      if (key != "numItems") return false;
      p.cart_num_items = read_int(s, key);
      return true;
    case key_hash("products"):
      if (key != "products") return false;
      p.products = read_products(s, key);
      return true;
    default:
      return false;
  }
}

std::uint32_t read_customer_info(ParseState& s) {
  CustomerInfo c;
  read_record(s, "CustomerInfo", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("isAuthenticated", c.is_authenticated = read_bool(s, key));
      LEDA_FIELD("authenticatedConversationId", c.authenticated_conversation_id = read_str(s, key));
      LEDA_FIELD("customerStatus", c.customer_status = read_str(s, key));
      LEDA_FIELD("customerType", c.customer_type = read_str(s, key));
      LEDA_FIELD("balance", c.balance = read_double(s, key));
      LEDA_FIELD("customerId", c.customer_id = read_str(s, key));
      LEDA_FIELD("socialId", c.social_id = read_str(s, key));
      LEDA_FIELD("imei", c.imei = read_str(s, key));
      LEDA_FIELD("userName", c.user_name = read_str(s, key));
      LEDA_FIELD("companySize", c.company_size = read_int(s, key));
      LEDA_FIELD("accountName", c.account_name = read_str(s, key));
      LEDA_FIELD("role", c.role = read_str(s, key));
      LEDA_FIELD("storeZipCode", c.store_zip_code = read_str(s, key));
      LEDA_FIELD("storeNumber", c.store_number = read_str(s, key));
      LEDA_FIELD("lastPaymentDate", read_date(s, key, c.last_payment_date));
      LEDA_FIELD("registrationDate", read_date(s, key, c.registration_date));
      default:
        unknown_field(s, key);
    }
  });
  return push(s.frag.customer_infos, c);
}

void read_customer_age(ParseState& s, std::string_view what, PersonalInfo& p) {
  read_record(s, what, [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("customerAgeInYears", p.age_in_years = read_int(s, key));
      LEDA_FIELD("customerYearOfBirth", p.year_of_birth = read_int(s, key));
      LEDA_FIELD("customerMonthOfBirth", p.month_of_birth = read_int(s, key));
      LEDA_FIELD2("customerDateOfBirth", "CustomerDateOfBirth", p.day_of_birth = read_int(s, key));
      default:
        unknown_field(s, key);
    }
  });
}

void read_contact(ParseState& s) {
  Contact c;
  read_record(s, "contacts item", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("email", c.email = read_str(s, key));
      LEDA_FIELD("phone", c.phone = read_str(s, key));
      default:
        unknown_field(s, key);
    }
  });
  s.frag.contacts.push_back(c);
}

std::uint32_t read_personal_info(ParseState& s) {
  model::Fragment& f = s.frag;
  PersonalInfo p;
  read_record(s, "PersonalInfo", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("isAuthenticated", p.is_authenticated = read_bool(s, key));
      LEDA_FIELD("authenticatedConversationId", p.authenticated_conversation_id = read_str(s, key));
      LEDA_FIELD("name", p.name = read_str(s, key));
      LEDA_FIELD("surname", p.surname = read_str(s, key));
      LEDA_FIELD("gender", p.gender = read_str(s, key));
      LEDA_FIELD("company", p.company = read_str(s, key));
      LEDA_FIELD("customerAge", read_customer_age(s, key, p));
      LEDA_FIELD("contacts", p.contacts = read_list(s, key, f.contacts, [&] { read_contact(s); }));
      default:
        unknown_field(s, key);
    }
  });
  return push(f.personal_infos, p);
}

std::uint32_t read_purchase(ParseState& s, bool is_cart) {
  Purchase p;
  read_record(s, is_cart ? "CartStatus" : "Purchase", [&](std::string_view key) {
    if (is_cart) {
      if (!read_cart_member(s, key, p)) unknown_field(s, key);
      return;
    }
    switch (key_hash(key)) {
      LEDA_FIELD("total", p.total = read_double(s, key));
      LEDA_FIELD("orderId", p.order_id = read_str(s, key));
      LEDA_FIELD("cart", read_record(s, key, [&](std::string_view key) {
                   if (!read_cart_member(s, key, p)) unknown_field(s, key);
                 }));
      default:
        unknown_field(s, key);
    }
  });
  return push(s.frag.purchases, p);
}

std::uint32_t read_viewed_product(ParseState& s) {
  ViewedProduct v;
  read_record(s, "ViewedProduct", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("products", v.products = read_products(s, key));
      default:
        unknown_field(s, key);
    }
  });
  return push(s.frag.viewed_products, v);
}

std::uint32_t read_lead(ParseState& s) {
  Lead l;
  read_record(s, "Lead", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("topic", l.topic = read_str(s, key));
      LEDA_FIELD("leadId", l.lead_id = read_str(s, key));
      LEDA_FIELD("value", l.value = read_double(s, key));
      default:
        unknown_field(s, key);
    }
  });
  return push(s.frag.leads, l);
}

std::uint32_t read_service_activity(ParseState& s) {
  ServiceActivity a;
  read_record(s, "ServiceActivity", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("topic", a.topic = read_str(s, key));
      LEDA_FIELD("status", a.status = read_int(s, key));
      LEDA_FIELD("category", a.category = read_str(s, key));
      LEDA_FIELD("serviceId", a.service_id = read_str(s, key));
      default:
        unknown_field(s, key);
    }
  });
  return push(s.frag.service_activities, a);
}

std::uint32_t read_visitor_error(ParseState& s) {
  VisitorError e;
  read_record(s, "VisitorError", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("contextId", e.context_id = read_str(s, key));
      LEDA_FIELD("message", e.message = read_str(s, key));
      LEDA_FIELD("code", e.code = read_str(s, key));  // string or long branch (Q19)
      LEDA_FIELD("level", e.level = read_long(s, key));
      LEDA_FIELD("resolved", e.resolved = read_bool(s, key));
      default:
        unknown_field(s, key);
    }
  });
  return push(s.frag.visitor_errors, e);
}

std::uint32_t read_marketing_info(ParseState& s) {
  MarketingCampaignInfo m;
  read_record(s, "MarketingCampaignInfo", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD2("originatingChannel", "OriginatingChannel",
                  m.originating_channel = read_int(s, key));
      LEDA_FIELD("affiliate", m.affiliate = read_str(s, key));
      LEDA_FIELD("campaignId", m.campaign_id = read_str(s, key));
      default:
        unknown_field(s, key);
    }
  });
  return push(s.frag.marketing_infos, m);
}

// Reads the attribute record of union branch `branch` into `a`.
void read_attribute_data(ParseState& s, std::string_view branch, EngagementAttribute& a) {
  a.type_name = s.intern(branch);
  const std::string_view name =
      branch.substr(0, 26) == "com.liveperson.dataaccess." ? branch.substr(26) : "";
  if (name == "CustomerInfo") {
    a.kind = AttributeKind::kCustomerInfo;
    a.index = read_customer_info(s);
  } else if (name == "PersonalInfo") {
    a.kind = AttributeKind::kPersonalInfo;
    a.index = read_personal_info(s);
  } else if (name == "Purchase") {
    a.kind = AttributeKind::kPurchase;
    a.index = read_purchase(s, false);
  } else if (name == "CartStatus") {
    a.kind = AttributeKind::kCartStatus;
    a.index = read_purchase(s, true);
  } else if (name == "ViewedProduct") {
    a.kind = AttributeKind::kViewedProduct;
    a.index = read_viewed_product(s);
  } else if (name == "Lead") {
    a.kind = AttributeKind::kLead;
    a.index = read_lead(s);
  } else if (name == "ServiceActivity") {
    a.kind = AttributeKind::kServiceActivity;
    a.index = read_service_activity(s);
  } else if (name == "VisitorError") {
    a.kind = AttributeKind::kVisitorError;
    a.index = read_visitor_error(s);
  } else if (name == "MarketingCampaignInfo") {
    a.kind = AttributeKind::kMarketingCampaignInfo;
    a.index = read_marketing_info(s);
  } else {
    ++s.unknown_branches;
    s.cur.skip_value();
  }
}

}  // namespace

void read_attribute(ParseState& s) {
  EngagementAttribute a;
  read_record(s, "engagementAttributes item", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("timestamp", a.timestamp = read_time(s, key));
      LEDA_FIELD("data", read_union(s, key, [&](std::string_view branch) {
                   read_attribute_data(s, branch, a);
                 }));
      default:
        unknown_field(s, key);
    }
  });
  s.frag.attributes.push_back(a);
}

}  // namespace leda::load
