#include "test_plugins.hpp"

#include <stdexcept>

namespace leda::test {

std::filesystem::path test_plugin_dir(const std::string& name) {
  return std::filesystem::path(LEDA_TEST_PLUGIN_DIR) / name;
}

std::filesystem::path test_plugin_file(const std::string& name) {
  for (const auto& e : std::filesystem::directory_iterator(test_plugin_dir(name)))
    if (e.path().extension() == ".so") return e.path();
  throw std::runtime_error("no test plugin in " + test_plugin_dir(name).string());
}

}  // namespace leda::test
