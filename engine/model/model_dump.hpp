// model/model_dump.hpp — a canonical text form of a Model, its digest, and its memory use.
//
// Two models with the same content have the same dump, whatever the string handles: strings are
// written as their text. Tests compare dumps of the same data loaded with different thread
// counts and file orders; benchmarks print the digest.
//
//   std::string text = leda::dump_model(model);     // one line per record
//   std::uint64_t d = leda::model_digest(model);     // hash of that text, without building it
//   std::size_t bytes = leda::model_memory_bytes(model);
//
// Thread-safety: all functions only read the model.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "leda/model.hpp"

namespace leda::model {

/// Calls `sink` with consecutive pieces of the canonical dump of `m`: every vector in
/// declaration order, one line per record (`name[i] field=value ...`), strings quoted and
/// escaped, absent values as `-`; then one line checking the lookup maps against the vectors.
void dump_model(const Model& m, const std::function<void(std::string_view)>& sink);

/// The whole canonical dump as one string (for tests and small models).
std::string dump_model(const Model& m);

/// A 64-bit FNV-1a hash of the canonical dump.
std::uint64_t model_digest(const Model& m);

/// Bytes held by the model: vector capacities, the string pool and the lookup maps.
std::size_t model_memory_bytes(const Model& m);

}  // namespace leda::model
