#include "fetch/signed_client.hpp"

#include "fetch/url.hpp"

namespace leda::fetch {

SignedClient::SignedClient(OAuthSigner signer, TransportOptions transport)
    : signer_(std::move(signer)), pool_(std::move(transport)) {}

HttpResult SignedClient::get(const std::string& url, std::string_view accept,
                             const BodySink* sink) {
  std::string current = url;
  for (int hop = 0;; ++hop) {
    HttpResult result;
    result.url = current;
    auto parsed = parse_url(current);
    if (!parsed) {
      result.refused = "not an absolute http(s) URL: " + current;
      return result;
    }
    if (std::string why = transport_refusal(*parsed); !why.empty()) {
      result.refused = why;
      return result;
    }
    std::vector<std::string> headers = {
        "Authorization: " + signer_.authorization_header("GET", current),
        "Accept: " + std::string(accept),
    };
    {
      auto session = pool_.acquire();
      result = session->get(current, headers, sink);
    }
    const bool redirect = result.curl_code == 0 &&
                          (result.status == 301 || result.status == 302 || result.status == 303 ||
                           result.status == 307 || result.status == 308);
    if (!redirect || result.location.empty()) return result;
    if (hop == 5) {
      result.refused = "too many redirects from " + url;
      return result;
    }
    auto next = resolve_location(*parsed, result.location);
    if (!next) {
      result.refused = "cannot follow the redirect to '" + result.location + "'";
      return result;
    }
    current = to_string(*next);
  }
}

}  // namespace leda::fetch
