// dist/fragment_codec.hpp — a parsed file (model::Fragment) as bytes and back, for sending
// records between MPI ranks without parsing their JSON again.
//
//   std::string bytes;
//   leda::dist::encode_fragment(fragment, bytes);        // appends
//   leda::model::Fragment back;
//   leda::dist::decode_fragment(bytes, back);            // equal vectors, the same string handles
//
// Every record is written field by field through the member lists of model/fields.hpp (so a
// field added to the model travels without code here), with the SDK's platform-independent
// encoding (leda/state_codec.hpp: varints, little-endian doubles). Strings are written once
// each, in handle order, and read back into the same handles, so every Str stays valid.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <string>

#include "leda/state_codec.hpp"
#include "model/fragment.hpp"

namespace leda::dist {

/// Appends `f` to `out`.
void encode_fragment(const model::Fragment& f, std::string& out);

/// Reads the fragment encode_fragment wrote into `bytes` (all of them) into `f` (cleared
/// first). Throws leda::StateFormatError for bytes that are not one (cut short, a string
/// handle out of range, bytes left over).
void decode_fragment(std::string_view bytes, model::Fragment& f);

}  // namespace leda::dist
