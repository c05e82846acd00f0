// `leda mock-api` as a child process: port 0, https, a real `leda fetch` against it, SIGTERM.
#include <catch2/catch.hpp>

#include <signal.h>

#include <regex>

#include "fetch_fixture.hpp"

using namespace leda;
using leda::test::kDay0;
using leda::test::kDayMs;
using leda::test::kHourMs;
using leda::test::TempDir;

TEST_CASE("mock-api: port 0 prints its URL, fetch works against it over https, SIGTERM stops it",
          "[mockapi][e2e]") {
  TempDir dir;
  const std::string source = dir / "source";
  for (int h : {0, 7, 30})
    test::add_source_file(source, "engagement", kDay0 + h * kHourMs);
  const std::string keys = test::write_keys(dir / "keys.json", test::test_keys());
  const auto certs = test::make_certs(dir.path);

  test::Child server =
      test::spawn_leda({"mock-api", "--data", source, "--account", test::kAccount, "--keys", keys,
                        "--port", "0", "--tls", certs.cert, certs.key});
  std::smatch m;
  std::string out;
  const std::regex listening("listening on (https://127\\.0\\.0\\.1:([0-9]+))\n");
  REQUIRE(test::eventually([&] {
    out = test::read_file(server.out_path);
    return std::regex_search(out, m, listening);
  }));
  const std::string url = m[1];
  CHECK(std::stoi(m[2]) > 0);

  auto fetch = test::run_leda({"fetch", "--account", test::kAccount, "--host", url, "--keys", keys,
                               "--store", dir / "store", "--ca-file", certs.ca, "--from",
                               std::to_string(kDay0), "--to", std::to_string(kDay0 + 2 * kDayMs),
                               "--no-progress"});
  INFO(fetch.err);
  CHECK(fetch.exit_code == 0);
  CHECK(test::tree_files(dir / "store/" + test::kAccount) ==
        test::tree_files(source + "/" + test::kAccount));

  ::kill(server.pid, SIGTERM);
  auto stopped = test::wait_child(server, 10);
  CHECK(stopped.exit_code == 0);
  CHECK(stopped.err.find("stopped (SIGTERM)") != std::string::npos);
}

TEST_CASE("mock-api: refuses an open keys file and unusable TLS files", "[mockapi][e2e]") {
  TempDir dir;
  const std::string open_keys = test::write_keys(dir / "keys.json", test::test_keys(), 0644);
  auto r = test::run_leda(
      {"mock-api", "--data", dir.path, "--account", test::kAccount, "--keys", open_keys},
      {.timeout_s = 10});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("chmod 600") != std::string::npos);

  const std::string keys = test::write_keys(dir / "keys2.json", test::test_keys());
  r = test::run_leda({"mock-api", "--data", dir.path, "--account", test::kAccount, "--keys", keys,
                      "--tls", dir / "missing.pem", dir / "missing.key"},
                     {.timeout_s = 10});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("cannot use the TLS certificate") != std::string::npos);
}
