// dist/routing.cpp — see routing.hpp.
#include "dist/routing.hpp"

#include <tuple>

namespace leda::dist {
namespace {

// A 64-bit hash of the bytes, eight at a time, read as little-endian words whatever the
// machine, so every rank of a job (of any architecture) routes a key to the same rank.
std::uint64_t key_hash(std::string_view text) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (text.size() * 0xFF51AFD7ED558CCDull);
  std::size_t i = 0;
  auto word = [&](std::size_t n) {
    std::uint64_t w = 0;
    for (std::size_t k = 0; k < n; ++k)
      w |= static_cast<std::uint64_t>(static_cast<unsigned char>(text[i + k])) << (8 * k);
    return w;
  };
  for (; i + 8 <= text.size(); i += 8) {
    h = (h ^ word(8)) * 0x9FB21C651E98DF25ull;
    h ^= h >> 29;
  }
  h = (h ^ word(text.size() - i)) * 0x9FB21C651E98DF25ull;
  // A final mix, so that the low bits (what the modulo keeps) depend on every byte.
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

// Sort keys with absent values last, as the model builder settles session copies.
auto later_if_absent(std::int64_t v) {
  return std::make_pair(v == kNoLong, v);
}

}  // namespace

void key_into(std::string& out, char kind, bool present, std::string_view text) {
  out.assign(1, kind);
  if (present) {
    out += '=';
    out += text;
  } else {
    out += '-';
  }
}

std::string key_of(char kind, bool present, std::string_view text) {
  std::string k;
  key_into(k, kind, present, text);
  return k;
}

std::uint32_t rank_of(std::string_view key, std::uint32_t ranks) {
  return static_cast<std::uint32_t>(key_hash(key) % ranks);
}

std::uint32_t rank_of_agent(std::int64_t agent_id, std::uint32_t ranks) {
  return rank_of("a=" + std::to_string(agent_id), ranks);
}

std::string conversation_route(bool visit_present, std::string_view visit_id,
                               const std::string& conversation_key) {
  if (visit_present && !visit_id.empty()) return key_of('v', true, visit_id);
  return conversation_key;
}

void RouteTable::add_conversation(const std::string& key, std::uint64_t file, std::uint32_t index,
                                  bool visit_present, std::string_view visit_id) {
  const auto [it, fresh] = conversations_.try_emplace(key);
  FirstCopy& f = it->second;
  if (!fresh && std::tie(f.file, f.index) < std::tie(file, index)) return;
  f = {file, index, rank_of(conversation_route(visit_present, visit_id, key), ranks_)};
}

void RouteTable::add_session(const std::string& key, TimeMs first_event, TimeMs record_start,
                             std::int64_t agent_id) {
  Settled& s = sessions_[key];
  if (agent_id == kNoLong) return;  // a copy without an agent never gives the session one
  const auto order = [](TimeMs fe, TimeMs rs, std::int64_t agent) {
    return std::make_tuple(later_if_absent(fe), later_if_absent(rs), later_if_absent(agent));
  };
  if (s.agent == kNoLong ||
      order(first_event, record_start, agent_id) < order(s.first_event, s.record_start, s.agent))
    s = {first_event, record_start, agent_id};
}

std::uint32_t RouteTable::conversation_rank(const std::string& key) const {
  const auto it = conversations_.find(key);
  return it != conversations_.end() ? it->second.rank : rank_of(key, ranks_);
}

std::uint32_t RouteTable::session_rank(const std::string& key) const {
  const auto it = sessions_.find(key);
  if (it == sessions_.end() || it->second.agent == kNoLong) return rank_of(key, ranks_);
  return rank_of_agent(it->second.agent, ranks_);
}

}  // namespace leda::dist
