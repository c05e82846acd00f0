// leda/testkit/merge_check.hpp — the check that catches a broken merge: the same data cut into
// many random shardings, merged in many random orders, must give the same table, bit for bit.
//
//   REQUIRE_NOTHROW(leda::testkit::check_merge(kpi, model, joins, {{"group_by", "agent"}}));
//
// leda runs a plugin over shards on many threads (and, with MPI, in many processes) and merges
// their states. A plugin whose merge drops, double-counts or reorders something prints other
// numbers than a one-shard run — but only for some shardings, which is why one fixed sharding
// (or comparing --threads 1 with --threads 4) does not catch it. check_merge compares, for
// `shardings` random shardings (random cut points on agents, visits, conversations and
// surveys, empty shards included), each merged as a random binary tree that keeps shard order
// (the merge must be associative; `into` always holds earlier shards than `from`):
//   - the table (columns, every value bit for bit, notes) with the one-shard table;
//   - merging an empty state on either side, which must change nothing;
//   - for a plugin with a state codec (Description::state_version > 0), every shard state and
//     the merged state after an encode/decode round trip, as they would travel between processes.
// A check over a table with no rows proves nothing and fails: give it data that makes rows.
#pragma once

#include <cstdint>
#include <stdexcept>

#include "leda/testkit/plugin_runner.hpp"

namespace leda::testkit {

/// What check_merge found wrong, with the seed, the sharding and both tables.
class CheckFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// How hard check_merge tries.
struct MergeCheckOptions {
  unsigned shardings = 50;  ///< random shardings (each with its own random merge tree)
  unsigned max_shards = 8;  ///< each sharding cuts 1..max_shards shards
  std::uint32_t seed = 1;   ///< the first sharding's seed; the others follow
};

/// See the top of the file. Throws CheckFailure for the first difference.
void check_merge(const PluginUnderTest& plugin, const Model& model, const Joins& joins,
                 const Overrides& params = {}, const MergeCheckOptions& options = {});

/// `count` random shards of `model` (1 <= count), some possibly empty, from `seed`.
std::vector<Batch> random_shards(const Model& model, const Joins& joins, unsigned count,
                                 std::uint32_t seed);

}  // namespace leda::testkit
