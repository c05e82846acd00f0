// fetch/url.hpp — the small part of URL handling the Data Access client needs: split an absolute
// http(s) URL, decide whether plain http is allowed, resolve a redirect target. Parsing and
// joining are libcurl's URL API (curl_url), so a URL is read exactly as the transport will send
// it: dot segments removed, numeric IPv4 hosts normalised ("127.1" is 127.0.0.1).
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
/// Parts are as curl sends them: percent-escapes are kept, never decoded.
struct Url {
  std::string scheme;  ///< lower case: "http" or "https" (others are refused by parse_url)
  std::string host;    ///< lower case
  std::string port;    ///< digits or empty
  std::string path;    ///< as given, "/" when empty
  std::string query;   ///< after '?', without it (no fragment)
};

/// Splits an absolute http or https URL ("scheme://..."). Returns nullopt for anything else
/// (relative URLs, other schemes, user info, empty host, a bad port, a space).
std::optional<Url> parse_url(std::string_view text);

/// True for a loopback host: 127.0.0.0/8, ::1 (with or without brackets) and localhost.
bool is_loopback_host(std::string_view host);

/// Why `url` may not be used ("" when it may): plain http is refused unless the host is loopback.
std::string transport_refusal(const Url& url);

/// `location` (absolute, or a path starting with '/') resolved against `base`; nullopt for
/// anything else (a relative path, a scheme-relative "//host/...").
std::optional<Url> resolve_location(const Url& base, std::string_view location);

/// The URL as text: scheme://host[:port]path[?query]. Throws std::invalid_argument for parts
/// curl refuses (never for a Url from parse_url() or resolve_location()).
std::string to_string(const Url& url);

/// `url` with `query` (already encoded) appended, '?' or '&' as needed; `url` unchanged when it
/// is not a URL.
std::string append_query(const std::string& url, std::string_view query);

}  // namespace leda::fetch
