// dist/dist_load.cpp — see dist_load.hpp.
#include "dist/dist_load.hpp"

#include <algorithm>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <array>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <queue>
#include <stdexcept>
#include <tuple>

#include "dist/fragment_codec.hpp"
#include "dist/fragment_split.hpp"
#include "dist/load_codec.hpp"
#include "dist/routing.hpp"
#include "load/file_reader.hpp"
#include "load/file_walk.hpp"
#include "model/model_builder.hpp"
#include "model/model_dump.hpp"
#include "util/thread_pool.hpp"

namespace leda::dist {
namespace {

using model::Fragment;

enum Part : std::uint8_t { kVisitPart = 0, kRestPart = 1 };
enum EntryKind : std::uint8_t { kConversationEntry = 1, kSessionEntry = 2, kSurveyQuery = 3 };

// A test hook: LEDA_MPI_TEST_KILL=RANK:STAGE kills that rank (SIGKILL) when it reaches STAGE
// ("parse", "exchange", "merge"), to check that a rank that dies fails the run, never hangs.
void maybe_die(int rank, const char* stage) {
  const char* v = std::getenv("LEDA_MPI_TEST_KILL");
  if (!v) return;
  const std::string s(v);
  const auto colon = s.find(':');
  if (colon == std::string::npos) return;
  if (std::atoi(s.substr(0, colon).c_str()) == rank && s.substr(colon + 1) == stage)
    std::raise(SIGKILL);
}

// Gives the pages of freed heap blocks back to the system. Parts are many blocks below the
// size that is mapped on its own (util/large_blocks.hpp): freed, they would stay resident
// while the model grows after them.
void release_free_memory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

// LEDA_MPI_PROFILE=1: each rank prints when each step ended and its resident memory then.
class Profile {
 public:
  void note(const char* name, double value, const char* unit) {
    if (on_) std::fprintf(stderr, "rank %d: %-10s %7.1f %s\n", rank_, name, value, unit);
  }
  explicit Profile(int rank) : rank_(rank), on_(std::getenv("LEDA_MPI_PROFILE") != nullptr) {}
  void step(const char* name) {
    if (!on_) return;
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
      if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
      std::fclose(f);
    }
    const double t =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::fprintf(stderr, "rank %d: %-10s %7.3f s  %6.0f MB resident, %6.0f MB at most so far\n",
                 rank_, name, t, resident * 4096.0 / 1e6, load::peak_rss_bytes() / 1e6);
  }

 private:
  int rank_;
  bool on_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

std::string list_files(Comm& comm, const std::vector<std::string>& paths,
                       std::vector<load::DataFile>& files) {
  std::string bytes;
  if (comm.rank() == 0) {
    StateWriter w;
    try {
      const auto found = load::list_data_files(paths);
      w.boolean(true);
      w.u64(found.size());
      for (const auto& f : found) {
        w.str(f.path);
        w.u64(f.size);
        w.i64(f.type_hint);
      }
    } catch (const std::exception& e) {
      w = StateWriter();
      w.boolean(false);
      w.str(e.what());
    }
    bytes = w.take();
  }
  comm.broadcast(bytes);
  StateReader r(bytes);
  if (!r.boolean()) return r.str();
  files.resize(r.count());
  for (auto& f : files) {
    f.path = r.str();
    f.size = r.u64();
    f.type_hint = static_cast<int>(r.i64());
  }
  return {};
}

// The rank of each file: largest first, to the rank with the fewest bytes (then the lowest).
std::vector<int> assign_files(const std::vector<load::DataFile>& files, int ranks) {
  std::vector<std::size_t> order(files.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return files[a].size > files[b].size; });
  using Load = std::pair<std::uint64_t, int>;
  std::priority_queue<Load, std::vector<Load>, std::greater<>> least;
  for (int r = 0; r < ranks; ++r)
    least.push({0, r});
  std::vector<int> owner(files.size());
  for (std::size_t i : order) {
    auto [bytes, r] = least.top();
    least.pop();
    owner[i] = r;
    least.push({bytes + std::max<std::uint64_t>(files[i].size, 1), r});
  }
  return owner;
}

// Fragments cleared and reused from file to file (as the one-process loader does).
class FragmentPool {
 public:
  std::unique_ptr<Fragment> take() {
    std::lock_guard lock(mutex_);
    if (free_.empty()) return std::make_unique<Fragment>();
    auto f = std::move(free_.back());
    free_.pop_back();
    return f;
  }
  void give(std::unique_ptr<Fragment> f) {
    f->clear();
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(f));
  }
  void clear() { free_.clear(); }

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<Fragment>> free_;
};

bool empty_part(const Fragment& f) {
  return f.agent_sessions.empty() && f.visit_pieces.empty() && f.conversations.empty() &&
         f.surveys.empty();
}

// One part of one file for its rank: [file][part][shared records][fragment].
std::string frame_of(std::uint64_t file, Part part, const std::vector<std::uint32_t>& shared,
                     const Fragment& f) {
  StateWriter w;
  w.u64(file);
  w.u64(part);
  leda::encode(w, shared);
  std::string frame = w.take();
  encode_fragment(f, frame);
  return frame;
}

// Each rank's frames, one string per rank, each frame after its length; the frames are freed
// as they are copied, and each string is allocated once at its final size (a string grown by
// doubling would hold twice the bytes for a moment).
std::vector<std::string> concatenated(std::vector<std::vector<std::string>>& frames) {
  std::vector<std::string> out(frames.size());
  for (std::size_t d = 0; d < frames.size(); ++d) {
    std::size_t size = 0;
    for (const auto& f : frames[d])
      size += f.size() + 10;
    out[d].reserve(size);
    for (auto& f : frames[d]) {
      StateWriter len;
      len.u64(f.size());
      out[d] += len.bytes();
      out[d] += f;
      std::string().swap(f);
    }
    std::vector<std::string>().swap(frames[d]);
  }
  return out;
}

// Where one of this rank's files sends the records the directory decides.
struct FileRoutes {
  std::vector<std::uint32_t> sessions, conversations, surveys;
};

// Who asked the directory what: (local file, kind, index), in the order of the entries.
struct Asked {
  std::uint32_t file;
  EntryKind kind;
  std::uint32_t index;
};

struct Received {
  std::uint64_t file;
  std::uint8_t part;
  std::vector<std::uint32_t> shared;
  std::string frame;            // the whole frame, freed once merged
  std::size_t fragment_at = 0;  // where the fragment starts in it
};

// A frame's header read into `x` (which takes the frame).
Received received_frame(std::string frame) {
  Received x;
  x.frame = std::move(frame);
  StateReader head(x.frame);
  x.file = head.u64();
  x.part = static_cast<std::uint8_t>(head.u64());
  leda::decode(head, x.shared);
  x.fragment_at = head.position();
  return x;
}

}  // namespace

load::LoadResult distributed_load(Comm& comm, const std::vector<std::string>& paths,
                                  const load::LoadOptions& options, const std::string& command) {
  const auto started = std::chrono::steady_clock::now();
  const int rank = comm.rank(), ranks = comm.size();
  const auto R = static_cast<std::uint32_t>(ranks);
  const std::uint32_t needs = load::normalize_needs(options.needs);
  const unsigned threads = options.threads != 0 ? options.threads : util::default_threads();

  Profile profile(rank);
  // 1. The files and who reads which.
  std::vector<load::DataFile> files;
  if (std::string error = list_files(comm, paths, files); !error.empty()) throw ListError(error);
  const std::vector<int> owner = assign_files(files, ranks);
  std::vector<std::size_t> mine;
  for (std::size_t i = 0; i < files.size(); ++i)
    if (owner[i] == rank) mine.push_back(i);

  // 2. Parse; visit pieces go out at once, the rest waits for the directory.
  maybe_die(rank, "parse");
  std::vector<load::FileReport> reports(mine.size());
  std::vector<std::string> pending(mine.size());
  std::vector<std::vector<std::string>> frames(ranks);
  std::vector<std::string> asks(ranks);
  std::vector<std::vector<Asked>> asked(ranks);
  std::vector<FileRoutes> routes(mine.size());
  std::mutex out_mutex, ask_mutex;
  FragmentPool pool;
  util::parallel_for(mine.size(), threads, [&](std::size_t k) {
    const std::size_t i = mine[k];
    load::ParsedFile parsed = load::read_data_file(files[i].path, needs, pool.take());
    reports[k] = std::move(parsed.report);
    const Fragment& f = *parsed.fragment;
    Destinations to;
    to.sessions.assign(f.agent_sessions.size(), R);
    to.conversations.assign(f.conversations.size(), R);
    to.surveys.assign(f.surveys.size(), R);
    std::string key;  // one buffer for every piece's key
    for (const auto& p : f.visit_pieces) {
      key_into(key, 'v', p.visit_id.present(), f.strings.view(p.visit_id));
      to.pieces.push_back(rank_of(key, R));
    }
    // One part at a time (each encoded and freed before the next is made).
    const std::vector<std::uint32_t> shared = shared_records(f, to);
    for (std::uint32_t d = 0; d < R; ++d) {
      const Fragment part = split_part(f, to, d);
      if (empty_part(part)) continue;
      std::string frame = frame_of(i, kVisitPart, shared, part);
      std::lock_guard lock(out_mutex);
      frames[d].push_back(std::move(frame));
    }
    const Fragment rest = split_part(f, to, R);
    pool.give(std::move(parsed.fragment));
    FileRoutes& fr = routes[k];
    fr.sessions.assign(rest.agent_sessions.size(), R);
    fr.conversations.assign(rest.conversations.size(), R);
    fr.surveys.assign(rest.surveys.size(), R);
    std::vector<std::pair<std::uint32_t, std::string>> entries;  // (owner, bytes)
    std::vector<Asked> who;
    for (std::uint32_t j = 0; j < rest.conversations.size(); ++j) {
      const Conversation& c = rest.conversations[j];
      const std::string key =
          key_of('c', c.conversation_id.present(), rest.strings.view(c.conversation_id));
      StateWriter w;
      w.u64(kConversationEntry);
      w.str(key);
      w.u64(i);
      w.u64(j);
      w.boolean(c.visit_id.present());
      w.str(rest.strings.view(c.visit_id));
      entries.emplace_back(rank_of(key, R), w.take());
      who.push_back({static_cast<std::uint32_t>(k), kConversationEntry, j});
    }
    for (std::uint32_t j = 0; j < rest.agent_sessions.size(); ++j) {
      const AgentSession& s = rest.agent_sessions[j];
      const std::string key = key_of('s', s.session_id.present(), rest.strings.view(s.session_id));
      StateWriter w;
      w.u64(kSessionEntry);
      w.str(key);
      w.i64(rest.agent_session_first_event[j]);
      w.i64(s.record_start);
      w.i64(s.agent_id);
      entries.emplace_back(rank_of(key, R), w.take());
      who.push_back({static_cast<std::uint32_t>(k), kSessionEntry, j});
    }
    for (std::uint32_t j = 0; j < rest.surveys.size(); ++j) {
      const Survey& s = rest.surveys[j];
      if (!s.conversation_id.present()) {  // links to no conversation: by its own id
        fr.surveys[j] = rank_of("q=" + std::to_string(s.survey_id), R);
        continue;
      }
      const std::string key = key_of('c', true, rest.strings.view(s.conversation_id));
      StateWriter w;
      w.u64(kSurveyQuery);
      w.str(key);
      entries.emplace_back(rank_of(key, R), w.take());
      who.push_back({static_cast<std::uint32_t>(k), kSurveyQuery, j});
    }
    if (!empty_part(rest)) encode_fragment(rest, pending[k]);
    std::lock_guard lock(ask_mutex);
    for (std::size_t e = 0; e < entries.size(); ++e) {
      asks[entries[e].first] += entries[e].second;
      asked[entries[e].first].push_back(who[e]);
    }
  });
  load::release_read_buffers();
  pool.clear();
  release_free_memory();
  profile.step("parse");

  // 3. The directory: each owner learns every copy of its keys, then answers in order.
  maybe_die(rank, "exchange");
  std::vector<std::string> questions = comm.exchange(std::move(asks));
  {
    RouteTable table(R);
    auto each_entry = [&](auto&& f) {
      for (int s = 0; s < ranks; ++s) {
        StateReader r(questions[s]);
        while (r.position() < questions[s].size())
          f(s, r);
      }
    };
    each_entry([&](int, StateReader& r) {
      const auto kind = static_cast<EntryKind>(r.u64());
      const std::string key = r.str();
      if (kind == kConversationEntry) {
        const std::uint64_t file = r.u64();
        const auto index = static_cast<std::uint32_t>(r.u64());
        const bool present = r.boolean();
        table.add_conversation(key, file, index, present, r.str());
      } else if (kind == kSessionEntry) {
        const TimeMs fe = r.i64(), rs = r.i64();
        table.add_session(key, fe, rs, r.i64());
      }
    });
    std::vector<std::string> answers(ranks);
    std::vector<StateWriter> writers(ranks);
    each_entry([&](int s, StateReader& r) {
      const auto kind = static_cast<EntryKind>(r.u64());
      const std::string key = r.str();
      if (kind == kConversationEntry) {
        r.u64(), r.u64(), r.boolean(), r.str();
        writers[s].u64(table.conversation_rank(key));
      } else if (kind == kSessionEntry) {
        r.i64(), r.i64(), r.i64();
        writers[s].u64(table.session_rank(key));
      } else {
        writers[s].u64(table.conversation_rank(key));
      }
    });
    std::vector<std::string>().swap(questions);
    for (int s = 0; s < ranks; ++s)
      answers[s] = writers[s].take();
    const std::vector<std::string> replies = comm.exchange(std::move(answers));
    for (int o = 0; o < ranks; ++o) {
      StateReader r(replies[o]);
      for (const Asked& a : asked[o]) {
        const auto to = static_cast<std::uint32_t>(r.u64());
        if (to >= R) r.fail("a rank out of range in the directory's answer");
        FileRoutes& fr = routes[a.file];
        (a.kind == kConversationEntry ? fr.conversations
         : a.kind == kSessionEntry    ? fr.sessions
                                      : fr.surveys)[a.index] = to;
      }
      r.expect_end();
    }
  }

  profile.step("directory");
  // The rest of each file, cut as the directory said.
  util::parallel_for(mine.size(), threads, [&](std::size_t k) {
    if (pending[k].empty()) return;
    auto f = pool.take();
    decode_fragment(pending[k], *f);
    std::string().swap(pending[k]);
    Destinations to{routes[k].sessions, {}, routes[k].conversations, routes[k].surveys};
    const std::vector<std::uint32_t> shared = shared_records(*f, to);
    for (std::uint32_t d = 0; d < R; ++d) {
      const Fragment part = split_part(*f, to, d);
      if (empty_part(part)) continue;
      std::string frame = frame_of(mine[k], kRestPart, shared, part);
      std::lock_guard lock(out_mutex);
      frames[d].push_back(std::move(frame));
    }
    pool.give(std::move(f));
  });

  profile.step("cut");
  // 4. The exchange.
  // This rank's own frames stay as they are; the others go out.
  std::vector<std::string> own = std::move(frames[rank]);
  frames[rank].clear();
  std::vector<std::string> in = comm.exchange(concatenated(frames));
  profile.step("exchange");

  // 5. Merge in (file, part) order.
  maybe_die(rank, "merge");
  std::vector<Received> received;
  for (std::string& frame : own)
    received.push_back(received_frame(std::move(frame)));
  std::vector<std::string>().swap(own);
  for (std::string& bytes : in) {  // each frame copied out, then the source's bytes freed
    const std::string_view b(bytes);
    for (std::size_t at = 0; at < b.size();) {
      StateReader lr(b.substr(at));
      const std::uint64_t len = lr.u64();
      const std::size_t body = at + lr.position();
      if (len > b.size() - body) lr.fail("a part cut short");
      received.push_back(received_frame(std::string(b.substr(body, len))));
      at = body + len;
    }
    std::string().swap(bytes);
  }
  release_free_memory();
  std::sort(received.begin(), received.end(), [](const Received& a, const Received& b) {
    return std::tie(a.file, a.part) < std::tie(b.file, b.part);
  });
  model::ModelBuilder builder;
  std::array<std::uint64_t, kDataTypeCount> hinted{};
  for (const auto& f : files)
    if (f.type_hint >= 0) hinted[f.type_hint] += f.size / R;
  builder.expect_input(hinted);
  std::vector<std::pair<std::uint64_t, model::ModelBuilder::SharedRecord>> shared_flags;
  {
    Fragment f;
    std::vector<model::ModelBuilder::SharedRecord> flags;
    std::size_t freed = 0;
    for (Received& x : received) {
      decode_fragment(std::string_view(x.frame).substr(x.fragment_at), f);
      freed += x.frame.size();
      std::string().swap(x.frame);
      if (freed > (std::size_t{8} << 20)) {  // small frames free into the heap: give it back
        release_free_memory();
        freed = 0;
      }
      flags.clear();
      builder.add_part(f, files[x.file].type_hint, files[x.file].size / R, x.shared, flags);
      for (const auto& fl : flags)
        shared_flags.emplace_back(x.file, fl);
    }
  }
  received = {};
  std::vector<std::string>().swap(in);
  release_free_memory();
  profile.step("merge");
  load::LoadResult result;
  result.model = builder.finish(threads);
  release_free_memory();
  profile.step("finish");
  profile.note("model", model::model_memory_bytes(result.model) / 1e6, "MB");

  // 6. The statistics, added up at rank 0 and sent to every rank.
  StateWriter mine_w;
  mine_w.u64(mine.size());
  for (std::size_t k = 0; k < mine.size(); ++k) {
    mine_w.u64(mine[k]);
    encode_report(mine_w, reports[k]);
  }
  mine_w.u64(shared_flags.size());
  for (const auto& [file, fl] : shared_flags) {
    mine_w.u64(file);
    mine_w.u64(fl.record);
    mine_w.u64(fl.flags);
  }
  const load::LoadStats::Merged m = load::merged_counts(result.model);
  for (std::uint64_t x : {builder.duplicates(), builder.merged_parts(), m.agent_sessions, m.agents,
                          m.visits, m.conversations, m.surveys})
    mine_w.u64(x);
  const std::vector<std::string> all = comm.gather(mine_w.bytes());
  std::string stats_bytes;
  if (rank == 0) {
    std::vector<load::FileReport> by_file(files.size());
    std::map<std::pair<std::uint64_t, std::uint32_t>, std::uint8_t> shared;
    std::uint64_t totals[7] = {};
    for (int s = 0; s < ranks; ++s) {
      StateReader r(all[s]);
      for (std::size_t n = r.count(); n > 0; --n) {
        const std::uint64_t i = r.u64();
        if (i >= files.size()) r.fail("a file index out of range");
        by_file[i] = decode_report(r);
      }
      for (std::size_t n = r.count(); n > 0; --n) {
        const std::uint64_t file = r.u64();
        const auto record = static_cast<std::uint32_t>(r.u64());
        shared[{file, record}] |= static_cast<std::uint8_t>(r.u64());
      }
      for (std::uint64_t& t : totals)
        t += r.u64();
      r.expect_end();
    }
    load::LoadStats st;
    for (std::size_t i = 0; i < files.size(); ++i) {
      load::add_file_report(st, by_file[i]);
      if (by_file[i].errors > 0 && ranks > 1)
        std::fprintf(stderr, "%s: rank %d read %s: %llu problem%s (listed below)\n",
                     command.c_str(), owner[i], files[i].path.c_str(),
                     static_cast<unsigned long long>(by_file[i].errors),
                     by_file[i].errors == 1 ? "" : "s");
    }
    st.duplicates = totals[0];
    for (const auto& [key, bits] : shared)
      if (bits == model::ModelBuilder::kRecordHeld) ++st.duplicates;
    st.merged_parts = totals[1];
    st.merged = {totals[2], totals[3], totals[4], totals[5], totals[6]};
    StateWriter w;
    encode_stats(w, st);
    stats_bytes = w.take();
  }
  comm.broadcast(stats_bytes);
  profile.step("stats");
  StateReader sr(stats_bytes);
  result.stats = decode_stats(sr);
  result.stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result.stats.peak_rss_bytes = load::peak_rss_bytes();
  return result;
}

}  // namespace leda::dist
