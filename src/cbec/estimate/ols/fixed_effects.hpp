// Bookkeeping for absorbed fixed effects: the number of absorbed parameters (degrees of freedom)
// and nesting within cluster variables. (Singleton removal, part of building the sample, is in
// frame/factor.hpp.)
#pragma once
#include <cstddef>
#include <vector>

#include "cbec/frame/factor.hpp"

namespace cbec {

// Parameters absorbed by the fixed effects. The first dimension counts all its levels; each further
// one counts levels - 1 (one redundant level), except that for the second dimension the exact
// redundancy is the number of connected components of the bipartite level graph (Abowd, Creecy
// and Kramarz 2002), as fixest and reghdfe compute. For three or more dimensions the count for
// dimensions 3+ is an upper bound (levels - 1 each), as in fixest.
size_t absorbed_parameters(const std::vector<Factor>& fes);

// True when every level of `inner` lies within a single level of `outer` (e.g. firm within a
// cluster variable): such fixed effects do not count against cluster-robust small-sample factors.
bool nested_in(const Factor& inner, const Factor& outer);

}  // namespace cbec
