// Kapoor-Kelejian-Prucha (2007) moments for the spatial error of a panel: see kkp_moments.hpp.
#include "cbec/estimate/spatial_models/kkp_moments.hpp"

#include <Eigen/LU>
#include <boost/math/tools/minima.hpp>

#include <algorithm>
#include <functional>
#include <limits>

#include "cbec/core/error.hpp"

namespace cbec {

namespace {

constexpr double kBound = 0.999;   // splm's nlminb bounds on the error parameter

// The criterion of one block at lambda, its variance concentrated out (clipped at zero):
// min_{s >= 0} (a + c s)' M (a + c s), a = G (lambda, lambda^2, 0)' - g, c = G's third column.
double concentrated(const KkpBlock& b, const Eigen::Matrix3d& m, double lambda, double* variance = nullptr) {
  const Eigen::Vector3d a = b.G.col(0) * lambda + b.G.col(1) * lambda * lambda - b.g;
  const Eigen::Vector3d c = b.G.col(2);
  const double s = std::max(0.0, -c.dot(m * a) / c.dot(m * c));
  if (variance) *variance = s;
  const Eigen::Vector3d v = a + c * s;
  return v.dot(m * v);
}

// The minimum of f on [-kBound, kBound]: the best of a grid, then Brent's method between its neighbours.
double minimise(const std::function<double(double)>& f) {
  constexpr int points = 400;
  const double step = 2 * kBound / points;
  int best = 0;
  double best_value = std::numeric_limits<double>::infinity();
  for (int i = 0; i <= points; ++i) {
    const double v = f(-kBound + i * step);
    if (v < best_value) best_value = v, best = i;
  }
  const double lo = -kBound + std::max(0, best - 1) * step, hi = -kBound + std::min(points, best + 1) * step;
  return boost::math::tools::brent_find_minima(f, lo, hi, std::numeric_limits<double>::digits).first;
}

}  // namespace

GmMoments parse_gm_moments(const std::string& name) {
  if (name == "initial") return GmMoments::Initial;
  if (name == "weights") return GmMoments::Weights;
  if (name == "fullweights") return GmMoments::FullWeights;
  throw SpecError("moments: unknown '" + name + "' (initial, weights, fullweights)");
}

std::string gm_moments_name(GmMoments m) {
  switch (m) {
    case GmMoments::Initial: return "initial";
    case GmMoments::Weights: return "weights";
    case GmMoments::FullWeights: return "fullweights";
  }
  return "";
}

KkpBlock kkp_block(const Eigen::MatrixXd& u, const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, double divisor) {
  const Eigen::MatrixXd ub = w * u, ubb = w * ub;
  const auto dot = [](const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) { return a.cwiseProduct(b).sum(); };
  KkpBlock b;
  b.G.col(0) << 2 * dot(u, ub), 2 * dot(ubb, ub), dot(u, ubb) + dot(ub, ub);
  b.G.col(1) << -dot(ub, ub), -dot(ubb, ubb), -dot(ub, ubb);
  b.G.leftCols(2) /= divisor;
  b.G.col(2) << 1, w.squaredNorm() / static_cast<double>(w.rows()), 0;
  b.g << dot(u, u), dot(ub, ub), dot(u, ub);
  b.g /= divisor;
  return b;
}

KkpEstimate kkp_within_estimate(const KkpBlock& within) {
  const Eigen::Matrix3d id = Eigen::Matrix3d::Identity();
  KkpEstimate e;
  e.lambda = minimise([&](double l) { return concentrated(within, id, l); });
  concentrated(within, id, e.lambda, &e.sigma2_v);
  return e;
}

KkpEstimate kkp_estimate(const KkpBlock& within, const KkpBlock& between, GmMoments moments, const Eigen::SparseMatrix<double, Eigen::RowMajor>& w,
                         double periods) {
  KkpEstimate e = kkp_within_estimate(within);
  // KKP's step 1: sigma_1^2 = (u - lambda ub)'(u - lambda ub) / n from the between block's g.
  e.sigma2_1 = between.g[0] - 2 * e.lambda * between.g[2] + e.lambda * e.lambda * between.g[1];
  if (moments == GmMoments::Initial) return e;
  Eigen::Matrix3d upsilon = Eigen::Matrix3d::Identity();
  if (moments == GmMoments::FullWeights) {
    // T_W of KKP (2007, eq. 17), as splm's tw.
    const Eigen::SparseMatrix<double> wc(w), wt = wc.transpose(), wpw = wt * wc, sym = wc + wt;
    const double n = static_cast<double>(w.rows());
    const double t1 = wc.squaredNorm() / n, t2 = wpw.squaredNorm() / n, t3 = wpw.cwiseProduct(sym).sum() / n;
    const double t4 = (wc.cwiseProduct(wt).sum() + wc.squaredNorm()) / n;   // tr(W W) = sum W .* W'
    upsilon << 2, 2 * t1, 0, 2 * t1, 2 * t2, t3, 0, t3, t4;
  }
  const Eigen::Matrix3d inv = upsilon.inverse();
  const Eigen::Matrix3d m0 = inv * ((periods - 1) / (e.sigma2_v * e.sigma2_v)), m1 = inv / (e.sigma2_1 * e.sigma2_1);
  KkpEstimate out;
  out.lambda = minimise([&](double l) { return concentrated(within, m0, l) + concentrated(between, m1, l); });
  concentrated(within, m0, out.lambda, &out.sigma2_v);
  concentrated(between, m1, out.lambda, &out.sigma2_1);
  return out;
}

}  // namespace cbec
