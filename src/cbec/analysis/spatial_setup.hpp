// The spatial setup an analysis runs on (analysis.hpp's SpatialSetup) from weights a user gives, the
// same for the command line (--w) and Python (w=): made mutual on request, audited (one-way links,
// self-links, islands: frame/spatial_weights.hpp) with the audit's notes on every spatial table.
#pragma once
#include <string>

#include "cbec/analysis/analysis.hpp"

namespace cbec {

SpatialSetup given_weights_setup(SpatialWeights w, const std::string& key, const std::string& transform, bool symmetrize);

}  // namespace cbec
