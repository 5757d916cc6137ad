// The study's spatial steps: the units' polygons and contiguity weights (built once, on first use,
// from the [spatial] section), and the analyses that use them: Moran's I by year with the Moran
// scatterplot, LISA clusters, Getis-Ord Gi* hot and cold spots, and natural-breaks maps.
#pragma once
#include <memory>
#include <nlohmann/json.hpp>

#include "cbec/estimate/spatial/contiguity.hpp"
#include "cbec/frame/spatial_weights.hpp"
#include "cbec/frame/frame.hpp"
#include "cbec/study/study_section.hpp"
#include "cbec/study/study_file.hpp"

namespace cbec {

struct SpatialContext {
  SpatialWeights w;                     // transformed as [spatial] asks
  nlohmann::json features;              // GeoJSON of the units' polygons, for maps
  std::vector<std::string> notes;       // construction, edits, islands
};

// Builds the weights on the units of the data (their [spatial] key values), in the polygons' order.
SpatialContext build_spatial_context(const StudySpec& s, const Frame& frame);

StudySection run_spatial_analysis(const StudySpec& s, const AnalysisSpec& a, const Frame& frame, const SpatialContext& ctx, int threads);

}  // namespace cbec
