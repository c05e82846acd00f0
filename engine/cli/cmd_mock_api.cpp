// `leda mock-api`.
#include <cstdio>

#include "cli/commands.hpp"

namespace leda::cli {

int mock_api(int, char**) {
  std::fprintf(stderr, "leda mock-api: not available in this build\n");
  return kExitFailed;
}

}  // namespace leda::cli
