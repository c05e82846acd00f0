// fetch/url.hpp — the small part of URL handling the Data Access client needs: split an absolute
// http(s) URL, decide whether plain http is allowed, resolve a redirect target.
//
//   auto u = leda::fetch::parse_url("https://va.da.liveperson.net/data_access_le/account/1/le");
//   u->host;                                  // "va.da.liveperson.net"
//   leda::fetch::transport_refusal(*u);       // "" (https is always fine)
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace leda::fetch {

/// An absolute URL, split. `host` keeps IPv6 brackets ("[::1]"); `port` is empty when not given.
struct Url {
  std::string scheme;  ///< lower case: "http" or "https" (others are refused by parse_url)
  std::string host;    ///< lower case
  std::string port;    ///< digits or empty
  std::string path;    ///< as given, "/" when empty
  std::string query;   ///< after '?', without it (no fragment)
};

/// Splits an absolute http or https URL. Returns nullopt for anything else (relative URLs,
/// other schemes, user info, empty host, a bad port).
std::optional<Url> parse_url(std::string_view text);

/// True for a loopback host: 127.0.0.0/8, ::1 and localhost.
bool is_loopback_host(std::string_view host);

/// Why `url` may not be used ("" when it may): plain http is refused unless the host is loopback.
std::string transport_refusal(const Url& url);

/// `location` (absolute, or a path starting with '/') resolved against `base`.
std::optional<Url> resolve_location(const Url& base, std::string_view location);

/// The URL as text: scheme://host[:port]path[?query].
std::string to_string(const Url& url);

/// `url` with `query` appended ('?' or '&' as needed).
std::string append_query(const std::string& url, std::string_view query);

}  // namespace leda::fetch
