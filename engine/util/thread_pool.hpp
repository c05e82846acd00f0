// util/thread_pool.hpp — run indexed tasks on a fixed number of threads.
//
//   leda::parallel_for(files.size(), threads, [&](std::size_t i) { parse(files[i]); });
//
// Tasks are taken in index order by whichever thread is free; the caller gets control back when
// all are done. An exception thrown by a task is rethrown in the caller (the first one, by
// index); the other tasks still run.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace leda::util {

/// The default thread count: the machine's cores (at least 1).
inline unsigned default_threads() {
  return std::max(1u, std::thread::hardware_concurrency());
}

/// Calls `task(i)` for every i in [0, n) on up to `threads` threads (the caller's thread is one).
template <class Task>
void parallel_for(std::size_t n, unsigned threads, Task&& task) {
  std::vector<std::exception_ptr> errors(n);
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) {
      try {
        task(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  threads = static_cast<unsigned>(
      std::min<std::size_t>(std::max(1u, threads), std::max<std::size_t>(n, 1)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t)
    pool.emplace_back(worker);
  worker();
  for (auto& t : pool)
    t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace leda::util
