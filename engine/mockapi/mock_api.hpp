// mockapi/mock_api.hpp — an emulator of the LiveEngage Data Access API over a directory laid out
// like a store (DIR/<account>/<type>/<file>), for trying `leda fetch` and for its tests.
//
//   leda::mockapi::MockApiOptions o;
//   o.data_dir = "examples/sample-account/..";  o.account = "75555851";  o.keys = credentials;
//   leda::mockapi::MockApi api(o);
//   int port = api.start();                   // serves on a thread until stop() or destruction
//   ... GET api.url() + "/data_access_le/account/75555851/le" with an OAuth header ...
//
// It checks every request's OAuth 1.0a HMAC-SHA1 signature against its own URL (answering a bad
// one with the live service's 401 XML body), serves the base resource, listings (one file is a
// single `file` object, no files is a non-200 "No Available Files" answer, scope dates in US
// Eastern time) and downloads. Failure knobs inject 5xx answers, 429 with Retry-After, and
// bodies cut short, at given rates, from a seeded random generator.
//
// Thread-safety: start() and stop() from one thread; the knob setters and stats() from any.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>

#include "fetch/oauth.hpp"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace leda::mockapi {

struct MockApiOptions {
  std::string data_dir;                ///< holds <account>/<type>/<file name>
  std::string account;                 ///< the one account served
  fetch::OAuthCredentials keys;        ///< the API key requests must be signed with
  std::string bind = "127.0.0.1";      ///< address to listen on
  int port = 0;                        ///< 0: any free port
  std::string tls_cert, tls_key;       ///< PEM files; both set: serve https
  double fail_rate = 0;                ///< share of requests answered 500/502/503
  double throttle_rate = 0;            ///< share of requests answered 429 with Retry-After
  double truncate_rate = 0;            ///< share of downloads whose body is cut short
  std::uint64_t seed = 1;              ///< seed of the failure dice
  int retry_after_s = 1;               ///< Retry-After of a 429
  std::uint64_t bytes_per_second = 0;  ///< per-download bandwidth cap; 0: none
  std::string public_url;              ///< base of returned hrefs; empty: scheme://<Host header>
  bool log = false;                    ///< one line per request on stderr
};

/// Counters of what the emulator answered.
struct MockApiStats {
  std::uint64_t requests = 0;         ///< every request received
  std::uint64_t unauthorized = 0;     ///< 401 answers (bad or missing signature)
  std::uint64_t failed = 0;           ///< injected 5xx
  std::uint64_t throttled = 0;        ///< injected 429
  std::uint64_t truncated = 0;        ///< downloads cut short on purpose
  std::uint64_t downloads = 0;        ///< downloads served whole
  std::uint64_t listings = 0;         ///< listing answers (including "No Available Files")
  std::uint64_t accept_encoding = 0;  ///< requests that carried Accept-Encoding
  std::uint64_t connections = 0;      ///< distinct client connections seen
};

class MockApi {
 public:
  /// Throws std::runtime_error when TLS is asked for and the certificate or key cannot be used.
  explicit MockApi(MockApiOptions options);
  ~MockApi();
  MockApi(const MockApi&) = delete;
  MockApi& operator=(const MockApi&) = delete;

  /// Binds and starts serving on a background thread; returns the port. Throws
  /// std::runtime_error when the address cannot be bound.
  int start();
  /// Stops serving and joins the thread (in-flight slow downloads are cut).
  void stop();
  /// scheme://bind:port of the running server.
  std::string url() const;

  /// Changes the failure knobs while running.
  void set_rates(double fail, double throttle, double truncate);
  /// Changes the base of returned hrefs while running (empty: from the Host header).
  void set_public_url(std::string url);
  /// Changes the bandwidth cap while running (0: none).
  void set_bytes_per_second(std::uint64_t bps) { bytes_per_second_ = bps; }

  MockApiStats stats() const;

 private:
  bool authorized(const httplib::Request& req, httplib::Response& res);
  bool inject_failure(httplib::Response& res);
  void serve_base(const httplib::Request& req, httplib::Response& res);
  void serve_listing(const httplib::Request& req, httplib::Response& res, const std::string& type);
  void serve_download(const httplib::Request& req, httplib::Response& res, const std::string& type,
                      const std::string& name);
  std::string href_base(const httplib::Request& req) const;
  double roll();

  MockApiOptions options_;
  mutable std::mutex public_url_mutex_;  // guards options_.public_url
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<double> fail_rate_, throttle_rate_, truncate_rate_;
  std::atomic<std::uint64_t> bytes_per_second_;
  std::mutex rng_mutex_;
  std::mt19937_64 rng_;
  mutable std::mutex stats_mutex_;
  MockApiStats stats_;
  std::set<std::pair<std::string, int>> peers_;  // (address, port) of each connection seen
};

/// The live service's XML error body.
std::string xml_error_body(const std::string& message, const std::string& internal_code);

}  // namespace leda::mockapi
