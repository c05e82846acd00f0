// A small, well-behaved plugin for the host tests: counts what each batch holds, echoes its
// parameters and keeps an order-sensitive floating-point sum, so a test can tell whether the
// host merged the shards in shard order.
#include <leda/plugin.hpp>

namespace {

class Probe final : public leda::KpiPlugin {
  struct State final : leda::KpiState {
    std::int64_t conversations = 0, agents = 0, visits = 0, surveys = 0;
    double harmonic = 0;             // sum of 1/(i+1) over conversation indexes i, in shard order
    std::string first_conversation;  // of the earliest shard that had one
  };

 public:
  const leda::Description& describe() const override { return desc_; }

  void configure(const leda::Params& p, const leda::Joins&) override { params_ = p; }

  std::unique_ptr<leda::KpiState> create_state() const override {
    return std::make_unique<State>();
  }

  void update(leda::KpiState& s, const leda::Batch& b) const override {
    auto& st = static_cast<State&>(s);
    st.agents += b.agents.count;
    st.visits += b.visits.count;
    st.surveys += b.surveys.count;
    for (std::uint32_t i = b.conversations.first; i < b.conversations.first + b.conversations.count;
         ++i) {
      ++st.conversations;
      st.harmonic += 1.0 / (i + 1.0);
      if (st.first_conversation.empty())
        st.first_conversation = b.model->str(b.model->conversations[i].conversation_id);
    }
  }

  void merge(leda::KpiState& into, leda::KpiState&& from) const override {
    auto& a = static_cast<State&>(into);
    auto& b = static_cast<State&>(from);
    a.conversations += b.conversations;
    a.agents += b.agents;
    a.visits += b.visits;
    a.surveys += b.surveys;
    a.harmonic += b.harmonic;
    if (a.first_conversation.empty()) a.first_conversation = b.first_conversation;
  }

  leda::Table finalize(leda::KpiState&& s) const override {
    auto& st = static_cast<State&>(s);
    leda::Table t;
    t.columns = {
        {"label", leda::ColumnType::kString},  {"conversations", leda::ColumnType::kInt},
        {"agents", leda::ColumnType::kInt},    {"visits", leda::ColumnType::kInt},
        {"surveys", leda::ColumnType::kInt},   {"harmonic", leda::ColumnType::kNumber},
        {"scaled", leda::ColumnType::kNumber}, {"first_conversation", leda::ColumnType::kString},
        {"verbose", leda::ColumnType::kBool},  {"mode", leda::ColumnType::kString},
        {"fields", leda::ColumnType::kString}, {"nothing", leda::ColumnType::kNumber}};
    leda::Value first =
        st.first_conversation.empty() ? leda::Value{} : leda::Value{st.first_conversation};
    t.rows.push_back({params_.get("label"), st.conversations, st.agents, st.visits, st.surveys,
                      st.harmonic, params_.get_number("scale") * st.conversations, first,
                      params_.get_bool("verbose"), params_.get("mode"), params_.get("fields"),
                      std::monostate{}});
    t.notes.push_back("probe ran with min_count=" + std::to_string(params_.get_int("min_count")) +
                      " tz=" + params_.get("tz"));
    return t;
  }

 private:
  leda::Description desc_{
      "probe",
      "2.1.0",
      "Counts what it is given (host test plugin)",
      {{"label", leda::ParamType::kString, "probe", "echoed in the label column", {}},
       {"scale", leda::ParamType::kNumber, "1.5", "multiplies the conversation count", {}},
       {"min_count", leda::ParamType::kInt, "0", "echoed in a note", {}},
       {"verbose", leda::ParamType::kBool, "false", "echoed in the verbose column", {}},
       {"mode", leda::ParamType::kEnum, "fast", "echoed", {"fast", "exact"}},
       {"fields", leda::ParamType::kList, "x", "echoed", {"x", "y", "z"}},
       {"tz", leda::ParamType::kString, "UTC", "echoed in a note", {}}},
      leda::kNeedEngagement,
      {}};
  leda::Params params_;
};

}  // namespace

LEDA_PLUGIN(Probe, "probe", "2.1.0")
