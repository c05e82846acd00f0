// cli/commands.hpp — the subcommands of `leda`. Each takes the arguments after its name
// (argv[0] is the subcommand name) and returns the process exit code.
//
// Exit codes shared by all commands:
//   0  success
//   1  the command ran but some input was bad or some part failed (details on stderr)
//   2  usage error (unknown option, missing argument)
//   3  nothing could be done (unreadable data directory, failed configuration, ...)
#pragma once

namespace leda::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitPartial = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailed = 3;

int generate(int argc, char** argv);  ///< leda generate: write a synthetic account
int inspect(int argc, char** argv);   ///< leda inspect: load and describe data
int fetch(int argc, char** argv);     ///< leda fetch: download from the Data Access API
int mock_api(int argc, char** argv);  ///< leda mock-api: serve a directory as the API
int plugins(int argc, char** argv);   ///< leda plugins: list plugins
int run(int argc, char** argv);       ///< leda run: run KPI plugins
int report(int argc, char** argv);    ///< leda report: every built-in KPI, readable
int wfm(int argc, char** argv);       ///< leda wfm: WFM schedules (wfm import)

}  // namespace leda::cli
