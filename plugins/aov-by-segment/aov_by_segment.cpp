// aov_by_segment.cpp — the `aov-by-segment` KPI plugin: orders, customers, revenue, average
// order value with its distribution and 95% interval per membership segment (KPI spec
// sections 2 and 6).
#include <memory>
#include <optional>
#include <string>

#include "aov_state.hpp"
#include "leda/joins.hpp"
#include "leda/orders.hpp"
#include "leda/plugin.hpp"
#include "leda/time_buckets.hpp"

namespace leda::kpi {
namespace {

class AovBySegment final : public KpiPlugin {
 public:
  const Description& describe() const override { return desc_; }

  void configure(const Params& params) override {
    currency_ = std::string(trim(params.get("currency")));
    if (currency_.empty()) throw PluginError("currency must not be empty (e.g. USD)");
    days_.emplace(params.get("tz"));
  }

  std::unique_ptr<KpiState> create_state() const override { return std::make_unique<AovState>(); }

  void update(KpiState& s, const Batch& batch) const override {
    auto& st = static_cast<AovState&>(s);
    const Model& m = *batch.model;
    const Membership* membership =
        batch.joins && batch.joins->membership ? &*batch.joins->membership : nullptr;
    st.membership_given |= membership != nullptr;
    for (std::uint32_t i = batch.visits.first; i < batch.visits.first + batch.visits.count; ++i) {
      for (OrderCopy& o : read_orders(m, m.visits[i], *days_, st.excluded)) {
        o.segment = segment_of(membership, o.customer_id, o.day);
        st.book.add(std::move(o));
      }
    }
  }

  void merge(KpiState& into_s, KpiState&& from_s) const override {
    auto& into = static_cast<AovState&>(into_s);
    auto& from = static_cast<AovState&>(from_s);
    into.book.merge(std::move(from.book));
    into.excluded.merge(from.excluded);
    into.membership_given |= from.membership_given;
  }

  Table finalize(KpiState&& s) const override {
    return aov_table(currency_, std::move(static_cast<AovState&>(s)));
  }

 private:
  Description desc_{
      "aov-by-segment",
      "1.0.0",
      "Average order value, revenue and order value distribution per membership segment",
      {
          {"currency", ParamType::kString, "USD", "currency code printed with every order", {}},
          {"tz",
           ParamType::kString,
           "UTC",
           "IANA time zone of order dates (membership validity)",
           {}},
      },
      kNeedWebSession | kNeedAttributes,
      {"membership"}};
  std::string currency_ = "USD";
  std::optional<TimeBuckets> days_;
};

}  // namespace
}  // namespace leda::kpi

LEDA_PLUGIN(leda::kpi::AovBySegment, "aov-by-segment", "1.0.0")
