// cli/output_format.cpp — see output_format.hpp.
#include "cli/output_format.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace leda::cli {
namespace {

std::string listed(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? " or " : ", ") + items[i];
  return out;
}

// The format an extension names for a command whose text format is `text_format`; "" if none.
std::string format_of_extension(std::string ext, const std::string& text_format) {
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".json") return "json";
  if (ext == ".csv") return "csv";
  if (ext == ".html" || ext == ".htm") return "html";
  if (ext == ".txt") return text_format;
  return {};
}

}  // namespace

std::string output_format(const std::string& format, const std::string& out,
                          const std::vector<std::string>& allowed, const std::string& fallback) {
  auto allowed_format = [&](const std::string& f) {
    return std::find(allowed.begin(), allowed.end(), f) != allowed.end();
  };
  if (!format.empty() && !allowed_format(format))
    throw std::invalid_argument("--format " + format + ": expected " + listed(allowed));
  const std::string text_format = allowed_format("table") ? "table" : "text";
  const std::string ext = out.empty() || out.back() == '/'
                              ? std::string()
                              : std::filesystem::path(out).extension().string();
  const std::string implied = format_of_extension(ext, text_format);
  if (!implied.empty() && !allowed_format(implied))
    throw std::invalid_argument("--out " + out + ": this command writes " + listed(allowed) +
                                ", not " + implied);
  if (format.empty()) return implied.empty() ? fallback : implied;
  if (!implied.empty() && implied != format)
    throw std::invalid_argument("--format " + format + " contradicts --out " + out +
                                (implied == "html" ? " (an " : " (a ") + implied + " file name)");
  return format;
}

}  // namespace leda::cli
