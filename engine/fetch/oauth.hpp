// fetch/oauth.hpp — OAuth 1.0a request signing with HMAC-SHA1 (RFC 5849 §3.4), as LivePerson's
// Data Access API expects it, and the matching header parser the emulator uses to check it.
//
//   leda::fetch::OAuthSigner signer(credentials);
//   std::string header = signer.authorization_header("GET", url);
//   // header == "OAuth oauth_consumer_key=\"...\", oauth_nonce=\"...\", ..."
//   // send "Authorization: " + header
//
// The base string covers the method, the URL without its query, and every query parameter
// together with the oauth_* parameters (and form parameters, which GETs never have). Tests inject
// the nonce and the timestamp through sign() or set_clock()/set_nonce_source().
//
// Thread-safety: a const OAuthSigner may sign from several threads at once. Secrets are never
// part of any string this file returns except the signing key itself (signing_key()).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fetch/url.hpp"

namespace leda::fetch {

/// The four values of a LiveEngage API key.
struct OAuthCredentials {
  std::string consumer_key;     ///< "App key"
  std::string consumer_secret;  ///< "Secret"
  std::string token;            ///< "Access token"
  std::string token_secret;     ///< "Access token secret"
};

/// One parameter, decoded (not percent-encoded).
struct OAuthParam {
  std::string name;
  std::string value;
};

/// RFC 3986 percent-encoding: unreserved bytes (A-Z a-z 0-9 - . _ ~) as is, all others %XX.
std::string percent_encode(std::string_view s);
/// Decodes %XX escapes, and '+' as a space when `plus_is_space` (form encoding). Malformed
/// escapes are kept as is.
std::string percent_decode(std::string_view s, bool plus_is_space = true);
/// Splits `a=b&c=d` (query or form body) into decoded pairs; "c" alone is ("c", "").
std::vector<OAuthParam> parse_form(std::string_view s);

/// scheme://host[:port]/path with scheme and host in lower case and default ports dropped.
std::string base_string_uri(const Url& url);
/// Percent-encodes, sorts (by name, then value) and joins the parameters.
std::string normalize_parameters(const std::vector<OAuthParam>& params);
/// METHOD&pct(base URI)&pct(normalised parameters), where the parameters are the query
/// parameters of `url` plus `params` (oauth_* and form parameters, never oauth_signature).
std::string signature_base_string(std::string_view method, const Url& url,
                                  const std::vector<OAuthParam>& params);
/// pct(consumer secret) & pct(token secret).
std::string signing_key(const OAuthCredentials& credentials);
/// base64(HMAC-SHA1(key, data)).
std::string hmac_sha1_base64(std::string_view key, std::string_view data);

class OAuthSigner {
 public:
  explicit OAuthSigner(OAuthCredentials credentials);

  /// A signed request's parts.
  struct Signed {
    std::string base_string;  ///< what was signed
    std::string signature;    ///< base64, not yet percent-encoded
    std::string header;       ///< the Authorization header value ("OAuth ...")
  };

  /// Signs `method` `url` (absolute; its query parameters are signed) with the given nonce and
  /// timestamp. `form` holds decoded x-www-form-urlencoded body parameters (empty for GET).
  /// Throws std::invalid_argument when `url` is not an absolute http(s) URL.
  Signed sign(std::string_view method, std::string_view url, const std::vector<OAuthParam>& form,
              const std::string& nonce, const std::string& timestamp) const;

  /// The Authorization header for `method` `url` with a fresh nonce and the current time.
  std::string authorization_header(std::string_view method, std::string_view url) const;

  /// Whether to send (and sign) oauth_version="1.0" (default true, as LivePerson's example).
  void set_include_version(bool include) { include_version_ = include; }
  /// Replaces the clock (Unix seconds) used by authorization_header().
  void set_clock(std::function<std::int64_t()> clock) { clock_ = std::move(clock); }
  /// Replaces the nonce source used by authorization_header().
  void set_nonce_source(std::function<std::string()> nonce) { nonce_ = std::move(nonce); }

  const OAuthCredentials& credentials() const { return credentials_; }

 private:
  OAuthCredentials credentials_;
  bool include_version_ = true;
  std::function<std::int64_t()> clock_;
  std::function<std::string()> nonce_;
};

/// 32 random hex digits (OpenSSL's RAND_bytes).
std::string random_nonce();

/// Parses an `Authorization: OAuth k="v", ...` value into decoded parameters (realm included).
/// Returns nullopt when it is not an OAuth header or is malformed.
std::optional<std::vector<OAuthParam>> parse_authorization_header(std::string_view value);

/// Constant-time comparison of two strings (for signatures).
bool equal_secure(std::string_view a, std::string_view b);

}  // namespace leda::fetch
