// Helpers for the loader tests: a scratch directory, files written into it, gzip by zlib (an
// encoder independent of the loader's decoder), and the spec example records.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "load/loader.hpp"

namespace leda::test {

/// A fresh directory under the system temp dir, removed when the object goes away.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// Writes `content` to `relative` (creating directories); returns the full path.
  std::string write(const std::string& relative, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

/// One gzip member of `text` made with zlib.
std::string gzip(const std::string& text);

/// The content of a file of the spec examples (tests/data/spec-examples/<name>).
std::string spec_example(const std::string& name);
/// The full path of a spec example.
std::string spec_example_path(const std::string& name);

/// Loads `paths` with everything needed, no progress bar, `threads` threads.
LoadResult load_all(const std::vector<std::string>& paths, unsigned threads = 2,
                    std::uint32_t needs = kNeedEverything);

/// Replaces every occurrence of `from` in `text` by `to`.
std::string replace_all(std::string text, const std::string& from, const std::string& to);

/// The reasons of the error samples, joined by newlines (for readable failure messages).
std::string error_text(const LoadStats& stats);

}  // namespace leda::test
