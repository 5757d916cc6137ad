// The joint Wald test refuses a singular variance (rank below the coefficients tested) instead of
// printing a number from rounding noise: as Stata leaves the model F empty.
#include <gtest/gtest.h>

#include <Eigen/LU>
#include <cmath>

#include "cbec/estimate/ols/feols.hpp"
#include "cbec/estimate/wald.hpp"
#include "cbec/io/csv_reader.hpp"

using namespace cbec;

TEST(WaldRank, ASingularVarianceGivesNoStatisticAndSaysWhy) {
  Eigen::VectorXd b(3);
  b << 1.0, 2.0, -1.0;
  Eigen::MatrixXd a(3, 2);  // V = A A' has rank 2 for 3 coefficients, scaled 1e-12 (scale-free)
  a << 1, 0, 0.5, 1, 1.5, 1;
  const Eigen::MatrixXd V = 1e-12 * a * a.transpose();
  const TestResult t = wald_f(b, V, {0, 1, 2}, 20, "joint test");
  EXPECT_TRUE(std::isnan(t.stat));
  EXPECT_TRUE(std::isnan(t.p_value));
  EXPECT_NE(t.note.find("joint test; not computable: the variance of the 3 coefficients tested has rank 2"), std::string::npos) << t.note;
  const TestResult c = wald_chi2(b, V, {0, 1, 2});
  EXPECT_TRUE(std::isnan(c.stat) && std::isnan(c.p_value));
  // Two of them: full rank, the usual statistic b' V^-1 b / q.
  const TestResult two = wald_f(b, V, {0, 1}, 20, "two");
  const Eigen::Vector2d b2(1.0, 2.0);
  EXPECT_NEAR(two.stat, b2.dot(V.topLeftCorner(2, 2).inverse() * b2) / 2, 1e-6 * two.stat);
  EXPECT_EQ(two.note, "two");
}

TEST(WaldRank, ClusteredEventStudyWithAYearOfOneTreatedStateHasNoModelF) {
  // Castle doctrine: 2005 has one treated state, its year::2005:post fitted exactly, so its score is
  // zero in every cluster and the clustered variance of the six slopes has rank 5 (fixest prints
  // F = 1657.6 from it).
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/castle.csv");
  FeolsOptions o;
  o.vcov = VcovSpec::parse("cluster:state");
  const RegressionResult r = feols(f, "l_homicide ~ i(year, post) | state", o);
  const TestResult& t = r.tests.at("wald_slopes");
  EXPECT_TRUE(std::isnan(t.stat));
  EXPECT_NE(t.note.find("has rank 5"), std::string::npos) << t.note;
  // Without 2005's coefficient the five left are of full rank.
  const RegressionResult s = feols(f, "l_homicide ~ i(year, post, ref = 2005) | state", o);
  EXPECT_TRUE(std::isfinite(s.tests.at("wald_slopes").stat));
}
