// Helpers for the loader tests: the spec example records, records built by tests, loading.
// Temp folders and gzip come from tests/support.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "load/loader.hpp"
#include "support/gzip.hpp"
#include "support/temp_dir.hpp"

namespace leda::test {

/// The content of a file of the spec examples (tests/data/spec-examples/<name>).
std::string spec_example(const std::string& name);
/// The full path of a spec example.
std::string spec_example_path(const std::string& name);

/// Loads `paths` with everything needed, no progress bar, `threads` threads.
load::LoadResult load_all(const std::vector<std::string>& paths, unsigned threads = 2,
                          std::uint32_t needs = kNeedEverything);

/// Replaces every occurrence of `from` in `text` by `to`.
std::string replace_all(std::string text, const std::string& from, const std::string& to);

// One-line records in the Data Access format, for data sets built by tests.

/// An agent event of agent_record().
struct TestEvent {
  std::int64_t timestamp;
  int type = 1;   ///< 3 login, 4 logout, 1 chat
  int state = 2;  ///< 2 online
};
/// An AgentActivity record of session `session` of agent `agent`.
std::string agent_record(const std::string& session, std::int64_t agent,
                         const std::vector<TestEvent>& events,
                         const std::string& login = "agent@example.com");
/// A WebSession record with one navigation body for `visit`: a page per timestamp.
std::string navigation_record(const std::string& visit, std::int64_t start,
                              const std::vector<std::int64_t>& page_times);
/// An Engagement record with one conversation whose header names `visit`.
std::string conversation_record(const std::string& conversation, const std::string& visit,
                                std::int64_t start);
/// A Survey record with one exit survey of `conversation`, one answer.
std::string survey_record(std::int64_t survey, const std::string& conversation, std::int64_t start);

/// The reasons of the error samples, joined by newlines (for readable failure messages).
std::string error_text(const load::LoadStats& stats);

}  // namespace leda::test
