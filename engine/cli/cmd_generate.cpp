// `leda generate`.
#include <cstdio>

#include "cli/commands.hpp"

namespace leda::cli {

int generate(int, char**) {
  std::fprintf(stderr, "leda generate: not available in this build\n");
  return kExitFailed;
}

}  // namespace leda::cli
