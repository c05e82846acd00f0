// ModelBuilder::add: keys, duplicates, and copying conversations and surveys.
#include "model/model_builder.hpp"

#include <algorithm>

namespace leda::model {
namespace {

// Reserves room for `needed` elements, projected to the whole input by `factor`.
template <class T>
void reserve_projected(std::vector<T>& v, std::size_t needed, double factor) {
  if (needed <= v.capacity()) return;
  const double projected = static_cast<double>(needed) * std::min(factor, 64.0) * 1.1;
  v.reserve(std::max(needed, static_cast<std::size_t>(projected)));
}

template <class T>
Range append(std::vector<T>& dst, const std::vector<T>& src, Range r) {
  Range out{static_cast<std::uint32_t>(dst.size()), r.count};
  dst.insert(dst.end(), src.begin() + r.first, src.begin() + r.first + r.count);
  return out;
}

}  // namespace

ModelBuilder::ModelBuilder() = default;

std::uint32_t ModelBuilder::intern(const Fragment& f, Str s) {
  const std::string_view text = f.strings.view(s);
  return f.strings.added(s) ? interner_.add(text).id : interner_.intern(text, f.strings.hash(s)).id;
}

void ModelBuilder::expect_input(const std::array<std::uint64_t, kDataTypeCount>& bytes) {
  expected_ = bytes;
}

void ModelBuilder::reserve_for(const Fragment& f, int type, std::uint64_t bytes) {
  if (type < 0 || expected_[type] == 0) return;  // no projection: vectors grow by doubling
  merged_[type] += bytes;
  const double factor =
      merged_[type] >= expected_[type] ? 1.0 : static_cast<double>(expected_[type]) / merged_[type];
  Model& m = model_;
  auto room = [&](auto& v, std::size_t more) { reserve_projected(v, v.size() + more, factor); };
  room(m.agent_sessions, f.agent_sessions.size());
  room(m.agent_events, f.agent_events.size());
  room(m.visits, f.visit_pieces.empty() ? 0 : f.records);  // a web record holds one visit
  room(m.page_views, f.page_views.size());
  room(m.attributes, f.attributes.size());
  room(m.customer_infos, f.customer_infos.size());
  room(m.personal_infos, f.personal_infos.size());
  room(m.contacts, f.contacts.size());
  room(m.purchases, f.purchases.size());
  room(m.viewed_products, f.viewed_products.size());
  room(m.products, f.products.size());
  room(m.leads, f.leads.size());
  room(m.service_activities, f.service_activities.size());
  room(m.visitor_errors, f.visitor_errors.size());
  room(m.marketing_infos, f.marketing_infos.size());
  room(m.goals, f.goals.size());
  room(m.eligibility, f.eligibility.size());
  room(m.eligible_campaigns, f.eligible_campaigns.size());
  room(m.campaign_engagements, f.campaign_engagements.size());
  room(m.impressions, f.impressions.size());
  room(m.visit_infos, f.visit_infos.size());
  room(m.conversations, f.conversations.size());
  room(m.messages, f.messages.size());
  room(m.transfers, f.transfers.size());
  room(m.surveys, f.surveys.size());
  room(m.survey_answers, f.survey_answers.size());
  room(m.strs, f.strs.size());
  room(m.longs, f.longs.size());
  room(first_event_, f.agent_sessions.size());
  room(first_digest_, f.agent_sessions.size());
  room(visit_bodies_, f.visit_pieces.empty() ? 0 : f.records);
}

void ModelBuilder::add(const Fragment& f, int hinted_type, std::uint64_t compressed_bytes) {
  std::vector<SharedRecord> none;
  add_part(f, hinted_type, compressed_bytes, {}, none);
}

void ModelBuilder::add_part(const Fragment& f, int hinted_type, std::uint64_t compressed_bytes,
                            std::span<const std::uint32_t> shared,
                            std::vector<SharedRecord>& flags) {
  reserve_for(f, hinted_type, compressed_bytes);
  remap_.assign(f.strings.size(), 0);
  std::vector<std::uint8_t> seen(f.records, 0);
  add_agent_sessions(f, seen);
  add_visit_pieces(f, seen);
  add_conversations(f, seen);
  add_surveys(f, seen);
  for (std::uint32_t r : shared)
    if (r < seen.size()) {
      if (seen[r]) flags.push_back({r, seen[r]});
      seen[r] = 0;
    }
  for (std::uint8_t bits : seen)  // held sessions, none of them kept
    if (bits == kRecordHeld) ++duplicates_;
}

void ModelBuilder::add_conversations(const Fragment& f, std::vector<std::uint8_t>& seen) {
  Model& m = model_;
  for (std::uint32_t i = 0; i < f.conversations.size(); ++i) {
    const Conversation& src = f.conversations[i];
    const auto next = static_cast<std::uint32_t>(m.conversations.size());
    const bool fresh =
        conversation_by_key_.try_emplace(map(f, src.conversation_id).id, next).second;
    note(seen, f.conversation_records[i], fresh);
    if (!fresh) continue;
    Conversation c = mapped(f, src);
    c.skills = append(m.longs, f.longs, src.skills);
    c.transcript.first = static_cast<std::uint32_t>(m.messages.size());
    for (std::uint32_t k = 0; k < src.transcript.count; ++k)
      m.messages.push_back(mapped(f, f.messages[src.transcript.first + k]));
    c.transfers.first = static_cast<std::uint32_t>(m.transfers.size());
    for (std::uint32_t k = 0; k < src.transfers.count; ++k)
      m.transfers.push_back(mapped(f, f.transfers[src.transfers.first + k]));
    m.conversations.push_back(c);
  }
}

void ModelBuilder::add_surveys(const Fragment& f, std::vector<std::uint8_t>& seen) {
  Model& m = model_;
  for (std::uint32_t i = 0; i < f.surveys.size(); ++i) {
    const Survey& src = f.surveys[i];
    const auto next = static_cast<std::uint32_t>(m.surveys.size());
    const bool fresh =
        survey_keys_.try_emplace({src.survey_id, map(f, src.conversation_id).id}, next).second;
    note(seen, f.survey_records[i], fresh);
    if (!fresh) continue;
    Survey s = mapped(f, src);
    s.answers.first = static_cast<std::uint32_t>(m.survey_answers.size());
    for (std::uint32_t k = 0; k < src.answers.count; ++k)
      m.survey_answers.push_back(mapped(f, f.survey_answers[src.answers.first + k]));
    m.surveys.push_back(s);
  }
}

}  // namespace leda::model
