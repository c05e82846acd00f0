#include "fetch/data_access_api.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "fetch/time_args.hpp"
#include "fetch/url.hpp"
#include "store/download_check.hpp"
#include "store/layout.hpp"

namespace leda::fetch {
namespace {

// A failure of the store's file system: a full disk (or quota) stops every download alike.
AttemptOutcome file_error(const std::string& what, int error) {
  AttemptOutcome out;
  out.error = fmt::format("{}: {}", what, std::strerror(error));
  out.stops_run = error == ENOSPC || error == EDQUOT;
  return out;
}

}  // namespace

DataAccessApi::Stop DataAccessApi::stopped() const {
  std::lock_guard lock(stop_mutex_);
  return stop_;
}

void DataAccessApi::stop(const std::string& why, long status) {
  std::lock_guard lock(stop_mutex_);
  if (stop_.reason.empty()) stop_ = {why, status};
  stopped_ = true;
}

CallStatus DataAccessApi::finish(const RetryOutcome& outcome, long status,
                                 const CallStatus& earlier) {
  CallStatus s;
  s.ok = outcome.last.done;
  s.status = status;
  // A pass that made no attempt (stopped, or a Retry-After beyond its budget) keeps the reason
  // of the pass before it.
  s.error = outcome.attempts() > earlier.attempts ? outcome.last.error : earlier.error;
  s.end = outcome.end;
  s.carry = outcome.carry;
  s.attempts = outcome.attempts();
  if (outcome.last.stops_run) stop(outcome.last.error, outcome.last.http_status);
  if (s.end == RetryEnd::kCancelled && s.error.empty()) s.error = "not tried: " + stopped().reason;
  return s;
}

// Runs GET `url` with retries; on success `body` holds the response.
CallStatus DataAccessApi::get_with_retries(const std::string& url, std::string& body,
                                           bool (*accept_error)(long, const std::string&),
                                           const CallStatus& earlier) {
  long status = earlier.status;
  auto outcome = with_retries(
      policy_,
      [&](int) {
        HttpResult r = client_.get(url, "application/json");
        status = r.status;
        const bool answered = r.curl_code == 0 && r.refused.empty();
        AttemptOutcome out;
        if (answered && r.status != 200 && accept_error && accept_error(r.status, r.body))
          out.done = true;
        else
          out = classify(r);
        body = std::move(r.body);
        return out;
      },
      earlier.carry, &stopped_);
  return finish(outcome, status, earlier);
}

BaseResourceCall DataAccessApi::base_resource(const std::string& url) {
  BaseResourceCall call;
  std::string body;
  static_cast<CallStatus&>(call) = get_with_retries(url, body, nullptr, {});
  if (!call.ok) return call;
  try {
    call.resource = parse_base_resource(body);
  } catch (const ApiFormatError& e) {
    call.ok = false;
    call.end = RetryEnd::kPermanent;
    call.error = e.what();
  }
  return call;
}

ListingCall DataAccessApi::list(const std::string& href, std::int64_t start_ms, std::int64_t end_ms,
                                const CallStatus& earlier) {
  ListingCall call;
  std::string body;
  const std::string url =
      append_query(href, fmt::format("startTime={}&endTime={}", start_ms, end_ms));
  static_cast<CallStatus&>(call) = get_with_retries(
      url, body,
      [](long status, const std::string& b) { return status != 200 && says_no_available_files(b); },
      earlier);
  if (!call.ok) return call;
  if (call.status != 200) {
    call.no_files = true;
    return call;
  }
  try {
    call.listing = parse_listing(body);
  } catch (const ApiFormatError& e) {
    if (says_no_available_files(body)) {
      call.no_files = true;
    } else {
      call.ok = false;
      call.end = RetryEnd::kPermanent;
      call.error = e.what();
    }
  }
  return call;
}

std::string stored_file_name(const std::string& key, bool gzip) {
  return key + (gzip ? ".gz" : ".json");
}

DownloadCall DataAccessApi::download(store::AccountStore& store, const std::string& type,
                                     const ListedFile& file, const ByteCounter& on_bytes,
                                     const CallStatus& earlier) {
  const std::string key = store::file_key(file.name);
  long status = earlier.status;
  std::uint64_t bytes = 0;
  auto outcome = with_retries(
      policy_,
      [&](int) {
        const std::string tmp = store.new_temp_path();
        int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0) return file_error(tmp + ": cannot create", errno);
        int write_errno = 0;
        BodySink sink = [&](const char* data, std::size_t size) {
          while (size > 0) {
            ssize_t n = ::write(fd, data, size);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
              write_errno = errno;
              return false;
            }
            if (on_bytes) on_bytes(static_cast<std::uint64_t>(n));
            data += n;
            size -= static_cast<std::size_t>(n);
          }
          return true;
        };
        HttpResult r = client_.get(file.href, "*/*", &sink);
        ::close(fd);
        status = r.status;
        if (write_errno != 0) {
          ::unlink(tmp.c_str());
          return file_error(tmp + ": write failed", write_errno);
        }
        AttemptOutcome out = classify(r);
        if (!out.done) {
          ::unlink(tmp.c_str());
          if (r.status == 404) out.error += ": the server listed this file but does not have it";
          return out;
        }
        store::DownloadCheck check = store::check_download(tmp, r.content_length);
        if (!check.ok) {
          ::unlink(tmp.c_str());
          AttemptOutcome bad;
          bad.retryable = true;
          bad.error = "download failed its check: " + check.error;
          return bad;
        }
        store::ManifestEntry entry;
        entry.type = type;
        entry.name = key;
        entry.href = file.href;
        entry.scope_start_ms = file.scope_start_ms;
        entry.scope_end_ms = file.scope_end_ms;
        entry.size = check.size;
        entry.sha256 = check.sha256;
        entry.fetched_ms = now_ms();
        try {
          store.commit(tmp, stored_file_name(key, check.gzip), std::move(entry));
        } catch (const store::StoreError& e) {
          AttemptOutcome failed;
          failed.error = e.what();
          return failed;
        }
        bytes = check.size;
        return out;
      },
      earlier.carry, &stopped_);
  DownloadCall call;
  static_cast<CallStatus&>(call) = finish(outcome, status, earlier);
  call.bytes = bytes;
  return call;
}

}  // namespace leda::fetch
