// See messy_account.hpp.
#include "messy_account.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <catch2/catch.hpp>

#include "support/files.hpp"
#include "support/gzip.hpp"
#include "support/run_leda.hpp"
#include "util/gzip.hpp"

namespace leda::test {
namespace {

namespace fs = std::filesystem;
using rapidjson::Document;
using rapidjson::Value;

std::vector<std::string> lines_of(const fs::path& file) {
  std::string text;
  const std::string bytes = read_file(file);
  if (util::is_gzip(bytes)) {
    util::gunzip(bytes, text);
  } else {
    text = bytes;
  }
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

std::string json_of(const Value& v) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  v.Accept(w);
  return sb.GetString();
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// The same name with another part number: "....part-00000-0.gz" -> "....part-0000N-0.gz".
fs::path renamed(const fs::path& p, char part) {
  std::string name = p.filename().string();
  const auto at = name.find("part-0000");
  REQUIRE(at != std::string::npos);
  name[at + 9] = part;
  return p.parent_path() / name;
}

// The events array of a recordCollection item (AgentActivityData body).
Value& events_of(Value& item) {
  Value& body = item["body"]["com.liveperson.dataaccess.AgentActivityData"];
  return body["agentSessionsData"]["array"];
}

// Rewrites one agent file: its records' items cut in two halves by events; the first halves of
// each pair of records in one record (items of two sessions, often of two agents), the second
// halves and a whole copy of the first record in a second file.
void split_agent_file(const fs::path& file) {
  const auto lines = lines_of(file);
  std::vector<Document> first, second;
  for (const auto& line : lines) {
    Document a, b;
    a.Parse(line.c_str());
    REQUIRE_FALSE(a.HasParseError());
    b.CopyFrom(a, b.GetAllocator());
    Value& ia = a["recordCollection"];
    Value& ib = b["recordCollection"];
    for (rapidjson::SizeType k = 0; k < ia.Size(); ++k) {
      Value& ea = events_of(ia[k]);
      Value& eb = events_of(ib[k]);
      const rapidjson::SizeType n = ea.Size(), half = n / 2;
      if (n < 2) continue;
      for (rapidjson::SizeType j = n; j > half; --j)
        ea.PopBack();
      eb.Erase(eb.Begin(), eb.Begin() + half);
    }
    first.push_back(std::move(a));
    second.push_back(std::move(b));
  }
  std::string a_text, b_text;
  for (std::size_t i = 0; i < first.size(); i += 2) {
    if (i + 1 < first.size()) {
      Value& into = first[i]["recordCollection"];
      Value& from = first[i + 1]["recordCollection"];
      for (auto& item : from.GetArray())
        into.PushBack(Value(item, first[i].GetAllocator()), first[i].GetAllocator());
    }
    a_text += json_of(first[i]) + "\n";
  }
  for (const auto& d : second)
    b_text += json_of(d) + "\n";
  if (!lines.empty()) b_text += lines.front() + "\n";
  write_file(file, gzip(a_text));
  write_file(renamed(file, '7'), gzip(b_text));
}

// The text with every visitId emptied.
std::string without_visit_ids(std::string text) {
  const std::string key = "\"visitId\":{\"string\":\"";
  for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
    at += key.size();
    const std::size_t end = text.find('"', at);
    text.erase(at, end - at);
  }
  return text;
}

}  // namespace

MessyAccount make_messy_account(const TempDir& dir) {
  const auto gen = run_leda({"generate", "--out", dir.path, "--seed", "11", "--agents", "12",
                             "--days", "2", "--visits-per-day", "400", "--quiet"});
  REQUIRE(gen.exit_code == 0);
  MessyAccount a{dir / "75555851", dir / "agents.csv", dir / "membership.csv"};
  const fs::path data = a.data;

  // Every other agent file in parts.
  const auto agent_files = files_in(data / "agentActivity");
  REQUIRE(agent_files.size() >= 4);
  for (std::size_t i = 0; i < agent_files.size(); i += 2)
    split_agent_file(agent_files[i]);
  // Every third file of the other types delivered twice.
  for (const char* type : {"webSession", "engagement", "survey"}) {
    const auto files = files_in(data / type);
    for (std::size_t i = 0; i < files.size(); i += 3)
      fs::copy_file(files[i], renamed(files[i], '5'));
  }
  // Conversations again without their visit: before the original in path order (the copy one
  // process keeps has no visit) and after it (the kept copy has one).
  const auto engagements = files_in(data / "engagement");
  REQUIRE(engagements.size() >= 4);
  std::string text;
  for (const auto& l : lines_of(engagements[1]))
    text += l + "\n";
  write_file(data / "aaa-early" / engagements[1].filename(), gzip(without_visit_ids(text)));
  text.clear();
  for (const auto& l : lines_of(engagements[2]))
    text += l + "\n";
  write_file(renamed(engagements[2], '9'), gzip(without_visit_ids(text)));
  return a;
}

}  // namespace leda::test
