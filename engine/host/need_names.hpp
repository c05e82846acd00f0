// host/need_names.hpp — the Need bits of model.hpp in words, for `leda plugins`.
//
//   leda::host::need_names(leda::kNeedEngagement | leda::kNeedTranscripts)
//       -> {"engagement", "transcripts"}
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace leda::host {

/// The names of the bits set in `needs`, in bit order; {"everything"} for kNeedEverything.
std::vector<std::string> need_names(std::uint32_t needs);

}  // namespace leda::host
