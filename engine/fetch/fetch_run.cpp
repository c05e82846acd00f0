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
#include "store/iso_time.hpp"
#include "store/layout.hpp"
#include "util/thread_pool.hpp"

namespace leda::fetch {
namespace {

std::string span_text(std::int64_t start, std::int64_t end) {
  return store::format_iso8601(start) + " .. " + store::format_iso8601(end);
}

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

// Counts the outcome of every window and file into `s`, with one failure entry for each that
// did not make it.
void tally(const std::vector<Window>& windows, const std::vector<FileTask>& files,
           FetchSummary& s) {
  s.windows = windows.size();
  for (const auto& w : windows) {
    const std::string what = fmt::format("listing {} {}", w.type, span_text(w.start, w.end));
    if (w.call.ok) ++s.listed_windows;
    if (!w.call.ok) {
      s.auth_failed = s.auth_failed || w.call.auth_failure();
      s.failures.push_back({what + " failed", w.call.error, w.call.attempts});
    }
    for (const auto& p : w.problems)
      s.failures.push_back({what, p, 0});
    if (!w.call.ok || !w.problems.empty()) ++s.failed_windows;
  }
  for (const auto& f : files) {
    if (f.state == FileState::kStored) {
      ++s.stored;
      s.bytes += f.call.bytes;
    } else if (f.state == FileState::kSkipped) {
      ++s.skipped;
    } else {
      ++s.failed;
      s.auth_failed = s.auth_failed || f.call.auth_failure();
      s.failures.push_back({f.type + "/" + f.key, f.call.error, f.call.attempts});
    }
  }
}

}  // namespace

FetchResult FetchSummary::result() const {
  if (!fatal.empty()) return FetchResult::kNothingDone;
  if (windows > 0 && listed_windows == 0 && stored == 0) return FetchResult::kNothingDone;
  if (failed > 0 || failed_windows > 0 || missing_types > 0) return FetchResult::kPartial;
  return FetchResult::kComplete;
}

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
    summary.auth_failed = base.auth_failure();
    if (base.auth_failure())
      summary.fatal = fmt::format("{}: check the API key in {}", base.error, o.keys_file);
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

  // 3. List every window; collect each listed file once, skipping those stored and verified.
  observer.stage("listing", windows.size(), "windows");
  leda::util::parallel_for(windows.size(), o.parallel, [&](std::size_t i) {
    windows[i].call = api.list(windows[i].href, windows[i].start, windows[i].end);
    observer.advanced(1);
  });
  observer.stage_done();
  std::vector<FileTask> files = collect_files(windows);
  std::vector<std::size_t> to_download;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (store->verified(files[i].type, files[i].key))
      files[i].state = FileState::kSkipped;
    else
      to_download.push_back(i);
  }

  // 4. Download.
  observer.stage("fetch", to_download.size(), "files");
  const ByteCounter on_bytes = [&observer](std::uint64_t n) { observer.received(n); };
  leda::util::parallel_for(to_download.size(), o.parallel, [&](std::size_t i) {
    FileTask& t = files[to_download[i]];
    t.call = api.download(*store, t.type, t.file, on_bytes);
    t.state = t.call.ok ? FileState::kStored : FileState::kFailed;
    observer.advanced(1);
  });
  observer.stage_done();

  // 5. Count, move the checkpoints, save the manifest.
  tally(windows, files, summary);
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
