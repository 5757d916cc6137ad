// From a frame, a formula and the weights to the spatial panel estimator's input
// (estimate/spatial_models/spatial_panel.hpp): the rows of the formula's sample (every dropped
// observation counted by reason), one weights matrix per period on the units present in it
// (restricted and transformed again, so an unbalanced panel is never balanced silently), and the
// distinct matrices shared by the periods with the same units.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "cbec/analysis/analysis.hpp"
#include "cbec/estimate/spatial_models/spatial_panel.hpp"

namespace cbec {

struct SpatialPanelSample {
  SpatialPanelData data;
  std::map<std::string, size_t> dropped;       // observations dropped, by reason
  size_t n_input = 0;                          // rows in the frame
  std::vector<std::string> periods;            // period labels, in order
  std::vector<std::string> absent_units;       // units of the weights with no observation
  std::vector<size_t> frame_rows;              // the frame row of each observation
};

// `formula` is "y ~ x1 + x2" (no fixed-effect or IV part); `intercept` keeps its intercept (pooled
// models). `rows`, when not empty, limits the sample to those frame rows (subgroups).
SpatialPanelSample spatial_panel_sample(const Frame& frame, const std::string& formula, bool intercept, const std::string& time,
                                        const SpatialSetup& setup, const std::string& data_name, const std::vector<size_t>& rows = {});

}  // namespace cbec
