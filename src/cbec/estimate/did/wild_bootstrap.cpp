#include "cbec/estimate/did/wild_bootstrap.hpp"

#include <fmt/format.h>

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <memory>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/collinearity.hpp"
#include "cbec/estimate/result.hpp"
#include "cbec/estimate/ols/demean.hpp"
#include "cbec/estimate/ols/fixed_effects.hpp"
#include "cbec/stats/replicate.hpp"

namespace cbec {

namespace {

struct Problem {
  Eigen::MatrixXd X;       // regressors partialled off the fixed effects (kept columns)
  Eigen::VectorXd y, w;
  Eigen::MatrixXd M;       // (X'WX)^-1
  long j = 0;              // tested coefficient
  std::vector<std::vector<long>> members;  // rows of each cluster
};

// The bootstrap weights of every draw: G x B, column b for draw b.
Eigen::MatrixXd draw_weights(size_t G, const WildBootstrapOptions& o, bool& enumerated, size_t& B) {
  enumerated = o.weight_type == "rademacher" && G < 63 && (size_t{1} << G) <= o.draws;
  B = enumerated ? (size_t{1} << G) : o.draws;
  Eigen::MatrixXd V(static_cast<long>(G), static_cast<long>(B));
  if (enumerated) {
    for (size_t b = 0; b < B; ++b)
      for (size_t g = 0; g < G; ++g) V(static_cast<long>(g), static_cast<long>(b)) = (b >> g) & 1 ? 1.0 : -1.0;
    return V;
  }
  static const double webb[6] = {-std::sqrt(1.5), -1.0, -std::sqrt(0.5), std::sqrt(0.5), 1.0, std::sqrt(1.5)};
  auto cols = replicate(B, o.seed, [&](size_t, Rng& rng) {
    Eigen::VectorXd v(static_cast<long>(G));
    for (size_t g = 0; g < G; ++g) {
      const double u = uniform01(rng);
      v[static_cast<long>(g)] = o.weight_type == "webb" ? webb[std::min<size_t>(5, static_cast<size_t>(u * 6))] : (u < 0.5 ? -1.0 : 1.0);
    }
    return v;
  }, o.threads);
  for (size_t b = 0; b < B; ++b) V.col(static_cast<long>(b)) = cols[b];
  return V;
}

// Pieces of the restricted residuals u(theta) = u0 - theta u1 (residuals of y and of x_j on the
// other regressors), precomputed once so every null value costs O(B (kG + G^2)).
struct Pieces {
  Eigen::MatrixXd A0, A1;   // k x G: a_g = M X_g' W_g u_g
  Eigen::MatrixXd C0, C1;   // G x G: c_gh = m_j' X_g' W_g (P_D (1_h . u))_g, zero without fixed effects
  Eigen::MatrixXd Q;        // k x G: q_g = H_g m_j
  Eigen::VectorXd beta;
  double var = 0;           // unscaled cluster-robust variance of beta_j
};

Pieces precompute(const Problem& P, const Demeaner* dm) {
  const long n = P.X.rows(), k = P.X.cols(), G = static_cast<long>(P.members.size());
  const bool weighted = P.w.size() > 0;
  Eigen::MatrixXd Xo(n, k - 1);
  for (long c = 0, a = 0; c < k; ++c)
    if (c != P.j) Xo.col(a++) = P.X.col(c);
  auto residual_on_others = [&](const Eigen::VectorXd& v) -> Eigen::VectorXd {
    if (k == 1) return v;
    Eigen::MatrixXd XtW = weighted ? Eigen::MatrixXd(Xo.transpose() * P.w.asDiagonal()) : Eigen::MatrixXd(Xo.transpose());
    return v - Xo * (XtW * Xo).ldlt().solve(XtW * v);
  };
  const Eigen::VectorXd u0 = residual_on_others(P.y), u1 = residual_on_others(P.X.col(P.j));
  const Eigen::VectorXd mj = P.M.col(P.j);
  Eigen::VectorXd xm = P.X * mj;  // w_i x_i' m_j
  if (weighted) xm = xm.cwiseProduct(P.w);
  Pieces pc;
  pc.beta = P.M * (weighted ? Eigen::VectorXd(P.X.transpose() * P.w.cwiseProduct(P.y)) : Eigen::VectorXd(P.X.transpose() * P.y));
  const Eigen::VectorXd e = P.y - P.X * pc.beta;
  pc.A0.resize(k, G);
  pc.A1.resize(k, G);
  pc.Q.resize(k, G);
  for (long g = 0; g < G; ++g) {
    Eigen::VectorXd xu0 = Eigen::VectorXd::Zero(k), xu1 = Eigen::VectorXd::Zero(k);
    Eigen::MatrixXd H = Eigen::MatrixXd::Zero(k, k);
    double s = 0;
    for (long i : P.members[static_cast<size_t>(g)]) {
      const double wi = weighted ? P.w[i] : 1.0;
      xu0 += wi * u0[i] * P.X.row(i).transpose();
      xu1 += wi * u1[i] * P.X.row(i).transpose();
      H.noalias() += wi * P.X.row(i).transpose() * P.X.row(i);
      s += xm[i] * e[i];
    }
    pc.A0.col(g) = P.M * xu0;
    pc.A1.col(g) = P.M * xu1;
    pc.Q.col(g) = H * mj;
    pc.var += s * s;
  }
  pc.C0 = Eigen::MatrixXd::Zero(G, G);
  pc.C1 = Eigen::MatrixXd::Zero(G, G);
  if (dm) {
    // The bootstrap outcome's disturbance v . u is not orthogonal to fixed effects that are not
    // nested in the clusters: its fixed-effect projection P_D (1_h . u) enters every cluster's score.
    for (long h = 0; h < G; ++h) {
      Eigen::MatrixXd r = Eigen::MatrixXd::Zero(n, 2);
      for (long i : P.members[static_cast<size_t>(h)]) {
        r(i, 0) = u0[i];
        r(i, 1) = u1[i];
      }
      Eigen::MatrixXd proj = r;
      dm->demean(proj);
      proj = r - proj;  // P_D r
      for (long g = 0; g < G; ++g)
        for (long i : P.members[static_cast<size_t>(g)]) {
          pc.C0(g, h) += xm[i] * proj(i, 0);
          pc.C1(g, h) += xm[i] * proj(i, 1);
        }
    }
  }
  return pc;
}

// The t statistic and bootstrap p-value for H0: beta_j = theta.
struct NullTest {
  double t = 0, p = 0;
};

NullTest test_null(const Problem& P, const Pieces& pc, double theta, const Eigen::MatrixXd& V, int threads) {
  const long G = static_cast<long>(P.members.size());
  const Eigen::MatrixXd A = pc.A0 - theta * pc.A1;
  const Eigen::MatrixXd C = pc.C0 - theta * pc.C1;
  NullTest out;
  out.t = (pc.beta[P.j] - theta) / std::sqrt(pc.var);  // the CR1 factor cancels in the comparison
  const long B = V.cols();
  std::vector<long> beyond(static_cast<size_t>(B), 0);
#pragma omp parallel for schedule(static) num_threads(threads > 0 ? threads : omp_default_threads())
  for (long b = 0; b < B; ++b) {
    const Eigen::VectorXd v = V.col(b);
    const Eigen::VectorXd z = A * v;
    const Eigen::VectorXd cv = C * v;
    double v2 = 0;
    for (long g = 0; g < G; ++g) {
      const double s = v[g] * A(P.j, g) - cv[g] - pc.Q.col(g).dot(z);
      v2 += s * s;
    }
    const double tb = z[P.j] / std::sqrt(v2);
    // Strictly beyond |t|, as boottest, fwildclusterboot and WildBootTests.jl: under the imposed
    // null the all-plus and all-minus sign vectors reproduce |t| and are not counted; a draw within
    // 1e-7 of |t| (relative: far above the demeaning's 1e-10, far below a real gap) is such a tie.
    beyond[static_cast<size_t>(b)] = std::fabs(tb) > std::fabs(out.t) * (1 + 1e-7);
  }
  long count = 0;
  for (long c : beyond) count += c;
  out.p = static_cast<double>(count) / static_cast<double>(B);
  return out;
}

}  // namespace

WildBootstrapResult wild_cluster_bootstrap(const Design& design, const std::string& term, const std::string& cluster,
                                           const WildBootstrapOptions& o) {
  if (o.weight_type != "rademacher" && o.weight_type != "webb")
    throw SpecError(fmt::format("wild bootstrap weights '{}' are unknown; use rademacher or webb", o.weight_type));
  if (design.spec.has_iv()) throw SpecError("the wild cluster bootstrap is implemented for OLS/fixed-effects models, not IV");
  const Factor& cl = design.grouping(cluster);
  Problem P;
  P.w = design.weights;
  Eigen::MatrixXd data(design.y.size(), 1 + design.X.cols());
  data << design.y, design.X;
  if (!design.fixed_effects.empty()) Demeaner(design.fixed_effects, design.weights).demean(data);
  Eigen::MatrixXd X = data.rightCols(design.X.cols());
  Eigen::MatrixXd XtX = P.w.size() ? Eigen::MatrixXd(X.transpose() * P.w.asDiagonal() * X) : Eigen::MatrixXd(X.transpose() * X);
  std::vector<long> keep = independent_columns(XtX, Eigen::VectorXd());
  P.X.resize(X.rows(), static_cast<long>(keep.size()));
  P.j = -1;
  for (size_t a = 0; a < keep.size(); ++a) {
    P.X.col(static_cast<long>(a)) = X.col(keep[a]);
    if (design.x_names[static_cast<size_t>(keep[a])] == term) P.j = static_cast<long>(a);
  }
  if (P.j < 0) throw SpecError(fmt::format("'{}' is not an estimated coefficient of '{}'", term, design.spec.formula));
  P.y = data.col(0);
  Eigen::MatrixXd XtWX = P.w.size() ? Eigen::MatrixXd(P.X.transpose() * P.w.asDiagonal() * P.X) : Eigen::MatrixXd(P.X.transpose() * P.X);
  P.M = XtWX.ldlt().solve(Eigen::MatrixXd::Identity(P.X.cols(), P.X.cols()));
  P.members.assign(cl.n_levels, {});
  for (size_t i = 0; i < cl.codes.size(); ++i) P.members[static_cast<size_t>(cl.codes[i])].push_back(static_cast<long>(i));

  WildBootstrapResult r;
  r.term = term;
  r.cluster = cluster;
  r.weight_type = o.weight_type;
  r.n_clusters = cl.n_levels;
  r.null_value = o.null_value;
  size_t B = 0;
  Eigen::MatrixXd V = draw_weights(cl.n_levels, o, r.enumerated, B);
  r.draws = B;
  std::unique_ptr<Demeaner> dm;
  if (!design.fixed_effects.empty()) dm = std::make_unique<Demeaner>(design.fixed_effects, design.weights);
  const Pieces pc = precompute(P, dm.get());
  NullTest h0 = test_null(P, pc, o.null_value, V, o.threads);
  // Report t with the CR1 factor G/(G-1) (n-1)/(n-K), K counting fixed effects not nested in the
  // cluster (as the vcov module); the factor cancels in the bootstrap comparison.
  std::vector<Factor> not_nested;
  for (const auto& fe : design.fixed_effects)
    if (!nested_in(fe, cl)) not_nested.push_back(fe);
  const double n = static_cast<double>(P.X.rows()), G = static_cast<double>(cl.n_levels);
  const double K = static_cast<double>(P.X.cols() + absorbed_parameters(not_nested));
  r.estimate = pc.beta[P.j];
  r.t_stat = h0.t / std::sqrt(G / (G - 1) * (n - 1) / (n - K));
  r.p_value = h0.p;
  r.ci_low = r.ci_high = std::numeric_limits<double>::quiet_NaN();
  if (o.confidence_interval) {
    // Test inversion: the CI holds every theta whose bootstrap p-value exceeds 1 - level.
    const double alpha = 1 - o.level;
    const double se = std::fabs((r.estimate - o.null_value) / h0.t);
    auto p_at = [&](double theta) { return test_null(P, pc, theta, V, o.threads).p; };
    auto bound = [&](double direction) {
      double inside = r.estimate, step = std::max(se, 1e-12), outside = r.estimate + direction * step;
      for (int k = 0; k < 60 && p_at(outside) > alpha; ++k) {
        inside = outside;
        step *= 2;
        outside = r.estimate + direction * step;
      }
      for (int k = 0; k < 60 && std::fabs(outside - inside) > 1e-7 * se; ++k) {
        const double mid = 0.5 * (inside + outside);
        (p_at(mid) > alpha ? inside : outside) = mid;
      }
      return 0.5 * (inside + outside);
    };
    r.ci_low = bound(-1);
    r.ci_high = bound(1);
  }
  return r;
}

}  // namespace cbec
