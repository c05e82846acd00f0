// `leda run` and `leda report` under mpiexec: the output is the one-process output, byte for
// byte, for every built-in plugin, every group_by value and every format at 1 to 4 ranks, on
// the sample account and on a generated account delivered in parts and twice; errors reach
// rank 0 with the rank named; a rank that dies fails the run instead of hanging it.
//
// The matrix (kept small for CI): at each of -np 1, 2, 3, 4, five runs: `report` as text and
// as HTML, and `run` of the built-in KPIs as JSON, CSV and a table, the group_by values
// spread over the three (every value of every KPI appears at every -np), with --threads
// alternating 1 and 2 and, at 2 and 4 ranks, messages cut to 4 KiB so exchanges take many
// rounds.
#include <catch2/catch.hpp>

#include "dist_support.hpp"
#include "messy_account.hpp"
#include "support/files.hpp"
#include "support/run_leda.hpp"
#include "support/temp_dir.hpp"

namespace {

using leda::test::RunResult;

// mpiexec as root in a container: allowed by the variables, ranks may outnumber cores,
// shared-memory transfers copy through a buffer (no ptrace-based single copy), one machine's
// transports only (no network probing), and Open MPI's plugins stay loaded to the end. Under
// the sanitizers: full stacks for the leak check, so that the suppressions find Open MPI's
// libraries in them (its code has no frame pointers), and the suppressions themselves.
const std::vector<std::string> kMpiEnv = {"OMPI_ALLOW_RUN_AS_ROOT=1",
                                          "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1",
                                          "OMPI_MCA_btl_vader_single_copy_mechanism=none",
                                          "OMPI_MCA_rmaps_base_oversubscribe=1",
                                          "OMPI_MCA_pml=ob1",
                                          "OMPI_MCA_btl=self,vader",
                                          "OMPI_MCA_mca_base_component_disable_dlclose=1",
                                          "ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0",
                                          "LSAN_OPTIONS=suppressions=" LEDA_LSAN_SUPPRESSIONS
                                          ":print_suppressions=0"};

RunResult mpi_leda(int np, const std::vector<std::string>& args,
                   std::vector<std::string> env = {}) {
  std::vector<std::string> argv = {LEDA_MPIEXEC, "-np", std::to_string(np), leda::test::leda_bin()};
  argv.insert(argv.end(), args.begin(), args.end());
  env.insert(env.end(), kMpiEnv.begin(), kMpiEnv.end());
  auto child = leda::test::spawn_command(argv, {env, 120});
  return leda::test::wait_child(child, 120);
}

// The rank counts of the matrix: 1 to 4 (a sanitizer build, which runs every process several
// times slower, defines fewer).
#ifndef LEDA_MPI_TEST_RANKS
#define LEDA_MPI_TEST_RANKS 1, 2, 3, 4
#endif
constexpr int kRanks[] = {LEDA_MPI_TEST_RANKS};

struct Case {
  std::string name;
  std::vector<std::string> args;
};

// `wfm`: the folder of a schedule.csv and activities.csv to join (wfm-adherence then runs too).
std::vector<Case> matrix(const std::string& data, const std::string& agents,
                         const std::string& membership, const std::string& wfm = "") {
  std::vector<std::string> joins = {"--data",           data,     "--join",
                                    "agents=" + agents, "--join", "membership=" + membership};
  std::vector<std::string> kpis = {"agent-utilization", "conversations", "surveys",
                                   "aov-by-segment",    "conversion",    "staffing"};
  std::vector<std::vector<std::string>> adherence = {{}, {}, {}};  // json, csv, table params
  if (!wfm.empty()) {
    joins.insert(joins.end(), {"--join", "schedule=" + wfm + "/schedule.csv", "--join",
                               "activities=" + wfm + "/activities.csv"});
    kpis.push_back("wfm-adherence");
    adherence = {{"--param", "wfm-adherence.group_by=agent,day"},
                 {"--param", "wfm-adherence.group_by=region,interval"},
                 {"--param", "wfm-adherence.group_by=activity"}};
  }
  auto with = [&](std::vector<std::string> head, std::vector<std::string> tail,
                  const std::vector<std::string>& more = {}) {
    head.insert(head.end(), joins.begin(), joins.end());
    head.insert(head.end(), tail.begin(), tail.end());
    head.insert(head.end(), more.begin(), more.end());
    return head;
  };
  std::vector<std::string> run = {"run"};
  run.insert(run.end(), kpis.begin(), kpis.end());
  return {
      {"report text", with({"report"}, {"--param", "tz=America/New_York"})},
      {"report html", with({"report"}, {"--format", "html"})},
      {"run json",
       with(run,
            {"--format", "json", "--param", "agent-utilization.group_by=agent,group,day", "--param",
             "conversations.group_by=skill,agent", "--param", "surveys.group_by=skill,agent,survey",
             "--param", "conversion.group_by=segment", "--param", "staffing.group_by=skill",
             "--param", "tz=Europe/London"},
            adherence[0])},
      {"run csv",
       with(run,
            {"--format", "csv", "--param", "agent-utilization.group_by=region,interval", "--param",
             "conversations.group_by=day,interval", "--param", "surveys.group_by=survey", "--param",
             "conversion.group_by=none", "--param", "staffing.group_by=none"},
            adherence[1])},
      {"run table",
       with(run,
            {"--format", "table", "--param", "agent-utilization.group_by=none", "--param",
             "conversations.group_by=none", "--param", "surveys.group_by=none"},
            adherence[2])},
  };
}

// Every case at -np 1..4 against one process.
void check_matrix(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const RunResult one = leda::test::run_leda(c.args);
    INFO(c.name << ": " << one.err);
    REQUIRE(one.exit_code == 0);
    REQUIRE(one.out.size() > 200);
    for (int np : kRanks) {
      std::vector<std::string> args = c.args;
      args.insert(args.end(), {"--threads", np % 2 ? "1" : "2"});
      std::vector<std::string> env;
      if (np % 2 == 0) env.push_back("LEDA_MPI_MAX_MESSAGE=4096");
      const RunResult many = mpi_leda(np, args, env);
      INFO("-np " << np << ": " << many.err);
      CHECK(many.exit_code == 0);
      CHECK(many.out == one.out);
    }
  }
}

}  // namespace

TEST_CASE("run and report under mpiexec print the one-process bytes: the sample account",
          "[dist][mpi]") {
  check_matrix(matrix(leda::test::sample_data(), leda::test::sample_agents(),
                      leda::test::sample_membership(),
                      std::string(LEDA_SOURCE_DIR) + "/examples/sample-account"));
}

TEST_CASE("run and report under mpiexec print the one-process bytes: an account in parts",
          "[dist][mpi]") {
  leda::test::TempDir dir("mpi-messy");
  const auto a = leda::test::make_messy_account(dir);
  // The account has what the ranks must get right: duplicates and sessions in parts.
  const RunResult inspect = leda::test::run_leda({"inspect", "--data", a.data, "--format", "json"});
  REQUIRE(inspect.exit_code == 0);
  CHECK(inspect.out.find("\"duplicates\": 0,") == std::string::npos);
  CHECK(inspect.out.find("\"merged_parts\": 0,") == std::string::npos);
  check_matrix(matrix(a.data, a.agents, a.membership));
}

TEST_CASE("a KPI without a state codec is a usage error over several ranks, before loading",
          "[dist][mpi]") {
  const RunResult r =
      mpi_leda(2, {"run", "thrower", "--plugin-dir", std::string(LEDA_TEST_PLUGIN_DIR) + "/throws",
                   "--data", "/nonexistent"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("KPI 'thrower'") &&
                        Catch::Contains("cannot run over MPI ranks: it has no state codec"));
  CHECK_THAT(r.err, !Catch::Contains("/nonexistent"));  // stopped before looking at the data
  // One rank is a one-process run: it runs.
  const RunResult one =
      mpi_leda(1, {"run", "thrower", "--plugin-dir", std::string(LEDA_TEST_PLUGIN_DIR) + "/throws",
                   "--param", "thrower.phase=none", "--data", leda::test::sample_data()});
  INFO(one.err);
  CHECK(one.exit_code == 0);
}

TEST_CASE("a bad file and a failing plugin reach rank 0 with the rank named", "[dist][mpi]") {
  leda::test::TempDir dir("mpi-bad");
  const std::string data = dir / "data";
  std::filesystem::copy(leda::test::sample_data(), data, std::filesystem::copy_options::recursive);
  leda::test::write_file(data + "/webSession/broken.json", "{\"dataType\": oops\n");
  const std::vector<std::string> args = {"report", "--data", data};
  const RunResult one = leda::test::run_leda(args);
  const RunResult three = mpi_leda(3, args);
  CHECK(one.exit_code == 0);
  CHECK(three.exit_code == 0);
  CHECK(three.out == one.out);  // the report lists the problem as one process does
  CHECK_THAT(one.out, Catch::Contains("broken.json"));
  CHECK_THAT(three.err, Catch::Contains("leda report: rank ") &&
                            Catch::Contains("broken.json: 1 problem (listed below)"));

  // A plugin that fails on the rank holding one visit: named with its rank; the others print.
  const std::string visit = "7ThMi232U1Bwti3kWgEFlH.7a3fe56f6d1da089c6e722c07874d0ca60b47889";
  const RunResult failed =
      mpi_leda(3, {"run", "visit-tripwire", "conversations", "--plugin-dir", LEDA_DIST_PLUGIN_DIR,
                   "--param", "visit-tripwire.fail_on=" + visit, "--data",
                   leda::test::sample_data(), "--format", "json"});
  CHECK(failed.exit_code == 1);
  CHECK_THAT(failed.err,
             Catch::Contains("plugin 'visit-tripwire' (") &&
                 Catch::Contains("failed in update: visit " + visit + " trips the wire (on rank "));
  CHECK_THAT(failed.out, Catch::Contains("\"kpi\": \"conversations\""));
}

TEST_CASE("a rank that dies fails the run with mpirun's message, never hangs", "[dist][mpi]") {
  for (const char* stage : {"parse", "exchange", "merge"}) {
    INFO(stage);
    const RunResult r = mpi_leda(3, {"run", "conversations", "--data", leda::test::sample_data()},
                                 {std::string("LEDA_MPI_TEST_KILL=1:") + stage});
    CHECK(r.exit_code != 0);
    CHECK(r.seconds < 60);
    CHECK_THAT(r.err, Catch::Contains("rank 1") || Catch::Contains("signal 9"));
    CHECK(r.out.empty());
  }
}
