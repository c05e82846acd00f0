// fetch/fetch_run.hpp — `leda fetch` as a function: bring a local store up to date with an
// account's files on the Data Access API.
//
//   leda::fetch::FetchOptions o;
//   o.account = "75555851";
//   o.api_url = leda::fetch::region_url("us");      // or an explicit https://host[:port]
//   o.keys_file = "keys.json";
//   o.store_root = "store";
//   leda::fetch::FetchObserver quiet;               // or one that draws progress (fetch_summary.hpp)
//   leda::fetch::FetchSummary s = leda::fetch::run_fetch(o, quiet);
//   s.result();                                     // complete, partial or nothing done
//
// A run reads the base resource, lists each type in windows (default one day) from the store's
// checkpoint minus 6 hours (first run: the last 30 days) to now, skips files already stored and
// verified, downloads the rest in parallel into the store, and moves each type's checkpoint past
// the windows whose files are all stored. It prints nothing: see FetchSummary and FetchObserver.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fetch/fetch_summary.hpp"
#include "fetch/http_session.hpp"
#include "fetch/retry.hpp"

namespace leda::fetch {

/// Files can reach the API up to 6 hours after their sessions closed: re-list that much.
inline constexpr std::int64_t kRelistMs = 6 * 3600000LL;
/// The API deletes files 30 days after creating them.
inline constexpr std::int64_t kRetentionMs = 30 * 86400000LL;

struct FetchOptions {
  std::string account;                  ///< account id (digits)
  std::string api_url;                  ///< scheme://host[:port] of the API
  std::string keys_file;                ///< JSON API key file (mode 0600)
  std::string store_root;               ///< the store directory (account folders inside)
  std::vector<std::string> types;       ///< data types to fetch; empty: all four
  std::optional<std::int64_t> from_ms;  ///< start; default: checkpoint - 6 h, or now - 30 days
  std::optional<std::int64_t> to_ms;    ///< end; default: now
  std::int64_t window_ms = 86400000;    ///< listing window
  unsigned parallel = 4;                ///< concurrent requests
  TransportOptions transport;
  RetryPolicy retry;
};

/// The API URL of a region ("us", "uk", "apac"); empty for an unknown region.
std::string region_url(std::string_view region);

/// Runs a fetch, telling `observer` how it goes; returns what it came to.
FetchSummary run_fetch(const FetchOptions& options, FetchObserver& observer);

}  // namespace leda::fetch
