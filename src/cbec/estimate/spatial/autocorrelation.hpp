// Spatial autocorrelation statistics on a SpatialWeights matrix, with PySAL esda attribute names
// and spdep conventions for the analytic moments:
//  - global Moran's I (Moran 1950; Cliff and Ord 1981): E(I) = -1/(n-1); variance under normality
//    and under randomization; normal p-values for the alternative hypothesis `greater` (default, as
//    spdep::moran.test), `less` or `two_sided`, and permutation pseudo p-values for the same
//    alternative: greater (M_>= + 1) / (R + 1), less (M_<= + 1) / (R + 1), as spdep::moran.mc;
//    two_sided min(1, 2 min(greater, less)) (spdep's two-sided Monte Carlo p differs by <= 2/(R+1));
//    with islands (units without a neighbour) n counts the linked units only, as spdep's adjust.n
//    (the default of moran.test, moran.mc, geary.test and geary.mc), in I, C and their moments;
//  - Geary's C (Geary 1954), E(C) = 1, normality and randomization variances (spdep::geary.test);
//  - local Moran I_i (Anselin 1995) with spdep::localmoran's defaults (mlvar, conditional moments
//    of Sokal, Oden and Thomson 1998), HH/LL/HL/LH labels, and conditional permutation pseudo
//    p-values (x_i held fixed; folded, as PySAL Moran_Local);
//  - Getis-Ord Gi and Gi* z-scores (Getis and Ord 1992; Ord and Getis 1995), as spdep::localG
//    (Gi*: self-weight 1 added to a binary matrix, or the given diagonal).
// Permutations run through the replication driver: the same seed gives the same p-values for any
// number of threads.
#pragma once
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "cbec/frame/spatial_weights.hpp"

namespace cbec {

// The alternative hypothesis of a one-parameter test: I > E(I), I < E(I) or either.
enum class Alternative { Greater, Less, TwoSided };
Alternative parse_alternative(const std::string& name);       // greater | less | two_sided
std::string alternative_name(Alternative a);

struct MoranResult {
  Alternative alternative = Alternative::Greater;
  double I = 0, EI = 0, VI_norm = 0, z_norm = 0, p_norm = 0, VI_rand = 0, z_rand = 0, p_rand = 0;
  double p_sim = 0, EI_sim = 0, seI_sim = 0;   // permutations (p_sim = 0 when none were run)
  size_t permutations = 0;
  size_t n = 0;
};

struct GearyResult {
  double C = 0, EC = 1, VC_norm = 0, z_norm = 0, p_norm = 0, VC_rand = 0, z_rand = 0, p_rand = 0;
  double p_sim = 0;
  size_t permutations = 0;
};

// Getis-Ord General G (Getis and Ord 1992, eq. 9-12; as spdep::globalG.test): G, E(G), Var(G) under
// randomization, z and the one-sided p-value for high-value clustering. x must be non-negative;
// binary weights are the usual choice.
struct GeneralGResult {
  double G = 0, EG = 0, VG = 0, z = 0, p = 0;
};
GeneralGResult general_g(const std::vector<double>& x, const SpatialWeights& w);

struct LocalMoranResult {
  std::vector<double> Is, EIs, VIs, z, p;   // analytic (spdep localmoran defaults), p two-sided
  std::vector<double> p_sim;                // conditional permutation pseudo p-values
  std::vector<std::string> quadrant;        // HH, LL, HL, LH (sign of z_i and of its lag); none: no neighbours
  std::vector<std::string> cluster;         // quadrant where p (or p_sim) < alpha, else "ns"
  std::vector<double> z_value, lag;         // Moran scatterplot: standardized value and its spatial lag
};

struct GetisOrdResult {
  std::vector<double> z, p;                 // p two-sided
  bool star = true;
};

MoranResult moran(const std::vector<double>& x, const SpatialWeights& w, size_t permutations = 0, uint64_t seed = 12345, int threads = 0,
                  Alternative alternative = Alternative::Greater);
GearyResult geary(const std::vector<double>& x, const SpatialWeights& w, size_t permutations = 0, uint64_t seed = 12345, int threads = 0);
LocalMoranResult local_moran(const std::vector<double>& x, const SpatialWeights& w, size_t permutations = 0, uint64_t seed = 12345,
                             double alpha = 0.05, int threads = 0);
// Gi (star false) or Gi*: a unit without a self-link then enters its own neighbourhood with weight
// `self_weight` on the weights' original scale (before any row transform). NaN: 1 for 0/1 weights,
// refused for others (inverse distance has no w(0): a weight of 1 would depend on the distance unit).
GetisOrdResult getis_ord(const std::vector<double>& x, const SpatialWeights& w, bool star = true,
                         double self_weight = std::numeric_limits<double>::quiet_NaN());

// Multiple-testing adjustments of a vector of p-values: "bonferroni" or "fdr" (Benjamini-Hochberg).
std::vector<double> adjust_p(const std::vector<double>& p, const std::string& method);

}  // namespace cbec
