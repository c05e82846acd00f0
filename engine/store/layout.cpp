#include "store/layout.hpp"

#include <algorithm>
#include <charconv>

namespace leda::store {

bool is_data_type(std::string_view type) {
  return std::find(kDataTypes.begin(), kDataTypes.end(), type) != kDataTypes.end();
}

bool is_account_id(std::string_view account) {
  return !account.empty() && account.size() <= 20 &&
         std::all_of(account.begin(), account.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_safe_file_name(std::string_view name) {
  if (name.empty() || name.size() > 200 || name.front() == '.') return false;
  return std::none_of(name.begin(), name.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return c == '/' || c == '\\' || u < 0x20 || u == 0x7f;
  });
}

std::string file_key(std::string_view name) {
  if (name.size() > 3 && name.substr(name.size() - 3) == ".gz") name.remove_suffix(3);
  return std::string(name);
}

std::optional<NameScope> scope_from_name(std::string_view name) {
  // <Prefix>.<start>.<end>.part-...
  auto first = name.find('.');
  if (first == std::string_view::npos || first == 0) return std::nullopt;
  auto second = name.find('.', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  auto third = name.find('.', second + 1);
  if (third == std::string_view::npos || name.substr(third + 1, 5) != "part-") return std::nullopt;
  NameScope scope;
  auto parse = [](std::string_view digits, std::int64_t& out) {
    if (digits.empty()) return false;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return ec == std::errc() && end == digits.data() + digits.size();
  };
  if (!parse(name.substr(first + 1, second - first - 1), scope.start_ms) ||
      !parse(name.substr(second + 1, third - second - 1), scope.end_ms))
    return std::nullopt;
  return scope;
}

}  // namespace leda::store
