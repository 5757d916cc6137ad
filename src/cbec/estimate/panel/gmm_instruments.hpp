// The stacked equations and instrument matrices of dynamic-panel GMM, unit by unit, as R plm's
// pgmm builds them (Arellano and Bond 1991, eq. 3-4; Blundell and Bond 1998, sec. 4):
//
// - The panel is laid on the full grid of periods t = 1..T (every distinct time in the data).
//   With M the largest lag among the regressors and m the smallest GMM lag, the differenced
//   equation has the rows t = TL1 + 1..T, TL1 = max(M + 1, m), and the levels equation (system
//   GMM) the rows t = TL1..T (pgmm's TL2 = TL1 - 1).
// - Differenced equation: GMM-style instruments are the levels x_{t-b}..x_{t-a} of each l(x, a:b)
//   (earliest period 1), one block of columns per row (Arellano-Bond 1991, eq. 4), or with
//   `collapse` one column per lag (Roodman 2009, sec. 3.4). Standard instruments enter differenced.
// - Levels equation: the difference Delta x_{t-L} of each GMM variable, one column per row (one
//   column with `collapse`), with L = 1 (pgmm, whatever the lag range) or L = a - 1 (xtabond2);
//   standard instruments enter in levels, in their own columns.
// - Time effects (twoways): differenced period dummies for t = TL1 + 1..T in the differenced model
//   (as regressors and instruments); in system GMM an intercept and dummies for t = TL1 + 1..T in
//   the levels equation (regressors and instruments), differenced in the differenced equation.
// - A row whose outcome or regressors are missing is set to zero in y, X and the instruments; a
//   missing instrument is zero.
#pragma once
#include <Eigen/Core>

#include <map>
#include <string>
#include <vector>

#include "cbec/estimate/panel/gmm_formula.hpp"
#include "cbec/frame/frame.hpp"

namespace cbec {

enum class GmmModel { Difference, System };
// Lag of the differences instrumenting the levels equation: pgmm's 1, or xtabond2's a - 1.
enum class LevelLag { Pgmm, Xtabond2 };

struct GmmLayout {
  GmmModel model = GmmModel::Difference;
  bool time_effects = true;
  bool collapse = false;
  LevelLag level_lag = LevelLag::Pgmm;
};

// One unit's rows: the differenced equation first, then (system) the levels equation.
struct GmmUnit {
  Eigen::VectorXd y;
  Eigen::MatrixXd X;   // regressors, then the time effects
  Eigen::MatrixXd Z;   // instruments
};

struct GmmSystem {
  std::vector<GmmUnit> units;          // every unit of the panel, also those without a usable row
  Eigen::MatrixXd H;                   // one-step weight kernel: Z_i' H Z_i (pgmm's A1)
  std::vector<std::string> terms;      // the columns of X
  std::vector<std::string> time_terms; // those that are time effects ("(Intercept)" included)
  size_t n_regressors = 0;             // columns of X before the time effects
  size_t diff_rows = 0;                // rows of the differenced equation per unit
  size_t nobs_diff = 0, nobs_level = 0;  // usable rows
  size_t periods = 0;
  std::map<std::string, size_t> dropped;  // frame rows outside the regression sample, by reason
};

GmmSystem gmm_system(const Frame& frame, const GmmFormula& f, const std::string& unit, const std::string& time, const GmmLayout& layout);

}  // namespace cbec
