#include "fetch/oauth.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>
#include <ctime>
#include <stdexcept>

namespace leda::fetch {
namespace {

bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string percent_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3);
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(c)) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+' && plus_is_space) {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
               hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<OAuthParam> parse_form(std::string_view s) {
  std::vector<OAuthParam> out;
  while (!s.empty()) {
    auto amp = s.find('&');
    std::string_view pair = s.substr(0, amp);
    if (!pair.empty()) {
      auto eq = pair.find('=');
      if (eq == std::string_view::npos)
        out.push_back({percent_decode(pair), ""});
      else
        out.push_back({percent_decode(pair.substr(0, eq)), percent_decode(pair.substr(eq + 1))});
    }
    if (amp == std::string_view::npos) break;
    s.remove_prefix(amp + 1);
  }
  return out;
}

std::string base_string_uri(const Url& url) {
  std::string out = url.scheme + "://" + url.host;
  const bool default_port = url.port.empty() || (url.scheme == "http" && url.port == "80") ||
                            (url.scheme == "https" && url.port == "443");
  if (!default_port) out += ":" + url.port;
  return out + (url.path.empty() ? "/" : url.path);
}

std::string normalize_parameters(const std::vector<OAuthParam>& params) {
  std::vector<std::pair<std::string, std::string>> encoded;
  encoded.reserve(params.size());
  for (const auto& p : params)
    encoded.emplace_back(percent_encode(p.name), percent_encode(p.value));
  std::sort(encoded.begin(), encoded.end());
  std::string out;
  for (const auto& [name, value] : encoded) {
    if (!out.empty()) out += '&';
    out += name;
    out += '=';
    out += value;
  }
  return out;
}

std::string signature_base_string(std::string_view method, const Url& url,
                                  const std::vector<OAuthParam>& params) {
  std::vector<OAuthParam> all = parse_form(url.query);
  all.insert(all.end(), params.begin(), params.end());
  std::string upper(method);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return upper + "&" + percent_encode(base_string_uri(url)) + "&" +
         percent_encode(normalize_parameters(all));
}

std::string signing_key(const OAuthCredentials& credentials) {
  return percent_encode(credentials.consumer_secret) + "&" +
         percent_encode(credentials.token_secret);
}

std::string hmac_sha1_base64(std::string_view key, std::string_view data) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  if (!HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()),
            reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac, &mac_len))
    throw std::runtime_error("HMAC-SHA1 failed (OpenSSL)");
  std::string out(4 * ((mac_len + 2) / 3) + 1, '\0');
  const int n =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), mac, static_cast<int>(mac_len));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string random_nonce() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("RAND_bytes failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

OAuthSigner::OAuthSigner(OAuthCredentials credentials) : credentials_(std::move(credentials)) {}

OAuthSigner::Signed OAuthSigner::sign(std::string_view method, std::string_view url,
                                      const std::vector<OAuthParam>& form, const std::string& nonce,
                                      const std::string& timestamp) const {
  auto parsed = parse_url(url);
  if (!parsed) throw std::invalid_argument("cannot sign a request to '" + std::string(url) + "'");
  std::vector<OAuthParam> oauth = {
      {"oauth_consumer_key", credentials_.consumer_key},
      {"oauth_nonce", nonce},
      {"oauth_signature_method", "HMAC-SHA1"},
      {"oauth_timestamp", timestamp},
      {"oauth_token", credentials_.token},
  };
  if (include_version_) oauth.push_back({"oauth_version", "1.0"});
  std::vector<OAuthParam> params = oauth;
  params.insert(params.end(), form.begin(), form.end());

  Signed s;
  s.base_string = signature_base_string(method, *parsed, params);
  s.signature = hmac_sha1_base64(signing_key(credentials_), s.base_string);
  oauth.push_back({"oauth_signature", s.signature});
  std::sort(oauth.begin(), oauth.end(),
            [](const OAuthParam& a, const OAuthParam& b) { return a.name < b.name; });
  s.header = "OAuth ";
  for (std::size_t i = 0; i < oauth.size(); ++i) {
    if (i) s.header += ", ";
    s.header += percent_encode(oauth[i].name) + "=\"" + percent_encode(oauth[i].value) + "\"";
  }
  return s;
}

std::string OAuthSigner::authorization_header(std::string_view method, std::string_view url) const {
  const std::string nonce = nonce_ ? nonce_() : random_nonce();
  const std::int64_t now = clock_ ? clock_() : static_cast<std::int64_t>(std::time(nullptr));
  return sign(method, url, {}, nonce, std::to_string(now)).header;
}

std::optional<std::vector<OAuthParam>> parse_authorization_header(std::string_view v) {
  auto skip_space = [&v] {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t'))
      v.remove_prefix(1);
  };
  skip_space();
  if (v.size() < 6 || (v.substr(0, 5) != "OAuth" && v.substr(0, 5) != "oauth") ||
      (v[5] != ' ' && v[5] != '\t'))
    return std::nullopt;
  v.remove_prefix(6);
  std::vector<OAuthParam> out;
  for (;;) {
    skip_space();
    if (v.empty()) break;
    auto eq = v.find('=');
    if (eq == std::string_view::npos || eq == 0) return std::nullopt;
    std::string_view name = v.substr(0, eq);
    while (!name.empty() && name.back() == ' ')
      name.remove_suffix(1);
    v.remove_prefix(eq + 1);
    skip_space();
    if (v.empty() || v.front() != '"') return std::nullopt;
    auto close = v.find('"', 1);
    if (close == std::string_view::npos) return std::nullopt;
    out.push_back({percent_decode(name, false), percent_decode(v.substr(1, close - 1), false)});
    v.remove_prefix(close + 1);
    skip_space();
    if (v.empty()) break;
    if (v.front() != ',') return std::nullopt;
    v.remove_prefix(1);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

bool equal_secure(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace leda::fetch
