// bench/run/limit_probe.cpp — see limit_probe.hpp.
#include "limit_probe.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>

#include <rapidjson/reader.h>

#include "util/gzip.hpp"
#include "util/thread_pool.hpp"

namespace leda::bench {
namespace {

// Accepts every SAX event and does nothing with it.
struct NullHandler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, NullHandler> {
  bool Default() { return true; }
};

// Parses the JSON values of `text` one after another (NDJSON or values back to back).
std::uint64_t parse_all(const std::string& text, const std::string& name) {
  rapidjson::Reader reader;
  NullHandler handler;
  rapidjson::StringStream in(text.c_str());
  std::uint64_t values = 0;
  for (;;) {
    rapidjson::SkipWhitespace(in);
    if (in.Peek() == '\0') break;
    if (!reader.Parse<rapidjson::kParseStopWhenDoneFlag>(in, handler))
      throw std::runtime_error(name + ": JSON error at byte " +
                               std::to_string(reader.GetErrorOffset()));
    ++values;
  }
  return values;
}

}  // namespace

std::vector<std::filesystem::path> account_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (auto it = std::filesystem::recursive_directory_iterator(dir);
       it != std::filesystem::recursive_directory_iterator(); ++it) {
    if (it->path().filename().string().starts_with(".")) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

ProbeResult run_probe(const std::vector<std::filesystem::path>& files, unsigned threads) {
  std::atomic<std::uint64_t> compressed{0}, json{0}, values{0};
  const auto start = std::chrono::steady_clock::now();
  leda::util::parallel_for(files.size(), threads, [&](std::size_t i) {
    std::string raw, text;
    leda::util::read_file(files[i].string(), raw);
    compressed += raw.size();
    if (leda::util::is_gzip(raw)) {
      const util::GunzipResult g = leda::util::gunzip(raw, text);
      if (!g.ok) throw std::runtime_error(files[i].string() + ": " + g.error);
    } else {
      text.swap(raw);
    }
    json += text.size();
    values += parse_all(text, files[i].string());
  });
  ProbeResult r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.files = files.size();
  r.compressed_bytes = compressed;
  r.json_bytes = json;
  r.json_values = values;
  return r;
}

}  // namespace leda::bench
