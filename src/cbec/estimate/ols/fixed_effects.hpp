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
// and Kramarz 2002), as reghdfe's default (fixest with fixef.force_exact; its default counts
// levels - 1 for the second too). Dimensions 3+ count levels - 1 each, an upper bound. The count
// depends on the order of the dimensions, as reghdfe's.
size_t absorbed_parameters(const std::vector<Factor>& fes);

// True when every level of `inner` lies within a single level of `outer` (e.g. firm within a
// cluster variable): such fixed effects do not count against cluster-robust small-sample factors.
bool nested_in(const Factor& inner, const Factor& outer);

}  // namespace cbec
