// A coefficient without a standard error (a GM estimator's lambda: NaN variance) shows its estimate
// with an empty cell below it, not "(0.000)".
#include <gtest/gtest.h>

#include <cmath>

#include "cbec/report/regression_table.hpp"

using namespace cbec;

TEST(RegressionTable, CoefficientWithoutStandardErrorHasAnEmptyCell) {
  RegressionResult r;
  r.depvar = "y";
  r.terms = {"x", "lambda"};
  r.coef = Eigen::Vector2d(0.5, -0.04);
  r.vcov = Eigen::Matrix2d::Zero();
  r.vcov(0, 0) = 0.01;
  r.vcov(1, 1) = std::nan("");
  r.vcov_info.df = 100;
  const Table t = regression_table({r}, RegressionTableOptions{});
  int seen = 0;
  for (size_t k = 0; k + 1 < t.rows.size(); ++k) {
    seen += t.rows[k].front() == "x" || t.rows[k].front() == "lambda";
    if (t.rows[k].front() == "x") EXPECT_EQ(t.rows[k + 1].at(1), "(0.100)");
    if (t.rows[k].front() == "lambda") {
      EXPECT_EQ(t.rows[k].at(1), "-0.040");
      EXPECT_EQ(t.rows[k + 1].at(1), "");
    }
  }
  EXPECT_EQ(seen, 2);
}
