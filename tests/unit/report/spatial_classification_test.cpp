// One classification of Getis-Ord hot and cold spots (spot at alpha, significance band) and of
// LISA clusters, as the tables, maps and JSON of the spatial analyses use it.
#include <gtest/gtest.h>

#include "cbec/report/spatial_tables.hpp"
#include "cbec/stats/distributions.hpp"

using namespace cbec;

TEST(SpatialClassification, HotSpotBandsFollowThePValueAndTheZBands) {
  GetisOrdResult g;
  for (double z : {3.0, 2.2, 1.7, 0.5, -1.7, -2.2, -3.0}) {
    g.z.push_back(z);
    g.p.push_back(p_normal_two_sided(z));
  }
  const HotSpots h = hot_spots(g, 0.05, "");
  const std::vector<std::string> bands = {"Hot spot 99%", "Hot spot 95%", "Hot spot 90%", "Not significant", "Cold spot 90%", "Cold spot 95%", "Cold spot 99%"};
  const std::vector<std::string> spots = {"hot", "hot", "ns", "ns", "ns", "cold", "cold"};
  EXPECT_EQ(h.band, bands);
  EXPECT_EQ(h.spot, spots);
  EXPECT_EQ(h.p_adjusted, g.p);
  // Adjusted p-values move both keys together: Bonferroni over 7 units leaves only |z| = 3.
  const HotSpots b = hot_spots(g, 0.05, "bonferroni");
  EXPECT_EQ(b.spot, (std::vector<std::string>{"hot", "ns", "ns", "ns", "ns", "ns", "cold"}));
  EXPECT_EQ(b.band[0], "Hot spot 95%");
  EXPECT_EQ(b.band[1], "Not significant");
}

TEST(SpatialClassification, LisaClustersUseAnalyticPValuesWithoutPermutations) {
  LocalMoranResult l;
  l.p = {0.01, 0.2, 0.04};
  l.quadrant = {"HH", "LL", "HL"};
  const LisaClusters c = lisa_clusters(l, 0.05, "");
  EXPECT_EQ(c.cluster, (std::vector<std::string>{"HH", "ns", "HL"}));
  l.p_sim = {0.3, 0.01, 0.01};
  EXPECT_EQ(lisa_clusters(l, 0.05, "").cluster, (std::vector<std::string>{"ns", "LL", "HL"}));
}
