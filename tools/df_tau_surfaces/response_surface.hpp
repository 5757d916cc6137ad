// MacKinnon's (1996, JAE 11(6), eq. 9) response surface for one quantile of a statistic:
//   q_p(T_i) = b_inf + b1 / T_i + b2 / T_i^2 (+ b3 / T_i^3) + e_i,
// fitted to the mean over experiments of the estimated quantile at each sample size T_i by GLS, which
// is weighted least squares here: the sizes' experiments are independent, and Var(e_i) is estimated by
// the variance of the experiments' quantiles divided by their number (MacKinnon's heteroskedasticity
// correction).
#pragma once
#include <array>
#include <vector>

namespace cbec::df_tau {

struct SurfaceFit {
  std::array<double, 4> b{};   // b_inf, b1, b2, b3 (0 when not fitted)
  double se_inf = 0;           // standard error of b_inf from the known variances
  double t_last = 0;           // t statistic of the last coefficient
  double chi2 = 0;             // sum of squared standardized residuals: chi2(df) when the form is right
  int df = 0;
};

// terms: 3 (b_inf, b1, b2) or 4 (with b3).
SurfaceFit fit_surface(const std::vector<int>& sizes, const std::vector<double>& mean, const std::vector<double>& variance, int terms);

}  // namespace cbec::df_tau
