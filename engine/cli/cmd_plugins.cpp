// `leda plugins`.
#include <cstdio>

#include "cli/commands.hpp"

namespace leda::cli {

int plugins(int, char**) {
  std::fprintf(stderr, "leda plugins: not available in this build\n");
  return kExitFailed;
}

}  // namespace leda::cli
