// The account store: commits, verification, the manifest, the lock, stale temp files, and the
// check that keeps bad downloads out.
#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fetch_fixture.hpp"
#include "store/account_store.hpp"
#include "store/download_check.hpp"
#include "store/sha256.hpp"

using namespace leda;
using leda::test::TempDir;

namespace {

store::ManifestEntry entry_for(const std::string& type, const std::string& name,
                               const std::string& bytes) {
  store::ManifestEntry e;
  e.type = type;
  e.name = name;
  e.href = "https://h/" + name + ".gz";
  e.scope_start_ms = 1714521600000;
  e.scope_end_ms = 1714525200000;
  e.size = bytes.size();
  e.sha256 = store::sha256_hex(bytes);
  e.fetched_ms = 1714600000123;
  return e;
}

}  // namespace

TEST_CASE("sha256 matches the FIPS 180-2 example", "[store]") {
  CHECK(store::sha256_hex("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("a committed file is in place, recorded, verified, and survives reopening", "[store]") {
  TempDir dir;
  const std::string bytes = test::gzip("{\"a\":1}\n");
  {
    store::AccountStore s(dir.path, test::kAccount);
    const std::string tmp = s.new_temp_path();
    test::write_file(tmp, bytes);
    s.commit(tmp, "Agent.1.2.part-00000-0.gz",
             entry_for("agentActivity", "Agent.1.2.part-00000-0", bytes));
    s.set_checkpoint("agentActivity", 1714525200000);
    s.save();
    CHECK_FALSE(test::exists(tmp));
    CHECK(test::read_file(dir / std::string(test::kAccount) +
                          "/agentActivity/Agent.1.2.part-00000-0.gz") == bytes);
  }
  store::AccountStore s(dir.path, test::kAccount);
  CHECK(s.verified("agentActivity", "Agent.1.2.part-00000-0"));
  CHECK_FALSE(s.verified("agentActivity", "Agent.3.4.part-00000-0"));
  CHECK(s.checkpoint("agentActivity") == 1714525200000);
  CHECK_FALSE(s.checkpoint("survey"));
  auto m = s.manifest();
  REQUIRE(m.size() == 1);
  const auto* e = m.find("agentActivity", "Agent.1.2.part-00000-0");
  REQUIRE(e);
  CHECK(e->path == "agentActivity/Agent.1.2.part-00000-0.gz");
  CHECK(e->fetched_ms == 1714600000123);
  CHECK(e->href == "https://h/Agent.1.2.part-00000-0.gz");
  // Round trip of the text form.
  auto again = store::Manifest::parse(m.serialize(), "manifest.json");
  CHECK(again.serialize() == m.serialize());
}

TEST_CASE("a stored file that changed on disk is no longer verified", "[store]") {
  TempDir dir;
  const std::string bytes = test::gzip("{\"a\":1}\n");
  store::AccountStore s(dir.path, test::kAccount);
  const std::string tmp = s.new_temp_path();
  test::write_file(tmp, bytes);
  s.commit(tmp, "S.1.2.part-00000-0.gz", entry_for("survey", "S.1.2.part-00000-0", bytes));
  const std::string path = dir / std::string(test::kAccount) + "/survey/S.1.2.part-00000-0.gz";
  CHECK(s.verified("survey", "S.1.2.part-00000-0"));
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 1;  // same size, other content
  test::write_file(path, flipped);
  CHECK_FALSE(s.verified("survey", "S.1.2.part-00000-0"));
  ::unlink(path.c_str());
  CHECK_FALSE(s.verified("survey", "S.1.2.part-00000-0"));
}

TEST_CASE("one process at a time holds a store, stale temp files are removed on open", "[store]") {
  TempDir dir;
  {
    store::AccountStore first(dir.path, test::kAccount);
    CHECK_THROWS_WITH(store::AccountStore(dir.path, test::kAccount),
                      Catch::Contains("another leda fetch is writing this store"));
    test::write_file(first.new_temp_path(), "half a download");
  }
  store::AccountStore s(dir.path, test::kAccount);
  CHECK(s.stale_removed() == 1);
  CHECK(test::tree_files(dir.path).empty());
}

TEST_CASE("a bad account id or a corrupt manifest refuses to open", "[store]") {
  TempDir dir;
  CHECK_THROWS_AS(store::AccountStore(dir.path, "../etc"), store::StoreError);
  test::write_file(dir / std::string(test::kAccount) + "/.leda/manifest.json", "{\"format\": 1");
  CHECK_THROWS_WITH(store::AccountStore(dir.path, test::kAccount),
                    Catch::Contains("manifest.json: not valid JSON"));
}

TEST_CASE("download check: length, gzip CRC, truncation, plain text passes", "[store]") {
  TempDir dir;
  const std::string good = test::gzip(test::ndjson_records(50, 7));
  const std::string path = dir / "body";

  test::write_file(path, good);
  auto ok = store::check_download(path, good.size());
  CHECK(ok.ok);
  CHECK(ok.gzip);
  CHECK(ok.sha256 == store::sha256_hex(good));

  auto short_body = store::check_download(path, good.size() + 10);
  CHECK_FALSE(short_body.ok);
  CHECK(short_body.error == "incomplete body: " + std::to_string(good.size()) + " of " +
                                std::to_string(good.size() + 10) + " bytes");

  std::string bad_crc = good;
  bad_crc[bad_crc.size() - 6] ^= 0x55;  // inside the CRC-32 of the trailer
  test::write_file(path, bad_crc);
  auto crc = store::check_download(path, bad_crc.size());
  CHECK_FALSE(crc.ok);
  CHECK(crc.error.find("bad CRC") != std::string::npos);

  test::write_file(path, good.substr(0, good.size() / 2));
  auto cut = store::check_download(path, std::nullopt);  // length consistent, gzip cut short
  CHECK_FALSE(cut.ok);
  CHECK(cut.error.find("gzip member 1") != std::string::npos);

  test::write_file(path, "{\"plain\": true}\n");
  auto plain = store::check_download(path, 16);
  CHECK(plain.ok);
  CHECK_FALSE(plain.gzip);
}

TEST_CASE("a cut-short gzip body is refused without trusting its last bytes as a size", "[store]") {
  // The last 4 bytes of a gzip member give its decoded size; in a body cut short they are
  // arbitrary. Here they claim 2 GiB: the check must fail without allocating anything like it.
  TempDir dir;
  std::string cut = test::gzip(test::ndjson_records(200, 3));
  cut.resize(cut.size() / 2);
  cut.replace(cut.size() - 4, 4, std::string("\xff\xff\xff\x7f", 4));
  test::write_file(dir / "body", cut);
  struct rusage before, after;
  getrusage(RUSAGE_SELF, &before);
  auto check = store::check_download(dir / "body", cut.size());
  getrusage(RUSAGE_SELF, &after);
  CHECK_FALSE(check.ok);
  CHECK(check.error.find("gzip member 1") != std::string::npos);
  CHECK(after.ru_maxrss - before.ru_maxrss < 256 * 1024);  // KiB: far below 2 GiB
}

TEST_CASE("the manifest parser reads text in memory, every prefix of a manifest included",
          "[store]") {
  store::Manifest m;
  m.account = test::kAccount;
  for (auto e : {entry_for("survey", "Survey.1.2.part-00000-0", "abc"),
                 entry_for("webSession", "WebSession.1.2.part-00000-0", "defg")}) {
    e.path = e.type + "/" + e.name + ".gz";
    m.put(e);
  }
  m.set_checkpoint("survey", 1714525200000);
  const std::string text = m.serialize();
  const auto back = store::Manifest::parse(text, "in-memory");
  CHECK(back.serialize() == text);
  // Each prefix either parses or is refused with a message naming where it came from; only the
  // prefixes that reach the closing brace hold both entries.
  std::size_t whole = 0;
  for (std::size_t n = 0; n <= text.size(); ++n) {
    try {
      whole += store::Manifest::parse(text.substr(0, n), "in-memory").size() == 2 ? 1 : 0;
    } catch (const std::runtime_error& e) {
      CHECK_THAT(e.what(), Catch::StartsWith("in-memory: "));
    }
  }
  CHECK(whole == text.size() - text.find_last_not_of(" \t\r\n"));
}
