// Structure measures on values small enough to check by hand.
#include "cbec/estimate/index/structure.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "cbec/io/csv_reader.hpp"

using namespace cbec;

TEST(Structure, AdvancementDeviationAndTheil) {
  Frame f = parse_csv("q2,q3,l2,l3\n2,8,4,6\n5,5,5,5\n0,1,1,1\n", "s.csv");
  auto ser = structure_advancement(f, "q3", "q2");
  EXPECT_DOUBLE_EQ(ser[0], 4.0);
  EXPECT_TRUE(std::isnan(ser[2]));
  auto dev = structural_deviation(f, {"q2", "q3"}, {"l2", "l3"});
  // |(0.2/0.4) - 1| + |(0.8/0.6) - 1| = 0.5 + 1/3
  EXPECT_NEAR(dev[0], 0.5 + 1.0 / 3, 1e-15);
  EXPECT_NEAR(dev[1], 0.0, 1e-15);
  // A sector without output is defined for the deviation: |0 - 1| + |(1/1)/(1/2) - 1| = 2 (was missing).
  EXPECT_NEAR(dev[2], 2.0, 1e-15);
  auto theil = theil_rationalization(f, {"q2", "q3"}, {"l2", "l3"});
  // 0.2 ln(0.5) + 0.8 ln(4/3)
  EXPECT_NEAR(theil[0], 0.2 * std::log(0.5) + 0.8 * std::log(4.0 / 3), 1e-15);
  EXPECT_NEAR(theil[1], 0.0, 1e-15);
  EXPECT_TRUE(std::isnan(theil[2]));  // a zero sector: undefined, left missing
}

TEST(Structure, LocationQuotientWithinGroups) {
  Frame f = parse_csv("year,region,ind,x\n1,A,m,30\n1,A,s,10\n1,B,m,20\n1,B,s,40\n2,A,m,1\n2,A,s,1\n2,B,m,1\n2,B,s,1\n", "lq.csv");
  auto lq = location_quotient(f, "region", "ind", "x", "year");
  // Year 1: A's manufacturing share 0.75 over the national 50/100 = 1.5.
  EXPECT_NEAR(lq[0], 1.5, 1e-15);
  EXPECT_NEAR(lq[3], (40.0 / 60) / (50.0 / 100), 1e-15);
  for (size_t i = 4; i < 8; ++i) EXPECT_NEAR(lq[i], 1.0, 1e-15);
}

TEST(Structure, LocationQuotientLeavesRowsWithoutALabelOut) {
  // A row without its region (line 4) or industry (line 6) is in no total and gets no LQ; it was a
  // region or industry named "" whose value entered the national totals (A's LQ 1.5625 for 1.5).
  Frame f = parse_csv("region,ind,x\nA,m,30\nA,s,10\n,m,10\nB,m,20\nB,,7\nB,s,40\n", "lq.csv");
  auto lq = location_quotient(f, "region", "ind", "x");
  EXPECT_NEAR(lq[0], 1.5, 1e-15);
  EXPECT_NEAR(lq[5], (40.0 / 60) / (50.0 / 100), 1e-15);
  EXPECT_TRUE(std::isnan(lq[2]));
  EXPECT_TRUE(std::isnan(lq[4]));
  Frame g = parse_csv("year,region,ind,x\n1,A,m,30\n1,A,s,10\n1,B,m,20\n1,B,s,40\n,A,m,5\n", "lq.csv");
  auto by_year = location_quotient(g, "region", "ind", "x", "year");
  EXPECT_NEAR(by_year[0], 1.5, 1e-15);
  EXPECT_TRUE(std::isnan(by_year[4])) << "a row without its year";
}
