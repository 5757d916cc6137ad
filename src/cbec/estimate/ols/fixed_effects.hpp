// Bookkeeping for absorbed fixed effects: singleton removal, the number of absorbed parameters
// (degrees of freedom), and nesting within cluster variables.
#pragma once
#include <cstddef>
#include <vector>

#include "cbec/formula/design.hpp"

namespace cbec {

// Iteratively removes rows that are alone in a level of any fixed effect (Correia 2015, "Singletons,
// cluster-robust standard errors and fixed effects"). `fes` hold codes over all frame rows; `rows`
// (the usable rows) is filtered in place. Returns the number removed.
size_t drop_singletons(const std::vector<Factor>& fes, std::vector<size_t>& rows);

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
