// wfm/genesys_import.cpp — Genesys Cloud schedule-search JSON (see importers.hpp).
//
// `{"managementUnitTimeZone": ZONE, "userSchedules": {USER_ID: {"shifts": [{"startDate",
// "activities": [{"activityCodeId", "startDate", "lengthInMinutes", "countsAsPaidTime"}]}],
// "fullDayTimeOffMarkers": [{"managementUnitDate", ...}]}}}`. Each activity is one row of the
// user: `end = startDate + lengthInMinutes`, `schedule_date` the shift's start as a date in the
// management unit's zone. Full-day time off has no scheduled time: it is only listed.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "wfm/importers.hpp"

namespace leda::wfm {
namespace {

using rapidjson::Value;

std::optional<std::string> slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// "line L, column C" of byte `offset` in `text`.
std::string position(const std::string& text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Parses JSON text; the error names the position and the reason.
std::optional<std::string> parse_json(rapidjson::Document& doc, const std::string& text) {
  doc.Parse(text.data(), text.size());
  if (!doc.HasParseError()) return std::nullopt;
  return "not JSON at " + position(text, doc.GetErrorOffset()) + ": " +
         rapidjson::GetParseError_En(doc.GetParseError());
}

const Value* member(const Value& object, const char* name) {
  if (!object.IsObject()) return nullptr;
  const auto it = object.FindMember(name);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

// An id that may be written as a string or an integer.
std::optional<std::string> id_text(const Value* v) {
  if (v && v->IsString()) return std::string(v->GetString(), v->GetStringLength());
  if (v && v->IsInt64()) return std::to_string(v->GetInt64());
  return std::nullopt;
}

class GenesysFile {
 public:
  GenesysFile(const GenesysOptions& o, const std::map<std::string, std::string>* codes,
              ImportResult& r, std::uint32_t file)
      : o_(o), codes_(codes), r_(r), file_(file), path_(r.files[file]) {}

  void read() {
    const auto text = slurp(path_);
    if (!text) return file_error({}, "cannot open");
    rapidjson::Document doc;
    if (auto why = parse_json(doc, *text)) return file_error({}, *why);
    if (!doc.IsObject()) return file_error({}, "not a JSON object (a schedule search result)");
    std::string zone = o_.tz;
    if (const Value* tz = member(doc, "managementUnitTimeZone")) {
      if (!tz->IsString()) return file_error("managementUnitTimeZone", "not a string");
      zone = tz->GetString();
    }
    if (zone.empty())
      return file_error("managementUnitTimeZone", "missing (give the zone with --tz)");
    try {
      mu_.emplace(zone);
    } catch (const WfmZoneError& e) {
      return file_error("managementUnitTimeZone", e.what());
    }
    const Value* users = member(doc, "userSchedules");
    if (!users || !users->IsObject())
      return file_error("userSchedules", users ? "not an object" : "missing");
    for (auto u = users->MemberBegin(); u != users->MemberEnd(); ++u)
      user(std::string(u->name.GetString(), u->name.GetStringLength()), u->value);
  }

 private:
  void file_error(std::string field, std::string message) {
    r_.file_errors.push_back({path_, 0, {}, std::move(field), std::move(message)});
  }
  void bad(const std::string& where, const char* field, std::string message) {
    r_.errors.push_back({path_, 0, where, field, std::move(message)});
  }

  void user(const std::string& id, const Value& schedule) {
    const std::string where = "userSchedules[\"" + id + "\"]";
    if (!schedule.IsObject()) return bad(where, "", "not an object");
    if (const Value* markers = member(schedule, "fullDayTimeOffMarkers");
        markers && markers->IsArray())
      for (const Value& m : markers->GetArray()) {
        const Value* date = member(m, "managementUnitDate");
        r_.days_off.push_back({id, date && date->IsString() ? date->GetString() : "?"});
      }
    const Value* shifts = member(schedule, "shifts");
    if (!shifts) return;
    if (!shifts->IsArray()) return bad(where, "shifts", "not an array");
    for (rapidjson::SizeType i = 0; i < shifts->Size(); ++i)
      shift(id, where + ".shifts[" + std::to_string(i) + "]", (*shifts)[i]);
  }

  void shift(const std::string& id, const std::string& where, const Value& s) {
    const Value* activities = member(s, "activities");
    const rapidjson::SizeType count = activities && activities->IsArray() ? activities->Size() : 0;
    r_.records += count;
    if (!s.IsObject()) return bad(where, "", "not an object");
    if (activities && !activities->IsArray()) return bad(where, "activities", "not an array");
    std::string why;
    const Value* start = member(s, "startDate");
    const auto t =
        start && start->IsString() ? parse_rfc3339(start->GetString(), &why) : std::nullopt;
    if (!t)
      return bad(where, "startDate",
                 start
                     ? (start->IsString() ? why + ": '" + start->GetString() + "'" : "not a string")
                     : "missing");
    const std::int64_t day = mu_->local_day(t->ms);
    for (rapidjson::SizeType k = 0; k < count; ++k)
      activity(id, day, where + ".activities[" + std::to_string(k) + "]", (*activities)[k]);
  }

  void activity(const std::string& id, std::int64_t day, const std::string& where, const Value& a) {
    if (!a.IsObject()) return bad(where, "", "not an object");
    auto code = id_text(member(a, "activityCodeId"));
    if (!code || code->empty())
      return bad(where, "activityCodeId", member(a, "activityCodeId") ? "not an id" : "missing");
    if (codes_) {
      const auto it = codes_->find(*code);
      if (it == codes_->end())
        return bad(where, "activityCodeId",
                   "'" + *code + "' is not in the activity code list " + o_.activity_codes);
      code = it->second;
    }
    std::string why;
    const Value* start = member(a, "startDate");
    if (!start || !start->IsString())
      return bad(where, "startDate", start ? "not a string" : "missing");
    const auto t = parse_rfc3339(start->GetString(), &why);
    if (!t) return bad(where, "startDate", why + ": '" + start->GetString() + "'");
    const Value* length = member(a, "lengthInMinutes");
    if (!length || !length->IsInt64() || length->GetInt64() <= 0 || length->GetInt64() > 366 * 1440)
      return bad(where, "lengthInMinutes",
                 length ? "not a positive whole number of minutes" : "missing");
    const Value* paid = member(a, "countsAsPaidTime");
    if (paid && !paid->IsBool()) return bad(where, "countsAsPaidTime", "not true or false");
    NeutralRow n;
    n.file = file_;
    n.row.wfm_agent_id = id;
    n.row.schedule_date = day;
    n.row.schedule_date_text = date_text(day);
    n.row.activity_code = *code;
    n.row.start = t->ms;
    n.row.end = t->ms + length->GetInt64() * kMinuteMs;
    n.row.paid = paid ? paid->GetBool() : true;
    n.start_offset_min = mu_->offset_min(n.row.start);
    n.end_offset_min = mu_->offset_min(n.row.end);
    r_.rows.push_back(std::move(n));
  }

  const GenesysOptions& o_;
  const std::map<std::string, std::string>* codes_;
  ImportResult& r_;
  std::uint32_t file_;
  std::string path_;
  std::optional<MuZone> mu_;
};

}  // namespace

std::map<std::string, std::string> read_genesys_activity_codes(const std::string& path) {
  const auto text = slurp(path);
  if (!text) throw std::runtime_error(path + ": cannot open");
  rapidjson::Document doc;
  if (auto why = parse_json(doc, *text)) throw std::runtime_error(path + ": " + *why);
  const Value* entities = member(doc, "entities");
  if (!entities || !entities->IsArray())
    throw std::runtime_error(path + ": entities: " + (entities ? "not an array" : "missing") +
                             " (expected {\"entities\": [{\"id\", \"name\"}]})");
  std::map<std::string, std::string> codes;
  for (rapidjson::SizeType i = 0; i < entities->Size(); ++i) {
    const std::string where = path + ": entities[" + std::to_string(i) + "]";
    const auto id = id_text(member((*entities)[i], "id"));
    const Value* name = member((*entities)[i], "name");
    if (!id || id->empty()) throw std::runtime_error(where + ".id: missing or not an id");
    if (!name || !name->IsString() || name->GetStringLength() == 0)
      throw std::runtime_error(where + ".name: missing or not a string");
    if (!codes.emplace(*id, name->GetString()).second)
      throw std::runtime_error(where + ".id: '" + *id + "' is listed twice");
  }
  return codes;
}

ImportResult import_genesys(const std::vector<std::string>& files, const GenesysOptions& o) {
  if (!o.tz.empty()) {
    const MuZone check(o.tz);  // an unknown --tz is a usage error, found before any file
  }
  std::optional<std::map<std::string, std::string>> codes;
  if (!o.activity_codes.empty()) codes = read_genesys_activity_codes(o.activity_codes);
  ImportResult r;
  r.files = files;
  for (std::uint32_t f = 0; f < files.size(); ++f)
    GenesysFile(o, codes ? &*codes : nullptr, r, f).read();
  finish_import(r);
  return r;
}

}  // namespace leda::wfm
