// The `leda` command: dispatches to the subcommands of cli/commands.hpp.
#include <cstdio>
#include <cstring>
#include <exception>
#include <string_view>

#include "cli/commands.hpp"
#include "util/large_blocks.hpp"

namespace {

struct Command {
  const char* name;
  int (*run)(int, char**);
  const char* summary;
};

constexpr Command kCommands[] = {
    {"inspect", leda::cli::inspect, "load Data Access files and describe them"},
    {"run", leda::cli::run, "run KPI plugins over loaded data"},
    {"report", leda::cli::report, "run every built-in KPI into one readable report"},
    {"plugins", leda::cli::plugins, "list the KPI plugins found"},
    {"fetch", leda::cli::fetch, "download an account's files from the Data Access API"},
    {"mock-api", leda::cli::mock_api, "serve a directory of files as the Data Access API"},
    {"generate", leda::cli::generate, "write a synthetic account in the Data Access format"},
    {"wfm", leda::cli::wfm, "import WFM schedules (NICE IEX, Genesys Cloud) as neutral CSV"},
};

void usage(std::FILE* out) {
  std::fprintf(out,
               "leda: analytics for LivePerson LiveEngage Data Access data\n\n"
               "usage: leda <command> [options]   (leda <command> --help for its options)\n\n"
               "commands:\n");
  for (const auto& c : kCommands)
    std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(out,
               "\nexit codes: 0 ok, 1 partly failed (bad input, a failed plugin or download),\n"
               "            2 usage error, 3 nothing could be done\n");
}

}  // namespace

int main(int argc, char** argv) {
  leda::util::return_large_blocks_to_system();
  if (argc < 2) {
    usage(stderr);
    return leda::cli::kExitUsage;
  }
  std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    usage(stdout);
    return leda::cli::kExitOk;
  }
  if (name == "--version") {
    std::printf("leda 0.1.0\n");
    return leda::cli::kExitOk;
  }
  for (const auto& c : kCommands) {
    if (name != c.name) continue;
    try {
      return c.run(argc - 1, argv + 1);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "leda %s: %s\n", c.name, e.what());
      return leda::cli::kExitFailed;
    }
  }
  std::fprintf(stderr, "leda: unknown command '%s'\n\n", argv[1]);
  usage(stderr);
  return leda::cli::kExitUsage;
}
