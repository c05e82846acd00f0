// model/model_builder.hpp — merges per-file Fragments into one Model.
//
// Fragments are added in sorted-path order, so the result depends only on the set of files, not
// on how many threads parsed them or in which order they finished:
//
//   leda::ModelBuilder builder(needs);
//   for (auto& f : fragments_in_path_order) builder.add(std::move(f));
//   leda::Model model = builder.finish(threads);
//
// add() re-interns the fragment's strings into the Model's pool (freeing the fragment's own) and
// resolves natural keys: an agent session by `agentSessionId`, a conversation by
// `conversationId`, a survey by survey id + `conversationId` (the first seen is kept, later ones
// are duplicates), and a visit by `visitId` (its bodies from every record and file merge into
// one visit; a body of the same type with the same record start time as one already kept is a
// duplicate). A record all of whose sessions or bodies were duplicates counts as one duplicate.
//
// finish() lays every session's children out contiguously (events and pages and engagement
// attributes sorted by timestamp, stably; the rest in path order), groups sessions into agents,
// builds the cross-links (visit <-> conversations, conversation <-> surveys, agent <-> sessions)
// and the lookup maps.
//
// Thread-safety: one thread at a time may call add(); finish() uses up to `threads` threads.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "leda/model.hpp"
#include "model/flat_map.hpp"
#include "model/fragment.hpp"
#include "model/string_table.hpp"

namespace leda {

class ModelBuilder {
 public:
  ModelBuilder();
  ModelBuilder(const ModelBuilder&) = delete;
  ModelBuilder& operator=(const ModelBuilder&) = delete;

  /// Merges the next fragment in path order.
  void add(std::unique_ptr<Fragment> fragment);

  /// Records dropped so far because everything in them was already seen.
  std::uint64_t duplicates() const { return duplicates_; }

  /// Builds the Model from everything added. Call once: the builder is spent afterwards.
  Model finish(unsigned threads);

 private:
  // Where a merged session comes from: fragment and position in its vector.
  struct Ref {
    std::uint32_t fragment = 0, index = 0;
  };
  // One kept visit body, chained per visit in path order.
  struct PieceRef {
    std::uint32_t fragment = 0, index = 0;
    std::uint32_t next = kNoIndex;
  };
  struct VisitSlot {
    Str visit_id;
    std::uint32_t first = kNoIndex, last = kNoIndex;  // into pieces_
  };
  struct SurveyKey {
    std::int64_t survey_id;
    std::uint32_t conversation;
    bool operator==(const SurveyKey&) const = default;
  };
  struct SurveyKeyHash {
    std::uint64_t operator()(const SurveyKey& k) const {
      return mix64(static_cast<std::uint64_t>(k.survey_id) * 31 + k.conversation);
    }
  };
  struct BodyKey {
    std::int64_t start;
    std::uint32_t visit;
    std::uint32_t body;
    bool operator==(const BodyKey&) const = default;
  };
  struct BodyKeyHash {
    std::uint64_t operator()(const BodyKey& k) const {
      return mix64(static_cast<std::uint64_t>(k.start) ^ (std::uint64_t{k.visit} << 3) ^ k.body);
    }
  };

  void remap_strings(Fragment& f);
  void resolve_keys(std::uint32_t fragment_index, const Fragment& f);

  // finish() parts (model_layout.cpp).
  void build_agents(Model& m);
  void build_visits(Model& m);
  void build_conversations(Model& m);
  void build_surveys(Model& m);
  static EngagementAttribute copy_attribute(Model& m, const Fragment& f, EngagementAttribute a);
  void link(Model& m);
  void build_maps(Model& m, unsigned threads);

  std::vector<std::unique_ptr<Fragment>> fragments_;
  Model model_;
  PoolInterner interner_{model_.strings};

  std::vector<Ref> sessions_, conversations_, surveys_;
  std::vector<VisitSlot> visits_;
  std::vector<PieceRef> pieces_;
  FlatMap<std::uint32_t, std::uint32_t> session_by_key_, visit_by_key_, conversation_by_key_;
  FlatMap<SurveyKey, std::uint32_t, SurveyKeyHash> survey_keys_;
  FlatMap<BodyKey, bool, BodyKeyHash> body_keys_;
  std::uint64_t duplicates_ = 0;
};

}  // namespace leda
