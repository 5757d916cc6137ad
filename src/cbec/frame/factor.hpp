// A grouping of the observations (fixed effect, cluster, time) coded 0..n_levels-1, and the
// removal of rows alone in a level (singletons).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"

namespace cbec {

// For numeric variables the codes follow the sorted values, so a time factor is ordered; -1 marks
// a missing value.
struct Factor {
  std::string name;
  std::vector<int32_t> codes;
  size_t n_levels = 0;
  std::vector<std::string> labels;
};

// The factor of one variable, or of the interaction of several ("province^year"): its levels are
// the combinations present, in lexicographic order of the variables' levels, labelled "a^b".
Factor make_factor(const Frame& frame, const std::vector<std::string>& variables);

// Iteratively removes rows that are alone in a level of any fixed effect (Correia 2015, "Singletons,
// cluster-robust standard errors and fixed effects"). `fes` hold codes over all frame rows; `rows`
// (the usable rows) is filtered in place. Returns the number removed.
size_t drop_singletons(const std::vector<Factor>& fes, std::vector<size_t>& rows);

}  // namespace cbec
