#include "store/manifest.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <stdexcept>

#include <fmt/format.h>

#include "store/layout.hpp"
#include "util/civil_time.hpp"

namespace leda::store {
namespace {

constexpr const char* kFormat = "leda-store-manifest";
constexpr int kVersion = 1;

const rapidjson::Value* member(const rapidjson::Value& obj, const char* name) {
  auto it = obj.FindMember(name);
  return it == obj.MemberEnd() ? nullptr : &it->value;
}

std::string get_string(const rapidjson::Value& obj, const char* name, const std::string& where) {
  const auto* v = member(obj, name);
  if (!v || !v->IsString())
    throw std::runtime_error(fmt::format("{}: \"{}\" missing or not a string", where, name));
  return std::string(v->GetString(), v->GetStringLength());
}

std::int64_t get_int(const rapidjson::Value& obj, const char* name, const std::string& where) {
  const auto* v = member(obj, name);
  if (!v || !v->IsInt64())
    throw std::runtime_error(fmt::format("{}: \"{}\" missing or not an integer", where, name));
  return v->GetInt64();
}

}  // namespace

Manifest Manifest::parse(const std::string& text, const std::string& path) {
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  if (doc.HasParseError())
    throw std::runtime_error(fmt::format("{}: not valid JSON (byte {}: {})", path,
                                         doc.GetErrorOffset(),
                                         rapidjson::GetParseError_En(doc.GetParseError())));
  if (!doc.IsObject()) throw std::runtime_error(path + ": not a JSON object");
  const auto* format = member(doc, "format");
  if (!format || !format->IsString() || std::string_view(format->GetString()) != kFormat)
    throw std::runtime_error(fmt::format("{}: not a leda store manifest", path));
  const auto* version = member(doc, "version");
  if (!version || !version->IsInt() || version->GetInt() != kVersion)
    throw std::runtime_error(fmt::format("{}: unsupported manifest version", path));

  Manifest m;
  m.account = get_string(doc, "account", path);
  if (const auto* cps = member(doc, "checkpoints"); cps && cps->IsObject()) {
    for (const auto& cp : cps->GetObject()) {
      if (!cp.value.IsInt64())
        throw std::runtime_error(
            fmt::format("{}: checkpoint \"{}\" is not an integer", path, cp.name.GetString()));
      m.checkpoints_[cp.name.GetString()] = cp.value.GetInt64();
    }
  }
  const auto* files = member(doc, "files");
  if (!files || !files->IsArray())
    throw std::runtime_error(fmt::format("{}: \"files\" missing or not an array", path));
  std::size_t index = 0;
  for (const auto& f : files->GetArray()) {
    const std::string where = fmt::format("{}: files[{}]", path, index++);
    if (!f.IsObject()) throw std::runtime_error(where + ": not an object");
    ManifestEntry e;
    e.type = get_string(f, "type", where);
    e.name = get_string(f, "name", where);
    e.path = get_string(f, "path", where);
    e.href = get_string(f, "href", where);
    e.scope_start_ms = get_int(f, "scope_start", where);
    e.scope_end_ms = get_int(f, "scope_end", where);
    const std::int64_t size = get_int(f, "size", where);
    if (size < 0) throw std::runtime_error(where + ": negative size");
    e.size = static_cast<std::uint64_t>(size);
    e.sha256 = get_string(f, "sha256", where);
    const std::string fetched = get_string(f, "fetched", where);
    auto fetched_ms = util::parse_iso8601(fetched);
    if (!fetched_ms) throw std::runtime_error(where + ": \"fetched\" is not an ISO-8601 time");
    e.fetched_ms = *fetched_ms;
    if (!is_data_type(e.type)) throw std::runtime_error(where + ": unknown type " + e.type);
    const std::string folder = e.type + "/";
    if (e.path.compare(0, folder.size(), folder) != 0 ||
        !is_safe_file_name(std::string_view(e.path).substr(folder.size())))
      throw std::runtime_error(where + ": bad path " + e.path);
    m.put(std::move(e));
  }
  return m;
}

std::string Manifest::serialize() const {
  rapidjson::StringBuffer buf;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
  w.SetIndent(' ', 1);
  w.StartObject();
  w.Key("format");
  w.String(kFormat);
  w.Key("version");
  w.Int(kVersion);
  w.Key("account");
  w.String(account.c_str(), static_cast<rapidjson::SizeType>(account.size()));
  w.Key("checkpoints");
  w.StartObject();
  for (const auto& [type, ms] : checkpoints_) {
    w.Key(type.c_str(), static_cast<rapidjson::SizeType>(type.size()));
    w.Int64(ms);
  }
  w.EndObject();
  w.Key("files");
  w.StartArray();
  auto str = [&w](const std::string& s) {
    w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
  };
  for (const auto& [key, e] : entries_) {
    w.StartObject();
    w.Key("type");
    str(e.type);
    w.Key("name");
    str(e.name);
    w.Key("path");
    str(e.path);
    w.Key("href");
    str(e.href);
    w.Key("scope_start");
    w.Int64(e.scope_start_ms);
    w.Key("scope_end");
    w.Int64(e.scope_end_ms);
    w.Key("size");
    w.Uint64(e.size);
    w.Key("sha256");
    str(e.sha256);
    w.Key("fetched");
    str(util::format_iso8601(e.fetched_ms, 0, true));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

const ManifestEntry* Manifest::find(const std::string& type, const std::string& name) const {
  auto it = entries_.find({type, name});
  return it == entries_.end() ? nullptr : &it->second;
}

void Manifest::put(ManifestEntry entry) {
  auto key = std::make_pair(entry.type, entry.name);
  entries_[std::move(key)] = std::move(entry);
}

void Manifest::erase(const std::string& type, const std::string& name) {
  entries_.erase({type, name});
}

std::vector<const ManifestEntry*> Manifest::entries() const {
  std::vector<const ManifestEntry*> out;
  out.reserve(entries_.size());
  for (const auto& [key, e] : entries_)
    out.push_back(&e);
  return out;
}

std::optional<std::int64_t> Manifest::checkpoint(const std::string& type) const {
  auto it = checkpoints_.find(type);
  if (it == checkpoints_.end()) return std::nullopt;
  return it->second;
}

void Manifest::set_checkpoint(const std::string& type, std::int64_t ms) {
  checkpoints_[type] = ms;
}

}  // namespace leda::store
