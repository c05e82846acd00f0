// leda/layout.hpp — the layout fingerprint of every type a plugin and the host share.
//
// A plugin and the leda that loads it exchange C++ objects (the model, joins, tables,
// descriptions), so both must have been compiled from the same definitions. The fingerprint
// hashes, for every shared struct, its size and alignment and, for each data member, its name,
// offset, size and type; and, for every shared enum, its enumerators' names and values. It is
// computed at compile time on both sides: LEDA_PLUGIN stores the plugin's in its manifest, and
// the host refuses a plugin whose fingerprint differs from its own before calling any of its
// code. Two same-size fields swapped, a field added or retyped, an enumerator renumbered: each
// changes the fingerprint.
//
//   static_assert(leda::sdk_layout_fingerprint() != 0);
//   manifest.layout == leda::sdk_layout_fingerprint();   // what the host checks
//
// The member lists of the model structs are the X-macros of model_fields.hpp; the lists of the
// other shared types are below. A list that misses a member of its struct fails to compile here
// (the listed members must tile the struct without a gap), so the fingerprint cannot silently
// ignore a new field.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "leda/joins.hpp"
#include "leda/model.hpp"
#include "leda/model_fields.hpp"
#include "leda/plugin.hpp"

namespace leda::layout {

inline constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;
inline constexpr std::uint64_t kFnvPrime = 1099511628211ull;

/// Folds a number into a FNV-1a hash, byte by byte.
constexpr std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  for (int i = 0; i < 8; ++i, v >>= 8)
    h = (h ^ (v & 0xff)) * kFnvPrime;
  return h;
}
/// Folds a string (and its length) into a FNV-1a hash.
constexpr std::uint64_t mix(std::uint64_t h, std::string_view s) {
  for (char c : s)
    h = (h ^ static_cast<unsigned char>(c)) * kFnvPrime;
  return mix(h, s.size());
}

/// The compiler's spelling of a type. Only ever compared between builds whose toolchain
/// fingerprints already matched (abi.h), where equal types are spelled alike.
template <class T>
constexpr std::string_view type_name() {
  return __PRETTY_FUNCTION__;
}

/// Where a member lies in its struct.
struct FieldInfo {
  std::size_t offset, size, align;
};

/// True when `fields`, sorted by offset, follow each other with no gap but alignment padding
/// and end where the struct ends (up to its trailing padding).
template <std::size_t N>
constexpr bool tiles(std::array<FieldInfo, N> fields, std::size_t size, std::size_t align) {
  std::sort(fields.begin(), fields.end(),
            [](const FieldInfo& a, const FieldInfo& b) { return a.offset < b.offset; });
  auto align_up = [](std::size_t n, std::size_t a) { return (n + a - 1) / a * a; };
  std::size_t end = 0;
  for (const FieldInfo& f : fields) {
    if (f.offset != align_up(end, f.align)) return false;
    end = f.offset + f.size;
  }
  return align_up(end, align) == size;
}

}  // namespace leda::layout

// offsetof of a member of a class that is not standard-layout (one holding std::string or
// std::vector) is conditionally supported; GCC and Clang support it for classes without virtual
// bases, which is all the SDK has.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"

#define LEDA_LAYOUT_INFO_(f) \
  ::leda::layout::FieldInfo{offsetof(S, f), sizeof(S::f), alignof(decltype(S::f))},
#define LEDA_LAYOUT_HASH_(f)                        \
  h = ::leda::layout::mix(h, std::string_view(#f)); \
  h = ::leda::layout::mix(h, offsetof(S, f));       \
  h = ::leda::layout::mix(h, sizeof(S::f));         \
  h = ::leda::layout::mix(h, ::leda::layout::type_name<decltype(S::f)>());

/// Describes the struct `::leda::Type` whose members are listed by LIST(F).
#define LEDA_LAYOUT_STRUCT(Type, LIST)                                          \
  template <>                                                                   \
  struct leda::layout::StructLayout<::leda::Type> {                             \
    using S = ::leda::Type;                                                     \
    static constexpr std::uint64_t hash() {                                     \
      std::uint64_t h = ::leda::layout::mix(::leda::layout::kFnvOffset, #Type); \
      h = ::leda::layout::mix(h, sizeof(S));                                    \
      h = ::leda::layout::mix(h, alignof(S));                                   \
      LIST(LEDA_LAYOUT_HASH_)                                                   \
      return h;                                                                 \
    }                                                                           \
    static constexpr std::array fields{LIST(LEDA_LAYOUT_INFO_)};                \
    static_assert(::leda::layout::tiles(fields, sizeof(S), alignof(S)),         \
                  "the member list of leda::" #Type                             \
                  " misses a member (leda/layout.hpp or "                       \
                  "leda/model_fields.hpp)");                                    \
  };

// clang-format off
#define LEDA_MODEL_LAYOUT_(Name) LEDA_LAYOUT_STRUCT(Name, LEDA_FIELDS_##Name)
LEDA_MODEL_STRUCTS(LEDA_MODEL_LAYOUT_)
#undef LEDA_MODEL_LAYOUT_

#define LEDA_FIELDS_Str(F) F(id)
#define LEDA_FIELDS_StringPool(F) F(blocks_) F(big_) F(used_) F(big_bytes_) F(views_) F(index_)
#define LEDA_FIELDS_ParamSpec(F) F(name) F(type) F(default_value) F(help) F(choices)
#define LEDA_FIELDS_JoinSpec(F) F(name) F(required) F(columns) F(help)
#define LEDA_FIELDS_Description(F) F(name) F(version) F(summary) F(params) F(needs) F(joins) F(columns) F(state_version)
#define LEDA_FIELDS_Params(F) F(values_)
#define LEDA_FIELDS_Batch(F) F(model) F(joins) F(agents) F(visits) F(conversations) F(surveys)
#define LEDA_FIELDS_Column(F) F(name) F(type) F(unit) F(description) F(role) F(currency)
#define LEDA_FIELDS_Table(F) F(columns) F(rows) F(notes)
#define LEDA_FIELDS_JoinIndex(F) F(rows_)
#define LEDA_FIELDS_JoinTable(F) F(name_) F(path_) F(columns_) F(cells_) F(lines_)
#define LEDA_FIELDS_AgentMapRow(F) F(lp_agent_id) F(employee_id) F(login_name) F(region) F(site_tz) F(wfm_agent_id) F(line) F(row)
#define LEDA_FIELDS_AgentMap(F) F(table_) F(rows_) F(by_id_) F(by_employee_) F(by_login_)
#define LEDA_FIELDS_MembershipRow(F) F(customer_id) F(segment) F(valid_from) F(valid_to) F(line) F(row)
#define LEDA_FIELDS_Membership(F) F(table_) F(rows_) F(by_customer_)
#define LEDA_FIELDS_Joins(F) F(agents) F(membership) F(schedule) F(activities) F(tables)
#define LEDA_FIELDS_StateSet(F) F(bits_)
#define LEDA_FIELDS_ActivityRow(F) F(code) F(category) F(expected_states) F(counts_as_work) F(counts_as_shrinkage) F(adherence_mode) F(line)
#define LEDA_FIELDS_ActivityMap(F) F(rows_) F(by_code_)
#define LEDA_FIELDS_ScheduleRow(F) F(wfm_agent_id) F(schedule_date) F(schedule_date_text) F(activity_code) F(start) F(end) F(paid) F(line)
#define LEDA_FIELDS_ScheduleSegment(F) F(start) F(end) F(row)
#define LEDA_FIELDS_Schedule(F) F(rows_) F(by_agent_) F(agents_)

/// The shared types that are not model structs.
#define LEDA_SHARED_STRUCTS(T) \
  T(Str) T(StringPool) T(ParamSpec) T(JoinSpec) T(Description) T(Params) T(Batch) T(Column) \
  T(Table) T(JoinIndex) T(JoinTable) T(AgentMapRow) T(AgentMap) T(MembershipRow) T(Membership) \
  T(StateSet) T(ActivityRow) T(ActivityMap) T(ScheduleRow) T(ScheduleSegment) T(Schedule) \
  T(Joins)
// clang-format on

#define LEDA_SHARED_LAYOUT_(Name) LEDA_LAYOUT_STRUCT(Name, LEDA_FIELDS_##Name)
LEDA_SHARED_STRUCTS(LEDA_SHARED_LAYOUT_)
#undef LEDA_SHARED_LAYOUT_

#pragma GCC diagnostic pop

namespace leda::layout {

/// One enumerator: its name and value.
struct Enumerator {
  std::string_view name;
  std::int64_t value;
};

/// The hash of an enum type's enumerators.
template <class E, std::size_t N>
constexpr std::uint64_t enum_hash(std::string_view type, const Enumerator (&values)[N]) {
  std::uint64_t h = mix(mix(kFnvOffset, type), sizeof(E));
  for (const Enumerator& e : values)
    h = mix(mix(h, e.name), static_cast<std::uint64_t>(e.value));
  return h;
}

#define LEDA_ENUMERATOR_(E, name)               \
  ::leda::layout::Enumerator {                  \
#name, static_cast < std::int64_t>(E::name) \
  }

/// The enums a plugin and the host share, enumerator by enumerator.
constexpr std::uint64_t enums_hash() {
  std::uint64_t h = kFnvOffset;
  {
    constexpr Enumerator v[] = {
        LEDA_ENUMERATOR_(DataType, kAgentActivity), LEDA_ENUMERATOR_(DataType, kWebSession),
        LEDA_ENUMERATOR_(DataType, kEngagement), LEDA_ENUMERATOR_(DataType, kSurvey)};
    h = mix(h, enum_hash<DataType>("DataType", v));
  }
  {
    constexpr Enumerator v[] = {
        LEDA_ENUMERATOR_(Need, kNeedAgentActivity), LEDA_ENUMERATOR_(Need, kNeedWebSession),
        LEDA_ENUMERATOR_(Need, kNeedEngagement),    LEDA_ENUMERATOR_(Need, kNeedSurvey),
        LEDA_ENUMERATOR_(Need, kNeedEvents),        LEDA_ENUMERATOR_(Need, kNeedNavigation),
        LEDA_ENUMERATOR_(Need, kNeedAttributes),    LEDA_ENUMERATOR_(Need, kNeedGoals),
        LEDA_ENUMERATOR_(Need, kNeedEligibility),   LEDA_ENUMERATOR_(Need, kNeedImpressions),
        LEDA_ENUMERATOR_(Need, kNeedVisitInfo),     LEDA_ENUMERATOR_(Need, kNeedTranscripts),
        LEDA_ENUMERATOR_(Need, kNeedTransfers),     LEDA_ENUMERATOR_(Need, kNeedAnswers),
        LEDA_ENUMERATOR_(Need, kNeedEverything)};
    h = mix(h, enum_hash<Need>("Need", v));
  }
  {
    constexpr Enumerator v[] = {LEDA_ENUMERATOR_(AttributeKind, kCustomerInfo),
                                LEDA_ENUMERATOR_(AttributeKind, kPersonalInfo),
                                LEDA_ENUMERATOR_(AttributeKind, kPurchase),
                                LEDA_ENUMERATOR_(AttributeKind, kCartStatus),
                                LEDA_ENUMERATOR_(AttributeKind, kViewedProduct),
                                LEDA_ENUMERATOR_(AttributeKind, kLead),
                                LEDA_ENUMERATOR_(AttributeKind, kServiceActivity),
                                LEDA_ENUMERATOR_(AttributeKind, kVisitorError),
                                LEDA_ENUMERATOR_(AttributeKind, kMarketingCampaignInfo),
                                LEDA_ENUMERATOR_(AttributeKind, kUnknown)};
    h = mix(h, enum_hash<AttributeKind>("AttributeKind", v));
  }
  {
    constexpr Enumerator v[] = {
        LEDA_ENUMERATOR_(ParamType, kString), LEDA_ENUMERATOR_(ParamType, kInt),
        LEDA_ENUMERATOR_(ParamType, kNumber), LEDA_ENUMERATOR_(ParamType, kBool),
        LEDA_ENUMERATOR_(ParamType, kEnum),   LEDA_ENUMERATOR_(ParamType, kList)};
    h = mix(h, enum_hash<ParamType>("ParamType", v));
  }
  {
    constexpr Enumerator v[] = {
        LEDA_ENUMERATOR_(ColumnType, kString), LEDA_ENUMERATOR_(ColumnType, kInt),
        LEDA_ENUMERATOR_(ColumnType, kNumber), LEDA_ENUMERATOR_(ColumnType, kBool)};
    h = mix(h, enum_hash<ColumnType>("ColumnType", v));
  }
  {
    constexpr Enumerator v[] = {LEDA_ENUMERATOR_(Unit, kText),  LEDA_ENUMERATOR_(Unit, kId),
                                LEDA_ENUMERATOR_(Unit, kCount), LEDA_ENUMERATOR_(Unit, kSeconds),
                                LEDA_ENUMERATOR_(Unit, kRatio), LEDA_ENUMERATOR_(Unit, kPoints),
                                LEDA_ENUMERATOR_(Unit, kMoney), LEDA_ENUMERATOR_(Unit, kTimestamp),
                                LEDA_ENUMERATOR_(Unit, kDate),  LEDA_ENUMERATOR_(Unit, kNumber),
                                LEDA_ENUMERATOR_(Unit, kFlag)};
    h = mix(h, enum_hash<Unit>("Unit", v));
  }
  {
    constexpr Enumerator v[] = {LEDA_ENUMERATOR_(ColumnRole, kMeasure),
                                LEDA_ENUMERATOR_(ColumnRole, kKey),
                                LEDA_ENUMERATOR_(ColumnRole, kHeadline)};
    h = mix(h, enum_hash<ColumnRole>("ColumnRole", v));
  }
  {
    constexpr Enumerator v[] = {
        LEDA_ENUMERATOR_(ActualState, kOnline), LEDA_ENUMERATOR_(ActualState, kBackSoon),
        LEDA_ENUMERATOR_(ActualState, kAway), LEDA_ENUMERATOR_(ActualState, kLoggedOut),
        LEDA_ENUMERATOR_(ActualState, kUnknown)};
    h = mix(h, enum_hash<ActualState>("ActualState", v));
  }
  {
    constexpr Enumerator v[] = {LEDA_ENUMERATOR_(AdherenceMode, kStrict),
                                LEDA_ENUMERATOR_(AdherenceMode, kNeutral),
                                LEDA_ENUMERATOR_(AdherenceMode, kIgnore)};
    h = mix(h, enum_hash<AdherenceMode>("AdherenceMode", v));
  }
  return h;
}

#undef LEDA_ENUMERATOR_

}  // namespace leda::layout

namespace leda {

/// The layout fingerprint of this build's shared types (structs and enums); see the top of the
/// file. Equal in a plugin and the host exactly when both were compiled from the same SDK
/// definitions with the same toolchain.
constexpr std::uint64_t sdk_layout_fingerprint() {
  std::uint64_t h = layout::kFnvOffset;
#define LEDA_LAYOUT_FOLD_(Name) h = layout::mix(h, layout::StructLayout<::leda::Name>::hash());
  LEDA_MODEL_STRUCTS(LEDA_LAYOUT_FOLD_)
  LEDA_SHARED_STRUCTS(LEDA_LAYOUT_FOLD_)
#undef LEDA_LAYOUT_FOLD_
  return layout::mix(h, layout::enums_hash());
}

}  // namespace leda
