// dist/mpi_cluster.cpp — join_cluster() of a build with MPI, and the Cluster over MPI ranks.
#include <mpi.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <optional>
#include <sstream>

#include "dist/cluster.hpp"
#include "dist/dist_load.hpp"
#include "dist/mpi_comm.hpp"
#include "dist/state_reduce.hpp"
#include "leda/joins.hpp"

namespace leda::dist {
namespace {

class MpiCluster final : public Cluster {
 public:
  explicit MpiCluster(std::string command) : command_(std::move(command)) {}
  ~MpiCluster() override { MPI_Finalize(); }

  int rank() const override { return comm().rank(); }
  int size() const override { return comm().size(); }

  std::function<std::string(const host::JoinArg&)> join_reader() override {
    return [this](const host::JoinArg& a) {
      std::string bytes;
      guarded([&] {
        if (rank() == 0) {
          StateWriter w;
          std::ifstream in(a.file, std::ios::binary);
          std::stringstream ss;
          if (in) ss << in.rdbuf();
          if (!in || in.bad()) {
            w.boolean(false);
            w.str(a.file + (in ? ": read error" : ": cannot open"));
          } else {
            w.boolean(true);
            w.str(ss.str());
          }
          bytes = w.take();
        }
        comm().broadcast(bytes);
      });
      StateReader r(bytes);
      const bool ok = r.boolean();
      std::string text = r.str();
      if (!ok) throw JoinError(text);
      return text;
    };
  }

  load::LoadResult load(const std::vector<std::string>& paths,
                        const load::LoadOptions& options) override {
    std::optional<load::LoadResult> result;
    std::string list_error;
    guarded([&] {
      try {
        result.emplace(distributed_load(comm(), paths, options, command_));
      } catch (const ListError& e) {
        list_error = e.what();
      }
    });
    if (!list_error.empty()) throw std::runtime_error(list_error);
    return std::move(*result);
  }

  std::vector<host::KpiResult> run(const std::vector<host::KpiJob>& jobs, const Model& model,
                                   const Joins& joins, unsigned threads,
                                   std::size_t shards) override {
    std::vector<host::KpiResult> results;
    guarded([&] { results = reduce_states(comm(), jobs, model, joins, threads, shards); });
    return results;
  }

  int agree(int code) override {
    guarded([&] { code = comm().max(code); });
    return code;
  }

  int finish(int code) override {
    std::string bytes = std::to_string(code);
    guarded([&] { comm().broadcast(bytes); });
    return std::stoi(bytes);
  }

  ClusterTiming timing() override {
    ClusterTiming t;
    guarded([&] {
      t.bytes_sent = comm().bytes_sent();
      t.exchange_seconds = comm().seconds();
      t.bytes_total = comm().sum(t.bytes_sent);
      double s = t.exchange_seconds;
      MPI_Allreduce(MPI_IN_PLACE, &s, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
      t.max_exchange_seconds = s;
    });
    return t;
  }

 private:
  Comm& comm() const {
    if (!comm_) comm_ = std::make_unique<Comm>();
    return *comm_;
  }

  // Runs a collective step. Whatever it throws on this rank (out of memory, a bug) would leave
  // the others waiting for it: it is printed with the rank and the whole job is aborted.
  template <class F>
  void guarded(F&& f) {
    try {
      f();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s: rank %d of %d failed: %s; stopping every rank\n", command_.c_str(),
                   rank(), size(), e.what());
      std::fflush(stderr);
      MPI_Abort(MPI_COMM_WORLD, 3);
    }
  }

  std::string command_;
  mutable std::unique_ptr<Comm> comm_;
};

}  // namespace

std::unique_ptr<Cluster> join_cluster(bool forced, const std::string& command) {
  if (!forced && !launched_by_mpi()) return nullptr;
  int provided = 0;
  if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
    throw ClusterError("MPI could not be initialized");
  return std::make_unique<MpiCluster>(command);
}

}  // namespace leda::dist
