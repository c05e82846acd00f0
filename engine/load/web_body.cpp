// Web-session bodies (spec §3.2): each body variant becomes one model::VisitPiece.
#include "load/avro_reader.hpp"
#include "load/body_readers.hpp"

namespace leda::load {
namespace {

constexpr std::string_view kWebPrefix = "com.liveperson.dataaccess.WebSession";

// The Need bit of a body variant's content.
std::uint32_t need_of(model::WebBody body) {
  switch (body) {
    case model::WebBody::kEngagementAttributes:
      return kNeedAttributes;
    case model::WebBody::kNavigation:
      return kNeedNavigation;
    case model::WebBody::kGoals:
      return kNeedGoals;
    case model::WebBody::kEligibility:
      return kNeedEligibility;
    case model::WebBody::kImpressions:
      return kNeedImpressions;
    case model::WebBody::kGeo:
    case model::WebBody::kSessionInfo:
      return kNeedVisitInfo;
  }
  return 0;
}

// The size of the fragment vector that holds a variant's children.
std::size_t children_size(const model::Fragment& f, model::WebBody body) {
  switch (body) {
    case model::WebBody::kEngagementAttributes:
      return f.attributes.size();
    case model::WebBody::kNavigation:
      return f.page_views.size();
    case model::WebBody::kGoals:
      return f.goals.size();
    case model::WebBody::kEligibility:
      return f.eligibility.size();
    case model::WebBody::kImpressions:
      return f.impressions.size();
    case model::WebBody::kGeo:
    case model::WebBody::kSessionInfo:
      return f.visit_infos.size();
  }
  return 0;
}

// The member that holds a variant's item array, and its item reader.
bool is_items_member(model::WebBody body, std::string_view key) {
  switch (body) {
    case model::WebBody::kEngagementAttributes:
      return key == "engagementAttributes";
    case model::WebBody::kNavigation:
      return key == "navigationData";
    case model::WebBody::kGoals:
      return key == "achievedGoals";
    case model::WebBody::kEligibility:
      return key == "eligibilityData";
    case model::WebBody::kImpressions:
      return key == "impressions";
    default:
      return false;
  }
}

void read_item(ParseState& s, model::WebBody body) {
  switch (body) {
    case model::WebBody::kEngagementAttributes:
      read_attribute(s);
      break;
    case model::WebBody::kNavigation:
      read_page(s);
      break;
    case model::WebBody::kGoals:
      read_goal(s);
      break;
    case model::WebBody::kEligibility:
      read_eligibility(s);
      break;
    case model::WebBody::kImpressions:
      read_impression(s);
      break;
    default:
      break;
  }
}

}  // namespace

bool web_body_of(std::string_view branch, model::WebBody& body) {
  if (branch.substr(0, kWebPrefix.size()) != kWebPrefix) return false;
  const std::string_view name = branch.substr(kWebPrefix.size());
  if (name == "EngAttrsData")
    body = model::WebBody::kEngagementAttributes;
  else if (name == "NavigationData")
    body = model::WebBody::kNavigation;
  else if (name == "GoalAchievedData")
    body = model::WebBody::kGoals;
  else if (name == "EligibilityData")
    body = model::WebBody::kEligibility;
  else if (name == "ImpressionData")
    body = model::WebBody::kImpressions;
  else if (name.find("Geo") != std::string_view::npos)
    body = model::WebBody::kGeo;
  else if (name.find("Info") != std::string_view::npos)
    body = model::WebBody::kSessionInfo;
  else
    return false;
  return true;
}

void read_visitor_header(ParseState& s, std::string_view what, Str& visit_id, Str& visitor_id,
                         Str& context_id) {
  // The bodies of a record repeat one header: the last values are reused without a lookup.
  auto recent = [&](ParseState::Recent& r, std::string_view key) {
    std::string_view text;
    return read_str_view(s, key, text) ? s.intern_recent(r, text) : Str{};
  };
  read_record(s, what, [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("visitId", visit_id = recent(s.recent_visit, key));
      LEDA_FIELD("visitorId", visitor_id = recent(s.recent_visitor, key));
      LEDA_FIELD("contextId", context_id = recent(s.recent_context, key));
      default:
        unknown_field(s, key);
    }
  });
}

void read_web_body(ParseState& s, model::WebBody body) {
  model::Fragment& f = s.frag;
  model::VisitPiece piece;
  piece.record = s.record;
  piece.body = body;
  piece.record_start = s.record_start;
  const bool load = s.need(need_of(body));
  const std::size_t first = children_size(f, body);
  VisitInfo info;
  s.start_span();
  read_record(s, "web-session body", [&](std::string_view key) {
    if (key == "header") {
      read_visitor_header(s, key, piece.visit_id, piece.visitor_id, piece.context_id);
    } else if (is_items_member(body, key)) {
      if (load)
        read_array(s, key, [&] { read_item(s, body); });
      else
        s.cur.skip_value();
    } else if (body == model::WebBody::kGeo) {
      load ? read_geo_member(s, key, info) : s.cur.skip_value();
    } else if (body == model::WebBody::kSessionInfo) {
      load ? read_session_info_member(s, key, info) : s.cur.skip_value();
    } else {
      unknown_field(s, key);
    }
  });
  if (load && (body == model::WebBody::kGeo || body == model::WebBody::kSessionInfo))
    f.visit_infos.push_back(info);
  piece.children = {static_cast<std::uint32_t>(first),
                    static_cast<std::uint32_t>(children_size(f, body) - first)};
  if (!piece.visit_id.present() || f.strings.view(piece.visit_id).empty()) {
    s.reject("web-session body without a visitId");
    return;
  }
  s.see_time(s.record_start);
  piece.first_time = s.span_min;
  piece.last_time = s.span_max;
  f.visit_pieces.push_back(piece);
}

void read_page(ParseState& s) {
  model::Fragment& f = s.frag;
  PageView page;
  read_record(s, "navigationData item", [&](std::string_view key) {
    switch (key_hash(key)) {
      LEDA_FIELD("timestamp", page.timestamp = read_time(s, key));
      LEDA_FIELD("url", page.url = read_str(s, key));
      LEDA_FIELD("referrerUrl", page.referrer = read_str(s, key));
      LEDA_FIELD("sections", page.sections = read_list(s, key, f.strs, [&] {
                               f.strs.push_back(read_str(s, "sections item"));
                             }));
      default:
        unknown_field(s, key);
    }
  });
  f.page_views.push_back(page);
}

void read_geo_member(ParseState& s, std::string_view key, VisitInfo& info) {
  switch (key_hash(key)) {
    LEDA_FIELD("iPV4", info.ipv4 = read_str(s, key));
    LEDA_FIELD("iPV6", info.ipv6 = read_str(s, key));
    LEDA_FIELD("country", info.country = read_str(s, key));
    LEDA_FIELD("countryCode", info.country_code = read_str(s, key));
    LEDA_FIELD("city", info.city = read_str(s, key));
    LEDA_FIELD("state", info.state = read_str(s, key));
    LEDA_FIELD("org", info.org = read_str(s, key));
    LEDA_FIELD("isp", info.isp = read_str(s, key));
    default:
      unknown_field(s, key);
  }
}

void read_session_info_member(ParseState& s, std::string_view key, VisitInfo& info) {
  switch (key_hash(key)) {
    LEDA_FIELD("sessionStartTime", info.session_start = read_time(s, key));
    LEDA_FIELD("userAgent", info.user_agent = read_str(s, key));
    LEDA_FIELD("deviceOS", info.device_os = read_str(s, key));
    LEDA_FIELD("deviceFamily", info.device_family = read_str(s, key));
    LEDA_FIELD("siteControlGroup", info.site_control_group = read_str(s, key));
    LEDA_FIELD2("searchEngine", "search Engine", info.search_engine = read_str(s, key));
    LEDA_FIELD2("searchEngineKey", "search EngineKey", info.search_engine_key = read_str(s, key));
    default:
      unknown_field(s, key);
  }
}

}  // namespace leda::load
