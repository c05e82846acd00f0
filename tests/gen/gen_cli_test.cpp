// `leda generate` run as a user runs it: the real binary ($LEDA_BIN).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "account_reader.hpp"
#include "support/run_leda.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

struct Run {
  int code;
  std::string out;  // stdout and stderr
};

// `leda generate args...` run as a user runs it.
Run generate(std::vector<std::string> args) {
  args.insert(args.begin(), "generate");
  const leda::test::RunResult r = leda::test::run_leda(args);
  return {r.exit_code, r.out + r.err};
}

// `args` followed by the options of a small account.
std::vector<std::string> small(std::vector<std::string> args) {
  args.insert(args.end(),
              {"--agents", "5", "--days", "1", "--visits-per-day", "200", "--seed", "42"});
  return args;
}

}  // namespace

TEST_CASE("leda generate writes the account and prints a one-line summary") {
  const leda::test::TempDir dir("gen-cli-run");
  const Run r = generate(small({"--out", dir.path, "--threads", "1"}));
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
  const leda::test::TempDir again("gen-cli-run-2");
  REQUIRE(generate(small({"--out", again.path, "--threads", "2", "--quiet"})).code == 0);
  CHECK((gentest::read_tree(dir.path) == gentest::read_tree(again.path)));
}

TEST_CASE("leda generate --weekly-profile changes the traffic, and only the traffic") {
  const leda::test::TempDir plain("gen-cli-plain"), profile("gen-cli-profile"),
      again("gen-cli-profile-2");
  REQUIRE(generate(small({"--out", plain.path, "--quiet"})).code == 0);
  REQUIRE(generate(small({"--out", profile.path, "--quiet", "--weekly-profile"})).code == 0);
  REQUIRE(generate(small({"--out", again.path, "--quiet", "--weekly-profile", "--threads", "1"}))
              .code == 0);
  const auto a = gentest::read_tree(plain.path), b = gentest::read_tree(profile.path);
  CHECK((b == gentest::read_tree(again.path)));  // deterministic too
  // Agents and their shifts do not depend on the visits: the same agent map and schedule.
  for (const char* same : {"agents.csv", "schedule.csv", "activities.csv"})
    CHECK(a.at(same) == b.at(same));
  // The visits follow another curve: the web session files differ.
  int differ = 0;
  for (const auto& [name, bytes] : b)
    if (name.find("webSession") != std::string::npos)
      differ += !a.count(name) || a.at(name) != bytes;
  CHECK(differ > 0);
}

TEST_CASE("leda generate: usage errors exit 2, existing output exits 3") {
  const leda::test::TempDir dir("gen-cli-errors");
  const Run help = generate({"--help"});
  CHECK(help.code == 0);
  for (const char* opt : {"--out", "--seed", "--account", "--agents", "--days", "--visits-per-day",
                          "--start", "--threads", "--force"})
    CHECK(help.out.find(opt) != std::string::npos);
  CHECK(generate({}).code == 2);  // no --out
  CHECK(generate({"--out", dir.path, "--start", "2026-13-01"}).code == 2);
  CHECK(generate({"--out", dir.path, "--bogus"}).code == 2);
  CHECK(generate({"--out", dir.path, "--days", "x"}).code == 2);
  const Run bad_account = generate({"--out", dir.path, "--account", "12ab"});
  CHECK(bad_account.code == 2);
  CHECK(bad_account.out.find("--account") != std::string::npos);
  CHECK(fs::is_empty(dir.path));

  REQUIRE(generate(small({"--out", dir.path, "--quiet"})).code == 0);
  const Run exists = generate(small({"--out", dir.path}));
  CHECK(exists.code == 3);
  CHECK(exists.out.find("already exists") != std::string::npos);
  CHECK(generate(small({"--out", dir.path, "--force", "--quiet"})).code == 0);
}
