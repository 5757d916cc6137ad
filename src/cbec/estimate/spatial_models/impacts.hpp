// LeSage-Pace impacts of a spatial lag model (SAR, SDM, SAC): the average direct, indirect and total
// effects of each regressor, with standard errors simulated from the estimates' sampling distribution.
// LeSage & Pace (2009), Introduction to Spatial Econometrics, section 2.7 and 4.2 (eq. 2.46-2.48, 4.26).
//
// For y = rho W y + X beta + W X theta + u, the n x n matrix of effects of regressor k is
//   S_k(W) = (I - rho W)^{-1} (beta_k I + theta_k W)      (theta = 0 for SAR and SAC)
// direct_k = tr(S_k) / n, total_k = 1' S_k 1 / n, indirect_k = total_k - direct_k.
#pragma once
#include <Eigen/Dense>
#include <Eigen/SparseCore>

#include <cstdint>
#include <string>
#include <vector>

namespace cbec {

struct ImpactsInput {
  std::vector<std::string> names;   // the X variables with impacts (no intercept)
  double rho = 0;                   // spatial lag coefficient
  Eigen::VectorXd beta;             // coefficients of X (same order as names)
  Eigen::VectorXd theta;            // coefficients of WX (SDM); empty for SAR/SAC
  Eigen::MatrixXd vcov;             // variance of (rho, beta, theta) in that order, for simulated SEs
};

// draws = 0: no simulated standard errors. exact_traces: eigenvalues of W (dense, small n);
// otherwise the series in Monte Carlo traces of W^1..W^trace_order.
struct ImpactsOptions { int draws = 1000; unsigned long long seed = 1; bool exact_traces = true; int trace_order = 30; };

struct Impacts {
  std::vector<std::string> names;
  Eigen::VectorXd direct, indirect, total;
  Eigen::VectorXd se_direct, se_indirect, se_total;  // empty when draws = 0
  int draws = 0;                                     // draws used (those with rho inside its interval)
  std::string trace_method;                          // "exact (eigenvalues)" or "Monte Carlo traces (order m)"
  std::string note;                                  // where peers' shortcuts differ (rows of W not summing to 1)
};

Impacts spatial_impacts(const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, const ImpactsInput&, const ImpactsOptions&);

// The impacts of a stacked spatial panel, periods t = 1..T with the n_t units observed in t and their
// weights W_t, over its N = sum_t n_t observations: the block-diagonal W = diag(W_t) in the formulas
// above (LeSage & Pace 2009, eq. 2.46-2.48), so
//   S_k = diag_t (I - rho W_t)^{-1} (beta_k I + theta_k W_t), direct_k = tr(S_k) / N, total_k = 1'S_k 1 / N.
// weights: the distinct W_t; copies: the number of periods using each. Exact: the eigenvalues of each
// W_t, rho's draws kept inside the intersection of their intervals; otherwise Monte Carlo traces of
// each W_t (weights[b] with the streams 16 b.. of the seed), the series summed over the blocks. One
// W (a balanced panel) gives spatial_impacts(W) exactly, whatever its copies.
Impacts stacked_spatial_impacts(const std::vector<const Eigen::SparseMatrix<double, Eigen::RowMajor>*>& weights,
                                const std::vector<size_t>& copies, const ImpactsInput&, const ImpactsOptions&);

// The traces behind the series form (LeSage & Pace 2009, eq. 4.26):
// trace(j - 1) = tr(W^j) and sum(j) = 1' W^j 1, j = 0..m (sum(0) = n).
struct PowerTraces {
  Eigen::Index n = 0;
  Eigen::VectorXd trace;   // tr(W^1) .. tr(W^m)
  Eigen::VectorXd sum;     // 1' W^j 1, j = 0..m
  std::string method;
};

// Monte Carlo traces of Barry & Pace (1999): tr(W^j) ~ mean over 16 standard normal vectors x of
// x' W^j x, with tr(W) and tr(W^2) = sum(W .* W') exact, as spatialreg::trW(type = "MC");
// 1' W^j 1 exact by repeated products.
// first_stream: the random vectors are the streams first_stream.. first_stream + 15 of the seed.
PowerTraces monte_carlo_traces(const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, int order, unsigned long long seed,
                               uint64_t first_stream = 0);

// Impacts from traces (the series truncated at m terms, as spatialreg::impacts(fit, tr = ...)):
// direct_k = sum_{j<m} rho^j (beta_k tr(W^j) + theta_k tr(W^{j+1})) / n and total_k likewise
// with 1' W^j 1. Simulated SEs draw rho in (-1, 1).
Impacts impacts_from_traces(const PowerTraces& traces, const ImpactsInput&, const ImpactsOptions&);

}  // namespace cbec
