// conversion.cpp — the `conversion` KPI plugin: visits, engaged and converted visits,
// conversion rates with Wilson intervals, revenue per visit, overall or per membership segment
// (KPI spec sections 4 and 6).
#include <algorithm>
#include <memory>
#include <optional>
#include <string>

#include "conversion_state.hpp"
#include "leda/conversation_facts.hpp"
#include "leda/kpi.hpp"
#include "leda/orders.hpp"
#include "leda/time_buckets.hpp"

namespace leda::kpi {
namespace {

class Conversion final : public Kpi<ConversionState> {
 public:
  const Description& describe() const override { return desc_; }

  void configure(const Params& params, const Joins& joins) override {
    by_segment_ = params.get("group_by") == "segment";
    days_ = TimeBuckets::from_params(params);
    membership_ = joins.membership ? &*joins.membership : nullptr;
  }

  void consume(ConversionState& st, const Batch& batch) const override {
    const Model& m = *batch.model;
    for (const Visit& v : visits_of(batch))
      add_visit(st, m, v, membership_);
    for (const Conversation& c : conversations_of(batch))
      st.unlinked_connected += c.visit == kNoIndex && has_time(c.interaction_start);
  }

  Table finish(ConversionState&& st) const override {
    return conversion_table(by_segment_, membership_ != nullptr, std::move(st));
  }

 private:
  void add_visit(ConversionState& st, const Model& m, const Visit& v,
                 const Membership* membership) const {
    bool engaged = false;
    for (std::uint32_t c : m.conversations_of(v))
      engaged |= has_time(m.conversations[c].interaction_start);
    std::vector<OrderCopy> orders = read_orders(m, v, *days_, st.excluded);
    // The visit's segment: its first order's customer, else its last CustomerInfo.
    std::string segment;
    if (by_segment_) {
      if (!orders.empty()) {
        segment = segment_of(membership, orders.front().customer_id, orders.front().day);
      } else {
        const auto [customer, at] = last_customer(m, v);
        const TimeMs t = has(at) ? at : v.first_time;
        segment = segment_of(membership, customer, has(t) ? days_->day_of(t) : 0);
      }
    }
    if (orders.empty()) {
      PlainVisits& p = st.plain[segment];
      ++p.visits;
      p.engaged += engaged;
      return;
    }
    OrderedVisit& ov = st.ordered[std::string(m.str(v.visit_id))];
    ov.segment = segment;
    ov.engaged = engaged;
    for (OrderCopy& o : orders) {
      if (std::find(ov.orders.begin(), ov.orders.end(), o.key) == ov.orders.end())
        ov.orders.push_back(o.key);
      st.book.add(std::move(o));
    }
  }

  Description desc_{
      .name = "conversion",
      .version = "1.1.0",
      .summary =
          "Visits, engaged and converted visits, conversion rates with 95% Wilson "
          "intervals, revenue per visit",
      .params =
          {
              {"group_by",
               ParamType::kEnum,
               "none",
               "segment: one row per membership segment; none: one total row",
               {"segment", "none"}},
              TimeBuckets::tz_param("IANA time zone of order dates (membership validity)"),
          },
      .needs = kNeedWebSession | kNeedAttributes | kNeedEngagement,
      .joins = {{"membership",
                 false,
                 {"customer_id", "segment"},
                 "customer segments, for group_by=segment"}},
      .columns = conversion_columns(),
      .state_version = 1};
  bool by_segment_ = false;
  std::optional<TimeBuckets> days_;
  const Membership* membership_ = nullptr;
};

}  // namespace
}  // namespace leda::kpi

LEDA_PLUGIN(leda::kpi::Conversion, "conversion", "1.1.0")
