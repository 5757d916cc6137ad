// The propensity-score models' maximum: the score equations of the log-likelihood vanish at the
// returned coefficients (a deviance rule alone stopped probit's Fisher scoring ~1e-7 from the
// maximum, which moved kernel-matching weights by 4e-6), and separation is reported.
#include "cbec/estimate/glm/binary_choice.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "cbec/io/csv_reader.hpp"

using namespace cbec;

namespace {

// The lalonde covariates with an intercept, and the treatment.
void lalonde(Eigen::MatrixXd& X, Eigen::VectorXd& y) {
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/lalonde.csv");
  const std::vector<std::string> names = {"age", "educ", "black", "hispan", "married", "nodegree", "re74", "re75"};
  const auto n = static_cast<Eigen::Index>(f.nrows());
  X.resize(n, static_cast<Eigen::Index>(names.size()) + 1);
  y.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    X(i, 0) = 1;
    for (size_t j = 0; j < names.size(); ++j) X(i, static_cast<Eigen::Index>(j) + 1) = f.numeric(names[j])[static_cast<size_t>(i)];
    y[i] = f.numeric("treat")[static_cast<size_t>(i)];
  }
}

// The gradient of the log-likelihood, sum_i x_i (y_i - p_i) g'(eta_i) / (p_i (1 - p_i)), each
// element relative to sum_i |x_ij| g'(eta_i) / (p_i (1 - p_i)) (its scale).
double relative_gradient(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const BinaryChoiceFit& fit, BinaryLink link) {
  const Eigen::VectorXd eta = X * fit.coef;
  double worst = 0;
  for (Eigen::Index j = 0; j < X.cols(); ++j) {
    double g = 0, scale = 0;
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
      const double p = fit.fitted[i];
      const double dp = link == BinaryLink::logit ? p * (1 - p) : std::exp(-eta[i] * eta[i] / 2) / std::sqrt(2 * M_PI);
      g += X(i, j) * (y[i] - p) * dp / (p * (1 - p));
      scale += std::fabs(X(i, j)) * dp / (p * (1 - p));
    }
    worst = std::max(worst, std::fabs(g) / scale);
  }
  return worst;
}

}  // namespace

TEST(BinaryChoice, ProbitAndLogitReachTheMaximum) {
  Eigen::MatrixXd X;
  Eigen::VectorXd y;
  lalonde(X, y);
  for (const BinaryLink link : {BinaryLink::logit, BinaryLink::probit}) {
    const BinaryChoiceFit fit = fit_binary_choice(X, y, Eigen::VectorXd(), link);
    EXPECT_TRUE(fit.converged);
    EXPECT_EQ(fit.at_bounds, 0u);
    EXPECT_LT(relative_gradient(X, y, fit, link), 1e-11) << (link == BinaryLink::logit ? "logit" : "probit");
  }
}

TEST(BinaryChoice, SeparationIsReported) {
  Eigen::MatrixXd X(40, 2);
  Eigen::VectorXd y(40);
  for (Eigen::Index i = 0; i < 40; ++i) {
    X(i, 0) = 1;
    X(i, 1) = static_cast<double>(i) / 10;
    y[i] = i >= 20;   // x > 1.95 is treated, every one of them
  }
  const BinaryChoiceFit fit = fit_binary_choice(X, y, Eigen::VectorXd());
  EXPECT_TRUE(!fit.converged || fit.at_bounds > 0);
  EXPECT_GT(fit.at_bounds, 0u);
}
