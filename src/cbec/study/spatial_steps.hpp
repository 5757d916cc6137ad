// The study's spatial weights: the units' polygons and the contiguity weights built from them (once,
// on first use, from the [spatial] section), as the SpatialSetup the spatial analyses
// (analysis/spatial/) use: untransformed, with [spatial] transform applied per analysis after the
// weights are aligned to the units it analyses.
#pragma once
#include "cbec/analysis/analysis.hpp"
#include "cbec/frame/frame.hpp"
#include "cbec/study/study_file.hpp"

namespace cbec {

// Builds the weights on the units of the data (their [spatial] key values), in the polygons' order.
SpatialSetup build_spatial_context(const StudySpec& s, const Frame& frame);

}  // namespace cbec
