// Weights from point coordinates: k nearest neighbours, distance bands and inverse distance
// 1 / d^power (optionally within a band). Longitude/latitude use the great-circle (haversine)
// distance on a sphere of radius 6371.0088 km (the IUGG mean Earth radius; PySAL's and GeoDa's arc
// distance, up to the radius), or on request the WGS-84 ellipsoid as spdep's longlat = TRUE;
// projected coordinates use Euclidean distance in their own unit. Neighbours come from a k-d tree (point_index.hpp), so
// knn and distance bands take O(n log n) time and O(links) memory: hundreds of thousands of units
// work. Inverse distance without a cut-off and economic distance are dense by nature (n^2 weights)
// and refuse more than kMaxDenseUnits units.
#pragma once
#include <string>
#include <vector>

#include "cbec/frame/spatial_weights.hpp"

namespace cbec {

struct Points {
  std::vector<std::string> ids;
  std::vector<double> x, y;   // longitude and latitude (degrees) when lonlat, else projected
  bool lonlat = true;
  bool ellipsoid = false;     // lon/lat distances on the WGS-84 ellipsoid instead of the sphere
};

double point_distance(const Points& p, size_t i, size_t j);

SpatialWeights knn_weights(const Points& p, int k);
SpatialWeights distance_band_weights(const Points& p, double threshold);
// threshold <= 0: every pair (a dense matrix in sparse storage; at most kMaxDenseUnits units).
SpatialWeights inverse_distance_weights(const Points& p, double power, double threshold = 0);

// Economic-distance weights 1 / |x_i - x_j| from a variable (e.g. GDP per capita; Li et al.'s
// economic geography weights); pairs with equal values get the largest finite weight observed
// (the rule is stated in the construction text), so no weight is infinite.
SpatialWeights economic_distance_weights(const std::vector<std::string>& ids, const std::vector<double>& x);

// Links every unit without neighbours to its nearest unit (both directions): the common fix for
// island cities; returns the ids that were linked. The link's weight is 1, or d^-power when power
// > 0 (inverse-distance weights).
std::vector<std::string> link_islands(SpatialWeights& w, const Points& p, double power = 0);

struct WeightsSummary {
  size_t n = 0, links = 0, islands = 0;
  double mean_neighbours = 0, min_neighbours = 0, max_neighbours = 0, percent_nonzero = 0;
  double S0 = 0, S1 = 0, S2 = 0;  // Cliff and Ord (1981) constants of the moments (spdep's spweights.constants)
  bool symmetric = true;        // the weights' values: W = W'
  bool symmetric_links = true;  // the neighbour structure: j a neighbour of i exactly when i is of j (spdep's is.symmetric.nb)
  std::vector<std::string> island_ids;
};
WeightsSummary summarize_weights(const SpatialWeights& w);

}  // namespace cbec
