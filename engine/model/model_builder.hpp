// model/model_builder.hpp — merges per-file Fragments into one Model.
//
// Fragments are added in sorted-path order, so the result depends only on the set of files, not
// on how many threads parsed them or in which order they finished:
//
//   leda::ModelBuilder builder;
//   for (const leda::Fragment& f : fragments_in_path_order) builder.add(f);
//   leda::Model model = builder.finish(threads);
//
// add() resolves natural keys and copies what is new straight into the Model's vectors; the
// fragment can then be cleared and reused for another file, so memory holds the model plus the
// few fragments in flight. Keys:
// - an agent session by `agentSessionId`: its copies (items of one record, records of several
//   files) merge into one session whose events are the union of theirs (model/event_union.hpp;
//   finish() settles the fields the copies disagree on, see session_merge.cpp). A copy with the
//   same events as one already seen is a duplicate; a copy with other events is a merged part;
// - a conversation by `conversationId`, a survey by survey id + `conversationId`: the first seen
//   is kept, later ones are duplicates;
// - a visit by `visitId`: its bodies from every record and file merge into one visit, and a body
//   of the same type with the same record start time as one already kept is a duplicate.
// A record all of whose sessions or bodies were duplicates counts as one duplicate. Strings are
// re-interned into the Model's pool on first use, with the hash computed when they were parsed.
//
// Campaign engagements are configuration that repeats in every visit: equal ones are stored
// once, so an impression's engagement index, and the one-engagement range of an eligible
// campaign, may be shared with other impressions and campaigns.
//
// A visit's children stay contiguous: when a later record adds to a visit whose children are no
// longer at the end of their vector, they are moved to the end (the hole left behind is
// compacted away by finish()); so do an agent session's events when a copy changes them.
// finish() settles the fields of sessions seen in several copies, sorts pages and engagement
// attributes of each visit by timestamp (stably), groups sessions into agents, builds the
// cross-links (visit <-> conversations, conversation <-> surveys, agent <-> sessions) and the
// lookup maps.
//
// Thread-safety: one thread at a time may call add(); finish() uses up to `threads` threads.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <type_traits>
#include <vector>

#include "leda/model.hpp"
#include "model/fields.hpp"
#include "model/flat_map.hpp"
#include "model/fragment.hpp"
#include "model/string_table.hpp"

namespace leda::model {

class ModelBuilder {
 public:
  ModelBuilder();
  ModelBuilder(const ModelBuilder&) = delete;
  ModelBuilder& operator=(const ModelBuilder&) = delete;

  /// Announces the compressed input bytes of each data type (as far as file names tell;
  /// 0 when unknown), so add() can reserve the Model's vectors for the whole input once
  /// instead of growing them by doubling (each doubling copies and page-faults anew).
  void expect_input(const std::array<std::uint64_t, kDataTypeCount>& compressed_bytes);

  /// Merges the next fragment in path order. `hinted_type` and `compressed_bytes` describe its
  /// file for the reservation (-1: unknown). The fragment is not needed afterwards.
  void add(const Fragment& fragment, int hinted_type = -1, std::uint64_t compressed_bytes = 0);

  /// What add() found of a record whose items are also merged elsewhere (another process):
  /// bit kRecordHeld when this fragment held an item of it, kRecordKept when one was kept.
  /// The record is a duplicate when the bits of every process, or-ed, are kRecordHeld alone.
  static constexpr std::uint8_t kRecordHeld = 1, kRecordKept = 2;
  struct SharedRecord {
    std::uint32_t record = 0;  ///< the ordinal in the fragment
    std::uint8_t flags = 0;
  };
  /// add() for a part of a file: the records in `shared` (sorted ordinals) are not counted in
  /// duplicates(); their bits are appended to `flags` instead.
  void add_part(const Fragment& fragment, int hinted_type, std::uint64_t compressed_bytes,
                std::span<const std::uint32_t> shared, std::vector<SharedRecord>& flags);

  /// Records dropped so far because everything in them was already seen.
  std::uint64_t duplicates() const { return duplicates_; }
  /// Copies of agent sessions merged so far into a session already seen, with other events than
  /// every earlier copy (a session delivered in n distinct parts counts n - 1).
  std::uint64_t merged_parts() const { return merged_parts_; }

  /// Builds the Model from everything added. Call once: the builder is spent afterwards.
  Model finish(unsigned threads);

 private:
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

  // Notes that record `record` held a session, kept or not (see add()).
  static void note(std::vector<std::uint8_t>& seen, std::uint32_t record, bool kept) {
    seen[record] |= 1 | (kept ? 2 : 0);
  }

  // The pool handle of a fragment string (interned on first use).
  Str map(const Fragment& f, Str s) {
    if (s.id <= 1) return s;
    std::uint32_t& g = remap_[s.id];
    if (g == 0) g = intern(f, s);
    return Str{g};
  }
  std::uint32_t intern(const Fragment& f, Str s);
  // A copy of `record` with its strings mapped into the pool (Ranges untouched).
  template <class T>
  T mapped(const Fragment& f, T record);

  // add() parts (model_builder.cpp, session_merge.cpp, visit_merge.cpp).
  void reserve_for(const Fragment& f, int hinted_type, std::uint64_t compressed_bytes);
  void add_agent_sessions(const Fragment& f, std::vector<std::uint8_t>& seen);
  bool add_session_copy(std::uint32_t session, const Fragment& f, std::uint32_t i);
  void unite_session_events(AgentSession& s, std::span<const AgentEvent> copy);
  void add_conversations(const Fragment& f, std::vector<std::uint8_t>& seen);
  void add_surveys(const Fragment& f, std::vector<std::uint8_t>& seen);
  void add_visit_pieces(const Fragment& f, std::vector<std::uint8_t>& seen);
  void add_piece(std::uint32_t visit, const Fragment& f, const VisitPiece& piece);
  EngagementAttribute copy_attribute(const Fragment& f, EngagementAttribute a);
  template <class T>
  void make_room(std::vector<T>& v, Range& r, std::uint64_t& holes);

  // finish() parts (model_finish.cpp, session_merge.cpp).
  void settle_session_copies();
  void compact_agent_events();
  void compact_visit_children();
  void sort_visit_children();
  void build_agents();
  void link();
  void build_maps(unsigned threads);
  void trim();

  Model model_;
  PoolInterner interner_{model_.strings};
  std::vector<std::uint32_t> remap_;  // local handle -> pool handle of the fragment being added

  FlatMap<std::uint32_t, std::uint32_t> session_by_key_, visit_by_key_, conversation_by_key_;
  FlatMap<SurveyKey, std::uint32_t, SurveyKeyHash> survey_keys_;
  // Equal campaign engagements are stored once (campaign configuration repeats in every
  // visit): an impression's engagement, and an eligible campaign's when it has just one, is
  // the index of that shared element (ranges of several campaigns may then coincide).
  struct EngagementKey {
    CampaignEngagement e;
    bool operator==(const EngagementKey& o) const {
      return e.id == o.e.id && e.channel == o.e.channel && e.type == o.e.type &&
             e.skill_name == o.e.skill_name && e.availability_policy == o.e.availability_policy &&
             e.skill_id == o.e.skill_id && e.interaction_type == o.e.interaction_type &&
             e.rendering_type == o.e.rendering_type && e.is_offsite == o.e.is_offsite;
    }
  };
  struct EngagementKeyHash {
    std::uint64_t operator()(const EngagementKey& k) const {
      const CampaignEngagement& e = k.e;
      std::uint64_t h = mix64(static_cast<std::uint64_t>(e.id));
      for (std::uint64_t v :
           {std::uint64_t{e.channel.id}, std::uint64_t{e.type.id}, std::uint64_t{e.skill_name.id},
            std::uint64_t{e.availability_policy.id}, static_cast<std::uint64_t>(e.skill_id),
            static_cast<std::uint64_t>(e.interaction_type),
            static_cast<std::uint64_t>(e.rendering_type), static_cast<std::uint64_t>(e.is_offsite)})
        h = mix64(h ^ v);
      return h;
    }
  };
  FlatMap<EngagementKey, std::uint32_t, EngagementKeyHash> shared_engagements_;
  std::uint32_t shared_engagement(const Fragment& f, std::uint32_t index);

  // Which bodies each visit holds, to drop repeats: the bodies of its first record inline (the
  // common case: one record per visit), other (body, record start) pairs in `body_keys_`.
  struct VisitBodies {
    TimeMs start = kNoLong;  // record start of the bodies in `mask`
    std::uint8_t mask = 0;   // bit per WebBody kept with that start
  };
  bool first_body(std::uint32_t visit, WebBody body, TimeMs start);
  std::vector<VisitBodies> visit_bodies_;
  FlatMap<BodyKey, bool, BodyKeyHash> body_keys_;
  std::vector<TimeMs> first_event_;          // per agent session: its first event time
  std::vector<std::uint64_t> first_digest_;  // per agent session: the digest of its first copy

  // Agent sessions seen in more than one copy: every copy's fields, its first event time and
  // the digest of its events (finish() picks the session's fields from them).
  struct SessionCopy {
    AgentSession fields;  // strings mapped into the pool; `events` unused
    TimeMs first_event = kNoLong;
    std::uint64_t digest = 0;
  };
  struct RepeatedSession {
    std::uint32_t session = 0;
    std::vector<SessionCopy> copies;  // in merge order; the first is the session's first copy
  };
  FlatMap<std::uint32_t, std::uint32_t> repeated_by_session_;  // session -> index in repeated_
  std::vector<RepeatedSession> repeated_;
  std::vector<AgentEvent> union_a_, union_b_, union_out_;  // scratch of unite_session_events()
  std::uint64_t event_holes_ = 0;  // agent events left behind by re-placed unions
  std::array<std::uint64_t, kDataTypeCount> expected_{}, merged_{};  // compressed input bytes
  // Elements left behind by moved visit children, per vector (compacted by finish()).
  std::uint64_t page_holes_ = 0, attribute_holes_ = 0, goal_holes_ = 0, eligibility_holes_ = 0,
                impression_holes_ = 0;
  std::uint64_t duplicates_ = 0, merged_parts_ = 0;
};

template <class T>
T ModelBuilder::mapped(const Fragment& f, T record) {
  fields(record, [&](std::string_view, auto& value) {
    if constexpr (std::is_same_v<std::decay_t<decltype(value)>, Str>) value = map(f, value);
  });
  return record;
}

}  // namespace leda::model
