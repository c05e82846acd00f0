#include "load_test_support.hpp"

#include <zlib.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

namespace leda::test {
namespace fs = std::filesystem;

ScratchDir::ScratchDir() {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() /
          ("leda-load-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string ScratchDir::write(const std::string& relative, const std::string& content) const {
  const fs::path p = path_ / relative;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + p.string());
  return p.string();
}

std::string gzip(const std::string& text) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, text.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  zs.avail_in = static_cast<uInt>(text.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string spec_example_path(const std::string& name) {
  return std::string(LEDA_SPEC_EXAMPLES) + "/" + name;
}

std::string spec_example(const std::string& name) {
  std::ifstream in(spec_example_path(name), std::ios::binary);
  if (!in) throw std::runtime_error("missing spec example " + name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

LoadResult load_all(const std::vector<std::string>& paths, unsigned threads, std::uint32_t needs) {
  LoadOptions options;
  options.threads = threads;
  options.needs = needs;
  options.progress = false;
  return load(paths, options);
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
    text.replace(pos, from.size(), to);
  return text;
}

std::string error_text(const LoadStats& stats) {
  std::string out;
  for (const LoadError& e : stats.error_samples)
    out += e.file + ":" + std::to_string(e.line) + " @" + std::to_string(e.offset) + ": " +
           e.reason + "\n";
  return out;
}

}  // namespace leda::test
