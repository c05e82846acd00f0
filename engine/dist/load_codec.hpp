// dist/load_codec.hpp — what a load found (a file's report, a whole load's statistics) as bytes,
// so that rank 0 can add up every rank's files in the global path order and send the totals
// back: every rank then sees the statistics a one-process load would have.
//
//   leda::StateWriter w;
//   leda::dist::encode_report(w, report);
//   leda::StateReader r(w.bytes());
//   leda::load::FileReport back = leda::dist::decode_report(r);
//
// Thread-safety: pure functions.
#pragma once

#include "leda/state_codec.hpp"
#include "load/file_reader.hpp"
#include "load/loader.hpp"

namespace leda::dist {

void encode_report(StateWriter& w, const load::FileReport& r);
load::FileReport decode_report(StateReader& r);

/// Everything in LoadStats but the timing of this process (seconds, peak_rss_bytes).
void encode_stats(StateWriter& w, const load::LoadStats& s);
load::LoadStats decode_stats(StateReader& r);

}  // namespace leda::dist
