// dist/fragment_split.hpp — one parsed file cut into the fragments of the ranks that will hold
// its records.
//
//   leda::dist::Destinations to;                 // one entry per record of each kind
//   to.sessions = ...; to.pieces = ...; to.conversations = ...; to.surveys = ...;
//   leda::dist::SplitFragments out = leda::dist::split_fragment(f, to, ranks + 1);
//   leda::model::Fragment mine = leda::dist::split_part(f, to, rank);   // or one part alone
//   // out.parts[d]: the agent sessions, visit pieces, conversations and surveys sent to d,
//   // each with its children (events, pages, attributes, transcript, answers, ...)
//
// A part keeps the order of the file and the ordinals of the records its items came from
// (Fragment::records is the file's), so the model builder merges a part exactly as it would
// have merged those items in the whole file; only the strings they use are copied. A record
// whose items go to several parts is listed in `shared_records`: no single rank can tell alone
// whether all of its items were duplicates.
//
// Thread-safety: pure function of its arguments.
#pragma once

#include <cstdint>
#include <vector>

#include "model/fragment.hpp"

namespace leda::dist {

/// The part each record goes to, parallel to the fragment's vectors.
struct Destinations {
  std::vector<std::uint32_t> sessions, pieces, conversations, surveys;
};

/// The parts of one fragment.
struct SplitFragments {
  std::vector<model::Fragment> parts;
  std::vector<std::uint32_t> shared_records;  ///< record ordinals split across parts, sorted
};

/// Cuts `f` into `count` parts as `to` says. Every destination must be below `count`.
SplitFragments split_fragment(const model::Fragment& f, const Destinations& to,
                              std::uint32_t count);

/// The one part `part` of split_fragment (to make the parts one after the other, holding one at
/// a time).
model::Fragment split_part(const model::Fragment& f, const Destinations& to, std::uint32_t part);

/// SplitFragments::shared_records of split_fragment.
std::vector<std::uint32_t> shared_records(const model::Fragment& f, const Destinations& to);

}  // namespace leda::dist
