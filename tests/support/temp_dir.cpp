// support/temp_dir.cpp — see temp_dir.hpp.
#include "support/temp_dir.hpp"

#include <stdlib.h>

#include <filesystem>
#include <stdexcept>

#include "support/files.hpp"

namespace leda::test {
namespace fs = std::filesystem;
namespace {

std::string make_temp_dir(std::string_view name) {
  std::string tmpl =
      (fs::temp_directory_path() / ("leda-" + std::string(name) + "-XXXXXX")).string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a folder like " + tmpl);
  return tmpl;
}

}  // namespace

TempDir::TempDir(std::string_view name) : path(make_temp_dir(name)) {}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path, ec);
}

std::string TempDir::operator/(std::string_view relative) const {
  return path + "/" + std::string(relative);
}

std::string TempDir::write(std::string_view relative, std::string_view content) const {
  const std::string p = *this / relative;
  write_file(p, content);
  return p;
}

}  // namespace leda::test
