#include "cbec/analysis/family.hpp"
#include "cbec/analysis/spatial/spatial_analyses.hpp"

namespace cbec {

Family spatial_family() {
  Family f;
  f.analyses = {moran_analysis(),  geary_analysis(),    general_g_analysis(), lisa_analysis(), gi_analysis(),
                gistar_analysis(), classify_analysis(), map_analysis(),       weights_analysis()};
  f.groups = {{"spatial",
               "Spatial statistics on weights (--w file --id column): moran, geary, generalg, lisa, gi, gistar, classify, map, weights",
               "analysis", true, "", {}}};
  return f;
}

}  // namespace cbec
