// fetch/data_access_api.hpp — the Data Access calls fetch makes, with retries: read the base
// resource, list a type's files for a time window, download one file into the store.
//
//   leda::fetch::DataAccessApi api(client, retry_policy);
//   auto base = api.base_resource(region_url + "/data_access_le/account/123/le");
//   auto window = api.list(base.resource.links.at("survey"), start_ms, end_ms);
//   auto stored = api.download(store, "survey", window.listing.files[0], on_bytes);
//
// Thread-safety: all calls may run concurrently (the SignedClient and the store are).
#pragma once

#include <cstdint>
#include <functional>
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
  int attempts = 0;
  /// True when the server refused the credentials (401 or 403).
  bool auth_failure() const { return status == 401 || status == 403; }
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
  /// "No Available Files" is an empty listing, not an error.
  ListingCall list(const std::string& href, std::int64_t start_ms, std::int64_t end_ms);

  /// Downloads `file` of `type` into a temp file of `store`, checks it (length, gzip CRC), and
  /// commits it; a body that fails the check is fetched again up to the retry limit and never
  /// enters the store. Received bytes are told to `on_bytes` (may be empty).
  DownloadCall download(store::AccountStore& store, const std::string& type, const ListedFile& file,
                        const ByteCounter& on_bytes = {});

 private:
  SignedClient& client_;
  RetryPolicy policy_;
};

/// The name a listed file is stored under: its key plus ".gz" for a gzip body, or plus ".json"
/// for a plain-text body.
std::string stored_file_name(const std::string& key, bool gzip);

}  // namespace leda::fetch
