// Shared by the WFM tests: fixture paths and instants written as civil UTC times.
#pragma once

#include <string>

#include "leda/model.hpp"
#include "util/civil_time.hpp"

namespace wfmtest {

/// A file of tests/data/wfm/.
inline std::string fixture(const std::string& name) {
  return std::string(LEDA_SOURCE_DIR) + "/tests/data/wfm/" + name;
}

/// Epoch ms of a UTC civil time (the tests convert local times to UTC by hand and say how).
inline leda::TimeMs utc(int y, unsigned mo, unsigned d, int h, int mi = 0) {
  return (leda::util::days_from_civil(y, mo, d) * 1440 + h * 60 + mi) * leda::TimeMs{60000};
}

}  // namespace wfmtest
