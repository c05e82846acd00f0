// Routing: which rank holds which record. The rules are those of the model builder (the first
// copy of a conversation is kept; a session's agent is that of the copy that starts first).
#include <catch2/catch.hpp>

#include "dist/load_codec.hpp"
#include "dist/routing.hpp"

using leda::kNoLong;
using leda::dist::key_of;
using leda::dist::rank_of;
using leda::dist::rank_of_agent;
using leda::dist::RouteTable;

TEST_CASE("keys tell an absent value from an empty one", "[dist][routing]") {
  CHECK(key_of('c', false, "") == "c-");
  CHECK(key_of('c', true, "") == "c=");
  CHECK(key_of('c', true, "x") == "c=x");
  CHECK(key_of('v', true, "x") != key_of('c', true, "x"));
}

TEST_CASE("a key goes to one rank, and keys spread over the ranks", "[dist][routing]") {
  std::vector<int> per_rank(4, 0);
  for (int i = 0; i < 4000; ++i) {
    const std::string key = key_of('v', true, "visit-" + std::to_string(i));
    const std::uint32_t r = rank_of(key, 4);
    REQUIRE(r < 4);
    CHECK(rank_of(key, 4) == r);
    ++per_rank[r];
  }
  // 1000 expected per rank; a binomial standard deviation is about 27: allow 6 of them.
  for (int n : per_rank)
    CHECK(std::abs(n - 1000) < 165);
  CHECK(rank_of("anything", 1) == 0);
}

TEST_CASE("a conversation goes with the visit of its first copy", "[dist][routing]") {
  const std::uint32_t R = 16;
  const std::string c = key_of('c', true, "conv-1");
  const std::string visit = key_of('v', true, "visit-9");
  SECTION("the first copy names the visit") {
    RouteTable t(R);
    t.add_conversation(c, 7, 0, false, "");  // a later copy without it
    t.add_conversation(c, 3, 5, true, "visit-9");
    CHECK(t.conversation_rank(c) == rank_of(visit, R));
  }
  SECTION("the first copy names none: by the conversation, whatever later copies say") {
    RouteTable t(R);
    t.add_conversation(c, 3, 5, true, "visit-9");
    t.add_conversation(c, 3, 2, true, "");  // same file, earlier: first; an empty visitId
    CHECK(t.conversation_rank(c) == rank_of(c, R));
  }
  SECTION("a conversation no file holds: by its own key") {
    RouteTable t(R);
    CHECK(t.conversation_rank(c) == rank_of(c, R));
  }
}

TEST_CASE("an agent session goes with the agent of its copy that starts first", "[dist][routing]") {
  const std::uint32_t R = 16;
  const std::string s = key_of('s', true, "session-1");
  RouteTable t(R);
  t.add_session(s, 100, 50, 7);
  t.add_session(s, 90, 60, 9);        // starts first by first event: agent 9
  t.add_session(s, kNoLong, 10, 3);   // no event: sorts last, whatever its record start
  t.add_session(s, 80, 10, kNoLong);  // starts first but names no agent: gives none
  CHECK(t.session_rank(s) == rank_of_agent(9, R));
  // Ties on the first event go by record start, then by the smaller agent id.
  RouteTable u(R);
  u.add_session(s, 90, 70, 5);
  u.add_session(s, 90, 60, 8);
  CHECK(u.session_rank(s) == rank_of_agent(8, R));
  RouteTable v(R);
  v.add_session(s, 90, 60, 8);
  v.add_session(s, 90, 60, 4);
  CHECK(v.session_rank(s) == rank_of_agent(4, R));
  // No copy with an agent: by the session's own key.
  RouteTable w(R);
  w.add_session(s, 90, 60, kNoLong);
  CHECK(w.session_rank(s) == rank_of(s, R));
}

TEST_CASE("load statistics come back from their bytes", "[dist][routing]") {
  leda::load::LoadStats s;
  s.files[0] = 3, s.records[1] = 17, s.files_total = 9, s.duplicates = 2, s.merged_parts = 1;
  s.errors = 1;
  s.error_samples.push_back({"a.gz", 4, 120, "broken JSON"});
  s.schema_versions = {"1.0.0.35"};
  s.time_from = -5, s.time_to = 1793404800000, s.bytes = 1234, s.compressed_bytes = 99;
  s.merged = {5, 2, 7, 3, 1};
  leda::StateWriter w;
  leda::dist::encode_stats(w, s);
  leda::StateReader r(w.bytes());
  const auto b = leda::dist::decode_stats(r);
  r.expect_end();
  CHECK(b.files[0] == 3);
  CHECK(b.records[1] == 17);
  CHECK(b.files_total == 9);
  CHECK(b.duplicates == 2);
  CHECK(b.merged_parts == 1);
  REQUIRE(b.error_samples.size() == 1);
  CHECK(b.error_samples[0].file == "a.gz");
  CHECK(b.error_samples[0].offset == 120);
  CHECK(b.schema_versions == s.schema_versions);
  CHECK(b.time_from == -5);
  CHECK(b.time_to == 1793404800000);
  CHECK(b.merged.visits == 7);
  CHECK(b.merged.surveys == 1);
}
