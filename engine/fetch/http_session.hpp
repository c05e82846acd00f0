// fetch/http_session.hpp — one reusable libcurl connection for GET requests, and a pool of them.
//
//   leda::fetch::HttpSessionPool pool(transport_options);
//   auto session = pool.acquire();                        // returned to the pool at scope end
//   leda::fetch::HttpResult r = session->get(url, {"Accept: application/json"});
//   if (r.ok()) use(r.body);
//
// Certificate and host-name verification are always on (a private CA can be added through
// TransportOptions::ca_file). Curl never adds Accept-Encoding and never decodes a body: what the
// server sent is what the caller gets. Redirects are not followed here (SignedClient re-signs).
//
// Thread-safety: an HttpSession is used by one thread at a time; the pool is thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace leda::fetch {

/// Connection settings shared by every request.
struct TransportOptions {
  std::string ca_file;              ///< PEM file of trusted CAs; empty: the system's store
  long connect_timeout_ms = 30000;  ///< TCP + TLS connect
  long stall_timeout_s = 60;        ///< abort a transfer that moves < 1 byte/s for this long
  std::string user_agent = "leda/0.1.0";
};

/// What one GET produced.
struct HttpResult {
  int curl_code = 0;            ///< 0 when a complete response arrived
  std::string transport_error;  ///< curl's explanation when curl_code != 0
  std::string refused;          ///< set (and nothing sent) when the URL was refused by policy
  long status = 0;              ///< HTTP status (0 when none arrived)
  std::string body;             ///< the body, unless a 200 body went to the sink
  std::optional<std::uint64_t> content_length;  ///< announced Content-Length
  std::string retry_after;                      ///< Retry-After header value
  std::string location;                         ///< Location header value
  std::uint64_t bytes = 0;                      ///< body bytes received
  std::string url;                              ///< the URL finally requested (after redirects)

  bool ok() const { return curl_code == 0 && refused.empty() && status == 200; }
};

/// Receives a 200 body in pieces; returning false aborts the transfer.
using BodySink = std::function<bool(const char* data, std::size_t size)>;

class HttpSession {
 public:
  explicit HttpSession(const TransportOptions& options);
  ~HttpSession();
  HttpSession(const HttpSession&) = delete;
  HttpSession& operator=(const HttpSession&) = delete;

  /// GETs `url` with the extra `headers` ("Name: value"). A 200 body goes to `sink` when given,
  /// else to HttpResult::body; other bodies always go to HttpResult::body (first 1 MiB).
  HttpResult get(const std::string& url, const std::vector<std::string>& headers,
                 const BodySink* sink = nullptr);

 private:
  void* curl_;  // CURL*
  TransportOptions options_;
};

/// A thread-safe pool of sessions, so that connections are reused across requests.
class HttpSessionPool {
 public:
  explicit HttpSessionPool(TransportOptions options) : options_(std::move(options)) {}

  /// A session for the calling thread; it returns to the pool when the lease is destroyed.
  class Lease {
   public:
    Lease(HttpSessionPool& pool, std::unique_ptr<HttpSession> s)
        : pool_(&pool), session_(std::move(s)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (session_) pool_->release(std::move(session_));
    }
    HttpSession* operator->() { return session_.get(); }

   private:
    HttpSessionPool* pool_;
    std::unique_ptr<HttpSession> session_;
  };

  Lease acquire();

 private:
  void release(std::unique_ptr<HttpSession> session);
  TransportOptions options_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<HttpSession>> idle_;
};

}  // namespace leda::fetch
