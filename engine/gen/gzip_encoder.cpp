#include "gen/gzip_encoder.hpp"

#include <libdeflate.h>

#include <cstdint>
#include <stdexcept>

namespace leda::gen {
namespace {

// One compressor per thread, re-made when the level changes.
struct Compressor {
  libdeflate_compressor* c = nullptr;
  int level = -1;
  ~Compressor() {
    if (c) libdeflate_free_compressor(c);
  }
  libdeflate_compressor* get(int want) {
    if (c && level == want) return c;
    if (c) libdeflate_free_compressor(c);
    c = libdeflate_alloc_compressor(want);
    level = want;
    if (!c) throw std::runtime_error("gzip: cannot allocate a compressor");
    return c;
  }
};

void put_le32(std::string& out, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i)
    out[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

}  // namespace

void gzip_compress(std::string_view data, int level, std::string& out) {
  thread_local Compressor compressor;
  libdeflate_compressor* c = compressor.get(level);
  // ID1 ID2 CM=deflate FLG=0 MTIME=0 XFL=0 OS=255 (unknown).
  static constexpr unsigned char kHeader[10] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff};
  const std::size_t bound = libdeflate_deflate_compress_bound(c, data.size());
  out.resize(sizeof kHeader + bound + 8);
  for (std::size_t i = 0; i < sizeof kHeader; ++i)
    out[i] = static_cast<char>(kHeader[i]);
  const std::size_t n =
      libdeflate_deflate_compress(c, data.data(), data.size(), out.data() + sizeof kHeader, bound);
  if (n == 0) throw std::runtime_error("gzip: compression failed");
  const std::size_t trailer = sizeof kHeader + n;
  out.resize(trailer + 8);
  put_le32(out, trailer, libdeflate_crc32(0, data.data(), data.size()));
  put_le32(out, trailer + 4, static_cast<std::uint32_t>(data.size()));
}

}  // namespace leda::gen
