// bench/load/bench_data.hpp — the data set the load benchmark reads.
//
// Either an account written by `leda generate` (sized to a target number of uncompressed
// megabytes), or, without a generator, the spec's example records repeated with varied ids.
#pragma once

#include <cstdint>
#include <string>

namespace leda::bench {

/// Runs `leda generate` into `out` so that the account holds about `target_mb` MB of JSON.
/// Returns the account directory. Throws std::runtime_error when the generator fails.
std::string generate_account(const std::string& leda_bin, const std::string& out, double target_mb);

/// Writes about `target_mb` MB of JSON (gzip files, one data type each, hourly-sized) made of
/// the spec example records with varied ids into `out`. Returns `out`.
std::string synthetic_account(const std::string& spec_examples, const std::string& out,
                              double target_mb);

}  // namespace leda::bench
