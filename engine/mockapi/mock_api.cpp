#include "mockapi/mock_api.hpp"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>

#include <fmt/format.h>

#include "fetch/time_args.hpp"
#include "fetch/url.hpp"
#include "mockapi/source_files.hpp"
#include "store/layout.hpp"
#include "util/civil_time.hpp"

namespace leda::mockapi {
namespace {

constexpr const char* kXml = "application/xml";

std::string eastern_now() {
  const std::int64_t ms = fetch::now_ms();
  return util::format_iso8601(ms, us_eastern_offset_minutes(ms), true);
}

}  // namespace

std::string xml_error_body(const std::string& message, const std::string& internal_code) {
  std::string body = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<error>\n";
  body += "    <time>" + eastern_now() + "</time>\n";
  body += "    <message>" + message + "</message>\n";
  if (!internal_code.empty()) body += "    <internalCode>" + internal_code + "</internalCode>\n";
  return body + "</error>\n";
}

MockApi::MockApi(MockApiOptions options)
    : options_(std::move(options)),
      fail_rate_(options_.fail_rate),
      throttle_rate_(options_.throttle_rate),
      truncate_rate_(options_.truncate_rate),
      bytes_per_second_(options_.bytes_per_second),
      rng_(options_.seed) {
  if (!options_.tls_cert.empty() || !options_.tls_key.empty()) {
    auto ssl =
        std::make_unique<httplib::SSLServer>(options_.tls_cert.c_str(), options_.tls_key.c_str());
    if (!ssl->is_valid())
      throw std::runtime_error(fmt::format("cannot use the TLS certificate {} with the key {}",
                                           options_.tls_cert, options_.tls_key));
    server_ = std::move(ssl);
  } else {
    server_ = std::make_unique<httplib::Server>();
  }
  auto& s = *server_;
  s.new_task_queue = [] { return new httplib::ThreadPool(16); };
  s.set_keep_alive_max_count(1000);  // like a real front end, not a handful per connection
  s.set_tcp_nodelay(true);  // headers and body go out in two writes: no Nagle + delayed-ACK stall
  s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    {
      std::lock_guard lock(stats_mutex_);
      ++stats_.requests;
      if (req.has_header("Accept-Encoding")) ++stats_.accept_encoding;
      if (peers_.emplace(req.remote_addr, req.remote_port).second) ++stats_.connections;
    }
    if (!authorized(req, res) || inject_failure(res))
      return httplib::Server::HandlerResponse::Handled;
    return httplib::Server::HandlerResponse::Unhandled;
  });
  const std::string account = "/data_access_le/account/([^/]+)/le";
  s.Get(account + "/?",
        [this](const httplib::Request& req, httplib::Response& res) { serve_base(req, res); });
  s.Get(account + "/(agentActivity|webSession|engagement|survey)",
        [this](const httplib::Request& req, httplib::Response& res) {
          serve_listing(req, res, req.matches[2]);
        });
  s.Get(account + "/(agentActivity|webSession|engagement|survey)/([^/]+)",
        [this](const httplib::Request& req, httplib::Response& res) {
          serve_download(req, res, req.matches[2], req.matches[3]);
        });
  s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty())
      res.set_content(xml_error_body(res.status == 404 ? "Resource not found"
                                                       : "This request is not supported, verify "
                                                         "request headers and method",
                                     res.status == 404 ? "" : "5"),
                      kXml);
  });
  if (options_.log) {
    s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::fprintf(stderr, "%s %s -> %d\n", req.method.c_str(), req.target.c_str(), res.status);
    });
  }
}

MockApi::~MockApi() {
  stop();
}

int MockApi::start() {
  if (options_.port == 0) {
    port_ = server_->bind_to_any_port(options_.bind);
  } else {
    port_ = server_->bind_to_port(options_.bind, options_.port) ? options_.port : -1;
  }
  if (port_ <= 0)
    throw std::runtime_error(fmt::format("cannot listen on {}:{}", options_.bind, options_.port));
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  while (!server_->is_running())
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return port_;
}

void MockApi::stop() {
  stopping_ = true;
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string MockApi::url() const {
  const bool tls = !options_.tls_cert.empty();
  const bool v6 = options_.bind.find(':') != std::string::npos;
  return fmt::format("{}://{}{}{}:{}", tls ? "https" : "http", v6 ? "[" : "", options_.bind,
                     v6 ? "]" : "", port_);
}

void MockApi::set_rates(double fail, double throttle, double truncate) {
  fail_rate_ = fail;
  throttle_rate_ = throttle;
  truncate_rate_ = truncate;
}

MockApiStats MockApi::stats() const {
  std::lock_guard lock(stats_mutex_);
  return stats_;
}

double MockApi::roll() {
  std::lock_guard lock(rng_mutex_);
  return std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
}

bool MockApi::inject_failure(httplib::Response& res) {
  if (roll() < fail_rate_) {
    static constexpr int kCodes[] = {500, 502, 503};
    res.status = kCodes[static_cast<int>(roll() * 3) % 3];
    res.set_content(xml_error_body("Internal server error (injected)", "1"), kXml);
    std::lock_guard lock(stats_mutex_);
    ++stats_.failed;
    return true;
  }
  if (roll() < throttle_rate_) {
    res.status = 429;
    res.set_header("Retry-After", std::to_string(options_.retry_after_s));
    res.set_content(xml_error_body("Too many requests (injected)", ""), kXml);
    std::lock_guard lock(stats_mutex_);
    ++stats_.throttled;
    return true;
  }
  return false;
}

void MockApi::set_public_url(std::string url) {
  std::lock_guard lock(public_url_mutex_);
  options_.public_url = std::move(url);
}

std::string MockApi::href_base(const httplib::Request& req) const {
  {
    std::lock_guard lock(public_url_mutex_);
    if (!options_.public_url.empty()) return options_.public_url;
  }
  const bool tls = !options_.tls_cert.empty();
  return std::string(tls ? "https://" : "http://") + req.get_header_value("Host");
}

}  // namespace leda::mockapi
