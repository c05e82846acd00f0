// `leda report`.
#include <cstdio>

#include "cli/commands.hpp"

namespace leda::cli {

int report(int, char**) {
  std::fprintf(stderr, "leda report: not available in this build\n");
  return kExitFailed;
}

}  // namespace leda::cli
