#include "fetch/api_format.hpp"

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "store/layout.hpp"
#include "util/civil_time.hpp"

namespace leda::fetch {
namespace {

using rapidjson::Value;

const Value* member(const Value& obj, const char* name) {
  if (!obj.IsObject()) return nullptr;
  auto it = obj.FindMember(name);
  return it == obj.MemberEnd() ? nullptr : &it->value;
}

std::string string_member(const Value& obj, const char* name) {
  const Value* v = member(obj, name);
  return v && v->IsString() ? std::string(v->GetString(), v->GetStringLength()) : std::string();
}

// Calls `fn` for each element of an XML-to-JSON list: an array, a single object, or nothing.
template <class Fn>
void for_each_item(const Value* list, Fn&& fn) {
  if (!list) return;
  if (list->IsArray()) {
    std::size_t i = 0;
    for (const auto& item : list->GetArray())
      fn(item, i++);
  } else if (!list->IsNull()) {
    fn(*list, 0);
  }
}

void parse_json(rapidjson::Document& doc, std::string_view body, const char* what) {
  doc.Parse(body.data(), body.size());
  if (doc.HasParseError())
    throw ApiFormatError(fmt::format("{} is not valid JSON (byte {}: {})", what,
                                     doc.GetErrorOffset(),
                                     rapidjson::GetParseError_En(doc.GetParseError())));
}

std::string xml_unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    bool done = false;
    for (const auto& [entity, c] : kEntities) {
      if (s.substr(i, entity.size()) == entity) {
        out += c;
        i += entity.size() - 1;
        done = true;
        break;
      }
    }
    if (!done) out += '&';
  }
  return out;
}

std::string xml_element(std::string_view body, std::string_view tag) {
  const std::string open = "<" + std::string(tag) + ">", close = "</" + std::string(tag) + ">";
  auto start = body.find(open);
  if (start == std::string_view::npos) return "";
  start += open.size();
  auto end = body.find(close, start);
  if (end == std::string_view::npos) return "";
  return xml_unescape(body.substr(start, end - start));
}

std::string trim(std::string s) {
  const char* ws = " \t\r\n";
  s.erase(0, s.find_first_not_of(ws));
  s.erase(s.find_last_not_of(ws) + 1);
  return s;
}

// The start of `body` on one line, printable ASCII only.
std::string snippet(std::string_view body, std::size_t max = 160) {
  std::string out;
  bool space = false;
  for (char c : body) {
    if (out.size() >= max) {
      out += "...";
      break;
    }
    const auto u = static_cast<unsigned char>(c);
    if (u <= ' ' || u >= 0x7f) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

BaseResource parse_base_resource(std::string_view body) {
  rapidjson::Document doc;
  parse_json(doc, body, "the base resource");
  const Value* le = member(doc, "le");
  if (!le || !le->IsObject()) throw ApiFormatError("the base resource has no \"le\" object");
  BaseResource base;
  base.account_id = string_member(*le, "@accountId");
  for_each_item(member(*le, "link"), [&](const Value& link, std::size_t) {
    std::string rel = string_member(link, "@rel"), href = string_member(link, "@href");
    if (!rel.empty() && !href.empty()) base.links[rel] = href;
  });
  return base;
}

Listing parse_listing(std::string_view body) {
  rapidjson::Document doc;
  parse_json(doc, body, "the listing");
  const Value* files = member(doc, "dataAccessFiles");
  if (!files || !files->IsObject())
    throw ApiFormatError("the listing has no \"dataAccessFiles\" object");
  Listing listing;
  for_each_item(member(*files, "file"), [&](const Value& item, std::size_t i) {
    ListedFile f;
    f.name = string_member(item, "@name");
    f.href = string_member(item, "@href");
    if (f.name.empty() || f.href.empty()) {
      listing.problems.push_back(
          fmt::format("file[{}]: no {}", i, f.name.empty() ? "@name" : "@href"));
      return;
    }
    auto start = util::parse_iso8601(string_member(item, "@scopeStartDate"));
    auto end = util::parse_iso8601(string_member(item, "@scopeEndDate"));
    auto from_name = store::scope_from_name(f.name);
    f.scope_start_ms = start ? *start : from_name ? from_name->start_ms : 0;
    f.scope_end_ms = end ? *end : from_name ? from_name->end_ms : 0;
    listing.files.push_back(std::move(f));
  });
  return listing;
}

bool says_no_available_files(std::string_view body) {
  return body.find("No Available Files") != std::string_view::npos;
}

ServerError parse_error_body(std::string_view body) {
  ServerError e;
  std::string_view trimmed = body.substr(std::min(body.find_first_not_of(" \t\r\n"), body.size()));
  if (!trimmed.empty() && trimmed.front() == '<') {
    e.message = trim(xml_element(body, "message"));
    e.internal_code = trim(xml_element(body, "internalCode"));
    return e;
  }
  if (!trimmed.empty() && trimmed.front() == '{') {
    rapidjson::Document doc;
    doc.Parse(trimmed.data(), trimmed.size());
    if (doc.HasParseError() || !doc.IsObject()) return e;
    const Value* obj = &doc;
    if (const Value* inner = member(doc, "error"); inner && inner->IsObject()) obj = inner;
    e.message = string_member(*obj, "message");
    if (e.message.empty()) e.message = string_member(*obj, "error");
    for (const char* key : {"internalCode", "code"}) {
      const Value* code = member(*obj, key);
      if (!code) continue;
      if (code->IsString()) e.internal_code = code->GetString();
      if (code->IsInt64()) e.internal_code = std::to_string(code->GetInt64());
      if (!e.internal_code.empty()) break;
    }
  }
  return e;
}

std::string describe_http_error(long status, std::string_view body) {
  ServerError e = parse_error_body(body);
  std::string out = std::to_string(status);
  if (!e.message.empty()) {
    out += " " + e.message;
    if (!e.internal_code.empty()) out += " (internalCode " + e.internal_code + ")";
    return out;
  }
  std::string_view phrase = reason_phrase(status);
  if (!phrase.empty()) out += " " + std::string(phrase);
  std::string start = snippet(body);
  if (!start.empty()) out += ": " + start;
  return out;
}

std::string_view reason_phrase(long status) {
  switch (status) {
    case 200:
      return "OK";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 408:
      return "Request Timeout";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "";
  }
}

}  // namespace leda::fetch
