#include "cbec/estimate/ts/long_run_fit.hpp"

#include <cmath>

#include <fmt/format.h>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/cointegration_data.hpp"

namespace cbec {

PanelEstimator parse_panel_estimator(const std::string& name) {
  if (name == "pooled") return PanelEstimator::Pooled;
  if (name == "weighted") return PanelEstimator::Weighted;
  if (name == "group_mean") return PanelEstimator::GroupMean;
  throw SpecError(fmt::format("unknown panel estimator '{}'; use pooled, weighted or group_mean", name));
}

std::string to_string(PanelEstimator e) {
  switch (e) {
    case PanelEstimator::Pooled: return "pooled";
    case PanelEstimator::Weighted: return "weighted";
    case PanelEstimator::GroupMean: return "group_mean";
  }
  return "";
}

PanelLongRun panel_long_run(const std::string& method, PanelEstimator e, const CointegrationData& d) {
  PanelLongRun out;
  out.method = method;
  out.estimator = e;
  out.y = d.y;
  out.x = d.x;
  out.units = d.units;
  out.trend = d.trend;
  return out;
}

void group_mean_of_units(PanelLongRun& out) {
  const double n = static_cast<double>(out.unit_fits.size());
  const Eigen::Index k = out.panel.beta.size();
  out.t_group_mean = Eigen::VectorXd::Zero(k);
  for (const auto& f : out.unit_fits) {
    out.panel.beta += f.beta / n;
    out.panel.vcov += f.vcov / (n * n);
    out.panel.omega_12 += f.omega_12 / n;
    out.panel.bandwidth += f.bandwidth / n;
    out.t_group_mean += (f.beta.array() / f.vcov.diagonal().array().sqrt()).matrix() / std::sqrt(n);
  }
}

}  // namespace cbec
