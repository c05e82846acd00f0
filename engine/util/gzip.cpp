#include "util/gzip.hpp"

#include <libdeflate.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

namespace leda::util {
namespace {

struct Decompressor {
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  ~Decompressor() { libdeflate_free_decompressor(d); }
};

std::uint32_t le32(const unsigned char* p) {
  return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

// Length of the gzip member header at `p` (RFC 1952), or 0 when it is cut short.
std::size_t header_size(const unsigned char* p, std::size_t n) {
  if (n < 10) return 0;
  const unsigned flags = p[3];
  std::size_t pos = 10;
  if (flags & 4) {  // FEXTRA
    if (pos + 2 > n) return 0;
    pos += 2 + (p[pos] | (p[pos + 1] << 8));
  }
  for (unsigned bit : {8u, 16u}) {  // FNAME, FCOMMENT: zero-terminated
    if (!(flags & bit)) continue;
    while (pos < n && p[pos] != 0)
      ++pos;
    if (pos >= n) return 0;
    ++pos;
  }
  if (flags & 2) pos += 2;  // FHCRC
  return pos <= n ? pos : 0;
}

}  // namespace

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

GunzipResult gunzip(std::string_view gz, std::string& out) {
  thread_local Decompressor dec;
  const auto* in = reinterpret_cast<const unsigned char*>(gz.data());
  std::size_t pos = 0;
  int member = 0;
  GunzipResult result;
  auto fail = [&](std::string why) {
    result.ok = false;
    result.bad_offset = pos;
    result.error = fmt::format("gzip member {} at byte {}: {}", member, pos, why);
    return result;
  };
  while (pos < gz.size()) {
    ++member;
    const std::size_t left = gz.size() - pos;
    if (left < 2 || in[pos] != 0x1f || in[pos + 1] != 0x8b) {
      if (member > 1 &&
          std::all_of(in + pos, in + gz.size(), [](unsigned char c) { return c == 0; }))
        break;  // zero padding after the last member
      return fail("not a gzip header");
    }
    if (left >= 3 && in[pos + 2] != 8) return fail("unknown compression method");
    const std::size_t head = header_size(in + pos, left);
    if (head == 0) return fail("truncated header");
    // Deflate expands at most 1032:1, which bounds this member's output: an ISIZE or a buffer
    // beyond that belongs to a file that is cut short or corrupt (its last 4 bytes are then
    // arbitrary, and trusting them could mean allocating gigabytes).
    const std::size_t max_out = (left - head) * 1032 + 1024;
    // The trailer's ISIZE gives the size of the last member exactly; for the others it is a
    // first guess, grown on demand.
    std::size_t avail = std::min(std::max<std::size_t>(left * 4, 64 * 1024), max_out);
    if (member == 1 && left >= 18)
      avail =
          std::max<std::size_t>(avail, std::min<std::size_t>(le32(in + gz.size() - 4), max_out));
    const std::size_t base = out.size();
    for (;;) {
      out.resize(base + avail);
      std::size_t used_in = 0, used_out = 0;
      auto rc = libdeflate_deflate_decompress_ex(dec.d, in + pos + head, left - head,
                                                 out.data() + base, avail, &used_in, &used_out);
      if (rc == LIBDEFLATE_INSUFFICIENT_SPACE && avail < max_out) {
        avail = std::min(avail * 2, max_out);
        continue;
      }
      if (rc != LIBDEFLATE_SUCCESS) {
        out.resize(base);
        return fail("corrupt or truncated deflate data");
      }
      out.resize(base + used_out);
      const std::size_t trailer = pos + head + used_in;
      if (trailer + 8 > gz.size()) {
        out.resize(base);
        return fail("truncated (the member ends before its CRC trailer)");
      }
      const std::uint32_t crc = libdeflate_crc32(0, out.data() + base, used_out);
      if (crc != le32(in + trailer)) {
        out.resize(base);
        return fail("bad CRC");
      }
      if (static_cast<std::uint32_t>(used_out) != le32(in + trailer + 4)) {
        out.resize(base);
        return fail("bad length in trailer");
      }
      pos = trailer + 8;
      break;
    }
  }
  return result;
}

void read_file(const std::string& path, std::string& out) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw std::runtime_error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  std::fseek(f.get(), 0, SEEK_END);
  long size = std::ftell(f.get());
  std::fseek(f.get(), 0, SEEK_SET);
  out.resize(size > 0 ? static_cast<std::size_t>(size) : 0);
  if (size > 0 && std::fread(out.data(), 1, out.size(), f.get()) != out.size())
    throw std::runtime_error(fmt::format("{}: read error: {}", path, std::strerror(errno)));
}

}  // namespace leda::util
