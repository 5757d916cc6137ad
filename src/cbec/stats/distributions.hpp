// Tail probabilities and quantiles (Boost.Math) for tests and confidence intervals.
#pragma once

namespace cbec {

// Two-sided p-value of a t statistic with df degrees of freedom (df = inf or <= 0: normal).
double p_t_two_sided(double t, double df);
double p_normal_two_sided(double z);
// Upper-tail p-value P(Z > z) of a standard normal.
double p_normal_upper(double z);
double p_chi2_upper(double x, double df);
double p_f_upper(double f, double df1, double df2);
// Quantile of t (df = inf or <= 0: normal) at probability p.
double q_t(double p, double df);
double q_normal(double p);
double q_chi2(double p, double df);

}  // namespace cbec
