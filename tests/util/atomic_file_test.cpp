// util/atomic_file: whole files or nothing, errors that name the path, leftovers removed.
#include "util/atomic_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

using leda::test::read_file;
using leda::test::TempDir;

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("write_file_atomically creates and replaces a file, leaving nothing else") {
  TempDir f("atomic-file");
  const fs::path target = f / "report.html";
  leda::util::write_file_atomically(target, "first");
  CHECK(read_file(target) == "first");
  leda::util::write_file_atomically(target, "second, longer", leda::util::kSyncFolder);
  CHECK(read_file(target) == "second, longer");
  leda::util::write_file_atomically(target, "");
  CHECK(read_file(target).empty());
  CHECK(entries(f.path) == 1);  // no temporary file left beside it
  // An ordinary file's mode: 0666 minus the umask.
  const mode_t mask = ::umask(022);
  ::umask(mask);
  struct stat st {};
  REQUIRE(::stat(target.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == (0666 & ~mask));
}

TEST_CASE("write_file_atomically names the path and the reason when it cannot write") {
  TempDir f("atomic-file");
  const fs::path missing = f / "no-such-folder/out.csv";
  CHECK_THROWS_WITH(leda::util::write_file_atomically(missing, "x"),
                    Catch::Contains(missing.string()) &&
                        Catch::Contains("cannot create a temporary file") &&
                        Catch::Contains("No such file or directory"));
  // A folder where the file should be: the rename fails and the temporary file is removed.
  fs::create_directories(f / "taken/inside");
  CHECK_THROWS_WITH(leda::util::write_file_atomically(f / "taken", "x"),
                    Catch::Contains(f / "taken") && Catch::Contains("cannot rename into place"));
  CHECK(entries(f.path) == 1);
}

TEST_CASE("remove_stale_temp_files removes only the leftovers of that file") {
  TempDir f("atomic-file");
  const fs::path target = f / "manifest.json";
  std::ofstream(f / ".manifest.json.tmp-123-0") << "half";
  std::ofstream(f / ".manifest.json.tmp-123-1") << "half";
  std::ofstream(f / ".other.json.tmp-123-0") << "someone else's";
  std::ofstream(target) << "kept";
  CHECK(leda::util::remove_stale_temp_files(target) == 2);
  CHECK(entries(f.path) == 2);
  CHECK(read_file(target) == "kept");
  CHECK(leda::util::remove_stale_temp_files(target) == 0);
}

TEST_CASE("fsync_file and fsync_dir name a missing path") {
  TempDir f("atomic-file");
  CHECK_THROWS_WITH(leda::util::fsync_file(f / "gone"),
                    Catch::Contains("gone") && Catch::Contains("cannot open"));
  CHECK_THROWS_WITH(leda::util::fsync_dir(f / "gone"), Catch::Contains("cannot open"));
  std::ofstream(f / "here") << "x";
  CHECK_NOTHROW(leda::util::fsync_file(f / "here"));
  CHECK_NOTHROW(leda::util::fsync_dir(f.path));
}
