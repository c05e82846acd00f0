// store/sha256.hpp — SHA-256 digests (OpenSSL) of buffers and files, as lower-case hex.
//
//   std::string hex = leda::store::sha256_hex(bytes);
#pragma once

#include <string>
#include <string_view>

namespace leda::store {

/// The SHA-256 of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace leda::store
