// util/atomic_file: whole files or nothing, errors that name the path, leftovers removed.
#include "util/atomic_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Folder {
  fs::path path;
  Folder() {
    std::string t = (fs::temp_directory_path() / "leda-atomic-test-XXXXXX").string();
    REQUIRE(::mkdtemp(t.data()) != nullptr);
    path = t;
  }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("write_file_atomically creates and replaces a file, leaving nothing else") {
  Folder f;
  const fs::path target = f.path / "report.html";
  leda::util::write_file_atomically(target, "first");
  CHECK(read(target) == "first");
  leda::util::write_file_atomically(target, "second, longer", leda::util::kSyncFolder);
  CHECK(read(target) == "second, longer");
  leda::util::write_file_atomically(target, "");
  CHECK(read(target).empty());
  CHECK(entries(f.path) == 1);  // no temporary file left beside it
  // An ordinary file's mode: 0666 minus the umask.
  const mode_t mask = ::umask(022);
  ::umask(mask);
  struct stat st {};
  REQUIRE(::stat(target.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == (0666 & ~mask));
}

TEST_CASE("write_file_atomically names the path and the reason when it cannot write") {
  Folder f;
  const fs::path missing = f.path / "no-such-folder" / "out.csv";
  CHECK_THROWS_WITH(leda::util::write_file_atomically(missing, "x"),
                    Catch::Contains(missing.string()) &&
                        Catch::Contains("cannot create a temporary file") &&
                        Catch::Contains("No such file or directory"));
  // A folder where the file should be: the rename fails and the temporary file is removed.
  fs::create_directories(f.path / "taken" / "inside");
  CHECK_THROWS_WITH(
      leda::util::write_file_atomically(f.path / "taken", "x"),
      Catch::Contains((f.path / "taken").string()) && Catch::Contains("cannot rename into place"));
  CHECK(entries(f.path) == 1);
}

TEST_CASE("remove_stale_temp_files removes only the leftovers of that file") {
  Folder f;
  const fs::path target = f.path / "manifest.json";
  std::ofstream(f.path / ".manifest.json.tmp-123-0") << "half";
  std::ofstream(f.path / ".manifest.json.tmp-123-1") << "half";
  std::ofstream(f.path / ".other.json.tmp-123-0") << "someone else's";
  std::ofstream(target) << "kept";
  CHECK(leda::util::remove_stale_temp_files(target) == 2);
  CHECK(entries(f.path) == 2);
  CHECK(read(target) == "kept");
  CHECK(leda::util::remove_stale_temp_files(target) == 0);
}

TEST_CASE("fsync_file and fsync_dir name a missing path") {
  Folder f;
  CHECK_THROWS_WITH(leda::util::fsync_file(f.path / "gone"),
                    Catch::Contains("gone") && Catch::Contains("cannot open"));
  CHECK_THROWS_WITH(leda::util::fsync_dir(f.path / "gone"), Catch::Contains("cannot open"));
  std::ofstream(f.path / "here") << "x";
  CHECK_NOTHROW(leda::util::fsync_file(f.path / "here"));
  CHECK_NOTHROW(leda::util::fsync_dir(f.path));
}
