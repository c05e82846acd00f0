// util/large_blocks.hpp — the process's memory policy for large blocks, set once by a program's
// main() before it loads anything.
//
//   int main(int argc, char** argv) {
//     leda::util::return_large_blocks_to_system();
//     ...
//   }
//
// Large blocks (the model's vectors as they grow, decompression buffers) are then mapped and
// unmapped on their own rather than carved from the heap, so what a load frees goes back to the
// system: glibc's adaptive threshold would otherwise keep every outgrown vector in the heap and
// the peak resident memory would exceed the model by a third. The setting is process-wide, so it
// belongs to the program (the `leda` command, the benchmarks), not to a library.
#pragma once

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace leda::util {

/// Maps blocks of 1 MiB and more on their own (glibc's M_MMAP_THRESHOLD); nothing elsewhere.
/// Call from main() before other threads start.
inline void return_large_blocks_to_system() {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
}

}  // namespace leda::util
