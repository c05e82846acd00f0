// store/layout.hpp — names and paths of the local store, shared by fetch, mock-api and tests.
//
// A store directory holds one folder per account:
//
//   DIR/<account>/<type>/<file name>.gz     the files, exactly as the API served them
//   DIR/<account>/.leda/manifest.json       what is stored (and verified) plus the checkpoint
//   DIR/<account>/.leda/tmp/                downloads in progress (removed on the next run)
//   DIR/<account>/.leda/lock                held by the one `leda fetch` writing the store
//
// Readers (the loader) skip every name starting with '.', so they only ever see complete files.
//
//   if (!leda::store::is_data_type(t)) ...;
//   std::string key = leda::store::file_key("Agent.1.2.part-00000-0.gz");
//   // key == "Agent.1.2.part-00000-0"
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace leda::store {

/// The four Data Access data types, spelled as in the API paths and the store folders.
inline constexpr std::array<std::string_view, 4> kDataTypes = {"agentActivity", "webSession",
                                                               "engagement", "survey"};

/// True when `type` is one of kDataTypes.
bool is_data_type(std::string_view type);

/// True when `account` is a plausible account id: 1 to 20 decimal digits.
bool is_account_id(std::string_view account);

/// True when `name` can be used as a file name inside a store folder: not empty, at most 200
/// bytes, no '/', '\\' or control bytes, and not starting with '.' (so never "." or "..", and
/// never hidden from the loader). Names come from the server; anything else is refused.
bool is_safe_file_name(std::string_view name);

/// The dedupe key of a listed file: its `@name` without a trailing ".gz".
std::string file_key(std::string_view name);

/// The scope of a file named `<Prefix>.<startMs>.<endMs>.part-<N>-<M>[.gz]`, if it has that form.
struct NameScope {
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
};
std::optional<NameScope> scope_from_name(std::string_view name);

}  // namespace leda::store
