// Running the real `leda` binary from tests, and the data those tests write.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace leda::test {

/// What a run of `leda` printed and returned.
struct CliResult {
  int exit_code = -1;
  std::string out, err;
};

/// The `leda` binary under test: $LEDA_BIN, else the build tree's.
std::string leda_bin();

/// Runs `leda args...` (each argument passed as is) with LEDA_PLUGIN_PATH removed from the
/// environment and `env` ("NAME=value" pairs) added.
CliResult run_leda(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

/// Runs a shell command line; its output goes to `log` (stdout and stderr). Returns the exit code.
int run_shell(const std::string& command, const std::filesystem::path& log);

/// A fresh folder under the system temp folder, removed with everything in it on destruction.
class TempDir {
 public:
  explicit TempDir(const std::string& name);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& p) const { return path_ / p; }

 private:
  std::filesystem::path path_;
};

/// The whole content of a file.
std::string read_file(const std::filesystem::path& p);
/// Writes `text` to `p` (creating folders).
void write_file(const std::filesystem::path& p, const std::string& text);

/// One conversation of the test data (an Engagement record with a visitor line and, when
/// `agent_line_ms` is not 0, an agent line).
struct ChatSpec {
  std::string id;
  std::int64_t start_ms = 0;
  std::int64_t visitor_line_ms = 0;  ///< time of the visitor's first line
  std::int64_t agent_line_ms = 0;    ///< time of the agent's first line (0: none)
  std::string agent_id;
  int skill = 1;
};

/// `count` conversations: conversation i ("conv-<i>") starts at 2026-03-02T09:00Z + i minutes,
/// the visitor writes 2 s later and agent "10<i % 3>" answers (i % 7 + 1) s after that.
std::vector<ChatSpec> sample_chats(int count);

/// Writes `chats` as Data Access Engagement records (NDJSON, one record per conversation) into
/// files of at most `per_file` records named engagement-<n>.json under `dir`.
void write_engagement_files(const std::filesystem::path& dir, const std::vector<ChatSpec>& chats,
                            int per_file);

}  // namespace leda::test
