#include "fetch_fixture.hpp"

#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>

#include <fmt/format.h>

namespace leda::test {
namespace fs = std::filesystem;

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
  write_file(dir + "/" + kAccount + "/" + type + "/" + name, gzip(ndjson_records(records, seed)));
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
    if (it->is_regular_file()) out[fs::relative(it->path(), dir).string()] = read_file(it->path());
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

}  // namespace leda::test
