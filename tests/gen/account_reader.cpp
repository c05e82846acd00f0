#include "account_reader.hpp"

#include <zlib.h>

#include <regex>
#include <sstream>
#include <stdexcept>

#include <rapidjson/document.h>

#include "support/files.hpp"

namespace gentest {
namespace fs = std::filesystem;
using rapidjson::Value;

namespace {

constexpr const char* kNs = "com.liveperson.dataaccess.";

// The value of the single union branch `name` of a field, or nullptr when the field is null.
const Value* branch(const Value& field, const std::string& name) {
  if (field.IsNull()) return nullptr;
  if (!field.IsObject() || field.MemberCount() != 1 || !field.HasMember(name.c_str()))
    throw std::runtime_error("expected a union with branch " + name);
  return &field[name.c_str()];
}
const Value* named(const Value& field, const std::string& type) {
  return branch(field, kNs + type);
}
const Value& member(const Value& v, const char* name) {
  if (!v.IsObject() || !v.HasMember(name)) throw std::runtime_error(std::string("missing ") + name);
  return v[name];
}
Ms lng(const Value& v, const char* name) {
  const Value& f = member(v, name);
  if (f.IsNull()) return kAbsent;
  if (f.HasMember("long")) return f["long"].GetInt64();
  return member(f, "int").GetInt64();
}
std::string str(const Value& v, const char* name) {
  const Value* s = branch(member(v, name), "string");
  return s ? s->GetString() : std::string();
}
const Value& array(const Value& v, const char* name) {
  const Value* a = branch(member(v, name), "array");
  if (!a || !a->IsArray()) throw std::runtime_error(std::string("expected an array in ") + name);
  return *a;
}

void read_agent(const Value& body, const Value& meta, Ms file_start, Account& out) {
  AgentSession s;
  s.id = str(*named(member(body, "header"), "AgentHeader"), "agentSessionId");
  s.meta_start = lng(meta, "startTime");
  s.meta_end = lng(meta, "endTime");
  s.file_start = file_start;
  for (const Value& e : array(body, "agentSessionsData").GetArray()) {
    Event x;
    x.agent = lng(e, "agentID");
    x.type = static_cast<int>(lng(e, "type"));
    x.state = static_cast<int>(lng(e, "state"));
    x.t = lng(e, "timestamp");
    x.prev_state = static_cast<int>(lng(e, "prevState"));
    x.employee_id = str(e, "agentEmployeeId");
    x.login_name = str(e, "agentLoginname");
    x.prev_concurrent = static_cast<int>(lng(e, "prevConcurrentEng"));
    x.concurrent = static_cast<int>(lng(e, "concurrentEng"));
    x.max = static_cast<int>(lng(e, "maxConcurrentEng"));
    x.group = lng(e, "agentGroupID");
    s.events.push_back(x);
  }
  out.sessions.push_back(std::move(s));
}

void read_conversation(const Value& body, const Value& meta, Ms file_start, Account& out) {
  const Value& header = *named(member(body, "header"), "VisitorHeader");
  for (const Value& item : array(body, "engagements").GetArray()) {
    const Value& c = *named(item, "Conversation");
    Conversation x;
    x.id = str(c, "conversationId");
    x.visit_id = str(header, "visitId");
    x.start = lng(c, "conversationStartTime");
    x.connect = lng(c, "interactionStartTime");
    x.end = lng(c, "conversationEndTime");
    x.queue_start = lng(c, "queueStartTime");
    x.queue_end = lng(c, "queueEndTime");
    x.interactive = branch(member(c, "isInteractive"), "boolean")->GetBool();
    for (const Value& s : array(c, "skills").GetArray())
      x.skills.push_back(s.GetInt64());
    for (const Value& m : array(c, "transcripts").GetArray())
      x.lines.push_back(
          {lng(m, "timestamp"), str(m, "type"), str(m, "agentId"), str(m, "by"), str(m, "text")});
    for (const Value& t : array(c, "transfers").GetArray())
      x.transfers.push_back({lng(t, "timestamp"), lng(t, "queueStartTime"), lng(t, "queueEndTime"),
                             lng(t, "skillId"), lng(t, "targetSkillId"), str(t, "agentId"),
                             str(t, "targetAgentId")});
    x.meta_end = lng(meta, "endTime");
    x.file_start = file_start;
    out.conversations.push_back(std::move(x));
  }
}

void read_survey(const Value& body, const Value& meta, Ms file_start, Account& out) {
  for (const Value& s : array(body, "surveys").GetArray()) {
    Survey x;
    x.id = lng(s, "id");
    x.type = static_cast<int>(lng(s, "type"));
    x.conversation_id = str(s, "conversationId");
    for (const Value& a : array(s, "contents").GetArray())
      x.answers.push_back({str(a, "question"), str(a, "answer"), lng(a, "answerSubmitTime")});
    x.meta_end = lng(meta, "endTime");
    x.file_start = file_start;
    out.surveys.push_back(std::move(x));
  }
}

void read_visit_body(const std::string& type, const Value& body, Visit& v) {
  v.bodies.push_back(type);
  const Value& header = *named(member(body, "header"), "VisitorHeader");
  v.id = str(header, "visitId");
  v.visitor_id = str(header, "visitorId");
  if (type == "WebSessionNavigationData")
    for (const Value& p : array(body, "navigationData").GetArray())
      v.pages.push_back(lng(p, "timestamp"));
  if (type != "WebSessionEngAttrsData") return;
  for (const Value& a : array(body, "engagementAttributes").GetArray()) {
    const Value& data = member(a, "data");
    const std::string key = data.MemberBegin()->name.GetString();
    const Value& rec = data.MemberBegin()->value;
    Attribute x;
    x.t = lng(a, "timestamp");
    x.kind = key.substr(std::string(kNs).size());
    if (x.kind == "CustomerInfo") x.customer_id = str(rec, "customerId");
    if (x.kind == "Purchase") {
      x.order_id = str(rec, "orderId");
      if (const Value* d = branch(member(rec, "total"), "double")) x.total = d->GetDouble();
    }
    v.attributes.push_back(std::move(x));
  }
}

}  // namespace

std::string gunzip_zlib(const std::string& gz, const std::string& what) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) throw std::runtime_error("inflateInit2");
  std::string out;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  zs.avail_in = static_cast<uInt>(gz.size());
  char buf[1 << 16];
  int rc;
  do {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      throw std::runtime_error(what + ": not valid gzip");
    }
    out.append(buf, sizeof buf - zs.avail_out);
  } while (rc != Z_STREAM_END);
  const bool trailing = zs.avail_in != 0;
  inflateEnd(&zs);
  if (trailing) throw std::runtime_error(what + ": bytes after the gzip member");
  return out;
}

std::map<std::string, std::string> read_tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file())
      out[fs::relative(e.path(), dir).string()] = leda::test::read_file(e.path());
  return out;
}

Account read_account(const fs::path& dir) {
  static const std::regex kName(
      R"(^(Agent|WebSession|Engagement|Survey)\.(\d+)\.(\d+)\.part-(\d{5})-0\.gz$)");
  Account account;
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const fs::path& path : paths) {
    FileInfo f;
    f.dir = path.parent_path().filename().string();
    std::smatch m;
    const std::string name = path.filename().string();
    if (!std::regex_match(name, m, kName)) throw std::runtime_error(path.string() + ": bad name");
    f.prefix = m[1];
    f.start = std::stoll(m[2]);
    f.end = std::stoll(m[3]);
    f.part = std::stoi(m[4]);
    const std::string text = gunzip_zlib(leda::test::read_file(path), path.string());
    std::istringstream lines(text);
    std::string line;
    int wrapped = 0;
    while (std::getline(lines, line)) {
      const std::string where = path.string() + ":" + std::to_string(f.records + 1);
      rapidjson::Document doc;
      doc.Parse(line.c_str(), line.size());
      if (doc.HasParseError() || !doc.IsObject())
        throw std::runtime_error(where + ": not a JSON object");
      if (!doc.HasMember("dataType") || !doc.HasMember("metaData") ||
          !doc.HasMember("recordCollection"))
        throw std::runtime_error(where + ": lacks dataType/metaData/recordCollection");
      ++f.records;
      try {
        const std::string type =
            branch(doc["dataType"], std::string(kNs) + "DataTypeEnum")->GetString();
        const Value* meta = &doc["metaData"];
        const Value* items = &doc["recordCollection"];
        if (meta->HasMember((std::string(kNs) + "MetaData").c_str())) {
          meta = named(*meta, "MetaData");
          items = branch(*items, "array");
          ++wrapped;
        }
        Visit visit;
        for (const Value& item : items->GetArray()) {
          const Value& body = member(item, "body");
          const std::string key = body.MemberBegin()->name.GetString();
          const std::string btype = key.substr(std::string(kNs).size());
          const Value& b = body.MemberBegin()->value;
          if (type == "AgentActivity")
            read_agent(b, *meta, f.start, account);
          else if (type == "Engagement")
            read_conversation(b, *meta, f.start, account);
          else if (type == "Survey")
            read_survey(b, *meta, f.start, account);
          else if (type == "WebSession")
            read_visit_body(btype, b, visit);
          else
            throw std::runtime_error("unknown dataType " + type);
        }
        if (type == "WebSession") {
          visit.start = lng(*meta, "startTime");
          visit.end = lng(*meta, "endTime");
          visit.file_start = f.start;
          account.visits.push_back(std::move(visit));
        }
      } catch (const std::exception& e) {
        throw std::runtime_error(where + ": " + e.what());
      }
    }
    f.wrapped = wrapped > 0 && static_cast<std::size_t>(wrapped) == f.records;
    if (wrapped > 0 && !f.wrapped) throw std::runtime_error(path.string() + ": mixed envelopes");
    account.files.push_back(f);
  }
  return account;
}

}  // namespace gentest
