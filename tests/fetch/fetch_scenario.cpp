#include "fetch_scenario.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

namespace leda::test {

Scenario::Scenario(bool tls, mockapi::MockApiOptions o) {
  source = dir / "source";
  store = dir / "store";
  keys = write_keys(dir / "keys.json", test_keys());
  std::filesystem::create_directories(source + "/" + kAccount);
  if (tls) {
    certs = make_certs(dir.path);
    o.tls_cert = certs->cert;
    o.tls_key = certs->key;
  }
  o.data_dir = source;
  o.account = kAccount;
  o.keys = test_keys();
  api = std::make_unique<mockapi::MockApi>(o);
  api->start();
}

std::string Scenario::port() const {
  return api->url().substr(api->url().rfind(':') + 1);
}

std::vector<std::string> Scenario::args(const std::vector<std::string>& extra) const {
  std::vector<std::string> a = {"fetch",    "--account",     kAccount,       "--host",
                                api->url(), "--keys",        keys,           "--store",
                                store,      "--no-progress", "--retry-base", "1ms"};
  if (certs) {
    a.push_back("--ca-file");
    a.push_back(certs->ca);
  }
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

RunResult Scenario::fetch(const std::vector<std::string>& extra, int timeout_s) const {
  auto r = run_leda(args(extra), {.timeout_s = timeout_s});
  UNSCOPED_INFO("leda fetch exit " << r.exit_code << "\nstdout:\n"
                                   << r.out << "stderr:\n"
                                   << r.err);
  return r;
}

std::map<std::string, std::string> Scenario::source_files() const {
  return tree_files(source + "/" + kAccount);
}

std::map<std::string, std::string> Scenario::stored_files() const {
  return tree_files(account_dir());
}

store::Manifest Scenario::manifest() const {
  const std::string path = account_dir() + "/.leda/manifest.json";
  return store::Manifest::parse(read_file(path), path);
}

std::size_t Scenario::temp_files() const {
  std::size_t n = 0;
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(account_dir() + "/.leda/tmp", ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
    ++n;
  return n;
}

std::vector<std::string> days(std::int64_t from, std::int64_t to) {
  return {"--from", std::to_string(from), "--to", std::to_string(to)};
}

}  // namespace leda::test
