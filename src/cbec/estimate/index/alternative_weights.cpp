#include "cbec/estimate/index/alternative_weights.hpp"

#include <fmt/format.h>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <limits>
#include <tuple>

#include "cbec/core/error.hpp"

namespace cbec {

Eigen::VectorXd cv_weights(const Eigen::MatrixXd& X, const std::vector<std::string>& names) {
  const long n = X.rows();
  if (n < 2) throw DataError("coefficient-of-variation weights need at least two observations");
  Eigen::VectorXd cv(X.cols());
  for (long j = 0; j < X.cols(); ++j) {
    const double mean = X.col(j).mean();
    if (X.col(j).minCoeff() < 0)  // sd / mean means nothing on a scale without a true zero
      throw DataError(fmt::format("indicator '{}' has negative values (the smallest {:g}): a coefficient of variation needs values on a ratio "
                                  "scale (>= 0); min-max standardize or shift it first",
                                  names[static_cast<size_t>(j)], X.col(j).minCoeff()));
    if (!(mean > 0)) throw DataError(fmt::format("indicator '{}' has a mean <= 0: its coefficient of variation is undefined; standardize it first",
                                                   names[static_cast<size_t>(j)]));
    const double sd = std::sqrt((X.col(j).array() - mean).square().sum() / static_cast<double>(n - 1));
    cv[j] = sd / mean;
  }
  return cv / cv.sum();
}

Eigen::VectorXd topsis(const Eigen::MatrixXd& X, const Eigen::VectorXd& w, const std::vector<bool>& negative, const std::vector<std::string>& names,
                       TopsisNormalization normalization) {
  if (w.size() != X.cols()) throw SpecError("one weight per indicator is needed");
  const bool minmax = normalization == TopsisNormalization::MinMax;
  auto is_negative = [&](long j) { return static_cast<long>(negative.size()) > j && negative[static_cast<size_t>(j)]; };
  Eigen::MatrixXd V(X.rows(), X.cols());
  for (long j = 0; j < X.cols(); ++j) {
    const std::string& name = names[static_cast<size_t>(j)];
    if (minmax) {
      const double lo = X.col(j).minCoeff(), hi = X.col(j).maxCoeff();
      if (!(hi > lo)) throw DataError(fmt::format("indicator '{}' is constant: min-max TOPSIS cannot standardize it; leave it out", name));
      const Eigen::ArrayXd standardized = is_negative(j) ? Eigen::ArrayXd(hi - X.col(j).array()) : Eigen::ArrayXd(X.col(j).array() - lo);
      V.col(j) = (standardized / (hi - lo) * w[j]).matrix();
      continue;
    }
    const double norm = X.col(j).norm();
    if (!(norm > 0)) throw DataError(fmt::format("indicator '{}' is zero everywhere: TOPSIS cannot normalize it; leave it out", name));
    V.col(j) = X.col(j) / norm * w[j];
  }
  Eigen::VectorXd best(X.cols()), worst(X.cols());
  for (long j = 0; j < X.cols(); ++j) {
    const bool low_is_best = !minmax && is_negative(j);   // min-max values are already "more is better"
    best[j] = low_is_best ? V.col(j).minCoeff() : V.col(j).maxCoeff();
    worst[j] = low_is_best ? V.col(j).maxCoeff() : V.col(j).minCoeff();
  }
  Eigen::VectorXd c(X.rows());
  for (long i = 0; i < X.rows(); ++i) {
    const double dp = (V.row(i).transpose() - best).norm(), dm = (V.row(i).transpose() - worst).norm();
    c[i] = dp + dm > 0 ? dm / (dp + dm) : 0.5;
  }
  return c;
}

AhpResult ahp(const Eigen::MatrixXd& A) {
  const long n = A.rows();
  if (n != A.cols() || n < 2) throw SpecError("the pairwise-comparison matrix must be square, at least 2 x 2");
  double worst = 0;  // the largest |a_ij a_ji - 1|
  long wi = 0, wj = 0;
  for (long i = 0; i < n; ++i)
    for (long j = 0; j < n; ++j) {
      if (!(A(i, j) > 0) || !std::isfinite(A(i, j)))
        throw DataError(fmt::format("the pairwise matrix must be positive: a[{},{}] = {}", i + 1, j + 1, A(i, j)));
      const double off = std::fabs(A(i, j) * A(j, i) - 1);
      if (off > worst) std::tie(worst, wi, wj) = std::tuple(off, i, j);
    }
  if (worst > 0.05)
    throw DataError(fmt::format("the pairwise matrix must be reciprocal, a[j,i] = 1 / a[i,j]: a[{0},{1}] x a[{1},{0}] = {2}", wi + 1, wj + 1,
                                A(wi, wj) * A(wj, wi)));
  Eigen::EigenSolver<Eigen::MatrixXd> es(A);
  long k = 0;
  es.eigenvalues().real().maxCoeff(&k);
  AhpResult r;
  r.lambda_max = es.eigenvalues()[k].real();
  Eigen::VectorXd v = es.eigenvectors().col(k).real();
  r.w = v / v.sum();
  static const double RI[] = {0, 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
  r.ci = (r.lambda_max - static_cast<double>(n)) / static_cast<double>(n - 1);
  if (n >= 16) {
    r.cr = std::numeric_limits<double>::quiet_NaN();
    r.consistent = false;
    r.note = "CR is not defined beyond 15 criteria (Saaty's random index is tabulated up to 15): judge the consistency by CI";
  } else {
    r.cr = RI[n] > 0 ? r.ci / RI[n] : 0.0;
    r.consistent = r.cr < 0.1;
  }
  if (worst > 1e-4)  // 0.333333 for 1/3 is exact enough to pass unremarked
    r.note += fmt::format("{0}the matrix is reciprocal to within {1:.2g}% (a[{2},{3}] x a[{3},{2}] = {4:g}: rounded reciprocals such as 0.33 "
                          "for 1/3); its values are used as given",
                          r.note.empty() ? "" : "; ", 100 * worst, wi + 1, wj + 1, A(wi, wj) * A(wj, wi));
  return r;
}

}  // namespace cbec
