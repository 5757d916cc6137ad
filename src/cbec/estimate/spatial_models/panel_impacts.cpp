#include "cbec/estimate/spatial_models/panel_impacts.hpp"

namespace cbec {

Impacts spatial_panel_impacts(const SpatialPanelData& data, const ImpactsInput& in, const ImpactsOptions& options) {
  std::vector<const SparseRowMatrix*> weights;
  for (const auto& w : data.weights) weights.push_back(&w);
  std::vector<size_t> copies(data.weights.size(), 0);   // the periods using each distinct W_t
  for (const size_t b : data.period_weights) ++copies[b];
  return stacked_spatial_impacts(weights, copies, in, options);
}

}  // namespace cbec
