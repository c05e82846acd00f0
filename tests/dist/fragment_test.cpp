// Fragments as bytes and cut into parts: the model built from what comes back is the model of
// the original files, record for record.
#include <algorithm>
#include <filesystem>
#include <random>

#include <catch2/catch.hpp>

#include "dist/fragment_codec.hpp"
#include "dist/fragment_split.hpp"
#include "dist_support.hpp"
#include "load/file_reader.hpp"
#include "load/file_walk.hpp"
#include "model/model_builder.hpp"
#include "model/model_dump.hpp"

namespace {

using leda::model::Fragment;
using leda::model::ModelBuilder;

std::vector<std::unique_ptr<Fragment>> sample_fragments() {
  std::vector<std::unique_ptr<Fragment>> out;
  for (const auto& f : leda::load::list_data_files({leda::test::sample_data()}))
    out.push_back(std::move(leda::load::read_data_file(f.path, leda::kNeedEverything).fragment));
  return out;
}

std::string model_of(const std::vector<const Fragment*>& fragments, std::uint64_t* dups) {
  ModelBuilder b;
  for (const Fragment* f : fragments)
    b.add(*f);
  if (dups) *dups = b.duplicates();
  return leda::model::dump_model(b.finish(1));
}

Fragment round_trip(const Fragment& f) {
  std::string bytes;
  leda::dist::encode_fragment(f, bytes);
  Fragment back;
  leda::dist::decode_fragment(bytes, back);
  return back;
}

}  // namespace

TEST_CASE("a fragment read back from its bytes builds the same model", "[dist][fragment]") {
  const auto fragments = sample_fragments();
  REQUIRE(fragments.size() == 200);
  std::vector<const Fragment*> original, back_ptrs;
  std::vector<Fragment> back;
  back.reserve(fragments.size());
  for (const auto& f : fragments) {
    original.push_back(f.get());
    back.push_back(round_trip(*f));
    back_ptrs.push_back(&back.back());
    // Written again, the bytes are the same: every field came back.
    std::string a, b;
    leda::dist::encode_fragment(*f, a);
    leda::dist::encode_fragment(back.back(), b);
    REQUIRE(a == b);
  }
  CHECK(model_of(back_ptrs, nullptr) == model_of(original, nullptr));
}

TEST_CASE("bytes that are no fragment are refused", "[dist][fragment]") {
  const auto fragments = sample_fragments();
  std::string bytes;
  leda::dist::encode_fragment(*fragments.front(), bytes);
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, bytes.size() / 2, bytes.size() - 1}) {
    Fragment f;
    CHECK_THROWS_AS(leda::dist::decode_fragment(std::string_view(bytes).substr(0, n), f),
                    leda::StateFormatError);
  }
  Fragment f;
  CHECK_THROWS_WITH(leda::dist::decode_fragment(bytes + "x", f),
                    Catch::Contains("bytes left after the fragment"));
}

TEST_CASE("a fragment cut by record kind and merged part after part builds the same model",
          "[dist][fragment]") {
  // Parts in file order, each kind in its own part: the builder meets every record in the
  // order it would in the whole file (records of one kind keep their order), so the model, and
  // the duplicates, are those of the whole files. The account is read twice over, so that
  // every record is also a duplicate.
  const auto fragments = sample_fragments();
  std::vector<const Fragment*> whole;
  std::vector<Fragment> parts;
  parts.reserve(fragments.size() * 8);
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& f : fragments) {
      whole.push_back(f.get());
      leda::dist::Destinations to;
      to.sessions.assign(f->agent_sessions.size(), 0);
      to.pieces.assign(f->visit_pieces.size(), 1);
      to.conversations.assign(f->conversations.size(), 2);
      to.surveys.assign(f->surveys.size(), 3);
      auto split = leda::dist::split_fragment(*f, to, 4);
      CHECK(split.shared_records.empty());  // a record holds items of one kind
      for (auto& p : split.parts)
        parts.push_back(round_trip(p));
    }
  std::vector<const Fragment*> part_ptrs;
  for (const auto& p : parts)
    part_ptrs.push_back(&p);
  std::uint64_t dup_whole = 0, dup_parts = 0;
  CHECK(model_of(part_ptrs, &dup_parts) == model_of(whole, &dup_whole));
  CHECK(dup_parts == dup_whole);
  CHECK(dup_whole == 51 + 5990 + 236 + 96);  // every record of the second pass (README counts)
}

TEST_CASE("a record whose items go to several parts is listed as shared", "[dist][fragment]") {
  // Visit pieces of one web record sent to parts at random: the record is shared exactly when
  // its pieces went to two parts or more.
  const auto fragments = sample_fragments();
  std::mt19937 rng(7);
  std::size_t shared_seen = 0;
  for (const auto& f : fragments) {
    if (f->visit_pieces.empty()) continue;
    leda::dist::Destinations to;
    to.sessions.assign(f->agent_sessions.size(), 0);
    to.conversations.assign(f->conversations.size(), 0);
    to.surveys.assign(f->surveys.size(), 0);
    std::vector<std::set<std::uint32_t>> parts_of(f->records);
    for (const auto& p : f->visit_pieces) {
      to.pieces.push_back(rng() % 3);
      parts_of[p.record].insert(to.pieces.back());
    }
    std::vector<std::uint32_t> expected;
    for (std::uint32_t r = 0; r < f->records; ++r)
      if (parts_of[r].size() > 1) expected.push_back(r);
    const auto split = leda::dist::split_fragment(*f, to, 3);
    CHECK(split.shared_records == expected);
    shared_seen += expected.size();
    std::size_t pieces = 0;
    for (const auto& p : split.parts)
      pieces += p.visit_pieces.size();
    CHECK(pieces == f->visit_pieces.size());
  }
  CHECK(shared_seen > 0);
}
