#include "util/thread_pool.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <vector>

TEST_CASE("parallel_for runs every index exactly once") {
  for (unsigned threads : {1u, 2u, 4u}) {
    std::vector<std::atomic<int>> hits(1000);
    leda::util::parallel_for(hits.size(), threads, [&](std::size_t i) { hits[i]++; });
    for (auto& h : hits)
      REQUIRE(h.load() == 1);
  }
}

TEST_CASE("parallel_for rethrows the first failing task after running the others") {
  std::atomic<int> ran{0};
  auto run = [&] {
    leda::util::parallel_for(10, 3, [&](std::size_t i) {
      ran++;
      if (i == 3 || i == 7) throw std::runtime_error("task " + std::to_string(i));
    });
  };
  CHECK_THROWS_WITH(run(), "task 3");
  CHECK(ran == 10);
}
