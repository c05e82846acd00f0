#include "fetch/fetch_run.hpp"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <memory>

#include <fmt/format.h>

#include "fetch/api_keys.hpp"
#include "fetch/data_access_api.hpp"
#include "fetch/fetch_plan.hpp"
#include "fetch/time_args.hpp"
#include "fetch/url.hpp"
#include "store/account_store.hpp"
#include "store/layout.hpp"
#include "util/thread_pool.hpp"

namespace leda::fetch {
namespace {

// The API root without a trailing slash; nullopt (and why in `error`) when unusable.
std::optional<std::string> api_root(const std::string& api_url, std::string& error) {
  std::string text = api_url;
  if (text.find("://") == std::string::npos) text = "https://" + text;
  auto url = parse_url(text);
  if (!url || !url->query.empty()) {
    error = fmt::format("'{}' is not an http(s) URL", api_url);
    return std::nullopt;
  }
  if (std::string why = transport_refusal(*url); !why.empty()) {
    error = fmt::format("refusing {}: {}", api_url, why);
    return std::nullopt;
  }
  std::string root = to_string(*url);
  while (!root.empty() && root.back() == '/')
    root.pop_back();
  return root;
}

// What to check when the server refuses the key with `status`.
std::string key_advice(long status, const std::string& keys_file) {
  if (status == 403)
    return fmt::format(
        "the server does not let the API key in {} read this: check that the key has the "
        "Data Access permission for this account",
        keys_file);
  return fmt::format(
      "check the API key in {}: its consumer_key, consumer_secret, token and "
      "token_secret must be those of an API key of this account (Campaigns > Data "
      "Sources > API) with the Data Access permission, and this machine's clock "
      "must be right (each request is signed with the time)",
      keys_file);
}

}  // namespace

std::string region_url(std::string_view region) {
  if (region == "us") return "https://va.da.liveperson.net";
  if (region == "uk") return "https://lo.da.liveperson.net";
  if (region == "apac") return "https://sy.da.liveperson.net";
  return "";
}

FetchSummary run_fetch(const FetchOptions& o, FetchObserver& observer) {
  const auto started = std::chrono::steady_clock::now();
  FetchSummary summary;
  auto finish = [&]() -> FetchSummary {
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return std::move(summary);
  };
  std::vector<std::string> types;
  for (auto t : store::kDataTypes)  // in the API's order, each once
    if (o.types.empty() || std::find(o.types.begin(), o.types.end(), t) != o.types.end())
      types.emplace_back(t);

  OAuthCredentials credentials;
  try {
    credentials = load_api_keys(o.keys_file);
  } catch (const KeysError& e) {
    summary.fatal = e.what();
    return finish();
  }
  auto root = api_root(o.api_url, summary.fatal);
  if (!root) return finish();

  std::unique_ptr<store::AccountStore> store;
  try {
    store = std::make_unique<store::AccountStore>(o.store_root, o.account);
  } catch (const store::StoreError& e) {
    summary.fatal = e.what();
    return finish();
  }
  if (store->stale_removed() > 0)
    observer.note(fmt::format("removed {} unfinished download(s) left by an earlier run",
                              store->stale_removed()));

  SignedClient client{OAuthSigner(std::move(credentials)), o.transport};
  DataAccessApi api(client, o.retry);

  // 1. The base resource: the listing links, and proof that the key works.
  const std::string base_url = *root + "/data_access_le/account/" + o.account + "/le";
  BaseResourceCall base = api.base_resource(base_url);
  if (!base.ok) {
    count_attempts(base, summary);
    summary.auth_failed = base.auth_failure();
    if (base.auth_failure())
      summary.fatal = fmt::format("{}: {}", base.error, key_advice(base.status, o.keys_file));
    else
      summary.fatal = fmt::format(
          "cannot read the base resource {}: {}{}", base_url, base.error,
          base.attempts > 1 ? fmt::format(" (after {} attempts)", base.attempts) : std::string());
    return finish();
  }

  // 2. The windows to list, per type.
  const std::int64_t now = now_ms();
  std::vector<Window> windows;
  for (const auto& type : types) {
    auto link = base.resource.links.find(type);
    if (link == base.resource.links.end()) {
      summary.failures.push_back(
          {type, "the base resource has no link for this type (is it enabled for the account?)",
           0});
      ++summary.missing_types;
      continue;
    }
    const std::int64_t from =
        o.from_ms.value_or(default_start(store->checkpoint(type), now, kRelistMs, kRetentionMs));
    auto planned = plan_windows(type, link->second, from, o.to_ms.value_or(now), o.window_ms);
    std::move(planned.begin(), planned.end(), std::back_inserter(windows));
  }

  // 3. List every window, then once more those that ran out of retry time; collect each listed
  // file once, skipping those stored and verified.
  auto list_pass = [&](const char* stage, const std::vector<std::size_t>& which) {
    observer.stage(stage, which.size(), "windows");
    leda::util::parallel_for(which.size(), o.parallel, [&](std::size_t i) {
      Window& w = windows[which[i]];
      w.call = api.list(w.href, w.start, w.end, w.call);
      observer.advanced(1);
    });
    observer.stage_done();
  };
  std::vector<std::size_t> all(windows.size());
  for (std::size_t i = 0; i < all.size(); ++i)
    all[i] = i;
  list_pass("listing", all);
  const auto relist = worth_another_pass(windows);
  if (!relist.empty()) list_pass("listing again", relist);
  std::vector<FileTask> files = collect_files(windows);
  std::vector<std::size_t> to_download;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (store->verified(files[i].type, files[i].key))
      files[i].state = FileState::kSkipped;
    else
      to_download.push_back(i);
  }

  // 4. Download, then once more the files that ran out of retry time.
  const ByteCounter on_bytes = [&observer](std::uint64_t n) { observer.received(n); };
  auto download_pass = [&](const char* stage, const std::vector<std::size_t>& which) {
    observer.stage(stage, which.size(), "files");
    leda::util::parallel_for(which.size(), o.parallel, [&](std::size_t i) {
      FileTask& t = files[which[i]];
      t.call = api.download(*store, t.type, t.file, on_bytes, t.call);
      t.state = t.call.ok ? FileState::kStored : FileState::kFailed;
      observer.advanced(1);
    });
    observer.stage_done();
  };
  download_pass("fetch", to_download);
  const auto refetch = worth_another_pass(files);
  if (!refetch.empty()) download_pass("fetch again", refetch);
  summary.second_pass = relist.size() + refetch.size();
  if (const auto stop = api.stopped(); !stop.reason.empty())
    summary.stopped = fmt::format("{}: {}", stop.reason,
                                  stop.status != 0 ? key_advice(stop.status, o.keys_file)
                                                   : "free space for the store and run again");

  // 5. Count, move the checkpoints, save the manifest.
  count_outcomes(windows, files, summary);
  for (const auto& type : types)
    if (auto cp = advanced_checkpoint(type, store->checkpoint(type), windows, files, now))
      store->set_checkpoint(type, *cp);
  try {
    store->save();
  } catch (const store::StoreError& e) {
    summary.fatal = e.what();
  }
  return finish();
}

}  // namespace leda::fetch
