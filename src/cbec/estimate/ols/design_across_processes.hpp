// The design of a fixed-effects regression whose data were read in shares by several processes
// (io/csv_share.hpp) and regrouped by whole levels of one fixed effect (frame/rows_by_level.hpp):
// each process builds the design of its rows, and what needs all rows is agreed through the
// ReduceExchange, so the design and every count equal one process's (issue 19, "chunked reading"):
//   - the rows dropped (missing values, invalid logs, non-positive weights) and the input rows,
//     added over the processes;
//   - singletons, removed iteratively across all fixed effects as drop_singletons (Correia 2015)
//     with each level's count over all processes;
//   - the levels of every other fixed effect and grouping, coded over all processes (the labels
//     of all shares, sorted) and restricted to the levels left in the sample anywhere;
//   - the parameters absorbed (connected components of the first two effects' levels, Abowd,
//     Creecy and Kramarz 2002, found in each share and joined), the effects nested in the cluster
//     variables, and the groupings whose levels lie each on one process (row_partition.hpp).
// The result is what partition_rows gives from a design of all rows, with the split effect's
// levels assigned by the regrouping instead of in consecutive blocks.
#pragma once
#include <string>

#include "cbec/estimate/ols/row_partition.hpp"
#include "cbec/formula/design.hpp"

namespace cbec {

// This process's share of the design; `share` holds whole levels of `split_variable`, a one-
// variable fixed effect of `spec`. `out` receives what the fit needs of all rows. Refused (a
// SpecError) when the regressors differ between shares (a text variable or i() coded from the
// levels in each share) or when another fixed effect is left with more levels than the split one.
Design design_across_processes(Frame&& share, const ModelSpec& spec, DesignOptions options, const std::string& split_variable,
                               ReduceExchange& exchange, const VcovSpec& vcov, RowPartition& out);

}  // namespace cbec
