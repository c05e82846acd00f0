// fuzz/manifest_fuzz.cpp — fuzz target: a store manifest's text through Manifest::parse, and
// what it accepts through serialize and parse again.
//
//   scripts/fuzz 60 manifest
//
// Only std::runtime_error may escape parse (fetch reports it and stops). A manifest it accepts
// must survive fetch rewriting it: the serialized text parses again, to the same text, or the
// next fetch could not open its own store.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "store/manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  leda::store::Manifest m;
  try {
    m = leda::store::Manifest::parse(text, "manifest.json");
  } catch (const std::runtime_error&) {
    return 0;
  }
  const std::string once = m.serialize();
  std::string twice;
  try {
    twice = leda::store::Manifest::parse(once, "manifest.json").serialize();
  } catch (const std::runtime_error& e) {
    std::fprintf(stderr, "a serialized manifest does not parse: %s\n%s", e.what(), once.c_str());
    std::abort();
  }
  if (once != twice) {
    std::fprintf(stderr, "serialize(parse(serialize)) differs:\n%s\n%s", once.c_str(),
                 twice.c_str());
    std::abort();
  }
  return 0;
}
