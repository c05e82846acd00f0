#include "mockapi/source_files.hpp"

#include <algorithm>
#include <filesystem>

#include "store/layout.hpp"
#include "util/civil_time.hpp"

namespace leda::mockapi {
namespace fs = std::filesystem;
namespace {

int weekday(std::int64_t days) {  // 0 = Sunday; 1970-01-01 was a Thursday
  return static_cast<int>(((days % 7) + 11) % 7);
}

std::int64_t nth_sunday(int y, unsigned m, int n) {
  const std::int64_t first = util::days_from_civil(y, m, 1);
  return first + (7 - weekday(first)) % 7 + 7 * (n - 1);
}

std::int64_t last_sunday(int y, unsigned m) {
  const std::int64_t last = util::days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1;
  return last - weekday(last);
}

}  // namespace

std::vector<SourceFile> source_files(const std::string& data_dir, const std::string& account,
                                     const std::string& type) {
  std::vector<SourceFile> out;
  std::error_code ec;
  const fs::path folder = fs::path(data_dir) / account / type;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.front() == '.' || !entry.is_regular_file(ec)) continue;
    auto scope = store::scope_from_name(name);
    if (!scope) continue;
    out.push_back({name, entry.path().string(), scope->start_ms, scope->end_ms});
  }
  std::sort(out.begin(), out.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.name < b.name; });
  return out;
}

int us_eastern_offset_minutes(std::int64_t utc_ms) {
  const std::int64_t days = utc_ms >= 0 ? utc_ms / 86400000 : (utc_ms - 86399999) / 86400000;
  // The year of the UTC date is close enough: DST never starts or ends near New Year.
  const int y = util::civil_from_days(days).year;
  std::int64_t start, end;
  if (y >= 2007) {
    start = nth_sunday(y, 3, 2);
    end = nth_sunday(y, 11, 1);
  } else {
    start = nth_sunday(y, 4, 1);
    end = last_sunday(y, 10);
  }
  // Changes happen at 02:00 local: 07:00 UTC in spring, 06:00 UTC in autumn.
  const std::int64_t start_ms = start * 86400000 + 7 * 3600000;
  const std::int64_t end_ms = end * 86400000 + 6 * 3600000;
  return utc_ms >= start_ms && utc_ms < end_ms ? -240 : -300;
}

}  // namespace leda::mockapi
