// The covariate balance table of a propensity-score matching (psmatch2's pstest and MatchIt's
// summary in one): means, %bias before and after, its reduction, standardized mean difference and
// the t test after matching, with the matched counts below.
#pragma once
#include "cbec/estimate/did/psm.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

Table balance_table(const MatchingResult& m, const MatchingSpec& spec);

}  // namespace cbec
