#include "fetch/url.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace leda::fetch {
namespace {

struct CurlUrlFree {
  void operator()(CURLU* h) const { curl_url_cleanup(h); }
};
using CurlUrl = std::unique_ptr<CURLU, CurlUrlFree>;

CurlUrl new_handle() {
  CurlUrl h(curl_url());
  if (!h) throw std::bad_alloc();
  return h;
}

// A part of a parsed URL; empty when it is not there (no port, no query).
std::string part(CURLU* h, CURLUPart which) {
  char* value = nullptr;
  if (curl_url_get(h, which, &value, 0) != CURLUE_OK || !value) return "";
  std::string out(value);
  curl_free(value);
  return out;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The parts of a URL curl has parsed, if it is an http(s) URL with a host and a usable port.
std::optional<Url> split(CURLU* h) {
  Url url;
  url.scheme = part(h, CURLUPART_SCHEME);
  if (url.scheme != "http" && url.scheme != "https") return std::nullopt;
  url.host = lower(part(h, CURLUPART_HOST));
  url.port = part(h, CURLUPART_PORT);
  if (url.host.empty() || url.host == "[]" || url.port == "0") return std::nullopt;
  url.path = part(h, CURLUPART_PATH);
  url.query = part(h, CURLUPART_QUERY);
  if (url.path.empty()) url.path.push_back('/');
  return url;
}

// A handle holding `url`; throws when curl refuses one of its parts (only possible for a Url
// that did not come from parse_url()).
CurlUrl handle_of(const Url& url) {
  CurlUrl h = new_handle();
  auto set = [&](CURLUPart which, const std::string& value) {
    if (curl_url_set(h.get(), which, value.empty() ? nullptr : value.c_str(), 0) != CURLUE_OK)
      throw std::invalid_argument("not a usable URL part: '" + value + "'");
  };
  set(CURLUPART_SCHEME, url.scheme);
  set(CURLUPART_HOST, url.host);
  set(CURLUPART_PORT, url.port);
  set(CURLUPART_PATH, url.path);
  set(CURLUPART_QUERY, url.query);
  return h;
}

}  // namespace

std::optional<Url> parse_url(std::string_view text) {
  // Absolute URLs only: curl would also take "https:/host" and guess at "host/path".
  if (text.find("://") == std::string_view::npos) return std::nullopt;
  CurlUrl h = new_handle();
  if (curl_url_set(h.get(), CURLUPART_URL, std::string(text).c_str(), CURLU_DISALLOW_USER) !=
      CURLUE_OK)
    return std::nullopt;
  return split(h.get());
}

bool is_loopback_host(std::string_view host) {
  if (host == "localhost") return true;
  std::string text(host);
  if (text.size() > 2 && text.front() == '[' && text.back() == ']')
    text = text.substr(1, text.size() - 2);
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1)
    return (ntohl(v4.s_addr) >> 24) == 127;  // 127.0.0.0/8
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) == 1)
    return std::memcmp(&v6, &in6addr_loopback, sizeof v6) == 0;
  return false;
}

std::string transport_refusal(const Url& url) {
  if (url.scheme == "https") return "";
  if (url.scheme == "http" && is_loopback_host(url.host)) return "";
  if (url.scheme == "http")
    return "plain http is allowed only to a loopback host (127.0.0.0/8, ::1, localhost); use "
           "https for " +
           url.host;
  return "unsupported scheme " + url.scheme;
}

std::optional<Url> resolve_location(const Url& base, std::string_view location) {
  // An absolute URL, or an absolute path on the same host; nothing relative to the current
  // path and no scheme-relative "//host" (a redirect is never meant to leave for another host
  // without saying which scheme).
  const bool absolute = location.find("://") != std::string_view::npos;
  if (!absolute &&
      (location.empty() || location.front() != '/' || (location.size() > 1 && location[1] == '/')))
    return std::nullopt;
  CurlUrl h = handle_of(base);
  if (curl_url_set(h.get(), CURLUPART_URL, std::string(location).c_str(), CURLU_DISALLOW_USER) !=
      CURLUE_OK)
    return std::nullopt;
  return split(h.get());
}

std::string to_string(const Url& url) {
  CurlUrl h = handle_of(url);
  return part(h.get(), CURLUPART_URL);
}

std::string append_query(const std::string& url, std::string_view query) {
  if (query.empty()) return url;
  CurlUrl h = new_handle();
  if (curl_url_set(h.get(), CURLUPART_URL, url.c_str(), CURLU_DISALLOW_USER) != CURLUE_OK ||
      curl_url_set(h.get(), CURLUPART_QUERY, std::string(query).c_str(), CURLU_APPENDQUERY) !=
          CURLUE_OK)
    return url;  // not a URL: whoever uses it is told so (SignedClient refuses it)
  return part(h.get(), CURLUPART_URL);
}

}  // namespace leda::fetch
