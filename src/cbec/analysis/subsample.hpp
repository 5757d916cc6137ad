// An analysis on part of the data (common_options.hpp):
//   subset   = an expression (frame/row_filter.hpp): the analysis runs on the rows where it is true;
//              the rows removed are counted in the first table's notes and in JSON `subset`.
//   split_by = a column: the analysis runs in each of its groups (text: in order of first appearance;
//              numbers: ascending; rows where it is missing are left out and counted). JSON `groups`
//              holds one entry per group (`group`, `rows`, `results`: the analysis's own JSON). When
//              the analysis returns regression models (`models`, or one model), its groups are put
//              side by side in one regression table and each model gets the Wald test that its
//              coefficients (`split_test`, default every slope common to all groups) are equal in
//              all k groups (estimate/group_equality.hpp; JSON `equality_tests`); otherwise each
//              group's tables follow one another, titled with the group.
// An analysis that adds columns (`creates`: index, transform, treat, ...) takes subset and split_by
// too: it runs on each part (entropy weights per region, say) and its new columns are carried onto
// the whole frame, missing on the rows outside every part (said in a note).
// Each part runs with its own cache of demeaned columns (row numbers differ between frames).
#pragma once
#include "cbec/analysis/analysis.hpp"

namespace cbec {

Outcome run_sample(const Analysis& a, Frame& frame, const Options& o, const AnalysisContext& ctx);

}  // namespace cbec
