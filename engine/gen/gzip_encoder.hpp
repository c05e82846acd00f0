// gen/gzip_encoder.hpp — byte-reproducible gzip (one member) with libdeflate's compressor.
//
//   std::string gz;
//   leda::gen::gzip_compress(json_text, leda::gen::kGzipLevel, gz);
//
// The member header is fixed (no file name, modification time 0, OS "unknown"), so the same
// input and level give the same bytes on every run and machine that has the same libdeflate
// version. libdeflate is already the project's gzip decoder; its compressor is several times
// faster than zlib's at the same ratio, which matters when writing a gigabyte of JSON.
#pragma once

#include <string>
#include <string_view>

namespace leda::gen {

/// The compression level the generator uses (libdeflate 1-12; 6 is zlib's default ratio).
inline constexpr int kGzipLevel = 6;

/// Replaces `out` with the gzip encoding of `data`. Thread-safe (one compressor per thread).
/// Throws std::runtime_error when the compressor cannot be allocated.
void gzip_compress(std::string_view data, int level, std::string& out);

}  // namespace leda::gen
