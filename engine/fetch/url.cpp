#include "fetch/url.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace leda::fetch {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::optional<Url> parse_url(std::string_view text) {
  auto sep = text.find("://");
  if (sep == std::string_view::npos) return std::nullopt;
  Url url;
  url.scheme = lower(text.substr(0, sep));
  if (url.scheme != "http" && url.scheme != "https") return std::nullopt;
  std::string_view rest = text.substr(sep + 3);
  if (auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  const auto path_start = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, path_start);
  std::string_view tail = path_start == std::string_view::npos ? "" : rest.substr(path_start);
  if (authority.empty() || authority.find('@') != std::string_view::npos) return std::nullopt;

  std::string_view host = authority, port;
  if (authority.front() == '[') {
    auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = authority.substr(0, close + 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return std::nullopt;
      port = after.substr(1);
    }
  } else if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (host.empty() || host == "[]") return std::nullopt;
  if (!port.empty()) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535)
      return std::nullopt;
  }
  url.host = lower(host);
  url.port = std::string(port);
  auto q = tail.find('?');
  url.path = std::string(tail.substr(0, q));
  if (q != std::string_view::npos) url.query = std::string(tail.substr(q + 1));
  if (url.path.empty()) url.path = "/";
  return url;
}

bool is_loopback_host(std::string_view host) {
  if (host == "localhost" || host == "[::1]" || host == "::1") return true;
  // 127.0.0.0/8 as a dotted quad.
  int parts = 0;
  std::size_t pos = 0;
  while (pos <= host.size()) {
    auto dot = host.find('.', pos);
    std::string_view part = host.substr(pos, dot == std::string_view::npos ? host.npos : dot - pos);
    unsigned value = 0;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (part.empty() || ec != std::errc() || end != part.data() + part.size() || value > 255)
      return false;
    if (parts == 0 && value != 127) return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  return parts == 4;
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
  if (location.find("://") != std::string_view::npos) return parse_url(location);
  if (location.empty() || location.front() != '/' || (location.size() > 1 && location[1] == '/'))
    return std::nullopt;
  Url url = base;
  auto q = location.find('?');
  url.path = std::string(location.substr(0, q));
  url.query = q == std::string_view::npos ? "" : std::string(location.substr(q + 1));
  return url;
}

std::string to_string(const Url& url) {
  std::string out = url.scheme + "://" + url.host;
  if (!url.port.empty()) out += ":" + url.port;
  out += url.path;
  if (!url.query.empty()) out += "?" + url.query;
  return out;
}

std::string append_query(const std::string& url, std::string_view query) {
  if (query.empty()) return url;
  const char sep = url.find('?') == std::string::npos ? '?' : '&';
  return url + sep + std::string(query);
}

}  // namespace leda::fetch
