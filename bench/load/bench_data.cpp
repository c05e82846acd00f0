#include "bench_data.hpp"

#include <libdeflate.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

namespace leda::bench {
namespace fs = std::filesystem;

namespace {

std::uint64_t json_bytes_of(const std::string& summary_line) {
  // "... 12.9 MB JSON ..." from the generator's summary.
  const auto at = summary_line.find(" MB JSON");
  if (at == std::string::npos) return 0;
  const auto start = summary_line.rfind(' ', at - 1);
  return static_cast<std::uint64_t>(std::stod(summary_line.substr(start + 1, at - start - 1)) *
                                    1e6);
}

std::string run(const std::string& command) {
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run " + command);
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;)
    out.append(buf, n);
  if (::pclose(p) != 0) throw std::runtime_error("failed: " + command);
  return out;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
    text.replace(pos, from.size(), to);
  return text;
}

void write_gzip(const fs::path& path, const std::string& text) {
  libdeflate_compressor* c = libdeflate_alloc_compressor(6);
  std::string out(libdeflate_gzip_compress_bound(c, text.size()), '\0');
  out.resize(libdeflate_gzip_compress(c, text.data(), text.size(), out.data(), out.size()));
  libdeflate_free_compressor(c);
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << out;
}

}  // namespace

std::string generate_account(const std::string& leda_bin, const std::string& out,
                             double target_mb) {
  // A one-day probe gives the bytes per visit; the account then spans three days.
  const std::string probe_dir = out + "/probe";
  const std::string probe =
      run(fmt::format("'{}' generate --out '{}' --seed 7 --days 1", leda_bin, probe_dir));
  fs::remove_all(probe_dir);
  const std::uint64_t probe_bytes = json_bytes_of(probe);
  if (probe_bytes == 0) throw std::runtime_error("unexpected generator output: " + probe);
  const double per_visit = static_cast<double>(probe_bytes) / 2000;  // default visits per day
  const int days = 3;
  const auto visits = static_cast<long>(std::ceil(target_mb * 1e6 * 1.04 / per_visit / days));
  const long agents = std::max(20L, 20 * visits / 2000);
  const std::string summary =
      run(fmt::format("'{}' generate --out '{}' --seed 1 --days {} --visits-per-day {} "
                      "--agents {}",
                      leda_bin, out, days, visits, agents));
  std::fprintf(stderr, "%s", summary.c_str());
  return out + "/75555851";
}

std::string synthetic_account(const std::string& spec_examples, const std::string& out,
                              double target_mb) {
  const std::string agent =
      read_text(spec_examples + "/derived/record-agentActivity.wrapped-envelope.ndjson");
  const std::string web = read_text(spec_examples + "/derived/record-webSession.ndjson");
  const std::string chat = read_text(spec_examples + "/derived/record-engagement.ndjson");
  const std::string survey = read_text(spec_examples + "/derived/record-survey.ndjson");
  std::uint64_t written = 0;
  for (int hour = 0; written < target_mb * 1e6; ++hour) {
    std::string a, w, e, s;
    for (int k = 0; k < 600; ++k) {
      const std::string id = fmt::format("{}-{}", hour, k);
      w += replace_all(web, "AjvT6hLKTEi3AXgGnYu_mQ", "visit" + id);
      if (k % 10 == 0) {
        const std::string conversation = fmt::format("9{:06}{:04}", hour, k);
        e += replace_all(chat, "755558514295264942", conversation);
        s += replace_all(replace_all(survey, "755558514295254843", conversation), "275331",
                         std::to_string(hour * 1000 + k));
      }
      if (k % 6 == 0)
        a += replace_all(replace_all(agent, "684867733", id), "{\"long\":9}",
                         fmt::format("{{\"long\":{}}}", k % 40));
    }
    const std::string stamp =
        fmt::format("{}.{}", 1467288000000 + hour * 3600000LL, 1467291600000 + hour * 3600000LL);
    write_gzip(fs::path(out) / "agentActivity" / ("Agent." + stamp + ".part-00000-0.gz"), a);
    write_gzip(fs::path(out) / "webSession" / ("WebSession." + stamp + ".part-00000-0.gz"), w);
    write_gzip(fs::path(out) / "engagement" / ("Engagement." + stamp + ".part-00000-0.gz"), e);
    write_gzip(fs::path(out) / "survey" / ("Survey." + stamp + ".part-00000-0.gz"), s);
    written += a.size() + w.size() + e.size() + s.size();
  }
  return out;
}

}  // namespace leda::bench
