// aov_by_segment.cpp — the `aov-by-segment` KPI plugin: orders, customers, revenue, average
// order value with its distribution and 95% interval per membership segment (KPI spec
// sections 2 and 6).
#include <memory>
#include <optional>
#include <string>

#include "aov_state.hpp"
#include "leda/joins.hpp"
#include "leda/kpi.hpp"
#include "leda/orders.hpp"
#include "leda/time_buckets.hpp"

namespace leda::kpi {
namespace {

class AovBySegment final : public Kpi<AovState> {
 public:
  const Description& describe() const override { return desc_; }

  void configure(const Params& params, const Joins& joins) override {
    currency_ = std::string(trim(params.get("currency")));
    if (currency_.empty()) throw ParamError("currency", "must not be empty (e.g. USD)");
    days_ = TimeBuckets::from_params(params);
    membership_ = joins.membership ? &*joins.membership : nullptr;
  }

  void consume(AovState& st, const Batch& batch) const override {
    for (const Visit& v : visits_of(batch)) {
      for (OrderCopy& o : read_orders(*batch.model, v, *days_, st.excluded)) {
        o.segment = segment_of(membership_, o.customer_id, o.day);
        st.book.add(std::move(o));
      }
    }
  }

  Table finish(AovState&& st) const override {
    return aov_table(currency_, membership_ != nullptr, std::move(st));
  }

 private:
  Description desc_{
      .name = "aov-by-segment",
      .version = "1.1.0",
      .summary =
          "Average order value, revenue and order value distribution per membership "
          "segment",
      .params =
          {
              {"currency", ParamType::kString, "USD", "currency code printed with every order", {}},
              TimeBuckets::tz_param("IANA time zone of order dates (membership validity)"),
          },
      .needs = kNeedWebSession | kNeedAttributes,
      .joins = {{"membership",
                 false,
                 {"customer_id", "segment"},
                 "customer segments (orders of unlisted customers are UNMATCHED)"}},
      .columns = aov_columns("USD"),
      .state_version = 1};
  std::string currency_ = "USD";
  std::optional<TimeBuckets> days_;
  const Membership* membership_ = nullptr;
};

}  // namespace
}  // namespace leda::kpi

LEDA_PLUGIN(leda::kpi::AovBySegment, "aov-by-segment", "1.1.0")
