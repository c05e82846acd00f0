#include "fetch/fetch_run.hpp"

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "fetch/api_keys.hpp"
#include "fetch/data_access_api.hpp"
#include "fetch/time_args.hpp"
#include "fetch/url.hpp"
#include "store/account_store.hpp"
#include "store/iso_time.hpp"
#include "store/layout.hpp"
#include "util/progress.hpp"
#include "util/thread_pool.hpp"

namespace leda::fetch {
namespace {

// One listing call: a type and a time window.
struct Window {
  std::string type;
  std::string href;  // the type's listing URL from the base resource
  std::int64_t start = 0, end = 0;
  ListingCall call;
  std::vector<std::size_t> files;     // indexes into the file tasks
  std::vector<std::string> problems;  // entries that could not be used
};

enum class FileState { kPending, kSkipped, kStored, kFailed };

struct FileTask {
  std::string type;
  std::string key;
  ListedFile file;
  FileState state = FileState::kPending;
  DownloadCall call;
};

void say(const std::string& line) {
  std::fprintf(stderr, "leda fetch: %s\n", line.c_str());
}

std::string human_bytes(std::uint64_t n) {
  if (n < 10000) return fmt::format("{} B", n);
  if (n < 10000000) return fmt::format("{:.1f} KB", n / 1e3);
  if (n < 10000000000ULL) return fmt::format("{:.1f} MB", n / 1e6);
  return fmt::format("{:.1f} GB", n / 1e9);
}

std::string span_text(std::int64_t start, std::int64_t end) {
  return store::format_iso8601(start) + " .. " + store::format_iso8601(end);
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

}  // namespace

std::string region_url(std::string_view region) {
  if (region == "us") return "https://va.da.liveperson.net";
  if (region == "uk") return "https://lo.da.liveperson.net";
  if (region == "apac") return "https://sy.da.liveperson.net";
  return "";
}

int run_fetch(const FetchOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::string> types = o.types;
  if (types.empty()) types.assign(store::kDataTypes.begin(), store::kDataTypes.end());

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
                      base.attempts > 1 ? fmt::format(" (after {} attempts)", base.attempts) : ""));
    return cli::kExitFailed;
  }

  // 2. The windows to list, per type.
  const std::int64_t now = now_ms();
  std::vector<Window> windows;
  std::size_t type_failures = 0;
  for (const auto& type : types) {
    auto link = base.resource.links.find(type);
    if (link == base.resource.links.end()) {
      say(
          fmt::format("the base resource has no link for {} (is the type enabled for the "
                      "account?)",
                      type));
      ++type_failures;
      continue;
    }
    const std::int64_t to = o.to_ms.value_or(now);
    std::int64_t from;
    if (o.from_ms) {
      from = *o.from_ms;
    } else {
      auto cp = store->checkpoint(type);
      from = std::max(cp ? *cp - kRelistMs : now - kRetentionMs, now - kRetentionMs);
    }
    for (std::int64_t start = from; start < to; start += o.window_ms) {
      Window w;
      w.type = type;
      w.href = link->second;
      w.start = start;
      w.end = std::min(to, start + o.window_ms);
      windows.push_back(std::move(w));
    }
  }

  // 3. List every window.
  {
    Progress bar("listing", windows.size(), "windows");
    if (!o.progress) bar.finish();
    parallel_for(windows.size(), o.parallel, [&](std::size_t i) {
      windows[i].call = api.list(windows[i].href, windows[i].start, windows[i].end);
      bar.add(1);
    });
  }

  // 4. The files to fetch: each listed file once, unless stored and verified already.
  std::vector<FileTask> files;
  std::map<std::pair<std::string, std::string>, std::size_t> seen;
  std::size_t windows_ok = 0;
  for (auto& w : windows) {
    if (!w.call.ok) continue;
    ++windows_ok;
    for (const auto& problem : w.call.listing.problems)
      w.problems.push_back(problem);
    for (const auto& f : w.call.listing.files) {
      const std::string key = store::file_key(f.name);
      if (!store::is_safe_file_name(key)) {
        w.problems.push_back(fmt::format("unusable file name '{}'", f.name));
        continue;
      }
      auto [it, added] = seen.try_emplace({w.type, key}, files.size());
      if (added) files.push_back({w.type, key, f, FileState::kPending, {}});
      w.files.push_back(it->second);
    }
  }
  std::vector<std::size_t> to_download;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (store->verified(files[i].type, files[i].key))
      files[i].state = FileState::kSkipped;
    else
      to_download.push_back(i);
  }

  // 5. Download.
  {
    Progress bar("fetch", to_download.size(), "files");
    if (!o.progress) bar.finish();
    parallel_for(to_download.size(), o.parallel, [&](std::size_t i) {
      FileTask& t = files[to_download[i]];
      t.call = api.download(*store, t.type, t.file, o.progress ? &bar : nullptr);
      t.state = t.call.ok ? FileState::kStored : FileState::kFailed;
      bar.add(1);
    });
  }

  // 6. Report failures, move checkpoints, save the manifest.
  std::size_t failed_windows = 0;
  bool auth_failed = false;
  for (const auto& w : windows) {
    if (!w.call.ok) {
      ++failed_windows;
      auth_failed = auth_failed || w.call.auth_failure();
      say(fmt::format(
          "listing {} {} failed: {}{}", w.type, span_text(w.start, w.end), w.call.error,
          w.call.attempts > 1 ? fmt::format(" (after {} attempts)", w.call.attempts) : ""));
    }
    for (const auto& p : w.problems)
      say(fmt::format("listing {} {}: {}", w.type, span_text(w.start, w.end), p));
    if (w.call.ok && !w.problems.empty()) ++failed_windows;
  }
  std::size_t stored = 0, skipped = 0, failed = 0;
  std::uint64_t bytes = 0;
  for (const auto& t : files) {
    if (t.state == FileState::kStored) {
      ++stored;
      bytes += t.call.bytes;
    } else if (t.state == FileState::kSkipped) {
      ++skipped;
    } else {
      ++failed;
      say(fmt::format(
          "{}/{}: {}{}", t.type, t.key, t.call.error,
          t.call.attempts > 1 ? fmt::format(" (after {} attempts)", t.call.attempts) : ""));
    }
  }
  for (const auto& type : types) {
    // The checkpoint moves over the leading run of windows that are complete, and only when that
    // run starts at or before the current checkpoint (no gap is ever jumped).
    auto cp = store->checkpoint(type);
    std::optional<std::int64_t> reached;
    for (const auto& w : windows) {
      if (w.type != type) continue;
      if (!reached && cp && w.start > *cp) break;
      bool complete = w.call.ok && w.problems.empty();
      for (std::size_t f : w.files)
        complete = complete && files[f].state != FileState::kFailed;
      if (!complete) break;
      reached = w.end;
    }
    if (reached && (!cp || *reached > *cp)) store->set_checkpoint(type, *reached);
  }
  try {
    store->save();
  } catch (const store::StoreError& e) {
    say(e.what());
    return cli::kExitFailed;
  }

  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::string summary = fmt::format("{} new, {} skipped, {} failed", stored, skipped, failed);
  if (failed_windows > 0) summary += fmt::format(" ({} listing windows failed)", failed_windows);
  std::printf("leda fetch: %s; %s in %.1f s\n", summary.c_str(), human_bytes(bytes).c_str(), secs);
  std::fflush(stdout);
  if (auth_failed) say(fmt::format("the server refused the API key in {}", o.keys_file));
  if (!windows.empty() && windows_ok == 0 && stored == 0) return cli::kExitFailed;
  if (failed > 0 || failed_windows > 0 || type_failures > 0) return cli::kExitPartial;
  return cli::kExitOk;
}

}  // namespace leda::fetch
