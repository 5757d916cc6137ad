#include "cbec/estimate/index/alternative_weights.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

TEST(AlternativeWeights, CvTopsisAndAhpMatchR) {
  auto ref = reference_fixture("index_topsis_ahp.json");
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/scitech_2011_2019.csv");
  const std::vector<std::string> names = {"patent_app_invention", "patent_grant_total", "rd_expenditure", "rd_intensity"};
  Eigen::MatrixXd X(static_cast<long>(f.nrows()), 4);
  for (long j = 0; j < 4; ++j)
    for (long i = 0; i < X.rows(); ++i) X(i, j) = f.numeric(names[static_cast<size_t>(j)])[static_cast<size_t>(i)];
  Eigen::VectorXd w = cv_weights(X, names);
  for (long j = 0; j < 4; ++j) EXPECT_NEAR(w[j], ref["cv_weights"][j].get<double>(), 1e-12);
  Eigen::VectorXd c = topsis(X, w, {false, false, false, true}, names);
  for (long i = 0; i < c.size(); ++i) EXPECT_NEAR(c[i], ref["topsis"][i].get<double>(), 1e-12);
  Eigen::VectorXd cm = topsis(X, w, {false, false, false, true}, names, TopsisNormalization::MinMax);
  for (long i = 0; i < cm.size(); ++i) EXPECT_NEAR(cm[i], ref["topsis_minmax"][i].get<double>(), 1e-12);
  EXPECT_GT((cm - c).cwiseAbs().maxCoeff(), 1e-3) << "the two normalizations differ";
  Eigen::MatrixXd A(4, 4);
  A << 1, 3, 5, 7, 1. / 3, 1, 3, 5, 1. / 5, 1. / 3, 1, 3, 1. / 7, 1. / 5, 1. / 3, 1;
  AhpResult r = ahp(A);
  for (long j = 0; j < 4; ++j) EXPECT_NEAR(r.w[j], ref["ahp"]["w"][j].get<double>(), 1e-10);
  EXPECT_NEAR(r.lambda_max, ref["ahp"]["lambda_max"].get<double>(), 1e-10);
  EXPECT_NEAR(r.cr, ref["ahp"]["cr"].get<double>(), 1e-10);
  EXPECT_TRUE(r.consistent);
  // A perfectly consistent matrix a_ij = w_i / w_j returns w with CR = 0.
  Eigen::Vector3d truth(0.5, 0.3, 0.2);
  Eigen::Matrix3d B;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) B(i, j) = truth[i] / truth[j];
  AhpResult b = ahp(B);
  EXPECT_NEAR((b.w - truth).norm(), 0, 1e-12);
  EXPECT_NEAR(b.cr, 0, 1e-12);
  B(0, 1) = 4;  // no longer reciprocal
  EXPECT_THROW(ahp(B), DataError);
}

TEST(Ahp, RoundedReciprocalsAreUsedWithANoteAndCrIsNotDefinedBeyondFifteenCriteria) {
  // Saaty's 4 x 4 example typed with two decimals (0.33, 0.2, 0.14): 7 x 0.14 = 0.98, within 5%.
  Eigen::MatrixXd A(4, 4);
  A << 1, 3, 5, 7, 0.33, 1, 3, 5, 0.2, 0.33, 1, 3, 0.14, 0.2, 0.33, 1;
  const AhpResult r = ahp(A);
  EXPECT_NE(r.note.find("reciprocal to within 2% (a[1,4] x a[4,1] = 0.98"), std::string::npos) << r.note;
  EXPECT_TRUE(r.consistent);
  A(3, 0) = 0.1;  // 7 x 0.1 = 0.7: a typing error, refused
  EXPECT_THROW(ahp(A), DataError);
  // 16 criteria: the random index is not tabulated, so no CR and no verdict of consistency.
  Eigen::MatrixXd B = Eigen::MatrixXd::Ones(16, 16);
  B(0, 1) = 9;
  B(1, 0) = 1.0 / 9;
  const AhpResult b = ahp(B);
  EXPECT_TRUE(std::isnan(b.cr));
  EXPECT_FALSE(b.consistent);
  EXPECT_GT(b.ci, 0);
  EXPECT_NE(b.note.find("not defined beyond 15 criteria"), std::string::npos) << b.note;
}
