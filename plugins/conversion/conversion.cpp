// conversion.cpp — the `conversion` KPI plugin: visits, engaged and converted visits,
// conversion rates with Wilson intervals, revenue per visit, overall or per membership segment
// (KPI spec sections 4 and 6).
#include <algorithm>
#include <memory>
#include <optional>
#include <string>

#include "conversion_state.hpp"
#include "leda/conversation_facts.hpp"
#include "leda/orders.hpp"
#include "leda/plugin.hpp"
#include "leda/time_buckets.hpp"

namespace leda::kpi {
namespace {

class Conversion final : public KpiPlugin {
 public:
  const Description& describe() const override { return desc_; }

  void configure(const Params& params) override {
    const std::string& g = params.get("group_by");
    if (g != "segment" && g != "none")
      throw PluginError("group_by must be segment or none, not '" + g + "'");
    by_segment_ = g == "segment";
    days_.emplace(params.get("tz"));
  }

  std::unique_ptr<KpiState> create_state() const override {
    return std::make_unique<ConversionState>();
  }

  void update(KpiState& s, const Batch& batch) const override {
    auto& st = static_cast<ConversionState&>(s);
    const Model& m = *batch.model;
    const Membership* membership =
        batch.joins && batch.joins->membership ? &*batch.joins->membership : nullptr;
    st.membership_given |= membership != nullptr;
    for (std::uint32_t i = batch.visits.first; i < batch.visits.first + batch.visits.count; ++i)
      add_visit(st, m, m.visits[i], membership);
    const std::uint32_t end = batch.conversations.first + batch.conversations.count;
    for (std::uint32_t i = batch.conversations.first; i < end; ++i) {
      const Conversation& c = m.conversations[i];
      st.unlinked_connected += c.visit == kNoIndex && has_time(c.interaction_start);
    }
  }

  void merge(KpiState& into_s, KpiState&& from_s) const override {
    auto& into = static_cast<ConversionState&>(into_s);
    auto& from = static_cast<ConversionState&>(from_s);
    into.book.merge(std::move(from.book));
    into.excluded.merge(from.excluded);
    into.ordered.merge(from.ordered);  // a visit is in one shard only
    for (const auto& [segment, p] : from.plain) {
      PlainVisits& q = into.plain[segment];
      q.visits += p.visits;
      q.engaged += p.engaged;
    }
    into.unlinked_connected += from.unlinked_connected;
    into.membership_given |= from.membership_given;
  }

  Table finalize(KpiState&& s) const override {
    return conversion_table(by_segment_, std::move(static_cast<ConversionState&>(s)));
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
      "conversion",
      "1.0.0",
      "Visits, engaged and converted visits, conversion rates with 95% Wilson intervals, "
      "revenue per visit",
      {
          {"group_by",
           ParamType::kEnum,
           "none",
           "segment: one row per membership segment; none: one total row",
           {"segment", "none"}},
          {"tz",
           ParamType::kString,
           "UTC",
           "IANA time zone of order dates (membership validity)",
           {}},
      },
      kNeedWebSession | kNeedAttributes | kNeedEngagement,
      {"membership"}};
  bool by_segment_ = false;
  std::optional<TimeBuckets> days_;
};

}  // namespace
}  // namespace leda::kpi

LEDA_PLUGIN(leda::kpi::Conversion, "conversion", "1.0.0")
