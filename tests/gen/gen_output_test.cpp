// `leda generate` output: determinism, the file layout and format, parts, refusal to overwrite.
#include <catch2/catch.hpp>
#include <set>

#include "account_reader.hpp"
#include "gen/generator.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using leda::gen::GenOptions;

namespace {

GenOptions small(const fs::path& dir, std::uint64_t seed) {
  GenOptions o;
  o.out_dir = dir.string();
  o.seed = seed;
  o.agents = 6;
  o.days = 2;
  o.visits_per_day = 300;
  o.threads = 2;
  o.progress = false;
  return o;
}

// Compares two file trees without printing megabytes on a mismatch.
void check_same_tree(const fs::path& a, const fs::path& b) {
  const auto ta = gentest::read_tree(a), tb = gentest::read_tree(b);
  REQUIRE(ta.size() == tb.size());
  for (const auto& [name, bytes] : ta) {
    INFO(name);
    REQUIRE(tb.count(name) == 1);
    CHECK((tb.at(name) == bytes));
  }
}

}  // namespace

TEST_CASE("the same options give byte-identical files, another seed other data") {
  const leda::test::TempDir a("gen-same-a"), b("gen-same-b"), c("gen-seed-c");
  leda::gen::generate(small(a.path, 5));
  leda::gen::generate(small(b.path, 5));
  leda::gen::generate(small(c.path, 6));
  REQUIRE(gentest::read_tree(a.path).size() > 20);
  check_same_tree(a.path, b.path);

  const auto ta = gentest::read_tree(a.path), tc = gentest::read_tree(c.path);
  CHECK(ta.at("agents.csv") != tc.at("agents.csv"));  // other agent ids
  int common = 0;
  for (const auto& [name, bytes] : ta) {
    if (!tc.count(name) || name.find(".gz") == std::string::npos) continue;
    ++common;
    INFO(name);
    CHECK(tc.at(name) != bytes);
  }
  CHECK(common > 10);
}

TEST_CASE("the thread count does not change the output") {
  const leda::test::TempDir one("gen-threads-1"), two("gen-threads-2"), many("gen-threads-5");
  auto o = small(one.path, 9);
  o.threads = 1;
  leda::gen::generate(o);
  o.out_dir = two.path;
  o.threads = 2;
  leda::gen::generate(o);
  o.out_dir = many.path;
  o.threads = 5;
  leda::gen::generate(o);
  check_same_tree(one.path, two.path);
  check_same_tree(one.path, many.path);
}

TEST_CASE("files are hourly gzip NDJSON named and filled as the Data Access API serves them") {
  const leda::test::TempDir dir("gen-layout");
  auto o = small(dir.path, 7);
  const leda::gen::GenSummary s = leda::gen::generate(o);
  const gentest::Account acc = gentest::read_account(dir / "75555851");  // throws on bad data
  const gentest::Ms range_start = o.start_day * 86400000LL;
  const gentest::Ms range_end = range_start + o.days * 86400000LL;

  const std::map<std::string, std::string> prefix = {{"agentActivity", "Agent"},
                                                     {"webSession", "WebSession"},
                                                     {"engagement", "Engagement"},
                                                     {"survey", "Survey"}};
  std::map<std::string, int> wrapped, files;
  for (const auto& f : acc.files) {
    INFO(f.dir << " " << f.start);
    REQUIRE(prefix.count(f.dir) == 1);
    CHECK(f.prefix == prefix.at(f.dir));
    CHECK(f.end - f.start == 3600000);
    CHECK(f.start % 3600000 == 0);
    CHECK(f.start >= range_start);
    CHECK(f.end <= range_end);
    CHECK(f.part == 0);
    CHECK(f.records > 0);
    ++files[f.dir];
    wrapped[f.dir] += f.wrapped;
  }
  CHECK(files.size() == 4);
  CHECK(wrapped["agentActivity"] >= 1);
  CHECK(wrapped["webSession"] >= 1);
  CHECK(wrapped["agentActivity"] + wrapped["webSession"] <
        files["agentActivity"] + files["webSession"]);
  CHECK(s.total_files() == acc.files.size());

  // A record goes in the hour in which it closed.
  auto in_hour = [](gentest::Ms t, gentest::Ms start) { return t >= start && t < start + 3600000; };
  for (const auto& x : acc.sessions)
    CHECK(in_hour(x.meta_end, x.file_start));
  for (const auto& x : acc.visits)
    CHECK(in_hour(x.end, x.file_start));
  for (const auto& x : acc.conversations)
    CHECK(in_hour(x.meta_end, x.file_start));
  for (const auto& x : acc.surveys)
    CHECK(in_hour(x.meta_end, x.file_start));

  CHECK(s.records[0] == acc.sessions.size());
  CHECK(s.records[1] == acc.visits.size());
  CHECK(s.records[2] == acc.conversations.size());
  CHECK(s.records[3] == acc.surveys.size());
  CHECK(acc.visits.size() > 500);
  // Web sessions are the bulk of the bytes, as in real accounts.
  CHECK(s.bytes[1] > 0.8 * static_cast<double>(s.total_bytes()));
  CHECK(s.total_compressed() < s.total_bytes() / 5);
}

TEST_CASE("a small part size splits an hour into parts holding the same records in order") {
  const leda::test::TempDir whole("gen-parts-whole"), split("gen-parts-split");
  auto o = small(whole.path, 4);
  leda::gen::generate(o);
  o.out_dir = split.path;
  o.part_bytes = 40000;
  leda::gen::generate(o);
  const auto tw = gentest::read_tree(whole / "75555851"),
             ts = gentest::read_tree(split / "75555851");
  std::map<std::string, std::string> joined;  // hour file name of part 0 -> joined content
  int multi = 0;
  for (const auto& [name, gz] : ts) {
    const auto at = name.find(".part-");
    const std::string key = name.substr(0, at) + ".part-00000-0.gz";
    joined[key] += gentest::gunzip_zlib(gz, name);
    multi += name.substr(at, 11) != ".part-00000";
  }
  CHECK(multi > 0);
  REQUIRE(joined.size() == tw.size());
  for (const auto& [name, gz] : tw) {
    INFO(name);
    CHECK((joined.at(name) == gentest::gunzip_zlib(gz, name)));
  }
}

TEST_CASE("existing output is kept unless --force, and no staging directory is left") {
  const leda::test::TempDir dir("gen-force");
  auto o = small(dir.path, 2);
  o.days = 1;
  leda::gen::generate(o);
  const auto before = gentest::read_tree(dir.path);
  o.seed = 3;
  CHECK_THROWS_AS(leda::gen::generate(o), leda::gen::GenOutputExists);
  CHECK((gentest::read_tree(dir.path) == before));
  o.force = true;
  leda::gen::generate(o);
  const auto after = gentest::read_tree(dir.path);
  CHECK(after.at("agents.csv") != before.at("agents.csv"));
  for (const auto& e : fs::directory_iterator(dir.path))
    CHECK(e.path().filename().string().rfind(".leda-generate", 0) == std::string::npos);
  o.seed = 2;  // back to the first seed: the replaced account is exactly the first one again
  leda::gen::generate(o);
  CHECK((gentest::read_tree(dir.path) == before));
}

TEST_CASE("bad options are refused with a message naming the option") {
  const leda::test::TempDir dir("gen-bad");
  auto refuse = [&](auto change, const std::string& word) {
    auto o = small(dir.path, 1);
    change(o);
    INFO(word);
    CHECK_THROWS_WITH(leda::gen::generate(o), Catch::Contains(word));
  };
  refuse([](GenOptions& o) { o.account = "75a"; }, "--account");
  refuse([](GenOptions& o) { o.account = ""; }, "--account");
  refuse([](GenOptions& o) { o.agents = 0; }, "--agents");
  refuse([](GenOptions& o) { o.days = 0; }, "--days");
  refuse([](GenOptions& o) { o.visits_per_day = -5; }, "--visits-per-day");
  refuse([](GenOptions& o) { o.out_dir.clear(); }, "--out");
  CHECK(fs::is_empty(dir.path));
}
