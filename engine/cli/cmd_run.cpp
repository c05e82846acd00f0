// `leda run`.
#include <cstdio>

#include "cli/commands.hpp"

namespace leda::cli {

int run(int, char**) {
  std::fprintf(stderr, "leda run: not available in this build\n");
  return kExitFailed;
}

}  // namespace leda::cli
