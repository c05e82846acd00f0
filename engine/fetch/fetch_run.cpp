#include "fetch/fetch_run.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iterator>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "fetch/api_keys.hpp"
#include "fetch/data_access_api.hpp"
#include "fetch/fetch_plan.hpp"
#include "fetch/time_args.hpp"
#include "fetch/url.hpp"
#include "store/account_store.hpp"
#include "store/layout.hpp"
#include "util/civil_time.hpp"
#include "util/progress.hpp"
#include "util/thread_pool.hpp"

namespace leda::fetch {
namespace {

void say(const std::string& line) {
  std::fprintf(stderr, "leda fetch: %s\n", line.c_str());
}

std::string human_bytes(std::uint64_t n) {
  if (n < 1000) return fmt::format("{} B", n);
  if (n < 1000000) return fmt::format("{:.1f} KB", n / 1e3);
  if (n < 1000000000) return fmt::format("{:.1f} MB", n / 1e6);
  return fmt::format("{:.1f} GB", n / 1e9);
}

std::string span_text(std::int64_t start, std::int64_t end) {
  return util::format_iso8601(start) + " .. " + util::format_iso8601(end);
}

// The API root without a trailing slash; nullopt (and a message) when unusable.
std::optional<std::string> api_root(const std::string& api_url) {
  std::string text = api_url;
  if (text.find("://") == std::string::npos) text = "https://" + text;
  auto url = parse_url(text);
  if (!url || !url->query.empty()) {
    say(fmt::format("'{}' is not an http(s) URL", api_url));
    return std::nullopt;
  }
  if (std::string why = transport_refusal(*url); !why.empty()) {
    say(fmt::format("refusing {}: {}", api_url, why));
    return std::nullopt;
  }
  url->query.clear();
  while (url->path.size() > 1 && url->path.back() == '/')
    url->path.pop_back();
  if (url->path == "/") url->path.clear();
  return to_string(*url);
}

std::string attempts_note(int attempts) {
  return attempts > 1 ? fmt::format(" (after {} attempts)", attempts) : "";
}

// What a run came to; each failure is said on stderr as it is counted.
struct Tally {
  std::size_t stored = 0, skipped = 0, failed = 0;
  std::size_t listed_windows = 0, failed_windows = 0;
  std::uint64_t bytes = 0;
  bool auth_failed = false;
};

Tally report(const std::vector<Window>& windows, const std::vector<FileTask>& files) {
  Tally t;
  for (const auto& w : windows) {
    if (w.call.ok) ++t.listed_windows;
    if (!w.call.ok) {
      t.auth_failed = t.auth_failed || w.call.auth_failure();
      say(fmt::format("listing {} {} failed: {}{}", w.type, span_text(w.start, w.end), w.call.error,
                      attempts_note(w.call.attempts)));
    }
    for (const auto& p : w.problems)
      say(fmt::format("listing {} {}: {}", w.type, span_text(w.start, w.end), p));
    if (!w.call.ok || !w.problems.empty()) ++t.failed_windows;
  }
  for (const auto& f : files) {
    if (f.state == FileState::kStored) {
      ++t.stored;
      t.bytes += f.call.bytes;
    } else if (f.state == FileState::kSkipped) {
      ++t.skipped;
    } else {
      ++t.failed;
      say(fmt::format("{}/{}: {}{}", f.type, f.key, f.call.error, attempts_note(f.call.attempts)));
    }
  }
  return t;
}

}  // namespace

std::string region_url(std::string_view region) {
  if (region == "us") return "https://va.da.liveperson.net";
  if (region == "uk") return "https://lo.da.liveperson.net";
  if (region == "apac") return "https://sy.da.liveperson.net";
  return "";
}

int run_fetch(const FetchOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::string> types;
  for (auto t : store::kDataTypes)  // in the API's order, each once
    if (o.types.empty() || std::find(o.types.begin(), o.types.end(), t) != o.types.end())
      types.emplace_back(t);

  OAuthCredentials credentials;
  try {
    credentials = load_api_keys(o.keys_file);
  } catch (const KeysError& e) {
    say(e.what());
    return cli::kExitFailed;
  }
  auto root = api_root(o.api_url);
  if (!root) return cli::kExitFailed;

  std::unique_ptr<store::AccountStore> store;
  try {
    store = std::make_unique<store::AccountStore>(o.store_root, o.account);
  } catch (const store::StoreError& e) {
    say(e.what());
    return cli::kExitFailed;
  }
  if (store->stale_removed() > 0)
    say(fmt::format("removed {} unfinished download(s) left by an earlier run",
                    store->stale_removed()));

  SignedClient client{OAuthSigner(std::move(credentials)), o.transport};
  DataAccessApi api(client, o.retry);

  // 1. The base resource: the listing links, and proof that the key works.
  const std::string base_url = *root + "/data_access_le/account/" + o.account + "/le";
  BaseResourceCall base = api.base_resource(base_url);
  if (!base.ok) {
    if (base.auth_failure())
      say(fmt::format("{}: check the API key in {}", base.error, o.keys_file));
    else
      say(fmt::format("cannot read the base resource {}: {}{}", base_url, base.error,
                      attempts_note(base.attempts)));
    return cli::kExitFailed;
  }

  // 2. The windows to list, per type.
  const std::int64_t now = now_ms();
  std::vector<Window> windows;
  std::size_t type_failures = 0;
  for (const auto& type : types) {
    auto link = base.resource.links.find(type);
    if (link == base.resource.links.end()) {
      say(fmt::format("the base resource has no link for {} (is it enabled for the account?)",
                      type));
      ++type_failures;
      continue;
    }
    const std::int64_t from =
        o.from_ms.value_or(default_start(store->checkpoint(type), now, kRelistMs, kRetentionMs));
    auto planned = plan_windows(type, link->second, from, o.to_ms.value_or(now), o.window_ms);
    std::move(planned.begin(), planned.end(), std::back_inserter(windows));
  }

  // 3. List every window; collect each listed file once, skipping those stored and verified.
  {
    leda::util::Progress bar("listing", windows.size(), "windows");
    if (!o.progress) bar.finish();
    leda::util::parallel_for(windows.size(), o.parallel, [&](std::size_t i) {
      windows[i].call = api.list(windows[i].href, windows[i].start, windows[i].end);
      bar.add(1);
    });
  }
  std::vector<FileTask> files = collect_files(windows);
  std::vector<std::size_t> to_download;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (store->verified(files[i].type, files[i].key))
      files[i].state = FileState::kSkipped;
    else
      to_download.push_back(i);
  }

  // 4. Download.
  {
    leda::util::Progress bar("fetch", to_download.size(), "files");
    if (!o.progress) bar.finish();
    leda::util::parallel_for(to_download.size(), o.parallel, [&](std::size_t i) {
      FileTask& t = files[to_download[i]];
      t.call = api.download(*store, t.type, t.file, o.progress ? &bar : nullptr);
      t.state = t.call.ok ? FileState::kStored : FileState::kFailed;
      bar.add(1);
    });
  }

  // 5. Report, move the checkpoints, save the manifest.
  const Tally tally = report(windows, files);
  for (const auto& type : types)
    if (auto cp = advanced_checkpoint(type, store->checkpoint(type), windows, files, now))
      store->set_checkpoint(type, *cp);
  try {
    store->save();
  } catch (const store::StoreError& e) {
    say(e.what());
    return cli::kExitFailed;
  }

  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::string summary =
      fmt::format("{} new, {} skipped, {} failed", tally.stored, tally.skipped, tally.failed);
  if (tally.failed_windows > 0)
    summary += fmt::format(" ({} listing windows failed)", tally.failed_windows);
  std::printf("leda fetch: %s; %s in %.1f s\n", summary.c_str(), human_bytes(tally.bytes).c_str(),
              secs);
  std::fflush(stdout);
  if (tally.auth_failed) say(fmt::format("the server refused the API key in {}", o.keys_file));
  if (!windows.empty() && tally.listed_windows == 0 && tally.stored == 0) return cli::kExitFailed;
  if (tally.failed > 0 || tally.failed_windows > 0 || type_failures > 0) return cli::kExitPartial;
  return cli::kExitOk;
}

}  // namespace leda::fetch
