// The conversations plugin, loaded from its built library, on six hand-made conversations.
#include <catch2/catch.hpp>

#include "leda/testkit.hpp"

using namespace leda::testkit;

namespace {
const PluginUnderTest& plugin() {
  static PluginUnderTest p(LEDA_PLUGIN_CONVERSATIONS);
  return p;
}

TimeMs mar2(const char* hhmmss) {
  return at(std::string("2026-03-02T") + hhmmss);
}

// c1  skills [3,5] -> 5; agentId a1; queue 10:00:10-10:00:40: wait 30 s (= threshold);
//     connected 10:00:40, ends 10:10:40: 600 s; interactive; 1 transfer.
// c2  skill 5; no agentId: last agent line (types 1,3,4) is a3; no queue times: wait
//     10:06:00 - 10:05:00 = 60 s; ends 10:26:00: 1200 s.
// c3  skill 5; abandoned (no interactionStartTime); ends 10:32; interactive (counted anyway).
// c4  no skill; a1; queue 10:50:00-10:50:20: wait 20 s (the earlier conversation start is not
//     used); ends 11:05:20: 900 s; interactive; 2 transfers.
// c5  skill 7; a2; queue start only: wait 23:52 - 23:50 = 120 s; ends 2026-03-03 00:00:00:
//     480 s.
// c6  skill 7; a2; queue 11:59:50-12:00:00: 10 s; no end: no length, dated 12:00 (its latest
//     other time).
leda::Model make_model() {
  ModelBuilder b;
  ConversationSpec c1;
  c1.id = "c1";
  c1.skills = {3, 5};
  c1.agent_id = "4101";
  c1.conversation_start = mar2("10:00:00");
  c1.queue_start = mar2("10:00:10");
  c1.queue_end = mar2("10:00:40");
  c1.interaction_start = mar2("10:00:40");
  c1.conversation_end = mar2("10:10:40");
  c1.interactive = 1;
  c1.transfers = 1;
  b.conversation(c1);

  ConversationSpec c2;
  c2.id = "c2";
  c2.skills = {5};
  c2.lines = {{1, "4102"}, {0, "0"}, {4, "4103"}, {2, "0"}};
  c2.conversation_start = mar2("10:05:00");
  c2.interaction_start = mar2("10:06:00");
  c2.conversation_end = mar2("10:26:00");
  c2.interactive = 0;
  b.conversation(c2);

  ConversationSpec c3;
  c3.id = "c3";
  c3.skills = {5};
  c3.conversation_start = mar2("10:30:00");
  c3.queue_start = mar2("10:30:05");
  c3.conversation_end = mar2("10:32:00");
  c3.interactive = 1;
  b.conversation(c3);

  ConversationSpec c4;
  c4.id = "c4";
  c4.agent_id = "4101";
  c4.conversation_start = mar2("10:49:00");
  c4.queue_start = mar2("10:50:00");
  c4.queue_end = mar2("10:50:20");
  c4.interaction_start = mar2("10:50:20");
  c4.conversation_end = mar2("11:05:20");
  c4.interactive = 1;
  c4.transfers = 2;
  b.conversation(c4);

  ConversationSpec c5;
  c5.id = "c5";
  c5.skills = {7};
  c5.agent_id = "4102";
  c5.conversation_start = mar2("23:50:00");
  c5.queue_start = mar2("23:50:00");
  c5.interaction_start = mar2("23:52:00");
  c5.conversation_end = at("2026-03-03T00:00:00");
  b.conversation(c5);

  ConversationSpec c6;
  c6.id = "c6";
  c6.skills = {7};
  c6.agent_id = "4102";
  c6.conversation_start = mar2("11:59:50");
  c6.queue_start = mar2("11:59:50");
  c6.queue_end = mar2("12:00:00");
  c6.interaction_start = mar2("12:00:00");
  b.conversation(c6);
  return b.build();
}
}  // namespace

TEST_CASE("conversations: description", "[plugin][conversations]") {
  const auto& d = plugin().describe();
  CHECK(d.name == "conversations");
  CHECK(d.needs == (leda::kNeedEngagement | leda::kNeedTranscripts | leda::kNeedTransfers));
  CHECK(d.joins.empty());
}

TEST_CASE("conversations: one total row", "[plugin][conversations]") {
  const leda::Model m = make_model();
  const leda::Table t = plugin().run(m, leda::Joins{});
  INFO(to_text(t));
  REQUIRE(t.rows.size() == 1);
  CHECK(t.columns.front().name == "conversations");
  CHECK(integer(t, 0, "conversations") == 6);
  CHECK(integer(t, 0, "connected") == 5);
  CHECK(integer(t, 0, "abandoned") == 1);
  CHECK(number(t, 0, "abandon_rate") == Approx(1.0 / 6));
  // waits 30 + 60 + 20 + 120 + 10 = 240 over 5 = 48 s; max 120 s.
  CHECK(number(t, 0, "asa_s") == Approx(48));
  CHECK(number(t, 0, "max_wait_s") == 120);
  // within 30 s: c1 (30), c4 (20), c6 (10): 3 of all 6 conversations.
  CHECK(number(t, 0, "service_level") == Approx(0.5));
  // lengths 600 + 1200 + 900 + 480 = 3180 over 4 = 795 s.
  CHECK(number(t, 0, "avg_chat_length_s") == Approx(795));
  // interactive c1, c3, c4 over 5 connected; transferred c1, c4 over 5 connected.
  CHECK(integer(t, 0, "interactive") == 3);
  CHECK(number(t, 0, "interactive_rate") == Approx(0.6));
  CHECK(integer(t, 0, "transferred") == 2);
  CHECK(number(t, 0, "transfer_rate") == Approx(0.4));
  CHECK(has_note(t, "1 conversation without conversationEndTime was dated"));
  CHECK(has_note(t, "1 connected conversation without a usable end time has"));

  const leda::Table strict = plugin().run(m, leda::Joins{}, {{"sl_threshold_s", "20"}});
  CHECK(number(strict, 0, "service_level") == Approx(2.0 / 6));  // c4 (20), c6 (10)
}

TEST_CASE("conversations: by skill and by agent", "[plugin][conversations]") {
  const leda::Model m = make_model();
  const leda::Table s = plugin().run(m, leda::Joins{}, {{"group_by", "skill"}});
  INFO(to_text(s));
  REQUIRE(s.rows.size() == 3);
  CHECK(is_null(s, 0, "skill_id"));  // c4
  CHECK(number(s, 0, "asa_s") == 20);
  CHECK(integer(s, 1, "skill_id") == 5);  // c1, c2, c3 (c1's last skill)
  CHECK(integer(s, 1, "conversations") == 3);
  CHECK(integer(s, 1, "abandoned") == 1);
  CHECK(number(s, 1, "asa_s") == Approx(45));               // (30 + 60) / 2
  CHECK(number(s, 1, "service_level") == Approx(1.0 / 3));  // c1 only
  CHECK(number(s, 1, "avg_chat_length_s") == Approx(900));  // (600 + 1200) / 2
  CHECK(number(s, 1, "interactive_rate") == Approx(1.0));   // c1, c3 over c1, c2
  CHECK(number(s, 1, "transfer_rate") == Approx(0.5));
  CHECK(integer(s, 2, "skill_id") == 7);  // c5, c6
  CHECK(number(s, 2, "asa_s") == Approx(65));
  CHECK(number(s, 2, "avg_chat_length_s") == Approx(480));
  CHECK(number(s, 2, "interactive_rate") == 0.0);

  const leda::Table a = plugin().run(m, leda::Joins{}, {{"group_by", "agent"}});
  INFO(to_text(a));
  REQUIRE(a.rows.size() == 4);
  CHECK(is_null(a, 0, "agent_id"));  // the abandoned c3
  CHECK(integer(a, 0, "connected") == 0);
  CHECK(is_null(a, 0, "asa_s"));
  CHECK(is_null(a, 0, "interactive_rate"));  // 0 connected: null, not 0
  CHECK(integer(a, 1, "agent_id") == 4101);  // c1, c4
  CHECK(number(a, 1, "asa_s") == Approx(25));
  CHECK(number(a, 1, "avg_chat_length_s") == Approx(750));
  CHECK(integer(a, 3, "agent_id") == 4103);  // c2, from its transcript
  CHECK(integer(a, 3, "conversations") == 1);
}

TEST_CASE("conversations: dated by conversationEndTime across an hour and a day",
          "[plugin][conversations]") {
  const leda::Model m = make_model();
  const leda::Table d = plugin().run(m, leda::Joins{}, {{"group_by", "day"}});
  REQUIRE(d.rows.size() == 2);
  CHECK(text(d, 0, "day") == "2026-03-02");
  CHECK(integer(d, 0, "conversations") == 5);
  CHECK(text(d, 1, "day") == "2026-03-03");  // c5 ends at midnight
  CHECK(integer(d, 1, "conversations") == 1);

  const leda::Table h = plugin().run(m, leda::Joins{}, {{"group_by", "interval"}});
  INFO(to_text(h));
  REQUIRE(h.rows.size() == 4);
  // 10:00 hour: c1, c2 and the abandoned c3; 11:00: c4 (ends 11:05:20); 12:00: c6; 00:00: c5.
  CHECK(text(h, 0, "interval_start") == "2026-03-02T10:00:00+00:00");
  CHECK(integer(h, 0, "conversations") == 3);
  CHECK(integer(h, 0, "abandoned") == 1);
  CHECK(text(h, 1, "interval_start") == "2026-03-02T11:00:00+00:00");
  CHECK(text(h, 2, "interval_start") == "2026-03-02T12:00:00+00:00");
  CHECK(text(h, 3, "interval_start") == "2026-03-03T00:00:00+00:00");

  // In New York, c5's end is 2026-03-02 19:00 EST: every conversation on 2026-03-02.
  const leda::Table ny =
      plugin().run(m, leda::Joins{}, {{"group_by", "day"}, {"tz", "America/New_York"}});
  REQUIRE(ny.rows.size() == 1);
  CHECK(text(ny, 0, "day") == "2026-03-02");
}

TEST_CASE("conversations: bad parameters", "[plugin][conversations]") {
  CHECK_THROWS_AS(plugin().configured({{"group_by", "none,skill"}}, leda::Joins{}),
                  leda::PluginError);
  CHECK_THROWS_AS(plugin().configured({{"sl_threshold_s", "-1"}}, leda::Joins{}),
                  leda::PluginError);
  CHECK_THROWS_AS(plugin().configured({{"sl_threshold_s", "soon"}}, leda::Joins{}),
                  leda::PluginError);
  CHECK_THROWS_AS(plugin().configured({{"interval", "45m"}}, leda::Joins{}), leda::PluginError);
}

TEST_CASE("conversations: any sharding gives the same table", "[plugin][conversations][shards]") {
  const leda::Model m = make_model();
  check_merge(plugin(), m, leda::Joins{});
  check_merge(plugin(), m, leda::Joins{},
              {{"group_by", "agent,skill,interval"}, {"interval", "15m"}});
}
