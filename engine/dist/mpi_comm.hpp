// dist/mpi_comm.hpp — the few MPI operations a leda run uses, on byte strings, with every
// message bounded and the bytes and time spent counted.
//
//   leda::dist::Comm comm;                       // MPI_COMM_WORLD; MPI must be initialized
//   std::string s = comm.rank() == 0 ? read() : "";
//   comm.broadcast(s);                           // every rank has rank 0's bytes
//   auto in = comm.exchange(std::move(out));     // out[d] to rank d; in[s] from rank s
//
// Messages never exceed max_message() bytes (256 MiB; LEDA_MPI_MAX_MESSAGE lowers it, which
// the tests use to force many rounds): longer strings go in rounds. Every call is collective
// unless it says otherwise: all ranks must make the same calls in the same order.
//
// Thread-safety: call from the main thread only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace leda::dist {

class Comm {
 public:
  Comm();

  int rank() const { return rank_; }
  int size() const { return size_; }

  /// The largest message sent at once, in bytes.
  std::size_t max_message() const { return max_message_; }

  /// Rank 0's `bytes` on every rank.
  void broadcast(std::string& bytes);
  /// Every rank's `bytes` at rank 0 (in rank order); empty elsewhere.
  std::vector<std::string> gather(const std::string& bytes);
  /// `out[d]` goes to rank d (out has size() entries; out[rank()] is handed over without MPI);
  /// returns what each rank sent to this one, by rank. `out` is emptied as it is sent.
  std::vector<std::string> exchange(std::vector<std::string>&& out);
  /// Point to point (not collective): `bytes` to `dest`, and what `source` sent.
  void send(int dest, const std::string& bytes);
  std::string receive(int source);

  /// The largest `value` over the ranks; the sum.
  int max(int value);
  std::uint64_t sum(std::uint64_t value);

  /// Bytes this rank sent to others, and seconds it spent in MPI calls, so far.
  std::uint64_t bytes_sent() const { return bytes_sent_; }
  double seconds() const { return seconds_; }

 private:
  int rank_ = 0, size_ = 1;
  std::size_t max_message_;
  std::uint64_t bytes_sent_ = 0;
  double seconds_ = 0;
  friend class CommTimer;
};

}  // namespace leda::dist
