// `leda generate`: writes a deterministic synthetic account (see gen/generator.hpp).
#include <cstdio>
#include <iostream>
#include <string>

#include <fmt/format.h>
#include <boost/program_options.hpp>

#include "cli/commands.hpp"
#include "gen/generator.hpp"
#include "leda/joins.hpp"
#include "util/civil_time.hpp"

namespace leda::cli {
namespace po = boost::program_options;

int generate(int argc, char** argv) {
  gen::GenOptions opt;
  std::string start = "2026-10-31";
  int threads = 0;
  po::options_description desc(
      "leda generate: write a synthetic LiveEngage account in the Data Access file format\n\n"
      "usage: leda generate --out DIR [--seed N] [options]\n\n"
      "Writes DIR/<account>/{agentActivity,webSession,engagement,survey}/ with one gzip file\n"
      "per data type and UTC hour, plus DIR/agents.csv (agent map), DIR/membership.csv\n"
      "(customer segments) and the agents' WFM schedule: DIR/schedule.csv and\n"
      "DIR/activities.csv (neutral form), the same schedule as a NICE IEX export\n"
      "(DIR/schedule-iex.txt, management unit America/New_York, unpaid MEAL,OFF) and as\n"
      "Genesys Cloud JSON (DIR/schedule-genesys.json, DIR/genesys-activity-codes.json).\n"
      "The same arguments give byte-identical files, whatever --threads.\n\n"
      "options");
  // clang-format off
  desc.add_options()
    ("help,h", "show this help")
    ("out,o", po::value(&opt.out_dir)->value_name("DIR"), "output directory (required)")
    ("seed,s", po::value(&opt.seed)->value_name("N")->default_value(1), "random seed")
    ("account", po::value(&opt.account)->value_name("ID")->default_value(opt.account), "account id")
    ("agents", po::value(&opt.agents)->value_name("A")->default_value(opt.agents), "number of agents")
    ("days", po::value(&opt.days)->value_name("D")->default_value(opt.days), "days of data")
    ("visits-per-day", po::value(&opt.visits_per_day)->value_name("V")->default_value(opt.visits_per_day),
     "average web visits per day (about 4% of them ask to chat)")
    ("start", po::value(&start)->value_name("YYYY-MM-DD")->default_value(start),
     "first day (UTC); the default range includes the US DST change of 2026-11-01")
    ("threads", po::value(&threads)->value_name("N")->default_value(0),
     "writer threads (0: all cores); does not change the output")
    ("weekly-profile", po::bool_switch(&opt.weekly_profile),
     "web traffic and chats by a weekly profile (weekday morning and afternoon peaks, a lower "
     "weekend hump) growing 1% a day, each hour +-10% noise: data to forecast from "
     "(e.g. --days 35)")
    ("force", po::bool_switch(&opt.force), "replace an existing account and CSV files in DIR")
    ("quiet,q", "no progress bar and no summary");
  // clang-format on
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(desc).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::fprintf(stderr, "leda generate: %s (see leda generate --help)\n", e.what());
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return kExitOk;
  }
  const bool quiet = vm.count("quiet") > 0;
  opt.progress = !quiet;
  const auto day = util::parse_date(start);
  if (!day) {
    std::fprintf(stderr, "leda generate: --start: not a date (YYYY-MM-DD): '%s'\n", start.c_str());
    return kExitUsage;
  }
  opt.start_day = *day;
  if (threads < 0) {
    std::fprintf(stderr, "leda generate: --threads must be 0..1024, got %d\n", threads);
    return kExitUsage;
  }
  opt.threads = static_cast<unsigned>(threads);
  if (opt.out_dir.empty()) {
    std::fprintf(stderr, "leda generate: --out DIR is required (see leda generate --help)\n");
    return kExitUsage;
  }
  gen::GenSummary s;
  try {
    s = gen::generate(opt);
  } catch (const gen::GenUsageError& e) {
    std::fprintf(stderr, "leda generate: %s\n", e.what());
    return kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "leda generate: %s\n", e.what());
    return kExitFailed;
  }
  if (!quiet) {
    const double total = static_cast<double>(std::max<std::uint64_t>(1, s.total_bytes()));
    std::printf(
        "%s\n",
        fmt::format("generate: {} files, {} records ({} visits, {} chats, {} surveys, {} agent "
                    "sessions), {:.1f} MB JSON (web {:.0f}%, agent {:.0f}%, engagement {:.0f}%, "
                    "survey {:.0f}%), {:.1f} MB gzip in {:.1f} s -> {}",
                    s.total_files(), s.total_records(), s.records[1], s.records[2], s.records[3],
                    s.records[0], s.total_bytes() / 1e6, 100 * s.bytes[1] / total,
                    100 * s.bytes[0] / total, 100 * s.bytes[2] / total, 100 * s.bytes[3] / total,
                    s.total_compressed() / 1e6, s.seconds, s.account_dir)
            .c_str());
  }
  return kExitOk;
}

}  // namespace leda::cli
