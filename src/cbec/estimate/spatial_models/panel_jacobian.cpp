#include "cbec/estimate/spatial_models/panel_jacobian.hpp"

#include <algorithm>
#include <limits>

#include "cbec/core/error.hpp"

namespace cbec {

double PanelJacobian::operator()(double rho) const {
  double s = 0;
  for (size_t k = 0; k < logdet.size(); ++k) s += count[k] * logdet[k](rho);
  return s;
}

double PanelJacobian::derivative(double rho) const {
  double s = 0;
  for (size_t k = 0; k < logdet.size(); ++k) s += count[k] * logdet[k].derivative(rho);
  return s;
}

PanelJacobian panel_jacobian(const SpatialPanelData& d, LogDetMethod method) {
  PanelJacobian j;
  j.interval = {-std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
  j.count.assign(d.weights.size(), 0.0);
  for (size_t t = 0; t < d.n_periods; ++t) j.count[d.period_weights[t]] += 1;
  for (const auto& w : d.weights) {
    j.logdet.emplace_back(w, method);
    const auto r = j.logdet.back().rho_interval();
    j.interval.first = std::max(j.interval.first, r.first);
    j.interval.second = std::min(j.interval.second, r.second);
  }
  if (!(j.interval.first < 0 && j.interval.second > 0)) throw NumericError("the weights leave no admissible interval for the spatial parameter");
  return j;
}

}  // namespace cbec
