// support/temp_dir.hpp — a fresh folder for one test, removed with everything in it afterwards.
//
//   leda::test::TempDir dir("load");                  // /tmp/leda-load-Xa81Qz
//   std::string f = dir.write("data/a.json", text);   // creates data/, returns the full path
//   run(dir.path, dir / "out.csv");
#pragma once

#include <string>
#include <string_view>

namespace leda::test {

/// A new, empty folder under the system's temp folder, `leda-<name>-XXXXXX` (mkdtemp: never
/// one another test or process uses), removed with its content on destruction.
class TempDir {
 public:
  explicit TempDir(std::string_view name = "test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// The folder's absolute path.
  const std::string path;

  /// `path` + "/" + `relative`.
  std::string operator/(std::string_view relative) const;

  /// Writes `content` to `relative` inside the folder (creating folders); returns the path.
  std::string write(std::string_view relative, std::string_view content) const;
};

}  // namespace leda::test
