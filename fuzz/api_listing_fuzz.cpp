// fuzz/api_listing_fuzz.cpp — fuzz target: a response body of the Data Access API through the
// fetch client's readers: the file listing, the base resource and the error body.
//
//   scripts/fuzz 60 api_listing
//
// Only ApiFormatError may escape the listing and base-resource parsers (fetch reports it); the
// error-body reader never throws. Every listed file that is kept has a name and an href.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fetch/api_format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  try {
    const leda::fetch::Listing listing = leda::fetch::parse_listing(body);
    for (const leda::fetch::ListedFile& f : listing.files) {
      if (f.name.empty() || f.href.empty()) {
        std::fprintf(stderr, "a listed file kept without a name or an href\n");
        std::abort();
      }
    }
  } catch (const leda::fetch::ApiFormatError&) {
  }
  try {
    (void)leda::fetch::parse_base_resource(body);
  } catch (const leda::fetch::ApiFormatError&) {
  }
  (void)leda::fetch::says_no_available_files(body);
  (void)leda::fetch::describe_http_error(401, body);
  return 0;
}
