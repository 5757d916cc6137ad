// Spatial dependence diagnostics on OLS residuals: Moran's I of the residuals and the Lagrange
// multiplier tests against a spatial error or a spatial lag, their robust forms and SARMA.
// Cross-section (as spdep::lm.morantest and lm.LMtests) or a pooled panel, stacked by period with
// the block-diagonal weights I_T (x) W (Anselin, Le Gallo & Jayet 2008, eq. 18.44-18.47; Elhorst
// 2014, section 3.3 and the LM tests of his lmpanel code), with the variables demeaned by unit,
// period or both first for fixed effects.
#pragma once
#include <Eigen/Dense>
#include <Eigen/SparseCore>

#include <string>

#include "cbec/estimate/result.hpp"
#include "cbec/estimate/spatial/autocorrelation.hpp"

namespace cbec {

// Moran's I of OLS residuals with its exact mean and variance under normal errors (Cliff & Ord
// 1981, eq. 8.20-8.22; spdep::lm.morantest, which symmetrizes W as (W + W') / 2).
struct ResidualMoran {
  double I = 0, expectation = 0, variance = 0, z = 0, p_value = 1;
  Alternative alternative = Alternative::Greater;
};

// The LM tests (Anselin 1988; Anselin, Bera, Florax & Yoon 1996, eq. 11-14): chi2 statistics,
// df 1 each, SARMA df 2.
struct SpatialLmTests {
  TestResult lm_error, lm_lag, robust_lm_error, robust_lm_lag, sarma;
  ResidualMoran moran;
  size_t n = 0, k = 0;   // observations, regressors
};

// OLS of y on X (X with its intercept column, full column rank) and the tests with weights w
// (n x n; for a pooled panel the block-diagonal I_T (x) W from block_diagonal).
SpatialLmTests spatial_lm_tests(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                const Eigen::SparseMatrix<double, Eigen::RowMajor>& w,
                                Alternative moran_alternative = Alternative::Greater);

// The LM tests on a balanced panel: observations stacked by period (period 0's n units in the
// order of w, then period 1's, ...), X without an intercept. effect None: pooled OLS with an
// intercept; Individual, Time, Twoways: OLS on the variables demeaned by unit, period or both (the
// within transformation), as splm::slmtest(model = "pooling" | "within", effect = ...). Moran's I
// is left out (its moments hold for the OLS projection only).
enum class PanelEffect { None, Individual, Time, Twoways };
PanelEffect parse_panel_effect(const std::string& name);   // none | individual | time | twoways
SpatialLmTests panel_spatial_lm_tests(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                      const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, int periods, PanelEffect effect);

// Baltagi, Song & Koh (2003) marginal and joint LM tests on pooled OLS residuals e of a balanced
// panel stacked by period (as panel_spatial_lm_tests, X with its intercept): LM1 against random
// unit effects, LM2 against spatial error correlation (both N(0, 1), one-sided: p = P(Z > LM)),
// and the one-sided joint LM-H against both, a 1/4 chi2(0) + 1/2 chi2(1) + 1/4 chi2(2) mixture
// (eq. 2.11, 2.13, 2.16 there; splm::bsktest test = "LM1", "LM2", "LMH").
struct BskTests { TestResult lm1, lm2, lmh; };
BskTests baltagi_song_koh(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, int periods);

// I_T (x) W: the weights of T stacked periods of the same units.
Eigen::SparseMatrix<double, Eigen::RowMajor> block_diagonal(const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, int periods);

}  // namespace cbec
