// fuzz/record_reader_fuzz.cpp — fuzz target: one Data Access file (a gzip member, several, or
// plain JSON) through the loader's file reader into a Fragment, merged into a Model as a load
// does.
//
//   scripts/fuzz 60 record_reader
//
// Each input is read twice: with everything needed, and with only one data type needed (picked
// by the input's length), which runs the reader's skipping paths and, for gzip, the peek at the
// first record. When the full read kept records, its fragment is merged twice (the same file
// delivered twice: the second copy is all duplicates) and the model finished, so a fragment
// the reader left inconsistent shows up. (Merging only then keeps the target fast: every Model
// starts with a 1 MiB string block.)
#include <cstddef>
#include <cstdint>
#include <string>

#include "leda/model.hpp"
#include "load/file_reader.hpp"
#include "load/record_reader.hpp"
#include "model/model_builder.hpp"

namespace {

leda::load::ParsedFile read(const std::uint8_t* data, std::size_t size, std::uint32_t needs) {
  std::string content(reinterpret_cast<const char*>(data), size);
  return leda::load::read_data_bytes("fuzz-input", content, needs);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const leda::load::ParsedFile all = read(data, size, leda::kNeedEverything);
  if (all.fragment->records > 0) {
    leda::model::ModelBuilder builder;
    builder.add(*all.fragment, all.report.data_type, all.report.compressed_bytes);
    builder.add(*all.fragment, all.report.data_type, all.report.compressed_bytes);
    const leda::Model model = builder.finish(1);
  }
  const auto one_type = static_cast<leda::DataType>(size % leda::kDataTypeCount);
  (void)read(data, size, leda::load::need_of(one_type));
  leda::load::release_read_buffers();  // each input on its own: a crash replays from its file
  return 0;
}
