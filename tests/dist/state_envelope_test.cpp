// The state envelope: built-in plugins' states sealed, opened and merged as they travel
// between MPI ranks; truncated, altered and foreign envelopes refused with a clear message.
#include <algorithm>
#include <random>

#include <catch2/catch.hpp>

#include "dist/state_envelope.hpp"
#include "dist_support.hpp"
#include "host/kpi_runner.hpp"
#include "host/plugin_guard.hpp"

namespace {

using leda::dist::EnvelopeError;
using leda::dist::StateIdentity;

// One pass: the whole model as one shard.
leda::Table one_pass(const leda::host::KpiJob& job, const leda::Model& model,
                     const leda::Joins& joins) {
  const leda::KpiPlugin& p = *job.plugin->plugin;
  auto state = p.create_state();
  p.update(*state, leda::host::shard_model(model, joins, 1)[0]);
  return p.finalize(std::move(*state));
}

// `parts` batches cutting each of the model's vectors at random points (empty ones included).
std::vector<leda::Batch> random_cuts(const leda::Model& m, const leda::Joins& joins, unsigned parts,
                                     std::mt19937& rng) {
  std::vector<leda::Batch> out(parts);
  auto cut = [&](std::size_t n, leda::Range leda::Batch::*range) {
    std::vector<std::uint32_t> at{0, static_cast<std::uint32_t>(n)};
    for (unsigned i = 1; i < parts; ++i)
      at.push_back(static_cast<std::uint32_t>(n ? rng() % (n + 1) : 0));
    std::sort(at.begin(), at.end());
    for (unsigned i = 0; i < parts; ++i)
      out[i].*range = {at[i], at[i + 1] - at[i]};
  };
  for (auto& b : out) {
    b.model = &m;
    b.joins = &joins;
  }
  cut(m.agents.size(), &leda::Batch::agents);
  cut(m.visits.size(), &leda::Batch::visits);
  cut(m.conversations.size(), &leda::Batch::conversations);
  cut(m.surveys.size(), &leda::Batch::surveys);
  return out;
}

}  // namespace

TEST_CASE("every built-in plugin's state survives the envelope and merges in any order",
          "[dist][envelope]") {
  const auto& fx = leda::test::sample_run();
  REQUIRE(fx.run.jobs.size() >= 5);
  for (const auto& job : fx.run.jobs) {
    INFO(job.plugin->manifest.name);
    REQUIRE(job.error.empty());
    const leda::KpiPlugin& p = *job.plugin->plugin;
    REQUIRE(job.plugin->description.state_version > 0);
    const StateIdentity who = leda::dist::identity_of(*job.plugin, job.params);
    const leda::Table expected = one_pass(job, fx.model, *fx.run.joins);
    REQUIRE_FALSE(expected.rows.empty());

    // Random cuts (as ranks hold them), each state sealed and opened, merged in a random order
    // (not shard order: ranks hold entities by hash, so any order must give the same table).
    for (std::uint32_t seed = 1; seed <= 6; ++seed) {
      std::mt19937 rng(seed);
      const unsigned parts = 1 + rng() % 7;
      const auto batches = random_cuts(fx.model, *fx.run.joins, parts, rng);
      std::vector<std::unique_ptr<leda::KpiState>> states;
      for (const auto& b : batches) {
        auto s = p.create_state();
        p.update(*s, b);
        const std::string bytes = leda::dist::encode_state(p, who, *s);
        states.push_back(leda::dist::decode_state(p, who, bytes));
      }
      std::shuffle(states.begin(), states.end(), rng);
      while (states.size() > 1) {
        const std::size_t i = rng() % (states.size() - 1);
        p.merge(*states[i], std::move(*states[i + 1]));
        states.erase(states.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        // The merged state travels again.
        const std::string bytes = leda::dist::encode_state(p, who, *states[i]);
        states[i] = leda::dist::decode_state(p, who, bytes);
      }
      const leda::Table got = p.finalize(std::move(*states[0]));
      CHECK(leda::test::same_table(got, expected));
    }
  }
}

TEST_CASE("an envelope cut short or with a byte altered is refused", "[dist][envelope]") {
  const auto& fx = leda::test::sample_run();
  const auto& job = fx.run.jobs.front();
  const leda::KpiPlugin& p = *job.plugin->plugin;
  const StateIdentity who = leda::dist::identity_of(*job.plugin, job.params);
  auto state = p.create_state();
  p.update(*state, leda::host::shard_model(fx.model, *fx.run.joins, 1)[0]);
  const std::string good = leda::dist::encode_state(p, who, *state);
  REQUIRE_NOTHROW(leda::dist::decode_state(p, who, good));

  // Every shorter prefix, from empty to one byte short.
  for (std::size_t n = 0; n < good.size(); n += (n < 200 ? 1 : 97)) {
    INFO("prefix of " << n << " bytes");
    CHECK_THROWS_AS(leda::dist::decode_state(p, who, good.substr(0, n)), EnvelopeError);
  }
  CHECK_THROWS_WITH(leda::dist::open_state(good.substr(0, good.size() - 1), who),
                    Catch::Contains("cut short"));
  CHECK_THROWS_WITH(leda::dist::open_state(good + "x", who),
                    Catch::Contains("1 bytes after the checksum"));
  // Each byte altered (every one of the header, a sample of the payload): a CRC-32 detects
  // every single-byte change, so each must be refused, most by the checksum.
  for (std::size_t i = 0; i < good.size(); i += (i < 80 ? 1 : 31)) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x20);
    INFO("byte " << i);
    CHECK_THROWS_AS(leda::dist::decode_state(p, who, bad), EnvelopeError);
  }
  std::string payload_changed = good;
  payload_changed[good.size() / 2] ^= 1;
  CHECK_THROWS_WITH(leda::dist::open_state(payload_changed, who),
                    "state envelope: checksum mismatch: the bytes were altered on the way");
  CHECK_THROWS_WITH(leda::dist::open_state("LEDAXXXX" + good.substr(8), who),
                    Catch::Contains("not a leda state"));
}

TEST_CASE("an envelope of another plugin, version, state format or parameters is refused",
          "[dist][envelope]") {
  const auto& fx = leda::test::sample_run();
  const auto& job = fx.run.jobs.front();
  const leda::KpiPlugin& p = *job.plugin->plugin;
  const StateIdentity who = leda::dist::identity_of(*job.plugin, job.params);
  auto state = p.create_state();
  const std::string good = leda::dist::encode_state(p, who, *state);

  StateIdentity other = who;
  other.plugin = "someone-else";
  CHECK_THROWS_WITH(
      leda::dist::decode_state(p, other, good),
      "state envelope: a state of plugin '" + who.plugin + "' was given to plugin 'someone-else'");
  other = who;
  other.version = "9.9.9";
  CHECK_THROWS_WITH(leda::dist::decode_state(p, other, good),
                    Catch::Contains("version " + who.version) &&
                        Catch::Contains("this process runs version 9.9.9"));
  other = who;
  other.state_version = who.state_version + 1;
  CHECK_THROWS_WITH(leda::dist::decode_state(p, other, good),
                    Catch::Contains("in state format " + std::to_string(who.state_version)));

  // Another value of one parameter gives another fingerprint: refused.
  auto values = job.params.all();
  REQUIRE_FALSE(values.empty());
  values.begin()->second += "x";
  other = who;
  other.params_fingerprint = leda::dist::params_fingerprint(leda::Params(values));
  CHECK(other.params_fingerprint != who.params_fingerprint);
  CHECK_THROWS_WITH(leda::dist::decode_state(p, other, good),
                    Catch::Contains("built with other parameters"));
  // The fingerprint frames each text: moving a character from a name to its value changes it.
  using Values = std::map<std::string, std::string>;
  CHECK(leda::dist::params_fingerprint(leda::Params(Values{{"ab", "c"}})) !=
        leda::dist::params_fingerprint(leda::Params(Values{{"a", "bc"}})));
}

TEST_CASE("a payload the plugin cannot read is refused after the envelope checks pass",
          "[dist][envelope]") {
  const auto& fx = leda::test::sample_run();
  const auto& job = fx.run.jobs.front();
  const leda::KpiPlugin& p = *job.plugin->plugin;
  const StateIdentity who = leda::dist::identity_of(*job.plugin, job.params);
  // A well-sealed envelope around bytes that are no state of this plugin.
  CHECK_THROWS_WITH(leda::dist::decode_state(p, who, leda::dist::seal_state(who, "\xff\xff")),
                    Catch::StartsWith("state envelope: plugin '" + who.plugin +
                                      "' cannot read its payload: state: "));
  // A good state followed by a stray byte, sealed: the plugin must read the payload to its end.
  leda::StateWriter w;
  p.encode_state(*p.create_state(), w);
  CHECK_THROWS_WITH(leda::dist::decode_state(p, who, leda::dist::seal_state(who, w.bytes() + "!")),
                    Catch::Contains("1 bytes left after the state"));
}
