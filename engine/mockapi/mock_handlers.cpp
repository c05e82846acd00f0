// The request handlers of MockApi: signature check, base resource, listings, downloads.
#include <httplib.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <cstdio>
#include <map>

#include <fmt/format.h>

#include "fetch/oauth.hpp"
#include "fetch/url.hpp"
#include "mockapi/mock_api.hpp"
#include "mockapi/source_files.hpp"
#include "store/layout.hpp"
#include "util/civil_time.hpp"
#include "util/gzip.hpp"

namespace leda::mockapi {
namespace {

constexpr const char* kXml = "application/xml";
constexpr const char* kJson = "application/json";

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void put(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void link(Writer& w, const std::string& href, const std::string& rel) {
  w.StartObject();
  put(w, "@href", href);
  put(w, "@rel", rel);
  w.EndObject();
}

std::string eastern(std::int64_t ms) {
  return util::format_iso8601(ms, us_eastern_offset_minutes(ms));
}

std::optional<std::int64_t> int_param(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return std::nullopt;
  const std::string v = req.get_param_value(name);
  std::int64_t out = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return out;
}

}  // namespace

bool MockApi::authorized(const httplib::Request& req, httplib::Response& res) {
  auto deny = [&](const std::string& why) {
    res.status = 401;
    res.set_content(xml_error_body("Unauthorized request", "10"), kXml);
    if (options_.log) std::fprintf(stderr, "401 for %s: %s\n", req.target.c_str(), why.c_str());
    std::lock_guard lock(stats_mutex_);
    ++stats_.unauthorized;
    return false;
  };
  auto params = fetch::parse_authorization_header(req.get_header_value("Authorization"));
  if (!params) return deny("no OAuth Authorization header");
  std::map<std::string, std::string> oauth;
  std::vector<fetch::OAuthParam> signed_params;
  for (const auto& p : *params) {
    if (!oauth.emplace(p.name, p.value).second) return deny("parameter repeated: " + p.name);
    if (p.name != "realm" && p.name != "oauth_signature") signed_params.push_back(p);
  }
  for (const char* required : {"oauth_consumer_key", "oauth_token", "oauth_signature_method",
                               "oauth_timestamp", "oauth_nonce", "oauth_signature"})
    if (!oauth.count(required)) return deny(std::string("missing ") + required);
  if (oauth["oauth_signature_method"] != "HMAC-SHA1") return deny("not HMAC-SHA1");
  if (oauth.count("oauth_version") && oauth["oauth_version"] != "1.0") return deny("bad version");
  if (!fetch::equal_secure(oauth["oauth_consumer_key"], options_.keys.consumer_key) ||
      !fetch::equal_secure(oauth["oauth_token"], options_.keys.token))
    return deny("unknown consumer key or token");
  const std::string host = req.get_header_value("Host");
  if (host.empty()) return deny("no Host header");
  const bool tls = !options_.tls_cert.empty();
  auto url = fetch::parse_url(std::string(tls ? "https://" : "http://") + host + req.target);
  if (!url) return deny("cannot rebuild the request URL");
  const std::string base = fetch::signature_base_string(req.method, *url, signed_params);
  const std::string expected = fetch::hmac_sha1_base64(fetch::signing_key(options_.keys), base);
  if (!fetch::equal_secure(expected, oauth["oauth_signature"])) return deny("signature mismatch");
  return true;
}

void MockApi::serve_base(const httplib::Request& req, httplib::Response& res) {
  if (req.matches[1] != options_.account) {
    res.status = 404;
    res.set_content(xml_error_body("Account not found", ""), kXml);
    return;
  }
  const std::string root = href_base(req) + "/data_access_le/account/" + options_.account + "/le";
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  w.Key("le");
  w.StartObject();
  put(w, "@accountId", options_.account);
  w.Key("link");
  w.StartArray();
  link(w, root, "self");
  for (auto type : store::kDataTypes)
    link(w, root + "/" + std::string(type), std::string(type));
  link(w, root + "/schema", "schema");
  w.EndArray();
  w.EndObject();
  w.EndObject();
  res.set_content(buf.GetString(), kJson);
}

void MockApi::serve_listing(const httplib::Request& req, httplib::Response& res,
                            const std::string& type) {
  if (req.matches[1] != options_.account) {
    res.status = 404;
    res.set_content(xml_error_body("Account not found", ""), kXml);
    return;
  }
  auto start = int_param(req, "startTime");
  auto end = int_param(req, "endTime");
  if (!start || !end || *end < *start) {
    res.status = 400;
    res.set_content(xml_error_body("startTime and endTime (epoch ms) are required", "4"), kXml);
    return;
  }
  {
    std::lock_guard lock(stats_mutex_);
    ++stats_.listings;
  }
  std::vector<SourceFile> files;
  for (auto& f : source_files(options_.data_dir, options_.account, type))
    if (f.start_ms >= *start && f.start_ms < *end) files.push_back(std::move(f));
  if (files.empty()) {
    res.status = 404;
    res.set_content(xml_error_body("No Available Files", ""), kXml);
    return;
  }
  const std::string self =
      href_base(req) + "/data_access_le/account/" + options_.account + "/le/" + type;
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  w.Key("dataAccessFiles");
  w.StartObject();
  put(w, "@id", options_.account);
  w.Key("link");
  link(w, self, "self");
  w.Key("file");
  // Like an XML-to-JSON converter: a list of one is a bare object.
  if (files.size() > 1) w.StartArray();
  for (const auto& f : files) {
    w.StartObject();
    put(w, "@name", f.name);
    put(w, "@scopeStartDate", eastern(f.start_ms));
    put(w, "@scopeEndDate", eastern(f.end_ms));
    put(w, "@href", self + "/" + f.name);
    w.EndObject();
  }
  if (files.size() > 1) w.EndArray();
  w.EndObject();
  w.EndObject();
  res.set_content(buf.GetString(), kJson);
}

void MockApi::serve_download(const httplib::Request& req, httplib::Response& res,
                             const std::string& type, const std::string& name) {
  auto not_found = [&] {
    res.status = 404;
    res.set_content(xml_error_body("File not found", ""), kXml);
  };
  if (req.matches[1] != options_.account || !store::is_safe_file_name(name)) return not_found();
  auto data = std::make_shared<std::string>();
  try {
    leda::util::read_file(options_.data_dir + "/" + options_.account + "/" + type + "/" + name,
                          *data);
  } catch (const std::exception&) {
    return not_found();
  }
  std::size_t declared = data->size(), sent = data->size();
  if (data->size() >= 2 && roll() < truncate_rate_) {
    sent = data->size() / 2;
    // Either the connection drops before Content-Length bytes, or (gzip only, where the CRC
    // catches it) the server announces and sends a body that is itself cut short.
    if (leda::util::is_gzip(*data) && roll() < 0.5) declared = sent;
    std::lock_guard lock(stats_mutex_);
    ++stats_.truncated;
  } else {
    std::lock_guard lock(stats_mutex_);
    ++stats_.downloads;
  }
  // httplib would otherwise keep a connection it failed to finish open for its keep-alive wait.
  if (sent < declared) res.set_header("Connection", "close");
  const std::uint64_t bps = bytes_per_second_;
  if (sent == declared && bps == 0) {
    res.set_content(data->data(), sent, "application/octet-stream");
    return;
  }
  res.set_content_provider(
      declared, "application/octet-stream",
      [this, data, sent, bps](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        if (offset >= sent || stopping_) return false;  // drop the connection
        std::size_t chunk = std::min(length, sent - offset);
        if (bps > 0) chunk = std::min<std::size_t>(chunk, std::max<std::uint64_t>(1, bps / 20));
        if (!sink.write(data->data() + offset, chunk)) return false;
        if (bps > 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        return true;
      });
}

}  // namespace leda::mockapi
