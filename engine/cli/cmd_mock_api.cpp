// `leda mock-api`: serve a store-shaped directory as the Data Access API (for trying fetch).
#include <signal.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "cli/commands.hpp"
#include "fetch/api_keys.hpp"
#include "mockapi/mock_api.hpp"
#include "store/layout.hpp"

namespace leda::cli {
namespace po = boost::program_options;
namespace {

int usage_error(const std::string& message) {
  std::fprintf(stderr, "leda mock-api: %s (see leda mock-api --help)\n", message.c_str());
  return kExitUsage;
}

}  // namespace

int mock_api(int argc, char** argv) {
  mockapi::MockApiOptions o;
  std::string keys;
  std::vector<std::string> tls;
  po::options_description visible(
      "usage: leda mock-api --data DIR --account ID --keys FILE [--port P] [options]\n\n"
      "Serves DIR/<account>/<type>/<file> as the LiveEngage Data Access API: the base resource,\n"
      "listings (startTime/endTime select files by the epoch ms in their names) and downloads.\n"
      "Every request must carry an OAuth 1.0a signature made with the key in FILE (the same\n"
      "JSON file `leda fetch --keys` reads). Port 0 picks a free port; the URL is printed as\n"
      "\"listening on URL\". Ctrl-C or SIGTERM stops it.\n\n"
      "options",
      100);
  visible.add_options()                                                                           //
      ("help,h", "show this help")                                                                //
      ("data", po::value(&o.data_dir), "directory holding <account>/<type>/<file>")               //
      ("account", po::value(&o.account), "the account id to serve")                               //
      ("keys", po::value(&keys), "JSON API key file requests must be signed with")                //
      ("port", po::value(&o.port)->default_value(0), "port (0: any free port)")                   //
      ("bind", po::value(&o.bind)->default_value("127.0.0.1"), "address to listen on")            //
      ("tls", po::value(&tls)->multitoken(), "CERT KEY: serve https with these PEM files")        //
      ("fail-rate", po::value(&o.fail_rate)->default_value(0), "share of requests answered 5xx")  //
      ("throttle-rate", po::value(&o.throttle_rate)->default_value(0),
       "share of requests answered 429 with Retry-After")  //
      ("truncate-rate", po::value(&o.truncate_rate)->default_value(0),
       "share of downloads cut short")                                            //
      ("seed", po::value(&o.seed)->default_value(1), "seed of the failure dice")  //
      ("retry-after", po::value(&o.retry_after_s)->default_value(1),
       "Retry-After seconds of a 429")  //
      ("bandwidth", po::value(&o.bytes_per_second)->default_value(0),
       "bytes per second per download (0: unlimited)")  //
      ("public-url", po::value(&o.public_url),
       "base URL of the hrefs it returns (default: from the request's Host)")  //
      ("log", "print one line per request on stderr");
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
  if (o.data_dir.empty() || o.account.empty() || keys.empty())
    return usage_error("--data, --account and --keys are required");
  if (!store::is_account_id(o.account)) return usage_error("--account must be decimal digits");
  if (!tls.empty() && tls.size() != 2) return usage_error("--tls takes CERT and KEY");
  if (tls.size() == 2) {
    o.tls_cert = tls[0];
    o.tls_key = tls[1];
  }
  for (double rate : {o.fail_rate, o.throttle_rate, o.truncate_rate})
    if (!(rate >= 0 && rate <= 1)) return usage_error("rates must be between 0 and 1");
  if (o.port < 0 || o.port > 65535) return usage_error("--port must be 0 to 65535");
  o.log = vm.count("log") > 0;
  try {
    o.keys = fetch::load_api_keys(keys);
  } catch (const fetch::KeysError& e) {
    std::fprintf(stderr, "leda mock-api: %s\n", e.what());
    return kExitFailed;
  }

  // Block the stop signals in every thread; this one waits for them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  try {
    mockapi::MockApi api(o);
    api.start();
    std::printf("listening on %s\n", api.url().c_str());
    std::fflush(stdout);
    std::fprintf(stderr, "leda mock-api: serving account %s from %s\n", o.account.c_str(),
                 o.data_dir.c_str());
    int sig = 0;
    sigwait(&stop_signals, &sig);
    api.stop();
    std::fprintf(stderr, "leda mock-api: stopped (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "leda mock-api: %s\n", e.what());
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace leda::cli
