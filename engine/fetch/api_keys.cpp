#include "fetch/api_keys.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "util/gzip.hpp"

namespace leda::fetch {

OAuthCredentials load_api_keys(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0)
    throw KeysError(fmt::format("keys file {}: {}", path, std::strerror(errno)));
  if (!S_ISREG(st.st_mode)) throw KeysError(fmt::format("keys file {}: not a regular file", path));
  if (st.st_mode & 077)
    throw KeysError(fmt::format(
        "keys file {} is accessible by group or others (mode {:04o}); it holds secrets: run "
        "`chmod 600 {}`",
        path, st.st_mode & 07777, path));
  std::string text;
  try {
    leda::util::read_file(path, text);
  } catch (const std::exception& e) {
    throw KeysError(fmt::format("keys file {}", e.what()));
  }
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  if (doc.HasParseError())
    throw KeysError(fmt::format("keys file {}: not valid JSON (byte {}: {})", path,
                                doc.GetErrorOffset(),
                                rapidjson::GetParseError_En(doc.GetParseError())));
  if (!doc.IsObject()) throw KeysError(fmt::format("keys file {}: not a JSON object", path));
  auto field = [&](const char* name) {
    auto it = doc.FindMember(name);
    if (it == doc.MemberEnd() || !it->value.IsString() || it->value.GetStringLength() == 0)
      throw KeysError(fmt::format(
          "keys file {}: \"{}\" missing or not a non-empty string (expected consumer_key, "
          "consumer_secret, token, token_secret)",
          path, name));
    return std::string(it->value.GetString(), it->value.GetStringLength());
  };
  OAuthCredentials c;
  c.consumer_key = field("consumer_key");
  c.consumer_secret = field("consumer_secret");
  c.token = field("token");
  c.token_secret = field("token_secret");
  return c;
}

}  // namespace leda::fetch
