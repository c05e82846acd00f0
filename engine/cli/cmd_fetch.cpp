// `leda fetch`.
#include <cstdio>

#include "cli/commands.hpp"

namespace leda::cli {

int fetch(int, char**) {
  std::fprintf(stderr, "leda fetch: not available in this build\n");
  return kExitFailed;
}

}  // namespace leda::cli
