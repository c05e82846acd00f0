// support/files.hpp — whole files read and written by tests.
//
//   leda::test::write_file(dir / "keys.json", text, 0600);   // creates the folders on the way
//   std::string bytes = leda::test::read_file(path);           // throws when it cannot
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace leda::test {

/// The whole content of `path`. Throws std::runtime_error naming it when it cannot be read.
std::string read_file(const std::filesystem::path& path);

/// Writes `bytes` to `path` (creating its folders, replacing the file) with `mode`. Throws
/// std::runtime_error naming the path when it cannot.
void write_file(const std::filesystem::path& path, std::string_view bytes, unsigned mode = 0644);

/// True when something exists at `path`.
bool exists(const std::filesystem::path& path);

}  // namespace leda::test
