// The smallest plugin, named by the build (TINY_NAME, TINY_VERSION): the host tests build it
// for a wrong ABI (-DLEDA_ABI_VERSION=999) and twice under one name.
#include <leda/plugin.hpp>

namespace {

class Tiny final : public leda::KpiPlugin {
  struct State final : leda::KpiState {
    std::int64_t visits = 0;
  };

 public:
  const leda::Description& describe() const override { return desc_; }
  void configure(const leda::Params&, const leda::Joins&) override {}
  std::unique_ptr<leda::KpiState> create_state() const override {
    return std::make_unique<State>();
  }
  void update(leda::KpiState& s, const leda::Batch& b) const override {
    static_cast<State&>(s).visits += b.visits.count;
  }
  void merge(leda::KpiState& into, leda::KpiState&& from) const override {
    static_cast<State&>(into).visits += static_cast<State&>(from).visits;
  }
  leda::Table finalize(leda::KpiState&& s) const override {
    leda::Table t;
    t.columns = {{"visits", leda::ColumnType::kInt}};
    t.rows.push_back({static_cast<State&>(s).visits});
    return t;
  }

 private:
  leda::Description desc_{TINY_NAME, TINY_VERSION, "Counts visits", {}, leda::kNeedWebSession, {}};
};

}  // namespace

LEDA_PLUGIN(Tiny, TINY_NAME, TINY_VERSION)
