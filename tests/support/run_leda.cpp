// support/run_leda.cpp — see run_leda.hpp.
#include "support/run_leda.hpp"

#include <catch2/catch.hpp>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "support/files.hpp"

extern char** environ;

namespace leda::test {
namespace {

// A new empty file under the temp folder for one of the child's streams; returns its fd.
int capture_file(const char* stream, std::string& path) {
  path = (std::filesystem::temp_directory_path() / ("leda-child-XXXXXX." + std::string(stream)))
             .string();
  const int fd = ::mkstemps(path.data(), static_cast<int>(std::strlen(stream)) + 1);
  if (fd < 0) throw std::runtime_error("cannot create " + path);
  return fd;
}

std::string name_of(const std::string& entry) {
  return entry.substr(0, entry.find('='));
}

// The test's environment without LEDA_PLUGIN_PATH and the names `extra` sets, then `extra`.
std::vector<std::string> child_environment(const std::vector<std::string>& extra) {
  std::vector<std::string> out;
  for (char** e = environ; *e; ++e) {
    const std::string entry = *e, name = name_of(entry);
    bool replaced = name == "LEDA_PLUGIN_PATH";
    for (const auto& x : extra)
      replaced = replaced || name_of(x) == name;
    if (!replaced) out.push_back(entry);
  }
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings)
    out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

void discard(Child& c) {
  if (c.pid > 0) {
    ::kill(c.pid, SIGKILL);
    ::waitpid(c.pid, nullptr, 0);
  }
  if (!c.out_path.empty()) ::unlink(c.out_path.c_str());
  if (!c.err_path.empty()) ::unlink(c.err_path.c_str());
  c.pid = -1;
  c.out_path.clear();
  c.err_path.clear();
}

}  // namespace

std::string leda_bin() {
  if (const char* env = std::getenv("LEDA_BIN"); env && *env) return env;
  return std::string(LEDA_BINARY_DIR) + "/engine/cli/leda";
}

Child::Child(Child&& other) noexcept
    : pid(other.pid), out_path(std::move(other.out_path)), err_path(std::move(other.err_path)) {
  other.pid = -1;
  other.out_path.clear();
  other.err_path.clear();
}

Child& Child::operator=(Child&& other) noexcept {
  if (this != &other) {
    discard(*this);
    pid = other.pid;
    out_path = std::move(other.out_path);
    err_path = std::move(other.err_path);
    other.pid = -1;
    other.out_path.clear();
    other.err_path.clear();
  }
  return *this;
}

Child::~Child() {
  discard(*this);
}

Child spawn_leda(const std::vector<std::string>& args, const RunOptions& options) {
  std::vector<std::string> argv = {leda_bin()};
  argv.insert(argv.end(), args.begin(), args.end());
  return spawn_command(argv, options);
}

Child spawn_command(const std::vector<std::string>& argv_in, const RunOptions& options) {
  if (argv_in.empty()) throw std::invalid_argument("spawn_command: no program to start");
  Child c;
  const int out_fd = capture_file("out", c.out_path);
  const int err_fd = capture_file("err", c.err_path);
  const std::string& bin = argv_in.front();
  std::vector<std::string> argv_s = argv_in;
  std::vector<std::string> env_s = child_environment(options.env);
  std::vector<char*> argv = pointers(argv_s), envp = pointers(env_s);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  if (!options.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, options.cwd.c_str());
  const int rc = ::posix_spawnp(&c.pid, bin.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_fd);
  ::close(err_fd);
  if (rc != 0) {
    c.pid = -1;
    throw std::runtime_error("cannot start " + bin + ": " + std::strerror(rc));
  }
  return c;
}

RunResult wait_child(Child& child, int timeout_s) {
  if (child.pid <= 0) throw std::logic_error("wait_child: no child running");
  RunResult r;
  const auto start = std::chrono::steady_clock::now();
  int status = 0;
  for (;;) {
    if (::waitpid(child.pid, &status, WNOHANG) == child.pid) break;
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(timeout_s)) {
      ::kill(child.pid, SIGKILL);
      ::waitpid(child.pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  child.pid = -1;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(child.out_path);
  r.err = read_file(child.err_path);
  discard(child);
  INFO("stderr of leda:\n" << r.err);
  CHECK_THAT(r.err, !Catch::Contains("Sanitizer") && !Catch::Contains("runtime error:"));
  return r;
}

RunResult run_leda(const std::vector<std::string>& args, const RunOptions& options) {
  Child c = spawn_leda(args, options);
  return wait_child(c, options.timeout_s);
}

}  // namespace leda::test
