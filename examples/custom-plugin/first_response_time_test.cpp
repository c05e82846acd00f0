// Tests of the first-response-time plugin, on the leda plugin test kit: a hand-made model with
// numbers worked out by hand, and the merge check over random shardings.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <leda/testkit.hpp>

using namespace leda::testkit;

namespace {

const PluginUnderTest& plugin() {
  static PluginUnderTest p(PLUGIN_PATH);  // the built library, checked as leda checks it
  return p;
}

// Agents 7 and 8. Agent 7 answers c1 after 20 s and c2 after 90 s and is Online 09:00-11:00
// (2 h); agent 8 answers c3 after 5 s and has no activity. c4 has no agent line.
leda::Model model() {
  ModelBuilder b;
  b.agent(7, "ann").session(
      "s7", {login(at("2026-03-02T09:00:00"), 2), logout(at("2026-03-02T11:00:00"))});
  auto chat = [&](const char* id, const char* visitor, const char* answer, const char* agent) {
    ConversationSpec c;
    c.id = id;
    c.lines.push_back({0, "", at(visitor)});
    if (answer) c.lines.push_back({1, agent, at(answer)});
    b.conversation(c);
  };
  chat("c1", "2026-03-02T09:10:00", "2026-03-02T09:10:20", "7");
  chat("c2", "2026-03-02T09:30:00", "2026-03-02T09:31:30", "7");
  chat("c3", "2026-03-02T10:00:00", "2026-03-02T10:00:05", "8");
  chat("c4", "2026-03-02T10:30:00", nullptr, nullptr);
  return b.build();
}

}  // namespace

TEST_CASE("first response times per agent, next to Online time") {
  const leda::Model m = model();
  const leda::Table t = plugin().run(m, joins({}), {{"threshold_s", "60"}});
  REQUIRE(t.rows.size() == 2);
  const std::size_t ann = row_where(t, "agent_id", "7");
  CHECK(integer(t, ann, "conversations") == 2);
  CHECK(number(t, ann, "avg_first_response_s") == 55);     // (20 + 90) / 2
  CHECK(number(t, ann, "median_first_response_s") == 55);  // type 7 between 20 and 90
  CHECK(number(t, ann, "p90_first_response_s") == 83);     // 20 + 0.9 * 70
  CHECK(number(t, ann, "within_threshold") == 0.5);        // 20 s only
  CHECK(number(t, ann, "online_s") == 7200);               // 09:00-11:00
  CHECK(number(t, ann, "answers_per_online_hour") == 1);   // 2 answers in 2 h
  const std::size_t other = row_where(t, "agent_id", "8");
  CHECK(is_null(t, other, "answers_per_online_hour"));  // no activity for agent 8
  CHECK(has_note(t, "1 conversation where no agent answered the visitor not counted"));
}

TEST_CASE("a bad threshold is refused in configure") {
  CHECK_THROWS_AS(plugin().configured({{"threshold_s", "-5"}}, joins({})), leda::ParamError);
}

TEST_CASE("the merge holds over random shardings, merge orders and state encodings") {
  const leda::Model m = model();
  check_merge(plugin(), m, joins({}));
}
