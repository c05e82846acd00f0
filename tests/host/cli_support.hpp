// The data the host's CLI tests write, and shell commands they run. Running `leda`, temp
// folders and files come from tests/support.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "support/files.hpp"
#include "support/run_leda.hpp"
#include "support/temp_dir.hpp"

namespace leda::test {

/// Runs a shell command line; its output goes to `log` (stdout and stderr). Returns the exit code.
int run_shell(const std::string& command, const std::filesystem::path& log);

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
