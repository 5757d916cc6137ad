// The study's spatial weights: built once, on first use, from the [spatial] section (the default)
// or a [weights.<name>] table, as the SpatialSetup the spatial analyses use: untransformed, with
// the transform applied per analysis after the weights are aligned to the units it analyses.
#pragma once
#include "cbec/analysis/analysis.hpp"
#include "cbec/frame/frame.hpp"
#include "cbec/study/study_file.hpp"

namespace cbec {

// The [spatial] section's contiguity weights on the units of the data (their [spatial] key values),
// in the polygons' order.
SpatialSetup build_spatial_context(const StudySpec& s, const Frame& frame);

// A named weights matrix on the units of the data (their key values, default the panel unit).
SpatialSetup build_named_weights(const WeightsSpec& g, const StudySpec& s, const Frame& frame);

}  // namespace cbec
