// dist/mpi_comm.cpp — see mpi_comm.hpp.
#include "dist/mpi_comm.hpp"

#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <stdexcept>

namespace leda::dist {

// Adds the time of one MPI call to Comm::seconds_.
class CommTimer {
 public:
  explicit CommTimer(Comm& c) : c_(c), start_(std::chrono::steady_clock::now()) {}
  ~CommTimer() {
    c_.seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  Comm& c_;
  std::chrono::steady_clock::time_point start_;
};

namespace {

constexpr std::size_t kMaxMessage = std::size_t{256} << 20;
constexpr int kTagSize = 1, kTagBytes = 2;

void check(int rc, const char* what) {
  if (rc != MPI_SUCCESS) throw std::runtime_error(std::string("MPI ") + what + " failed");
}

}  // namespace

Comm::Comm() : max_message_(kMaxMessage) {
  check(MPI_Comm_rank(MPI_COMM_WORLD, &rank_), "Comm_rank");
  check(MPI_Comm_size(MPI_COMM_WORLD, &size_), "Comm_size");
  if (const char* v = std::getenv("LEDA_MPI_MAX_MESSAGE")) {
    const long long n = std::atoll(v);
    if (n > 0) max_message_ = std::min<std::size_t>(static_cast<std::size_t>(n), kMaxMessage);
  }
  max_message_ = std::max<std::size_t>(max_message_, 1);
}

void Comm::broadcast(std::string& bytes) {
  CommTimer t(*this);
  std::uint64_t n = bytes.size();
  check(MPI_Bcast(&n, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD), "Bcast");
  bytes.resize(n);
  for (std::uint64_t at = 0; at < n; at += max_message_) {
    const auto len = static_cast<int>(std::min<std::uint64_t>(max_message_, n - at));
    check(MPI_Bcast(bytes.data() + at, len, MPI_BYTE, 0, MPI_COMM_WORLD), "Bcast");
    if (rank_ == 0) bytes_sent_ += static_cast<std::uint64_t>(len) * (size_ - 1);
  }
}

std::vector<std::string> Comm::gather(const std::string& bytes) {
  std::vector<std::string> out;
  if (rank_ == 0) {
    out.resize(size_);
    out[0] = bytes;
    for (int r = 1; r < size_; ++r)
      out[r] = receive(r);
  } else {
    send(0, bytes);
  }
  CommTimer t(*this);
  check(MPI_Barrier(MPI_COMM_WORLD), "Barrier");
  return out;
}

void Comm::send(int dest, const std::string& bytes) {
  CommTimer t(*this);
  std::uint64_t n = bytes.size();
  check(MPI_Send(&n, 1, MPI_UINT64_T, dest, kTagSize, MPI_COMM_WORLD), "Send");
  for (std::uint64_t at = 0; at < n; at += max_message_) {
    const auto len = static_cast<int>(std::min<std::uint64_t>(max_message_, n - at));
    check(MPI_Send(bytes.data() + at, len, MPI_BYTE, dest, kTagBytes, MPI_COMM_WORLD), "Send");
  }
  bytes_sent_ += n;
}

std::string Comm::receive(int source) {
  CommTimer t(*this);
  std::uint64_t n = 0;
  check(MPI_Recv(&n, 1, MPI_UINT64_T, source, kTagSize, MPI_COMM_WORLD, MPI_STATUS_IGNORE), "Recv");
  std::string bytes(n, '\0');
  for (std::uint64_t at = 0; at < n; at += max_message_) {
    const auto len = static_cast<int>(std::min<std::uint64_t>(max_message_, n - at));
    check(MPI_Recv(bytes.data() + at, len, MPI_BYTE, source, kTagBytes, MPI_COMM_WORLD,
                   MPI_STATUS_IGNORE),
          "Recv");
  }
  return bytes;
}

std::vector<std::string> Comm::exchange(std::vector<std::string>&& out) {
  CommTimer t(*this);
  const auto n = static_cast<std::size_t>(size_);
  out.resize(n);
  std::vector<std::string> in(n);
  in[rank_] = std::move(out[rank_]);
  out[rank_].clear();
  // Sizes first, so each side knows how many rounds it takes.
  std::vector<std::uint64_t> send_sizes(n), recv_sizes(n);
  for (std::size_t d = 0; d < n; ++d)
    send_sizes[d] = d == static_cast<std::size_t>(rank_) ? 0 : out[d].size();
  check(MPI_Alltoall(send_sizes.data(), 1, MPI_UINT64_T, recv_sizes.data(), 1, MPI_UINT64_T,
                     MPI_COMM_WORLD),
        "Alltoall");
  std::uint64_t longest = 0;
  for (std::size_t d = 0; d < n; ++d) {
    longest = std::max({longest, send_sizes[d], recv_sizes[d]});
    if (d != static_cast<std::size_t>(rank_)) in[d].resize(recv_sizes[d]);
  }
  check(MPI_Allreduce(MPI_IN_PLACE, &longest, 1, MPI_UINT64_T, MPI_MAX, MPI_COMM_WORLD),
        "Allreduce");
  // Rounds: in each, every pair exchanges the next piece of at most max_message_ bytes,
  // straight from the sender's string into the receiver's (no staging copy).
  const std::uint64_t rounds = (longest + max_message_ - 1) / max_message_;
  std::vector<MPI_Request> requests;
  for (std::uint64_t round = 0; round < rounds; ++round) {
    const std::uint64_t at = round * max_message_;
    auto piece = [&](std::uint64_t size) {
      return static_cast<int>(at >= size ? 0 : std::min<std::uint64_t>(max_message_, size - at));
    };
    requests.clear();
    for (std::size_t d = 0; d < n; ++d) {
      if (d == static_cast<std::size_t>(rank_)) continue;
      if (const int len = piece(recv_sizes[d])) {
        requests.emplace_back();
        check(MPI_Irecv(in[d].data() + at, len, MPI_BYTE, static_cast<int>(d), kTagBytes,
                        MPI_COMM_WORLD, &requests.back()),
              "Irecv");
      }
      if (const int len = piece(send_sizes[d])) {
        requests.emplace_back();
        check(MPI_Isend(out[d].data() + at, len, MPI_BYTE, static_cast<int>(d), kTagBytes,
                        MPI_COMM_WORLD, &requests.back()),
              "Isend");
        bytes_sent_ += static_cast<std::uint64_t>(len);
      }
    }
    check(MPI_Waitall(static_cast<int>(requests.size()), requests.data(), MPI_STATUSES_IGNORE),
          "Waitall");
  }
  for (auto& s : out)
    std::string().swap(s);
  return in;
}

int Comm::max(int value) {
  CommTimer t(*this);
  check(MPI_Allreduce(MPI_IN_PLACE, &value, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD), "Allreduce");
  return value;
}

std::uint64_t Comm::sum(std::uint64_t value) {
  CommTimer t(*this);
  check(MPI_Allreduce(MPI_IN_PLACE, &value, 1, MPI_UINT64_T, MPI_SUM, MPI_COMM_WORLD), "Allreduce");
  return value;
}

}  // namespace leda::dist
