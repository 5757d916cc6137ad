// The published moments the first-generation panel unit-root statistics are standardised with,
// looked up by time-series length with linear interpolation between the tabulated lengths (and the
// nearest tabulated length outside their range), as plm's purtest does.
#pragma once
#include "cbec/estimate/ts/deterministic.hpp"

namespace cbec {

struct Moments {
  double mean = 0, sd_or_var = 0;
};

// Levin, Lin and Chu (2002, J. Econometrics 108, Table 2): mean and standard deviation adjustments
// mu*_T and sigma*_T of the pooled t statistic, by T.
Moments llc_adjustment(double T, Deterministic d);

// Im, Pesaran and Shin (2003, J. Econometrics 115, Table 3): mean and variance of the individual ADF
// t statistic by T (rows 10..100) and lag order p = 0..8 (p above 8 uses 8); NaN where the table
// has no entry. Constant or trend only.
Moments ips_wtbar_moments(double T, int p, Deterministic d);

// Im, Pesaran and Shin (2003, Table 1): mean and variance of the Dickey-Fuller t statistic without
// lags, constant case, by T (rows 6..2000), for Z-tbar.
Moments ips_ztbar_moments(double T);

}  // namespace cbec
