// `leda generate` run as a user runs it: the real binary ($LEDA_BIN).
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "account_reader.hpp"

namespace fs = std::filesystem;

namespace {

struct Run {
  int code;
  std::string out;  // stdout and stderr
};

Run leda(const std::string& args) {
  const char* bin = std::getenv("LEDA_BIN");
  REQUIRE(bin);
  const std::string cmd = std::string(bin) + " generate " + args + " 2>&1";
  std::FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  Run r{0, {}};
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;)
    r.out.append(buf, n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

const std::string kSmall = " --agents 5 --days 1 --visits-per-day 200 --seed 42";

}  // namespace

TEST_CASE("leda generate writes the account and prints a one-line summary") {
  const auto dir = gentest::temp_dir("cli-run");
  const Run r = leda("--out " + dir.string() + kSmall + " --threads 1");
  INFO(r.out);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("generate: ") == 0);
  CHECK(r.out.find(" files, ") != std::string::npos);
  CHECK(r.out.find("MB gzip") != std::string::npos);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
  for (const char* sub :
       {"75555851/agentActivity", "75555851/webSession", "75555851/engagement", "75555851/survey",
        "agents.csv", "membership.csv", "schedule.csv", "activities.csv", "schedule-iex.txt",
        "schedule-genesys.json", "genesys-activity-codes.json"})
    CHECK(fs::exists(dir / sub));

  // Same arguments, more threads, another directory: the same bytes.
  const auto again = gentest::temp_dir("cli-run-2");
  REQUIRE(leda("--out " + again.string() + kSmall + " --threads 2 --quiet").code == 0);
  CHECK((gentest::read_tree(dir) == gentest::read_tree(again)));
}

TEST_CASE("leda generate: usage errors exit 2, existing output exits 3") {
  const auto dir = gentest::temp_dir("cli-errors");
  const Run help = leda("--help");
  CHECK(help.code == 0);
  for (const char* opt : {"--out", "--seed", "--account", "--agents", "--days", "--visits-per-day",
                          "--start", "--threads", "--force"})
    CHECK(help.out.find(opt) != std::string::npos);
  CHECK(leda("").code == 2);  // no --out
  CHECK(leda("--out " + dir.string() + " --start 2026-13-01").code == 2);
  CHECK(leda("--out " + dir.string() + " --bogus").code == 2);
  CHECK(leda("--out " + dir.string() + " --days x").code == 2);
  const Run bad_account = leda("--out " + dir.string() + " --account 12ab");
  CHECK(bad_account.code == 2);
  CHECK(bad_account.out.find("--account") != std::string::npos);
  CHECK(fs::is_empty(dir));

  REQUIRE(leda("--out " + dir.string() + kSmall + " --quiet").code == 0);
  const Run exists = leda("--out " + dir.string() + kSmall);
  CHECK(exists.code == 3);
  CHECK(exists.out.find("already exists") != std::string::npos);
  CHECK(leda("--out " + dir.string() + kSmall + " --force --quiet").code == 0);
}
