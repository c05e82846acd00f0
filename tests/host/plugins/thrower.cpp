// A plugin for the host tests that throws where it is told to (parameter `phase`) and what it
// is told to (parameter `kind`: a leda::PluginError, a std::out_of_range, or an int).
#include <leda/plugin.hpp>

#include <stdexcept>

namespace {

class Thrower final : public leda::KpiPlugin {
  struct State final : leda::KpiState {
    std::int64_t conversations = 0;
  };

 public:
  const leda::Description& describe() const override { return desc_; }

  void configure(const leda::Params& p, const leda::Joins&) override {
    phase_ = p.get("phase");
    kind_ = p.get("kind");
    maybe_throw("configure");
  }
  std::unique_ptr<leda::KpiState> create_state() const override {
    maybe_throw("create_state");
    return std::make_unique<State>();
  }
  void update(leda::KpiState& s, const leda::Batch& b) const override {
    static_cast<State&>(s).conversations += b.conversations.count;
    maybe_throw("update");
  }
  void merge(leda::KpiState& into, leda::KpiState&& from) const override {
    static_cast<State&>(into).conversations += static_cast<State&>(from).conversations;
    maybe_throw("merge");
  }
  leda::Table finalize(leda::KpiState&& s) const override {
    maybe_throw("finalize");
    leda::Table t;
    t.columns = {{"conversations", leda::ColumnType::kInt}};
    t.rows.push_back({static_cast<State&>(s).conversations});
    return t;
  }

 private:
  void maybe_throw(const char* phase) const {
    if (phase_ != phase) return;
    if (kind_ == "plugin-error")
      throw leda::PluginError(std::string("deliberate failure in ") + phase);
    if (kind_ == "std") throw std::out_of_range(std::string("deliberate bug in ") + phase);
    throw 42;
  }

  leda::Description desc_{"thrower",
                          "0.0.1",
                          "Throws on purpose (host test plugin)",
                          {{"phase",
                            leda::ParamType::kEnum,
                            "update",
                            "where to throw",
                            {"none", "configure", "create_state", "update", "merge", "finalize"}},
                           {"kind",
                            leda::ParamType::kEnum,
                            "plugin-error",
                            "what to throw",
                            {"plugin-error", "std", "other"}},
                           {"tz", leda::ParamType::kString, "UTC", "unused", {}}},
                          leda::kNeedEngagement,
                          {{"agents"}}};
  std::string phase_, kind_;
};

}  // namespace

LEDA_PLUGIN(Thrower, "thrower", "0.0.1")
