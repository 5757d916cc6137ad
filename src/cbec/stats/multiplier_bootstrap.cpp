#include "cbec/stats/multiplier_bootstrap.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "cbec/stats/distributions.hpp"
#include "cbec/stats/replicate.hpp"

namespace cbec {

double quantile_type1(std::vector<double> x, double p) {
  if (x.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(x.begin(), x.end());
  const double fuzz = 4 * std::numeric_limits<double>::epsilon();
  const double np = static_cast<double>(x.size()) * p;
  const auto j = static_cast<long>(std::floor(np + fuzz));
  const long k = std::clamp(j + (np > static_cast<double>(j) + fuzz ? 1L : 0L), 1L, static_cast<long>(x.size()));
  return x[static_cast<size_t>(k - 1)];
}

MultiplierBootstrap multiplier_bootstrap(const Eigen::MatrixXd& influence, const std::vector<int32_t>& cluster,
                                         size_t draws, uint64_t seed, int threads) {
  Eigen::MatrixXd psi;
  if (cluster.empty()) {
    psi = influence;
  } else {
    const int32_t g = *std::max_element(cluster.begin(), cluster.end()) + 1;
    psi = Eigen::MatrixXd::Zero(g, influence.cols());
    std::vector<double> count(static_cast<size_t>(g), 0.0);
    for (Eigen::Index i = 0; i < influence.rows(); ++i) {
      psi.row(cluster[static_cast<size_t>(i)]) += influence.row(i);
      count[static_cast<size_t>(cluster[static_cast<size_t>(i)])] += 1;
    }
    for (int32_t c = 0; c < g; ++c) psi.row(c) /= count[static_cast<size_t>(c)];
  }
  const Eigen::Index n = psi.rows(), m = psi.cols();
  MultiplierBootstrap out;
  out.n_clusters = static_cast<size_t>(n);
  out.draws.resize(static_cast<Eigen::Index>(draws), m);
  const double scale = 1.0 / std::sqrt(static_cast<double>(n));  // sqrt(n) * (1/n)
  // Eigen's own threading changes its blocking, hence the summation order, with the thread count:
  // one thread per block product keeps draws bit-identical for any number of threads.
  const int eigen_threads = Eigen::nbThreads();
  Eigen::setNbThreads(1);
  const size_t block = 32;
  const auto blocks = replicate_blocks(draws, block, [&](size_t first, size_t count) {
    Eigen::MatrixXd U(static_cast<Eigen::Index>(count), n);
    for (size_t b = 0; b < count; ++b) {
      Rng rng = draw_stream(seed, first + b);
      for (Eigen::Index i = 0; i < n; ++i) U(static_cast<Eigen::Index>(b), i) = (rng() & 1u) ? 1.0 : -1.0;
    }
    return Eigen::MatrixXd(scale * U * psi);
  }, threads);
  for (size_t k = 0; k < blocks.size(); ++k)
    out.draws.middleRows(static_cast<Eigen::Index>(k * block), blocks[k].rows()) = blocks[k];
  Eigen::setNbThreads(eigen_threads);
  const double iqr_normal = q_normal(0.75) - q_normal(0.25);
  const double tiny = std::sqrt(std::numeric_limits<double>::epsilon()) * 10;
  out.se.resize(m);
  out.sigma.resize(m);
  for (Eigen::Index k = 0; k < m; ++k) {
    const Eigen::VectorXd col = out.draws.col(k);
    if (!col.allFinite() || col.squaredNorm() <= tiny) {
      out.se[k] = out.sigma[k] = std::numeric_limits<double>::quiet_NaN();
      continue;
    }
    std::vector<double> v(col.data(), col.data() + col.size());
    out.sigma[k] = (quantile_type1(v, 0.75) - quantile_type1(v, 0.25)) / iqr_normal;
    if (out.sigma[k] <= tiny) out.sigma[k] = std::numeric_limits<double>::quiet_NaN();
    out.se[k] = out.sigma[k] / std::sqrt(static_cast<double>(n));
  }
  return out;
}

double sup_t_critical_value(const MultiplierBootstrap& boot, const std::vector<Eigen::Index>& columns, double level) {
  std::vector<double> t_max;
  t_max.reserve(static_cast<size_t>(boot.draws.rows()));
  for (Eigen::Index b = 0; b < boot.draws.rows(); ++b) {
    double m = -1;
    for (Eigen::Index k : columns)
      if (std::isfinite(boot.sigma[k])) m = std::max(m, std::abs(boot.draws(b, k)) / boot.sigma[k]);
    if (m >= 0 && std::isfinite(m)) t_max.push_back(m);
  }
  return quantile_type1(std::move(t_max), level);
}

}  // namespace cbec
