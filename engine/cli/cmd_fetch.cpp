// `leda fetch`: download an account's files from the Data Access API into a local store.
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "cli/commands.hpp"
#include "fetch/fetch_run.hpp"
#include "fetch/time_args.hpp"
#include "store/layout.hpp"
#include "util/progress.hpp"

namespace leda::cli {
namespace po = boost::program_options;
namespace {

int usage_error(const std::string& message) {
  std::fprintf(stderr, "leda fetch: %s (see leda fetch --help)\n", message.c_str());
  return kExitUsage;
}

void say(const std::string& line) {
  std::fprintf(stderr, "leda fetch: %s\n", line.c_str());
}

// Progress bars on stderr (when it is a terminal and bars are wanted), notices as lines.
class Printer : public fetch::FetchObserver {
 public:
  explicit Printer(bool bars) : bars_(bars) {}
  void note(const std::string& line) override { say(line); }
  void stage(std::string_view name, std::size_t total, std::string_view unit) override {
    bar_ = std::make_unique<util::Progress>(std::string(name), total, std::string(unit));
    if (!bars_) bar_->finish();
  }
  void advanced(std::size_t items) override { bar_->add(items); }
  void received(std::uint64_t bytes) override { bar_->add_bytes(bytes); }
  void stage_done() override { bar_.reset(); }

 private:
  bool bars_;
  std::unique_ptr<util::Progress> bar_;
};

std::string human_bytes(std::uint64_t n) {
  if (n < 1000) return fmt::format("{} B", n);
  if (n < 1000000) return fmt::format("{:.1f} KB", n / 1e3);
  if (n < 1000000000) return fmt::format("{:.1f} MB", n / 1e6);
  return fmt::format("{:.1f} GB", n / 1e9);
}

// Each failure on stderr, the summary line on stdout; returns the exit code.
int print_summary(const fetch::FetchSummary& s, const std::string& keys_file) {
  for (const auto& f : s.failures)
    say(fmt::format("{}: {}{}", f.what, f.error,
                    f.attempts > 1 ? fmt::format(" (after {} attempts)", f.attempts) : ""));
  if (!s.fatal.empty()) {
    say(s.fatal);
    return kExitFailed;
  }
  if (!s.stopped.empty()) {
    std::string untried;
    if (s.not_tried > 0) untried += fmt::format("{} files", s.not_tried);
    if (s.unlisted > 0)
      untried += fmt::format("{}{} listing windows", untried.empty() ? "" : " and ", s.unlisted);
    say(fmt::format("stopped early{}: {}", untried.empty() ? "" : ", " + untried + " not tried",
                    s.stopped));
  }
  std::string line = fmt::format("{} new, {} skipped, {} failed", s.stored, s.skipped, s.failed);
  if (s.failed_windows > 0) line += fmt::format(" ({} listing windows failed)", s.failed_windows);
  line += fmt::format("; {} in {:.1f} s", human_bytes(s.bytes), s.seconds);
  if (s.retries > 0)
    line += fmt::format("; {} retries, at most {} attempts for one request", s.retries,
                        s.most_attempts);
  if (s.second_pass > 0) line += fmt::format(", {} in a second pass", s.second_pass);
  std::printf("leda fetch: %s\n", line.c_str());
  std::fflush(stdout);
  if (s.auth_failed && s.stopped.empty())
    say(fmt::format("the server refused the API key in {}", keys_file));
  switch (s.result()) {
    case fetch::FetchResult::kComplete:
      return kExitOk;
    case fetch::FetchResult::kPartial:
      return kExitPartial;
    case fetch::FetchResult::kNothingDone:
      break;
  }
  return kExitFailed;
}

std::vector<std::string> split_types(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream ss(list);
  for (std::string item; std::getline(ss, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

}  // namespace

int fetch(int argc, char** argv) {
  std::string account, region, host, keys, store_dir, types, from, to, ca_file, window = "1d";
  std::string retry_for = "10m", retry_base = "500ms", retry_max = "30s";
  unsigned parallel = 4;
  int retries = 0;
  long connect_timeout = 30, stall_timeout = 60;
  po::options_description visible(
      "usage: leda fetch --account ID (--region us|uk|apac | --host URL) --keys FILE --store DIR "
      "[options]\n\n"
      "Downloads an account's Data Access files into DIR/<account>/<type>/, checks each one\n"
      "(complete length, gzip CRC), and records it in DIR/<account>/.leda/manifest.json.\n"
      "Without --from it continues from the store's checkpoint, re-listing the 6 hours before\n"
      "it (late files); the first run takes the last 30 days. Files already stored and verified\n"
      "are skipped.\n\n"
      "A request that fails for a passing reason (5xx, 429, a timeout, a dropped connection, a\n"
      "download that fails its check) is tried again, waiting longer each time, for up to\n"
      "--retry-for; listings and files still failing then get one more pass at the end. 401,\n"
      "403, 404 and a full disk are not retried; 401 and a full disk stop the run.\n\n"
      "Exit codes: 0 every listed file is stored, 1 some files or listings failed (the rest is\n"
      "stored; run again later), 2 usage error, 3 nothing could be done.\n\n"
      "options",
      100);
  visible.add_options()                                                                  //
      ("help,h", "show this help")                                                       //
      ("account", po::value(&account), "LiveEngage account (site) id")                   //
      ("region", po::value(&region), "API region: us, uk or apac")                       //
      ("host", po::value(&host), "API URL instead of a region, e.g. https://host:port")  //
      ("keys", po::value(&keys),
       "JSON file with consumer_key, consumer_secret, token, token_secret (mode 0600)")  //
      ("store", po::value(&store_dir), "store directory")                                //
      ("types", po::value(&types),
       "comma-separated types (default all): agentActivity,webSession,engagement,survey")  //
      ("from", po::value(&from), "start: epoch ms or ISO-8601 (default: the checkpoint)")  //
      ("to", po::value(&to), "end: epoch ms or ISO-8601 (default: now)")                   //
      ("window", po::value(&window)->default_value("1d"),
       "listing window: a number and d, h, m or s")                                //
      ("parallel", po::value(&parallel)->default_value(4), "concurrent requests")  //
      ("retry-for", po::value(&retry_for)->default_value("10m"),
       "how long to keep retrying a failing request, from its first attempt (d, h, m, s, ms)")  //
      ("retry-base", po::value(&retry_base)->default_value("500ms"),
       "first wait before a retry; it doubles each time, with jitter, and is never shorter than "
       "the server's Retry-After")  //
      ("retry-max", po::value(&retry_max)->default_value("30s"),
       "longest wait the doubling reaches (a Retry-After may ask for more)")  //
      ("retries", po::value(&retries),
       "at most this many attempts per request, both passes together (default: as many as "
       "--retry-for allows)")                                                                //
      ("ca-file", po::value(&ca_file), "PEM file of CA certificates to trust (private CA)")  //
      ("connect-timeout", po::value(&connect_timeout)->default_value(30),
       "seconds to establish a connection")  //
      ("stall-timeout", po::value(&stall_timeout)->default_value(60),
       "seconds a transfer may make no progress")  //
      ("no-progress", "no progress bars");

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(visible).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return usage_error(e.what());
  }
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return kExitOk;
  }
  if (account.empty() || keys.empty() || store_dir.empty())
    return usage_error("--account, --keys and --store are required");
  if (!store::is_account_id(account)) return usage_error("--account must be decimal digits");
  if (region.empty() == host.empty()) return usage_error("give exactly one of --region and --host");

  fetch::FetchOptions o;
  o.account = account;
  if (!region.empty()) {
    o.api_url = fetch::region_url(region);
    if (o.api_url.empty()) return usage_error("--region must be us, uk or apac");
  } else {
    o.api_url = host;
  }
  o.keys_file = keys;
  o.store_root = store_dir;
  for (const auto& t : split_types(types)) {
    if (!store::is_data_type(t))
      return usage_error("unknown type '" + t +
                         "' (agentActivity, webSession, engagement, survey)");
    o.types.push_back(t);
  }
  std::string error;
  if (!from.empty() && !(o.from_ms = fetch::parse_instant(from, &error)))
    return usage_error("--from: " + error);
  if (!to.empty() && !(o.to_ms = fetch::parse_instant(to, &error)))
    return usage_error("--to: " + error);
  if (o.from_ms && o.to_ms && *o.from_ms >= *o.to_ms)
    return usage_error("--from must be before --to");
  auto span = fetch::parse_span(window);
  if (!span) return usage_error("--window must be a number and d, h, m or s, e.g. 1d or 6h");
  o.window_ms = *span;
  if (parallel < 1 || parallel > 64) return usage_error("--parallel must be 1 to 64");
  o.parallel = parallel;
  if (vm.count("retries") && (retries < 1 || retries > 1000))
    return usage_error("--retries must be 1 to 1000");
  o.retry.max_attempts = retries;
  const auto retry_for_ms = fetch::parse_span(retry_for);
  const auto retry_base_ms = fetch::parse_span(retry_base);
  const auto retry_max_ms = fetch::parse_span(retry_max);
  if (!retry_for_ms || !retry_base_ms || !retry_max_ms)
    return usage_error(
        "--retry-for, --retry-base and --retry-max take a number and d, h, m, s or ms, e.g. 10m "
        "or 500ms");
  if (*retry_base_ms > *retry_max_ms)
    return usage_error("--retry-base must not exceed --retry-max");
  o.retry.budget = std::chrono::milliseconds(*retry_for_ms);
  o.retry.base = std::chrono::milliseconds(*retry_base_ms);
  o.retry.max_delay = std::chrono::milliseconds(*retry_max_ms);
  if (connect_timeout < 1 || stall_timeout < 1) return usage_error("timeouts must be positive");
  o.transport.connect_timeout_ms = connect_timeout * 1000;
  o.transport.stall_timeout_s = stall_timeout;
  o.transport.ca_file = ca_file;
  Printer printer(!vm.count("no-progress"));
  return print_summary(fetch::run_fetch(o, printer), keys);
}

}  // namespace leda::cli
