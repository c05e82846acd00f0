// `leda inspect`.
#include <cstdio>

#include "cli/commands.hpp"

namespace leda::cli {

int inspect(int, char**) {
  std::fprintf(stderr, "leda inspect: not available in this build\n");
  return kExitFailed;
}

}  // namespace leda::cli
