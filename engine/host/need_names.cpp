// host/need_names.cpp — see need_names.hpp.
#include "host/need_names.hpp"

#include "leda/model.hpp"

namespace leda::host {

std::vector<std::string> need_names(std::uint32_t needs) {
  if ((needs & kNeedEverything) == kNeedEverything) return {"everything"};
  static constexpr const char* kNames[] = {
      "agentActivity", "webSession",  "engagement", "survey",      "events",
      "navigation",    "attributes",  "goals",      "eligibility", "impressions",
      "visit-info",    "transcripts", "transfers",  "answers"};
  std::vector<std::string> out;
  for (std::uint32_t bit = 0; bit < std::size(kNames); ++bit)
    if (needs & (1u << bit)) out.push_back(kNames[bit]);
  return out;
}

}  // namespace leda::host
