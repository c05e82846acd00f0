// ModelBuilder::add: re-interning a fragment's strings and resolving natural keys.
#include "model/model_builder.hpp"

#include <type_traits>

#include "model/fields.hpp"

namespace leda {
namespace {

// Rewrites every Str of `records` through `remap` (local handle -> pool handle).
template <class T>
void remap_records(std::vector<T>& records, const std::vector<std::uint32_t>& remap) {
  for (T& r : records)
    fields(r, [&](std::string_view, auto& value) {
      if constexpr (std::is_same_v<std::decay_t<decltype(value)>, Str>)
        value = Str{remap[value.id]};
    });
}

}  // namespace

ModelBuilder::ModelBuilder() = default;

void ModelBuilder::add(std::unique_ptr<Fragment> fragment) {
  Fragment& f = *fragment;
  remap_strings(f);
  auto index = static_cast<std::uint32_t>(fragments_.size());
  resolve_keys(index, f);
  fragments_.push_back(std::move(fragment));
}

void ModelBuilder::remap_strings(Fragment& f) {
  const LocalStrings& local = f.strings;
  std::vector<std::uint32_t> remap(local.size());
  remap[0] = 0;
  remap[1] = StringPool::kEmpty.id;
  for (std::uint32_t id = 2; id < local.size(); ++id) {
    const Str s{id};
    remap[id] = local.added(s) ? interner_.add(local.view(s)).id
                               : interner_.intern(local.view(s), local.hash(s)).id;
  }
  remap_records(f.agent_sessions, remap);
  remap_records(f.page_views, remap);
  remap_records(f.attributes, remap);
  remap_records(f.customer_infos, remap);
  remap_records(f.personal_infos, remap);
  remap_records(f.contacts, remap);
  remap_records(f.purchases, remap);
  remap_records(f.products, remap);
  remap_records(f.leads, remap);
  remap_records(f.service_activities, remap);
  remap_records(f.visitor_errors, remap);
  remap_records(f.marketing_infos, remap);
  remap_records(f.goals, remap);
  remap_records(f.eligible_campaigns, remap);
  remap_records(f.campaign_engagements, remap);
  remap_records(f.impressions, remap);
  remap_records(f.visit_infos, remap);
  remap_records(f.conversations, remap);
  remap_records(f.messages, remap);
  remap_records(f.transfers, remap);
  remap_records(f.surveys, remap);
  remap_records(f.survey_answers, remap);
  for (Str& s : f.strs)
    s = Str{remap[s.id]};
  for (VisitPiece& p : f.visit_pieces) {
    p.visit_id = Str{remap[p.visit_id.id]};
    p.visitor_id = Str{remap[p.visitor_id.id]};
    p.context_id = Str{remap[p.context_id.id]};
  }
  f.strings = LocalStrings{};  // the text now lives in the pool
}

void ModelBuilder::resolve_keys(std::uint32_t fragment_index, const Fragment& f) {
  // Per record of this fragment: did it hold any session, and was any of them kept?
  std::vector<std::uint8_t> seen(f.records, 0);
  constexpr std::uint8_t kHasSession = 1, kKept = 2;
  auto note = [&](std::uint32_t record, bool kept) {
    seen[record] |= kHasSession | (kept ? kKept : 0);
  };

  for (std::uint32_t i = 0; i < f.agent_sessions.size(); ++i) {
    auto next = static_cast<std::uint32_t>(sessions_.size());
    bool fresh = session_by_key_.try_emplace(f.agent_sessions[i].session_id.id, next).second;
    if (fresh) sessions_.push_back({fragment_index, i});
    note(f.agent_session_records[i], fresh);
  }

  for (std::uint32_t i = 0; i < f.visit_pieces.size(); ++i) {
    const VisitPiece& p = f.visit_pieces[i];
    auto next = static_cast<std::uint32_t>(visits_.size());
    auto [visit, new_visit] = visit_by_key_.try_emplace(p.visit_id.id, next);
    if (new_visit) visits_.push_back({p.visit_id});
    const std::uint32_t v = visit;
    bool fresh =
        body_keys_.try_emplace({p.record_start, v, static_cast<std::uint32_t>(p.body)}, true)
            .second;
    note(p.record, fresh);
    if (!fresh) continue;
    auto piece = static_cast<std::uint32_t>(pieces_.size());
    pieces_.push_back({fragment_index, i});
    VisitSlot& slot = visits_[v];
    if (slot.first == kNoIndex)
      slot.first = piece;
    else
      pieces_[slot.last].next = piece;
    slot.last = piece;
  }

  for (std::uint32_t i = 0; i < f.conversations.size(); ++i) {
    auto next = static_cast<std::uint32_t>(conversations_.size());
    bool fresh =
        conversation_by_key_.try_emplace(f.conversations[i].conversation_id.id, next).second;
    if (fresh) conversations_.push_back({fragment_index, i});
    note(f.conversation_records[i], fresh);
  }

  for (std::uint32_t i = 0; i < f.surveys.size(); ++i) {
    const Survey& s = f.surveys[i];
    auto next = static_cast<std::uint32_t>(surveys_.size());
    bool fresh = survey_keys_.try_emplace({s.survey_id, s.conversation_id.id}, next).second;
    if (fresh) surveys_.push_back({fragment_index, i});
    note(f.survey_records[i], fresh);
  }

  for (std::uint8_t flags : seen)
    if (flags == kHasSession) ++duplicates_;
}

}  // namespace leda
