// dist/routing.hpp — which rank holds which record, so that each rank holds whole entities as
// a shard does in one process: every session of an agent, a visit with all its bodies, its
// conversations and their surveys, and every copy of each (so duplicates are dropped, and the
// parts of an agent session united, on that rank exactly as in one process).
//
// Records go by a route key, hashed to a rank:
// - a visit piece: its visitId;
// - a conversation: the header visitId of its *first* copy in file order (the copy one process
//   keeps), else its conversationId. Only the owner of the conversationId, which sees every
//   copy, can tell which copy is first, so conversations are routed through a directory;
// - a survey: with its conversation (the route of its conversationId, from the directory,
//   whatever visitId the survey itself names, or none: a survey whose conversation has a visit
//   but which itself has none still lands beside that visit); a survey naming a conversation
//   that is in no file goes by the conversationId, one naming none by its survey id;
// - an agent session: the agentID the merged session will have (that of its copy that starts
//   first, as one process settles copies that disagree), so all of its copies and every other
//   session of that agent meet on one rank; a session with no agentID by its agentSessionId.
//   Also resolved by the directory, at the owner of the agentSessionId.
//
//   leda::dist::RouteTable table(ranks);           // at a directory owner
//   table.add_conversation(key, file, index, visit_id);
//   table.add_session(key, first_event, record_start, agent_id);
//   std::uint32_t r = table.conversation_rank(key);
//
// Keys carry presence: an absent value is a key of its own, as it is for the model builder.
// Thread-safety: a RouteTable is used by one thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "leda/model.hpp"

namespace leda::dist {

/// A key as text: `kind`, then '=' and the text of a present value, or '-' for an absent one
/// (an absent value and an empty one are different keys, as they are for the model builder).
std::string key_of(char kind, bool present, std::string_view text);

/// key_of() written into `out` (its memory reused from key to key).
void key_into(std::string& out, char kind, bool present, std::string_view text);

/// The rank (below `ranks`) a key's records go to: a 64-bit hash of its bytes, modulo.
std::uint32_t rank_of(std::string_view key, std::uint32_t ranks);

/// The rank of an agent's sessions.
std::uint32_t rank_of_agent(std::int64_t agent_id, std::uint32_t ranks);

/// The route of a conversation whose first copy names `visit_id` (a visit key when present and
/// not empty, as the model links it), else of its own key.
std::string conversation_route(bool visit_present, std::string_view visit_id,
                               const std::string& conversation_key);

/// A directory owner's view of the conversations and agent sessions whose keys hash to it.
class RouteTable {
 public:
  explicit RouteTable(std::uint32_t ranks) : ranks_(ranks) {}

  /// A copy of a conversation at position (`file`, `index`) of the global file order.
  void add_conversation(const std::string& key, std::uint64_t file, std::uint32_t index,
                        bool visit_present, std::string_view visit_id);
  /// A copy of an agent session.
  void add_session(const std::string& key, TimeMs first_event, TimeMs record_start,
                   std::int64_t agent_id);

  /// Where every copy of the conversation `key` goes (by its own key when no copy was added).
  std::uint32_t conversation_rank(const std::string& key) const;
  /// Where every copy of the agent session `key` goes.
  std::uint32_t session_rank(const std::string& key) const;

 private:
  struct FirstCopy {
    std::uint64_t file = 0;
    std::uint32_t index = 0;
    std::uint32_t rank = 0;
  };
  struct Settled {
    TimeMs first_event = kNoLong, record_start = kNoLong;
    std::int64_t agent = kNoLong;
  };
  std::uint32_t ranks_;
  std::unordered_map<std::string, FirstCopy> conversations_;
  std::unordered_map<std::string, Settled> sessions_;
};

}  // namespace leda::dist
