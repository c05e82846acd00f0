// Where the host tests' plugin libraries are built, one folder per case (see CMakeLists.txt).
#pragma once

#include <filesystem>
#include <string>

namespace leda::test {

/// The folder of one test plugin case: "good" (probe), "throws" (thrower), "abi" (built for ABI
/// 999), "twins" (two files named twin), "nocreate" (manifest, no leda_create), "notplugin".
std::filesystem::path test_plugin_dir(const std::string& name);

/// The single .so file of a case folder.
std::filesystem::path test_plugin_file(const std::string& name);

}  // namespace leda::test
