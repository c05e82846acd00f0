// fetch/data_access_api.hpp — the Data Access calls fetch makes, with retries: read the base
// resource, list a type's files for a time window, download one file into the store.
//
//   leda::fetch::DataAccessApi api(client, retry_policy);
//   auto base = api.base_resource(region_url + "/data_access_le/account/123/le");
//   auto window = api.list(base.resource.links.at("survey"), start_ms, end_ms);
//   auto stored = api.download(store, "survey", window.listing.files[0], on_bytes);
//   if (stored.worth_another_pass()) stored = api.download(..., on_bytes, stored);  // later on
//
// Each call retries transient failures within the policy's budget. A call that ran out of budget
// can be made again later with its earlier status, which continues its attempt count and honours
// its last Retry-After. The first failure that every request would meet (the server refuses the
// key: 401; the store's disk is full) stops the object: from then on calls return at once,
// untried, and stopped() says why.
//
// Thread-safety: all calls may run concurrently (the SignedClient and the store are).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

#include "fetch/api_format.hpp"
#include "fetch/retry.hpp"
#include "fetch/signed_client.hpp"
#include "store/account_store.hpp"

namespace leda::fetch {

/// Common outcome fields of a call.
struct CallStatus {
  bool ok = false;
  long status = 0;    ///< last HTTP status (0 when none)
  std::string error;  ///< why it failed, e.g. "401 Unauthorized request (internalCode 10)"
  int attempts = 0;   ///< requests made, earlier calls for the same thing included
  RetryEnd end = RetryEnd::kDone;  ///< why the retries ended
  RetryCarry carry;                ///< what a later call for the same thing continues from
  /// True when the server refused the credentials (401 or 403).
  bool auth_failure() const { return status == 401 || status == 403; }
  /// True when it failed transiently with its budget spent: a later pass may still succeed.
  bool worth_another_pass() const { return !ok && end == RetryEnd::kBudget; }
  /// True when no request was made because the API object had stopped.
  bool not_tried() const { return !ok && end == RetryEnd::kCancelled && attempts == 0; }
};

struct BaseResourceCall : CallStatus {
  BaseResource resource;
};

struct ListingCall : CallStatus {
  Listing listing;  ///< empty when the server said "No Available Files"
  bool no_files = false;
};

/// Told the size of each piece of a download body as it arrives (from the downloading thread).
using ByteCounter = std::function<void(std::uint64_t bytes)>;

struct DownloadCall : CallStatus {
  std::uint64_t bytes = 0;  ///< size of the stored file
};

class DataAccessApi {
 public:
  DataAccessApi(SignedClient& client, RetryPolicy policy) : client_(client), policy_(policy) {}

  /// GETs and parses the base resource at `url`.
  BaseResourceCall base_resource(const std::string& url);

  /// Lists the files of the listing URL `href` for [start_ms, end_ms]. A non-200 answer saying
  /// "No Available Files" is an empty listing, not an error. `earlier`: the status of an
  /// earlier call for the same window, continued.
  ListingCall list(const std::string& href, std::int64_t start_ms, std::int64_t end_ms,
                   const CallStatus& earlier = {});

  /// Downloads `file` of `type` into a temp file of `store`, checks it (length, gzip CRC), and
  /// commits it; a body that fails the check is fetched again like any transient failure and
  /// never enters the store. Received bytes are told to `on_bytes` (may be empty). `earlier`:
  /// the status of an earlier call for the same file, continued.
  DownloadCall download(store::AccountStore& store, const std::string& type, const ListedFile& file,
                        const ByteCounter& on_bytes = {}, const CallStatus& earlier = {});

  /// Why calls stopped being made: the first failure every request would meet.
  struct Stop {
    std::string reason;  ///< e.g. "401 Unauthorized request (internalCode 10)"; "" while running
    long status = 0;     ///< its HTTP status; 0 for a failure of the store (a full disk)
  };
  Stop stopped() const;

 private:
  CallStatus get_with_retries(const std::string& url, std::string& body,
                              bool (*accept_error)(long, const std::string&),
                              const CallStatus& earlier);
  CallStatus finish(const RetryOutcome& outcome, long status, const CallStatus& earlier);
  void stop(const std::string& why, long status);

  SignedClient& client_;
  RetryPolicy policy_;
  std::atomic<bool> stopped_{false};
  mutable std::mutex stop_mutex_;
  Stop stop_;
};

/// The name a listed file is stored under: its key plus ".gz" for a gzip body, or plus ".json"
/// for a plain-text body.
std::string stored_file_name(const std::string& key, bool gzip);

}  // namespace leda::fetch
