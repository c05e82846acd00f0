// support/gzip.hpp — gzip made by zlib, an encoder independent of the decoder leda uses.
//
//   std::string gz = leda::test::gzip("{\"a\":1}\n") + leda::test::gzip(more);  // two members
#pragma once

#include <string>
#include <string_view>

namespace leda::test {

/// `text` compressed as one gzip member (zlib, level 6).
std::string gzip(std::string_view text);

}  // namespace leda::test
