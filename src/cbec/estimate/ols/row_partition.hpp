// A fixed-effects regression with its rows split across processes (issue 19, "a partitioned
// HDFE"; README "Replications on several processes or machines (MPI)").
//
// Every process builds the same design from all rows (missing values, singletons and every count
// of dropped observations are therefore the same everywhere), then keeps the rows of whole levels
// of the largest fixed effect: consecutive levels, about n / processes rows each. What needs all
// rows is added over the processes through a ReduceExchange (stats/reduce_exchange.hpp):
//   - the demeaning (demean.hpp's DemeanPartition): the other effects' sums per level and the
//     acceleration's inner products, each sweep;
//   - the sums of squares (R^2, the collinearity test's scale), the triangular factor of [X y]
//     (each process's factor of its rows, folded in rank order: a tall-skinny QR), the iterative
//     refinement's X'Wr, and the residual sum of squares;
//   - the variance's meat: HC0/HC1's X'diag(e^2)X; CR1's sum over clusters of s_g s_g', added as
//     k x k matrices when every cluster lies within one process (clusters nested in the split
//     effect, such as the unit), else as the per-cluster scores (clusters x k); DK's per-period scores.
// The parameters absorbed by the fixed effects (connected components) and their nesting in the
// cluster variables are counted on all rows before the split.
// Not split (every process fits the whole model, with the same numbers): no fixed effects, IV,
// CR2 (its leverage blocks need the whole design), designs that are not stacked.
#pragma once
#include <Eigen/Core>

#include <set>
#include <string>

#include "cbec/estimate/ols/demean.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/estimate/ols/vcov.hpp"
#include "cbec/formula/design.hpp"

namespace cbec {

class ReduceExchange;

struct RowPartition {
  ReduceExchange* exchange = nullptr;
  DemeanPartition demean;           // the split dimension and every dimension's global levels
  size_t n_total = 0;               // observations over all processes
  size_t absorbed = 0;              // parameters absorbed by the fixed effects, over all rows
  size_t absorbed_cluster = 0;      // of those, not nested in the vcov's cluster variables (CR1) or periods (DK)
  std::set<std::string> whole_groups;  // grouping variables each of whose levels lies on one process
  // DemeanCache::sample_key of all rows: two models share demeaned columns on every process or on
  // none (a key of this process's rows could match on one process only, and the processes would
  // then demean different columns).
  std::string sample_key;

  // In place: the sums over processes (rank order).
  void sum(double* data, size_t n) const;
  double sum(double x) const;
  void sum(Eigen::MatrixXd& m) const;
  void sum(Eigen::VectorXd& v) const;
  // The triangular factor of all rows from this process's (fold_factor in rank order).
  Eigen::MatrixXd combine_factor(const Eigen::MatrixXd& R) const;
};

// feols (feols.hpp) with the rows of a fixed-effects model split across the processes of `exchange`
// (nullptr: the installed one, stats/reduce_exchange.hpp) when there are several and the model
// allows it (can_partition); otherwise, and with one process, exactly feols. The numbers are those
// of one process up to the order of the additions; every process returns the whole result.
RegressionResult feols_across_processes(const Frame& frame, const std::string& formula, const FeolsOptions& options = {},
                                        DesignOptions design_options = {}, ReduceExchange* exchange = nullptr);
// The same, consuming the frame (for a command that fits one model).
RegressionResult feols_across_processes(Frame&& frame, const std::string& formula, const FeolsOptions& options = {},
                                        DesignOptions design_options = {}, ReduceExchange* exchange = nullptr);

// feols_across_processes for a frame holding this process's share of the rows, whole levels of
// `split_variable` (a one-variable fixed effect of the formula): the data were read in shares
// (io/csv_share.hpp) and regrouped (frame/rows_by_level.hpp), and the design is built across the
// processes (design_across_processes.hpp). Fixed-effects models without IV or CR2 only.
RegressionResult feols_on_shares(Frame&& share, const std::string& formula, const FeolsOptions& options, DesignOptions design_options,
                                 const std::string& split_variable, ReduceExchange& exchange);

// Whether feols_across_processes splits this design's rows (see above).
bool can_partition(const Design& design, const VcovSpec& vcov);

// This process's share of a stacked design built from all rows (the same on every process):
// the rows of its levels of the split dimension, in their order. The split dimension is coded
// 0..levels-1 locally; other fixed effects and the groupings keep their global codes and counts.
Design partition_rows(Design&& full, ReduceExchange& exchange, const VcovSpec& vcov, RowPartition& out);

// Keeps the rows `keep` (ascending) of a stacked design: its matrix, weights, fixed effects' and
// groupings' codes (levels unchanged) and frame rows.
void keep_rows(Design& d, const std::vector<size_t>& keep);

// compute_vcov (vcov.hpp) over split rows: `in` holds this process's rows; the sums are over all
// processes (nullptr: compute_vcov itself). CR2 is not computed over split rows.
VcovOutput compute_vcov(const VcovSpec& spec, const VcovInput& in, const RowPartition* partition);

// Parameters absorbed by the design's fixed effects (`absorbed` of them in all) that are not nested
// in any of the cluster variables: CR1's K (vcov.hpp). Every fixed effect nested: 1 (the intercept).
size_t absorbed_not_nested(const Design& design, size_t absorbed, const std::vector<const Factor*>& clusters);

}  // namespace cbec
