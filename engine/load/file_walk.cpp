#include "load/file_walk.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include <fmt/format.h>

namespace leda::load {
namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

int data_type_hint(const std::string& path) {
  const fs::path p(path);
  const std::string name = p.filename().string();
  const std::string dir = p.parent_path().filename().string();
  constexpr std::string_view prefixes[] = {"Agent.", "WebSession.", "Engagement.", "Survey."};
  constexpr std::string_view dirs[] = {"agentActivity", "webSession", "engagement", "survey"};
  for (int t = 0; t < 4; ++t)
    if (name.rfind(prefixes[t], 0) == 0) return t;
  for (int t = 0; t < 4; ++t)
    if (dir == dirs[t]) return t;
  return -1;
}

bool is_data_file_name(const std::string& name) {
  if (name.empty() || name[0] == '.') return false;
  for (std::string_view skip : {".csv", ".md", ".txt", ".json.tmp"})
    if (ends_with(name, skip)) return false;
  return true;
}

std::vector<DataFile> list_data_files(const std::vector<std::string>& paths) {
  std::vector<DataFile> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st))
      throw std::runtime_error(fmt::format("{}: no such file or directory", path));
    if (!fs::is_directory(st)) {
      files.push_back({path, fs::file_size(path, ec)});
      continue;
    }
    fs::recursive_directory_iterator it(path, fs::directory_options::none, ec);
    if (ec) throw std::runtime_error(fmt::format("{}: cannot list: {}", path, ec.message()));
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) throw std::runtime_error(fmt::format("{}: cannot list: {}", path, ec.message()));
      const std::string name = it->path().filename().string();
      if (it->is_directory(ec)) {
        if (!name.empty() && name[0] == '.') it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec) || !is_data_file_name(name)) continue;
      files.push_back({it->path().string(), it->file_size(ec)});
    }
    if (ec) throw std::runtime_error(fmt::format("{}: cannot list: {}", path, ec.message()));
  }
  std::sort(files.begin(), files.end(),
            [](const DataFile& a, const DataFile& b) { return a.path < b.path; });
  // The same file reached twice is read once (the first in path order).
  std::vector<DataFile> unique;
  std::vector<std::string> seen;
  for (DataFile& f : files) {
    std::error_code ec;
    std::string canonical = fs::weakly_canonical(f.path, ec).string();
    if (ec) canonical = f.path;
    seen.push_back(canonical);
    unique.push_back(std::move(f));
  }
  std::vector<std::size_t> order(unique.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return seen[a] < seen[b]; });
  std::vector<bool> keep(unique.size(), true);
  for (std::size_t i = 1; i < order.size(); ++i)
    if (seen[order[i]] == seen[order[i - 1]]) keep[order[i]] = false;
  files.clear();
  for (std::size_t i = 0; i < unique.size(); ++i)
    if (keep[i]) files.push_back(std::move(unique[i]));
  for (DataFile& f : files)
    f.type_hint = data_type_hint(f.path);
  return files;
}

}  // namespace leda::load
