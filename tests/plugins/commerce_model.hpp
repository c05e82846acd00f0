// commerce_model.hpp — one small account with orders, customers and conversations, shared by
// the aov-by-segment and conversion tests. The layout and every hand-worked figure derived from
// it are described in commerce_model.cpp.
#pragma once

#include "leda/joins.hpp"
#include "leda/model.hpp"

namespace leda_test {

/// Visits v1..v10 (no v7) with purchases and customer infos, and conversations c1, c3, c4, c9,
/// c-orphan.
leda::Model commerce_model();

/// The membership file: C1 Gold; C2 Silver until 2026-03-01, then Gold; C3 Silver.
leda::Joins commerce_joins();

}  // namespace leda_test
