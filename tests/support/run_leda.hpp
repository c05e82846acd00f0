// support/run_leda.hpp — the real `leda` binary run as a child process, its exit code, stdout
// and stderr captured.
//
//   auto r = leda::test::run_leda({"inspect", "--data", dir.path});
//   CHECK(r.exit_code == 0);
//   leda::test::Child server = leda::test::spawn_leda({"mock-api", ...});   // in the background
//   leda::test::Child jailed = leda::test::spawn_command({"unshare", "-rm", ..., leda_bin(), ...});
//   ...
//   ::kill(server.pid, SIGTERM);
//   auto stopped = leda::test::wait_child(server, 10);
//
// The child gets the test's environment without LEDA_PLUGIN_PATH (what the caller's shell has
// must not change what a test sees) plus RunOptions::env. It is started with posix_spawn, not
// fork, because test processes run server threads. A sanitizer report in its stderr fails the
// running test even when the exit code was the expected one (under ASan a report exits 1).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace leda::test {

/// The `leda` binary under test: $LEDA_BIN (ctest sets it), else the build tree's.
std::string leda_bin();

/// How to run it.
struct RunOptions {
  std::vector<std::string> env = {};  ///< "NAME=value" set in the child's environment
  int timeout_s = 60;                 ///< run_leda kills the child after this long
  std::string cwd = {};               ///< the child's working folder ("": the test's)
};

/// A finished child.
struct RunResult {
  int exit_code = -1;  ///< its exit status, or 128 + the signal that ended it
  std::string out, err;
  double seconds = 0;
};

/// A child running in the background. Destroying it before wait_child kills it.
struct Child {
  pid_t pid = -1;
  std::string out_path, err_path;  ///< where its stdout and stderr go until wait_child

  Child() = default;
  Child(Child&& other) noexcept;
  Child& operator=(Child&& other) noexcept;
  ~Child();
};

/// Starts `leda args...`. Throws std::runtime_error when it cannot.
Child spawn_leda(const std::vector<std::string>& args, const RunOptions& options = {});

/// Starts `argv` (argv[0] looked up on PATH when it has no slash), for a test that runs leda
/// through another program (`unshare ... leda fetch ...`). Throws std::runtime_error when it
/// cannot.
Child spawn_command(const std::vector<std::string>& argv, const RunOptions& options = {});

/// Waits for `child` (killing it after `timeout_s`) and collects its output.
RunResult wait_child(Child& child, int timeout_s = 60);

/// spawn_leda + wait_child.
RunResult run_leda(const std::vector<std::string>& args, const RunOptions& options = {});

}  // namespace leda::test
