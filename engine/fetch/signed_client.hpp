// fetch/signed_client.hpp — signed GETs to the Data Access API: every request carries a fresh
// OAuth 1.0a signature for its own URL (host included), redirects are followed only after
// re-signing, and URLs that the transport policy refuses (plain http off loopback) are never
// contacted.
//
//   leda::fetch::SignedClient client(signer, transport);
//   leda::fetch::HttpResult r = client.get(href, "application/json");
//
// Thread-safety: get() may be called from several threads at once (each uses its own pooled
// connection).
#pragma once

#include <string>
#include <string_view>

#include "fetch/http_session.hpp"
#include "fetch/oauth.hpp"

namespace leda::fetch {

class SignedClient {
 public:
  SignedClient(OAuthSigner signer, TransportOptions transport);

  /// One signed GET of `url` with `Accept: <accept>` (no retries). Follows up to 5 redirects,
  /// re-signing each. When the URL (or a redirect target) is refused, HttpResult::refused says
  /// why and nothing is sent. A 200 body goes to `sink` when given.
  HttpResult get(const std::string& url, std::string_view accept, const BodySink* sink = nullptr);

 private:
  OAuthSigner signer_;
  HttpSessionPool pool_;
};

}  // namespace leda::fetch
