// dist/cluster_launch.cpp — launched_by_mpi(): what the launcher's environment says.
#include <cstdlib>
#include <string>

#include "dist/cluster.hpp"

namespace leda::dist {

bool launched_by_mpi(int* ranks) {
  const char* size = std::getenv("OMPI_COMM_WORLD_SIZE");
  if (!size) size = std::getenv("PMI_SIZE");
  if (!size) size = std::getenv("PMIX_SIZE");
  const bool launched = size != nullptr || std::getenv("PMIX_RANK") != nullptr ||
                        std::getenv("PMI_RANK") != nullptr ||
                        std::getenv("OMPI_COMM_WORLD_RANK") != nullptr;
  if (ranks) *ranks = size ? std::atoi(size) : (launched ? 0 : 1);
  return launched;
}

bool quiet_rank() {
  const char* rank = std::getenv("OMPI_COMM_WORLD_RANK");
  if (!rank) rank = std::getenv("PMIX_RANK");
  if (!rank) rank = std::getenv("PMI_RANK");
  return rank != nullptr && std::atoi(rank) != 0;
}

}  // namespace leda::dist
