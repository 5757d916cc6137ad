// The result of a long-run (cointegrating) regression estimator, FMOLS or DOLS, for one unit or a
// panel, and the panel estimators' names.
#pragma once
#include <Eigen/Core>

#include <string>
#include <vector>

namespace cbec {

struct CointegrationData;

// pooled: one slope, pooled sums (Phillips-Moon 1999 FMOLS, Kao-Chiang 2000 DOLS);
// weighted: pooled sums of each unit's data scaled by its conditional long-run SD (EViews' pooled
// weighted FMOLS, Kao-Chiang 2000, Mark-Sul 2003); group_mean: the mean of the unit estimates (Pedroni 2001).
enum class PanelEstimator { Pooled, Weighted, GroupMean };
PanelEstimator parse_panel_estimator(const std::string& name);
std::string to_string(PanelEstimator e);

struct LongRunFit {
  Eigen::VectorXd beta;        // slopes on the regressors (deterministic terms left out)
  Eigen::MatrixXd vcov;        // their covariance
  double omega_12 = 0;         // long-run variance of the error given the regressors' innovations
  double bandwidth = 0;        // of the long-run covariance behind omega_12 (a panel: the mean)
  size_t nobs = 0;             // rows used
  int leads = 0, lags = 0;     // DOLS only
  int max_leads_lags = -1;     // DOLS by a criterion: the largest leads and lags it compared (-1: fixed)
  Eigen::VectorXd resid;       // the unit's (FM or DOLS) residuals, in time order
  double hansen_lc = -1;       // FMOLS of one unit: Hansen's (1992) Lc; -1 when not computed
};

struct PanelLongRun {
  std::string method;                 // "fmols" or "dols"
  PanelEstimator estimator = PanelEstimator::Pooled;
  std::string y;
  std::vector<std::string> x, units;
  bool trend = false;
  LongRunFit panel;                   // the panel estimate (resid: every unit's, stacked)
  std::vector<LongRunFit> unit_fits;  // each unit's own estimate
  Eigen::VectorXd t_group_mean;       // group_mean: Pedroni's N^(-1/2) sum_i t_i per slope (else empty)
  std::vector<std::string> warnings;  // e.g. DOLS orders chosen at the largest compared
};

// The panel estimate's description before it is fitted: method ("fmols", "dols"), estimator and
// d's variable names, units and trend.
PanelLongRun panel_long_run(const std::string& method, PanelEstimator e, const CointegrationData& d);

// The group-mean panel estimate (Pedroni 2001, eq. 11-12): out.panel's beta, vcov, omega_12 and
// bandwidth as means of the unit fits (vcov / N^2), and the group-mean t N^(-1/2) sum_i t_i.
void group_mean_of_units(PanelLongRun& out);

}  // namespace cbec
