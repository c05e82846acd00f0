#include "fetch_fixture.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

namespace leda::test {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "leda-fetch-test-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path, ec);
}

std::string gzip_bytes(const std::string& text) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2 failed");
  std::string out(deflateBound(&z, text.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate failed");
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string ndjson_records(int n, std::uint64_t seed, std::size_t pad) {
  std::mt19937_64 rng(seed);
  std::string out;
  for (int i = 0; i < n; ++i) {
    std::string noise;
    for (std::size_t k = 0; k < pad; ++k)
      noise += "0123456789abcdef"[rng() & 15];
    out += fmt::format("{{\"record\":{},\"seed\":{},\"noise\":\"{}\"}}\n", i, seed, noise);
  }
  return out;
}

void write_file(const std::string& path, const std::string& bytes, unsigned mode) {
  fs::create_directories(fs::path(path).parent_path());
  {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) throw std::runtime_error("cannot write " + path);
  }
  ::chmod(path.c_str(), mode);
}

std::string read_bytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

bool exists(const std::string& path) {
  return ::access(path.c_str(), F_OK) == 0;
}

std::string file_name(const std::string& prefix, std::int64_t start_ms, int part) {
  return fmt::format("{}.{}.{}.part-{:05}-0.gz", prefix, start_ms, start_ms + kHourMs, part);
}

std::string add_source_file(const std::string& dir, const std::string& type, std::int64_t start_ms,
                            int records, int part) {
  static const std::map<std::string, std::string> kPrefix = {{"agentActivity", "Agent"},
                                                             {"webSession", "WebSession"},
                                                             {"engagement", "Engagement"},
                                                             {"survey", "Survey"}};
  const std::string name = file_name(kPrefix.at(type), start_ms, part);
  const auto seed = static_cast<std::uint64_t>(start_ms / 1000 + part * 7 + type.size());
  write_file(dir + "/" + kAccount + "/" + type + "/" + name,
             gzip_bytes(ndjson_records(records, seed)));
  return name;
}

std::map<std::string, std::string> tree_files(const std::string& dir) {
  std::map<std::string, std::string> out;
  if (!fs::exists(dir)) return out;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator();
       ++it) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name.front() == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file())
      out[fs::relative(it->path(), dir).string()] = read_bytes(it->path().string());
  }
  return out;
}

fetch::OAuthCredentials test_keys() {
  return {"leda-test-consumer-key", "leda-test-consumer-SECRET-1f3a", "leda-test-token",
          "leda-test-token-SECRET-9c2b"};
}

fetch::OAuthCredentials wrong_secret_keys() {
  auto k = test_keys();
  k.consumer_secret = "leda-test-WRONG-secret-77e0";
  return k;
}

std::string write_keys(const std::string& path, const fetch::OAuthCredentials& k, unsigned mode) {
  write_file(path,
             fmt::format("{{\"consumer_key\": \"{}\", \"consumer_secret\": \"{}\", \"token\": "
                         "\"{}\", \"token_secret\": \"{}\"}}\n",
                         k.consumer_key, k.consumer_secret, k.token, k.token_secret),
             mode);
  return path;
}

Certs make_certs(const std::string& dir) {
  Certs c{dir + "/ca.pem", dir + "/server.pem", dir + "/server.key"};
  write_file(dir + "/server.ext",
             "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
             "keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n");
  const std::string ec = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
  const std::string cmd = fmt::format(
      "cd '{0}' && openssl req -x509 {1} -keyout ca.key -out ca.pem -days 2 -subj '/CN=leda test "
      "CA' "
      "&& openssl req -new {1} -keyout server.key -out server.csr -subj '/CN=localhost' "
      "&& openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial "
      "-out server.pem -days 2 -extfile server.ext",
      dir, ec);
  if (std::system(("(" + cmd + ") >/dev/null 2>&1").c_str()) != 0)
    throw std::runtime_error("openssl could not make the test certificates");
  return c;
}

std::string leda_bin() {
  if (const char* env = std::getenv("LEDA_BIN"); env && *env) return env;
  return std::string(LEDA_BINARY_DIR) + "/engine/cli/leda";
}

Child spawn_command(const std::vector<std::string>& args, const std::string& dir) {
  static int counter = 0;
  Child c;
  ++counter;
  c.out_path = fmt::format("{}/.child-{}-{}.out", dir, ::getpid(), counter);
  c.err_path = fmt::format("{}/.child-{}-{}.err", dir, ::getpid(), counter);
  std::vector<std::string> argv_s = args;
  std::vector<char*> argv;
  for (auto& a : argv_s)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  // posix_spawn, not fork: the test process runs server threads.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, c.out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, c.err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  const int rc =
      ::posix_spawnp(&c.pid, argv_s.at(0).c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + argv_s.at(0));
  return c;
}

Child spawn_leda(const std::vector<std::string>& args, const std::string& dir) {
  std::vector<std::string> argv = {leda_bin()};
  argv.insert(argv.end(), args.begin(), args.end());
  return spawn_command(argv, dir);
}

RunResult wait_child(Child& child, int timeout_s) {
  RunResult r;
  const auto start = std::chrono::steady_clock::now();
  int status = 0;
  for (;;) {
    pid_t done = ::waitpid(child.pid, &status, WNOHANG);
    if (done == child.pid) break;
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(timeout_s)) {
      ::kill(child.pid, SIGKILL);
      ::waitpid(child.pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_bytes(child.out_path);
  r.err = read_bytes(child.err_path);
  ::unlink(child.out_path.c_str());
  ::unlink(child.err_path.c_str());
  child.pid = -1;
  // Under ASan a report exits 1, which some tests expect for other reasons: look for it.
  for (const char* report : {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:"}) {
    INFO("stderr of leda:\n" << r.err);
    CHECK(r.err.find(report) == std::string::npos);
  }
  return r;
}

RunResult run_leda(const std::vector<std::string>& args, const std::string& dir, int timeout_s) {
  Child c = spawn_leda(args, dir);
  return wait_child(c, timeout_s);
}

}  // namespace leda::test
