#include "cbec/estimate/ts/long_run_fit.hpp"

#include <fmt/format.h>

#include "cbec/core/error.hpp"

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

}  // namespace cbec
