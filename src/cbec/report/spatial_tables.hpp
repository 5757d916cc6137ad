// Tables, classifications and map legends of the spatial analyses (analysis/spatial/): the global
// statistics by period, LISA clusters and Getis-Ord hot/cold spots (one classification used by
// the table, the map and the JSON), classes of a variable and the weights' summary.
#pragma once
#include <string>
#include <vector>

#include "cbec/estimate/spatial/autocorrelation.hpp"
#include "cbec/estimate/spatial/classify.hpp"
#include "cbec/estimate/spatial/distance_weights.hpp"
#include "cbec/report/maps.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

const std::vector<std::string>& moran_header();
std::vector<std::string> moran_row(const std::string& period, const MoranResult& m);
std::vector<std::string> geary_row(const std::string& period, const GearyResult& g);
// General G has its randomization moments only (spdep's globalG.test), no normality or permutation columns.
const std::vector<std::string>& general_g_header();
std::vector<std::string> general_g_row(const std::string& period, const GeneralGResult& g);

// The quadrant when the (adjusted) p-value is below alpha, else "ns".
std::string lisa_cluster(const std::string& quadrant, double p, double alpha);

// LISA clusters: the p-values used (permutation p when permutations were run, else analytic),
// adjusted for multiple testing when `adjust` is bonferroni or fdr, and the cluster labels.
struct LisaClusters {
  std::vector<double> p_adjusted;
  std::vector<std::string> cluster;
};
LisaClusters lisa_clusters(const LocalMoranResult& l, double alpha, const std::string& adjust);

// Getis-Ord hot and cold spots, one classification for tables, maps and JSON: from the two-sided
// p-value (adjusted when `adjust` is given), `spot` is hot/cold when p < alpha (by the sign of z),
// else ns; `band` is the significance band "Hot spot 99%" / "95%" / "90%" (p < 0.01, 0.05, 0.10),
// "Cold spot ..." or "Not significant". Without adjustment the bands are |z| > 2.576, 1.960, 1.645.
struct HotSpots {
  std::vector<double> p_adjusted;
  std::vector<std::string> spot, band;
};
HotSpots hot_spots(const GetisOrdResult& g, double alpha, const std::string& adjust);

Table lisa_table(const std::string& title, const std::vector<std::string>& ids, const LocalMoranResult& l, const LisaClusters& c,
                 const std::string& adjust);
Table hot_spot_table(const std::string& title, const std::vector<std::string>& ids, const GetisOrdResult& g, const HotSpots& h,
                     const std::string& adjust);
// Class breaks and the units in each class (their ids when given, else counts).
Table classes_table(const std::string& title, const Classification& c, const std::vector<std::string>& ids);
Table weights_table(const std::string& title, const WeightsSummary& s);

MapLegend lisa_legend();
MapLegend hot_spot_legend();
// ColorBrewer Blues, k classes spread over the range.
std::vector<std::string> blues(size_t k);

}  // namespace cbec
