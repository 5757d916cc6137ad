// The LeSage-Pace impacts of a spatial panel lag model (SAR, SDM, SAC; fixed or random effects) over
// its stacked observations: the block-diagonal W = diag(W_t) of the periods' weights
// (stacked_spatial_impacts in impacts.hpp; LeSage & Pace 2009, eq. 2.46-2.48; Elhorst 2014, Spatial
// Econometrics, section 2.3). On a balanced panel every period has the same W and these are the
// impacts of that W; on an unbalanced one each period's W_t, restricted to its units, enters for
// its n_t observations.
#pragma once
#include "cbec/estimate/spatial_models/impacts.hpp"
#include "cbec/estimate/spatial_models/spatial_panel.hpp"

namespace cbec {

Impacts spatial_panel_impacts(const SpatialPanelData& data, const ImpactsInput& in, const ImpactsOptions& options);

}  // namespace cbec
