// The overall intercept of a within model, Stata's `_cons` of xtreg, fe (plm::within_intercept;
// Gould 2013, Stata FAQ "How can there be an intercept in the fixed-effects model?"): the pooled
// regression of y~_it = y_it - (demeaned) + ybar on an intercept and x~_it likewise, i.e.
// a = ybar - xbar'b, the within slopes b unchanged. Its variance is that regression's with the
// chosen --vcov; for iid it is rescaled to the within model's degrees of freedom as plm does
// (df_aux / (df_aux - G + 1), G the absorbed parameters), giving s^2 / n + xbar' V_b xbar.
#pragma once
#include <string>

#include "cbec/estimate/panel/panel_models.hpp"

namespace cbec {

struct WithinIntercept {
  double estimate = 0, se = 0;
};

// model: Within, WithinTime or Twoways.
WithinIntercept within_intercept(const Frame& frame, const std::string& formula, PanelModel model, const PanelOptions& options);

}  // namespace cbec
