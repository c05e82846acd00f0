// Test-side reader of a generated account: gunzips every file with zlib and parses every line
// with the RapidJSON DOM into plain structs, independently of leda's loader, so the generator's
// output is checked against the record format itself.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gentest {

using Ms = std::int64_t;
inline constexpr Ms kAbsent = INT64_MIN;

/// One data file of the account.
struct FileInfo {
  std::string dir, prefix;  ///< e.g. "webSession", "WebSession"
  Ms start = 0, end = 0;    ///< the hour window in the name
  int part = -1;
  std::size_t records = 0;
  bool wrapped = false;  ///< every record uses the wrapped envelope
};

struct Event {
  std::int64_t agent = 0, group = 0;
  int type = 0, state = 0, prev_state = 0, concurrent = 0, prev_concurrent = 0, max = 0;
  Ms t = 0;
  std::string employee_id, login_name;
};

struct AgentSession {
  std::string id;
  std::vector<Event> events;
  Ms meta_start = kAbsent, meta_end = kAbsent, file_start = 0;
};

struct Line {
  Ms t = 0;
  std::string type, agent_id, by, text;
};

struct Transfer {
  Ms t = 0, queue_start = 0, queue_end = 0;
  std::int64_t skill = 0, target_skill = 0;
  std::string agent_id, target_agent_id;
};

struct Conversation {
  std::string id, visit_id;
  Ms start = 0, connect = kAbsent, end = 0, queue_start = 0, queue_end = kAbsent;
  bool interactive = false;
  std::vector<std::int64_t> skills;
  std::vector<Line> lines;
  std::vector<Transfer> transfers;
  Ms meta_end = kAbsent, file_start = 0;
};

struct Attribute {
  Ms t = 0;
  std::string kind;  ///< the branch name without namespace, e.g. "Purchase"
  std::string customer_id, order_id;
  std::optional<double> total;  ///< Purchase.total; nullopt when null
};

struct Visit {
  std::string id, visitor_id;
  Ms start = 0, end = kAbsent, file_start = 0;
  std::vector<Ms> pages;
  std::vector<Attribute> attributes;
  std::vector<std::string> bodies;  ///< body branch names in record order
};

struct Answer {
  std::string question, answer;
  Ms t = 0;
};

struct Survey {
  std::int64_t id = 0;
  int type = 0;
  std::string conversation_id;
  std::vector<Answer> answers;
  Ms meta_end = kAbsent, file_start = 0;
};

struct Account {
  std::vector<FileInfo> files;
  std::vector<AgentSession> sessions;
  std::vector<Conversation> conversations;
  std::vector<Visit> visits;
  std::vector<Survey> surveys;
};

/// Reads `dir` (an account directory). Throws std::runtime_error naming the file and line of
/// anything that is not valid gzip, not a JSON object per line or lacks the envelope members.
Account read_account(const std::filesystem::path& dir);

/// Every regular file under `dir`, by path relative to it, with its bytes.
std::map<std::string, std::string> read_tree(const std::filesystem::path& dir);

/// Decompresses a whole gzip file with zlib; throws when it is not valid gzip.
std::string gunzip_zlib(const std::string& gz, const std::string& what);

}  // namespace gentest
