// leda/kpi.hpp — leda::Kpi<State>: the typed base of a KPI plugin. It implements the state
// plumbing of leda::KpiPlugin (creating, casting, merging, encoding states) for a plain State
// type, so a plugin writes only what is its own: configure, consume, finish.
//
//   struct PagesState {
//     std::int64_t visits = 0, pages = 0;
//     void merge(PagesState&& o) { visits += o.visits; pages += o.pages; }
//     LEDA_FIELDS(visits, pages)                   // the state can travel between processes
//   };
//
//   class VisitPages final : public leda::Kpi<PagesState> {
//    public:
//     const leda::Description& describe() const override { return desc_; }
//     void configure(const leda::Params& p, const leda::Joins&) override { ... }
//     void consume(PagesState& s, const leda::Batch& b) const override {
//       for (const leda::Visit& v : leda::visits_of(b)) { ++s.visits; s.pages += v.pages.count; }
//     }
//     leda::Table finish(PagesState&& s) const override { ... }
//    private:
//     leda::Description desc_{...};
//   };
//
// What State must be: default-constructible, the default value being the empty state (the
// identity of merge), and movable. Merging: State::merge(State&&) (or merge(const State&)) is
// called when State has one; otherwise override combine(). Encoding (for runs over several
// processes, when Description::state_version > 0): State's LEDA_FIELDS, or its own
// `encode(StateWriter&) const` and `decode(StateReader&)` (leda/state_codec.hpp).
#pragma once

#include <memory>
#include <span>
#include <utility>

#include "leda/plugin.hpp"
#include "leda/state_codec.hpp"

namespace leda {

/// The records of a batch of one kind, as spans of the model's vectors.
inline std::span<const Agent> agents_of(const Batch& b) {
  return {b.model->agents.data() + b.agents.first, b.agents.count};
}
inline std::span<const Visit> visits_of(const Batch& b) {
  return {b.model->visits.data() + b.visits.first, b.visits.count};
}
inline std::span<const Conversation> conversations_of(const Batch& b) {
  return {b.model->conversations.data() + b.conversations.first, b.conversations.count};
}
inline std::span<const Survey> surveys_of(const Batch& b) {
  return {b.model->surveys.data() + b.surveys.first, b.surveys.count};
}

/// The base of a plugin whose per-shard state is a `State` value. Derive, implement describe,
/// configure, consume and finish, and export with LEDA_PLUGIN.
template <class State>
class Kpi : public KpiPlugin {
 public:
  using StateType = State;

  /// Adds the records of `batch` to `state` (KpiPlugin::update with the cast done).
  virtual void consume(State& state, const Batch& batch) const = 0;

  /// The result of all data folded into `state` (KpiPlugin::finalize with the cast done).
  virtual Table finish(State&& state) const = 0;

  /// Folds `from` into `into` (KpiPlugin::merge with the casts done). The default calls
  /// `into.merge(std::move(from))`, or `into.merge(from)`; override it when State has neither.
  virtual void combine(State& into, State&& from) const {
    if constexpr (requires { into.merge(std::move(from)); })
      into.merge(std::move(from));
    else if constexpr (requires { into.merge(from); })
      into.merge(from);
    else
      throw PluginError("the plugin's State has no merge(): override Kpi::combine");
  }

  // KpiPlugin, implemented in terms of the above.
  std::unique_ptr<KpiState> create_state() const final { return std::make_unique<Box>(); }
  void update(KpiState& state, const Batch& batch) const final { consume(of(state), batch); }
  void merge(KpiState& into, KpiState&& from) const final {
    combine(of(into), std::move(of(from)));
  }
  Table finalize(KpiState&& state) const final { return finish(std::move(of(state))); }
  void encode_state(const KpiState& state, StateWriter& out) const override {
    if constexpr (HasLedaFields<State> || HasStateCodec<State>)
      encode(out, of(state));
    else
      KpiPlugin::encode_state(state, out);
  }
  std::unique_ptr<KpiState> decode_state(StateReader& in) const override {
    if constexpr (HasLedaFields<State> || HasStateCodec<State>) {
      auto box = std::make_unique<Box>();
      decode(in, box->value);
      return box;
    } else {
      return KpiPlugin::decode_state(in);
    }
  }

 protected:
  /// The State inside a state the host hands back (made by this plugin's create_state).
  static State& of(KpiState& s) { return static_cast<Box&>(s).value; }
  static const State& of(const KpiState& s) { return static_cast<const Box&>(s).value; }

 private:
  struct Box final : KpiState {
    State value{};
  };
};

}  // namespace leda
