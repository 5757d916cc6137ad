#include "cbec/estimate/spatial_models/spatial_re_covariance.hpp"

#include <Eigen/SparseCholesky>

#include <cmath>
#include <limits>
#include <utility>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_internal.hpp"

namespace cbec {

SpatialReCovariance::UnitMoments SpatialReCovariance::unit_moments(const SpatialPanelData& d, const Eigen::MatrixXd& z) {
  const long m = z.cols();
  Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(static_cast<long>(d.n_units), m);
  std::vector<double> periods(d.n_units, 0.0);
  for (long r = 0; r < z.rows(); ++r) {
    sum.row(d.unit[static_cast<size_t>(r)]) += z.row(r);
    periods[static_cast<size_t>(d.unit[static_cast<size_t>(r)])] += 1;
  }
  UnitMoments u;
  u.dev = Eigen::MatrixXd::Zero(m, m);
  for (long r = 0; r < z.rows(); ++r) {
    const long i = d.unit[static_cast<size_t>(r)];
    const Eigen::RowVectorXd dev = z.row(r) - sum.row(i) / periods[static_cast<size_t>(i)];
    u.dev += dev.transpose() * dev;
  }
  for (size_t i = 0; i < d.n_units; ++i) {
    if (periods[i] == 0) continue;
    const Eigen::RowVectorXd mean = sum.row(static_cast<long>(i)) / periods[i];
    size_t g = 0;
    while (g < u.length.size() && u.length[g] != periods[i]) ++g;
    if (g == u.length.size()) u.length.push_back(periods[i]), u.units.push_back(0), u.means.push_back(Eigen::MatrixXd::Zero(m, m));
    u.units[g] += 1;
    u.means[g] += mean.transpose() * mean;
  }
  return u;
}

SpatialReCovariance::SpatialReCovariance(const SpatialPanelData& d, const Eigen::MatrixXd& z, SpatialErrorProcess error, PanelJacobian jacobian)
    : error_(error), m_(z.cols()), jacobian_(std::move(jacobian)) {
  if (error_ == SpatialErrorProcess::None) {
    unit_ = unit_moments(d, z);
    return;
  }
  if (error_ == SpatialErrorProcess::Kkp) {
    Eigen::MatrixXd zw(z.rows(), 2 * m_);
    zw << z, panel_spatial_lag(d, z);
    unit_ = unit_moments(d, zw);
    return;
  }
  // b: the units present, their means zbar and the deviations z~ from them
  std::vector<long> slot(d.n_units, -1);
  long np = 0;
  for (int32_t u : d.unit)
    if (slot[static_cast<size_t>(u)] < 0) slot[static_cast<size_t>(u)] = np++;
  auto unit_of = [&](long r) { return slot[static_cast<size_t>(d.unit[static_cast<size_t>(r)])]; };
  Eigen::VectorXd periods = Eigen::VectorXd::Zero(np);
  zbar_ = Eigen::MatrixXd::Zero(np, m_);
  for (long r = 0; r < z.rows(); ++r) {
    zbar_.row(unit_of(r)) += z.row(r);
    periods[unit_of(r)] += 1;
  }
  zbar_.array().colwise() /= periods.array();
  Eigen::MatrixXd dev = z;
  for (long r = 0; r < z.rows(); ++r) dev.row(r) -= zbar_.row(unit_of(r));
  const Eigen::MatrixXd wdev = panel_spatial_lag(d, dev);
  Eigen::MatrixXd both(z.rows(), 2 * m_);
  both << dev, wdev;
  dev_cross_ = both.transpose() * both;
  auto unit_sums = [&](const Eigen::MatrixXd& v) {
    Eigen::MatrixXd s = Eigen::MatrixXd::Zero(np, v.cols());
    for (long r = 0; r < v.rows(); ++r) s.row(unit_of(r)) += v.row(r);
    return s;
  };
  d_wz_ = unit_sums(wdev);
  d_wtz_ = unit_sums(panel_spatial_lag(d, dev, true));
  d_wtwz_ = unit_sums(panel_spatial_lag(d, wdev, true));
  // K's pieces: diag(T_i), sum_t S_t'(W_t + W_t')S_t and sum_t S_t'W_t'W_t S_t
  std::vector<Eigen::Triplet<double>> c, t1, t2;
  for (long i = 0; i < np; ++i) c.emplace_back(i, i, periods[i]);
  for (size_t t = 0; t < d.n_periods; ++t) {
    const auto& rows = d.period_rows[t];
    const SparseRowMatrix& w = d.weights[d.period_weights[t]];
    const SparseRowMatrix wtw = SparseRowMatrix(w.transpose()) * w;
    for (long a = 0; a < w.outerSize(); ++a)
      for (SparseRowMatrix::InnerIterator it(w, a); it; ++it) {
        const long ua = unit_of(rows[static_cast<size_t>(a)]), ub = unit_of(rows[static_cast<size_t>(it.col())]);
        t1.emplace_back(ua, ub, it.value());
        t1.emplace_back(ub, ua, it.value());
      }
    for (long a = 0; a < wtw.outerSize(); ++a)
      for (SparseRowMatrix::InnerIterator it(wtw, a); it; ++it)
        t2.emplace_back(unit_of(rows[static_cast<size_t>(a)]), unit_of(rows[static_cast<size_t>(it.col())]), it.value());
  }
  count_.resize(np, np);
  p1_.resize(np, np);
  p2_.resize(np, np);
  id_.resize(np, np);
  count_.setFromTriplets(c.begin(), c.end());
  p1_.setFromTriplets(t1.begin(), t1.end());
  p2_.setFromTriplets(t2.begin(), t2.end());
  id_.setIdentity();
}

Eigen::MatrixXd SpatialReCovariance::filtered(const Eigen::MatrixXd& g, double lambda) const {
  const long m = m_;
  return g.topLeftCorner(m, m) - lambda * (g.topRightCorner(m, m) + g.bottomLeftCorner(m, m)) + lambda * lambda * g.bottomRightCorner(m, m);
}

std::pair<Eigen::MatrixXd, double> SpatialReCovariance::operator()(double phi, double lambda) const {
  if (error_ != SpatialErrorProcess::Baltagi) {
    Eigen::MatrixXd g = unit_.dev;
    double ldet = 0;
    for (size_t j = 0; j < unit_.length.size(); ++j) {
      const double ci = unit_.length[j] * phi + 1;
      g += unit_.length[j] / ci * unit_.means[j];
      ldet -= unit_.units[j] / 2 * std::log(ci);
    }
    if (error_ == SpatialErrorProcess::None) return {g, ldet};
    return {filtered(g, lambda), ldet + jacobian_(lambda)};
  }
  const Eigen::SparseMatrix<double> k = count_ - lambda * p1_ + lambda * lambda * p2_;
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> kf(k);
  if (kf.info() != Eigen::Success) throw NumericError("D'B'B D could not be factorized");
  // Near lambda = 1/max eigenvalue (row-standardized W: B 1 = (1 - lambda) 1) D'B'B D is singular to
  // within rounding and the within part below cancels to noise, which raised ln L towards the bound
  // (+908 where it is -465 at 0.99999): such a lambda is not admissible, ln|Sigma| = -inf.
  const Eigen::VectorXd pivots = kf.vectorD();
  if (pivots.minCoeff() <= 1e-12 * pivots.maxCoeff())
    return {Eigen::MatrixXd::Zero(zbar_.cols(), zbar_.cols()), -std::numeric_limits<double>::infinity()};
  const Eigen::MatrixXd c_dev = -lambda * (d_wz_ + d_wtz_) + lambda * lambda * d_wtwz_;
  const Eigen::MatrixXd k_c_dev = kf.solve(c_dev);
  const Eigen::MatrixXd within = filtered(dev_cross_, lambda) - c_dev.transpose() * k_c_dev;
  const Eigen::MatrixXd a = zbar_ + k_c_dev;
  const Eigen::MatrixXd c = Eigen::MatrixXd(k * zbar_) + c_dev;
  const Eigen::SparseMatrix<double> h = id_ + phi * k;
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> hf(h);
  if (hf.info() != Eigen::Success) throw NumericError("I + phi D'B'B D could not be factorized");
  const Eigen::MatrixXd between = a.transpose() * hf.solve(c);
  return {within + 0.5 * (between + between.transpose()), jacobian_(lambda) - 0.5 * hf.vectorD().array().log().sum()};
}

}  // namespace cbec
