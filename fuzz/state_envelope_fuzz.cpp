// A libFuzzer target over what a rank receives from another: a sealed plugin state. The input
// is tried as an envelope (dist/state_envelope.hpp: every header check), and as the payload of
// each built-in plugin's state, sealed with a correct checksum so the plugin's decoder
// (leda/state_codec.hpp through LEDA_FIELDS) sees it. Anything but a clean refusal (EnvelopeError,
// StateFormatError) is a finding: a crash, a sanitizer report, an exception of another kind,
// or a payload that does not come back out of its envelope unchanged.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../plugins/agent-utilization/utilization_state.hpp"
#include "../plugins/aov-by-segment/aov_state.hpp"
#include "../plugins/conversations/conversations_state.hpp"
#include "../plugins/conversion/conversion_state.hpp"
#include "../plugins/surveys/surveys_state.hpp"
#include "dist/state_envelope.hpp"

namespace {

template <class State>
void decode_as(std::string_view payload) {
  try {
    leda::StateReader r(payload);
    State s;
    leda::decode(r, s);
    r.expect_end();
    // What decoded must encode to the same bytes: every field was read as written.
    leda::StateWriter w;
    leda::encode(w, s);
    if (w.bytes() != payload) {
      // Equal states may be written differently only where the input was not canonical
      // (a varint with extra 0x80 bytes); decoding the rewrite must then give the same state.
      leda::StateReader again(w.bytes());
      State t;
      leda::decode(again, t);
      again.expect_end();
    }
  } catch (const leda::StateFormatError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const leda::dist::StateIdentity who{"conversations", "1.1.0", 1, 0x1234};
  try {
    (void)leda::dist::open_state(input, who);
  } catch (const leda::dist::EnvelopeError&) {
  }
  // The input as a payload: sealed, it must open to itself.
  const std::string sealed = leda::dist::seal_state(who, input);
  if (leda::dist::open_state(sealed, who) != input) std::abort();
  decode_as<leda::kpi::ConversationsState>(input);
  decode_as<leda::kpi::SurveysState>(input);
  decode_as<leda::kpi::UtilizationState>(input);
  decode_as<leda::kpi::AovState>(input);
  decode_as<leda::kpi::ConversionState>(input);
  return 0;
}
