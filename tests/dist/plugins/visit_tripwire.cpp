// A plugin for the dist tests: counts visits, with a state codec, and fails in update on the
// shard that holds the visit named by its parameter `fail_on` (so, over MPI ranks, on the one
// rank that holds that visit).
#include <leda/kpi.hpp>

namespace {

struct Count {
  std::int64_t visits = 0;
  void merge(Count&& o) { visits += o.visits; }
  LEDA_FIELDS(visits)
};

class VisitTripwire final : public leda::Kpi<Count> {
 public:
  const leda::Description& describe() const override { return desc_; }
  void configure(const leda::Params& p, const leda::Joins&) override {
    fail_on_ = p.get("fail_on");
  }
  void consume(Count& s, const leda::Batch& b) const override {
    for (std::uint32_t i = b.visits.first; i < b.visits.first + b.visits.count; ++i) {
      const leda::Visit& v = b.model->visits[i];
      if (!fail_on_.empty() && b.model->str(v.visit_id) == fail_on_)
        throw leda::PluginError("visit " + fail_on_ + " trips the wire");
      ++s.visits;
    }
  }
  leda::Table finish(Count&& s) const override {
    leda::Table t;
    t.columns = {{"visits", leda::ColumnType::kInt, leda::Unit::kCount, "visits seen"}};
    t.rows.push_back({s.visits});
    return t;
  }

 private:
  std::string fail_on_;
  leda::Description desc_{.name = "visit-tripwire",
                          .version = "1.0.0",
                          .summary = "visits, failing on one",
                          .params = {{"fail_on", leda::ParamType::kString, "", "a visitId"}},
                          .needs = leda::kNeedWebSession,
                          .state_version = 1};
};

}  // namespace

LEDA_PLUGIN(VisitTripwire, "visit-tripwire", "1.0.0")
