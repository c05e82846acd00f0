#include "commerce_model.hpp"

#include "leda/testkit/joins.hpp"
#include "leda/testkit/model_builder.hpp"

namespace leda_test {
using namespace leda::testkit;
namespace {
TimeMs mar(int day, const char* hhmm) {
  return at("2026-03-0" + std::to_string(day) + "T" + hhmm + ":00");
}
}  // namespace

// Purchases (UTC; order id as sent, total):
//   v1  C1 " C1 " at 10:00 | 09:00 "A-1" -5 (negative: excluded) | 10:05 "A-1" 100
//   v2  09:00 "B-1" 40 | C2 at 09:30 (the first CustomerInfo after the purchase)
//   v3  C2 at 03-01 12:00 | 03-01 12:05 "B-2" 60       (C2 is Silver on 03-01)
//   v4  C3 at 10:50 | 11:00 "A-1 " 80                   (later copy of A-1: a conflict)
//   v5  06:00 "B-1" 0 (zero: excluded, cannot shadow B-1) | 08:00 " D-1" 20 (no customer)
//       | 08:10 "D-2" no total (excluded)
//   v6  C99 at 07:00 | 07:05 no orderId 30               (C99 has no membership row)
//   v8  C1 at 03-03 09:00 | 03-03 09:10 "A-2" 200
//   v9  C1 at 12:00, no purchase
//   v10 nothing
// Kept orders: A-1 100 (v1, C1 Gold), B-1 40 (v2, C2 Gold on 03-02), B-2 60 (v3, C2 Silver),
// D-1 20 (v5, UNMATCHED), v6's 30 (C99, UNMATCHED), A-2 200 (v8, C1 Gold).
// Conversations: c1 -> v1 connected, c3 -> v3 connected, c4 -> v4 abandoned,
// c9 -> v9 connected, c-orphan -> a visit not in the data, connected.
leda::Model commerce_model() {
  ModelBuilder b;
  b.visit("v1")
      .customer(mar(2, "10:00"), " C1 ")
      .purchase(mar(2, "09:00"), -5.0, "A-1")
      .purchase(mar(2, "10:05"), 100.0, "A-1");
  b.visit("v2").purchase(mar(2, "09:00"), 40.0, "B-1").customer(mar(2, "09:30"), "C2");
  b.visit("v3").customer(mar(1, "12:00"), "C2").purchase(mar(1, "12:05"), 60.0, "B-2");
  b.visit("v4").customer(mar(2, "10:50"), "C3").purchase(mar(2, "11:00"), 80.0, "A-1 ");
  b.visit("v5")
      .purchase(mar(2, "06:00"), 0.0, "B-1")
      .purchase(mar(2, "08:00"), 20.0, " D-1")
      .purchase(mar(2, "08:10"), std::nullopt, "D-2");
  b.visit("v6").customer(mar(2, "07:00"), "C99").purchase(mar(2, "07:05"), 30.0);
  b.visit("v8").customer(mar(3, "09:00"), "C1").purchase(mar(3, "09:10"), 200.0, "A-2");
  b.visit("v9").customer(mar(2, "12:00"), "C1");
  b.visit("v10", mar(2, "12:00"));
  auto conv = [&](const char* id, const char* visit, bool connected) {
    ConversationSpec c;
    c.id = id;
    c.visit_id = visit;
    c.conversation_start = mar(2, "10:00");
    if (connected) c.interaction_start = mar(2, "10:01");
    c.conversation_end = mar(2, "10:10");
    b.conversation(c);
  };
  conv("c1", "v1", true);
  conv("c3", "v3", true);
  conv("c4", "v4", false);
  conv("c9", "v9", true);
  conv("c-orphan", "v-missing", true);
  return b.build();
}

leda::Joins commerce_joins() {
  return leda::testkit::joins({{"membership",
                                "customer_id,segment,valid_from,valid_to\n"
                                "C1,Gold,,\n"
                                "C2,Silver,2026-01-01,2026-03-01\n"
                                "C2,Gold,2026-03-02,\n"
                                "C3,Silver,,\n"}});
}

}  // namespace leda_test
