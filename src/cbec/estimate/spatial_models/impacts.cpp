// LeSage-Pace impacts: exact from the eigenvalues of W, or the trace series; simulated SEs.
// LeSage & Pace (2009), Introduction to Spatial Econometrics, sections 2.7, 4.2 and 5.6; a stacked
// panel's impacts from its periods' W_t (the block-diagonal W of the stacked model).
#include "cbec/estimate/spatial_models/impacts.hpp"

#include <Eigen/SparseLU>

#include <algorithm>
#include <cmath>
#include <complex>
#include <functional>
#include <limits>
#include <utility>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/log_determinant.hpp"
#include "cbec/estimate/spatial_models/symmetric_form.hpp"
#include "cbec/stats/eigen_threads.hpp"
#include "cbec/stats/replicate.hpp"

namespace cbec {
namespace {

using SparseRM = Eigen::SparseMatrix<double, Eigen::RowMajor>;

// Exact impacts need the eigenvalues of a dense W (O(n^3)): above this, Monte Carlo traces.
constexpr Eigen::Index kMaxExactUnits = 3000;
// Barry & Pace (1999) use a few random vectors per trace; spatialreg::trW's default p = 16.
constexpr int kTraceVectors = 16;

// The Monte-Carlo trace vectors, one row per unit.
using Block = Eigen::Matrix<double, Eigen::Dynamic, kTraceVectors, Eigen::RowMajor>;

// next = W p, one pass over W's non-zeros for all the vectors.
void times_w(const SparseRM& w, const Block& p, Block& next) {
  for (Eigen::Index i = 0; i < w.rows(); ++i) {
    auto row = next.row(i);
    row.setZero();
    for (SparseRM::InnerIterator it(w, i); it; ++it) row += it.value() * p.row(it.col());
  }
}

// Impacts at one (rho, beta, theta).
struct Point { Eigen::VectorXd direct, total; };
using Evaluator = std::function<Point(double rho, const Eigen::VectorXd& beta, const Eigen::VectorXd& theta)>;

double standard_normal(Rng& rng) {  // Box-Muller
  double u1 = uniform01(rng);
  const double u2 = uniform01(rng);
  if (u1 < 1e-300) u1 = 1e-300;
  return std::sqrt(-2 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

void check_input(const ImpactsInput& in, const ImpactsOptions& opt) {
  const Eigen::Index k = in.beta.size();
  if (static_cast<size_t>(k) != in.names.size())
    throw SpecError("impacts: " + std::to_string(in.names.size()) + " names for " + std::to_string(k) + " coefficients");
  if (in.theta.size() != 0 && in.theta.size() != k)
    throw SpecError("impacts: theta (the WX coefficients) must be empty or have one value per regressor");
  const Eigen::Index p = 1 + k + in.theta.size();
  if (opt.draws > 0 && (in.vcov.rows() != p || in.vcov.cols() != p))
    throw SpecError("impacts: simulated standard errors need the " + std::to_string(p) + " x " + std::to_string(p) +
                    " variance of (rho, beta, theta); set draws = 0 to skip them");
  if (opt.draws < 0) throw SpecError("impacts: draws must be >= 0");
  if (!opt.exact_traces && opt.trace_order < 2) throw SpecError("impacts: trace_order must be >= 2");
}

// Point estimates, then draws from N((rho, beta, theta), vcov) as spatialreg::impacts(R = ...):
// each draw's impacts, keeping draws whose rho lies inside `interval`; SEs are their standard
// deviations (LeSage & Pace 2009, section 5.6.2).
Impacts simulate(const Evaluator& eval, const ImpactsInput& in, const ImpactsOptions& opt,
                 std::pair<double, double> interval, std::string method) {
  Impacts out;
  out.names = in.names;
  out.trace_method = std::move(method);
  const Eigen::VectorXd theta = in.theta.size() ? in.theta : Eigen::VectorXd::Zero(in.beta.size());
  const Point pt = eval(in.rho, in.beta, theta);
  out.direct = pt.direct;
  out.total = pt.total;
  out.indirect = pt.total - pt.direct;
  if (opt.draws == 0) return out;

  const Eigen::Index k = in.beta.size(), p = in.vcov.rows();
  Eigen::VectorXd mu(p);
  mu(0) = in.rho;
  mu.segment(1, k) = in.beta;
  if (in.theta.size()) mu.segment(1 + k, k) = in.theta;
  // vcov = V D V': a square root that also serves a positive semi-definite matrix.
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(0.5 * (in.vcov + in.vcov.transpose()));
  const Eigen::MatrixXd root = es.eigenvectors() * es.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal();
  struct Draw { bool kept = false; Point pt; };
  const auto draws = replicate(static_cast<size_t>(opt.draws), opt.seed, [&](size_t, Rng& rng) {
    Eigen::VectorXd z(p);
    for (Eigen::Index i = 0; i < p; ++i) z(i) = standard_normal(rng);
    const Eigen::VectorXd x = mu + root * z;
    Draw d;
    if (!(x(0) > interval.first && x(0) < interval.second)) return d;
    d.kept = true;
    const Eigen::VectorXd b = x.segment(1, k);
    const Eigen::VectorXd t = in.theta.size() ? Eigen::VectorXd(x.segment(1 + k, k)) : Eigen::VectorXd(Eigen::VectorXd::Zero(k));
    d.pt = eval(x(0), b, t);
    return d;
  });
  std::vector<Eigen::VectorXd> kept_d, kept_t;
  for (const Draw& d : draws)
    if (d.kept) { kept_d.push_back(d.pt.direct); kept_t.push_back(d.pt.total); }
  const Eigen::Index r = static_cast<Eigen::Index>(kept_d.size());
  if (r < 2) throw NumericError("impacts: fewer than 2 of the " + std::to_string(opt.draws) +
                                " simulated draws have rho inside its interval; the variance of rho is too large");
  Eigen::MatrixXd dir(k, r), tot(k, r);
  for (Eigen::Index j = 0; j < r; ++j) { dir.col(j) = kept_d[static_cast<size_t>(j)]; tot.col(j) = kept_t[static_cast<size_t>(j)]; }
  const Eigen::MatrixXd ind = tot - dir;
  auto sd = [r](const Eigen::MatrixXd& m) {
    const Eigen::VectorXd mean = m.rowwise().mean();
    return Eigen::VectorXd(((m.colwise() - mean).array().square().rowwise().sum() / static_cast<double>(r - 1)).sqrt());
  };
  out.se_direct = sd(dir);
  out.se_indirect = sd(ind);
  out.se_total = sd(tot);
  out.draws = static_cast<int>(r);
  return out;
}

bool row_stochastic(const SparseRM& w) {
  const Eigen::VectorXd s = w * Eigen::VectorXd::Ones(w.cols());
  return ((s.array() - 1.0).abs() < 1e-10).all();
}

// The exact impacts of one W from its eigenvalues: tr((I - rho W)^{-1}) = sum_i 1 / (1 - rho lambda_i)
// and tr((I - rho W)^{-1} W) = sum_i lambda_i / (1 - rho lambda_i) (LeSage & Pace 2009, eq. 4.50 with
// the eigenvalues lambda_i of W).
class ExactImpactsOfW {
 public:
  explicit ExactImpactsOfW(const SparseRM& w) : w_(w), n_(w.rows()) {
    if (n_ > kMaxExactUnits)
      throw SpecError("impacts: exact impacts need the eigenvalues of W, too costly for " + std::to_string(n_) +
                      " units (at most " + std::to_string(kMaxExactUnits) + "); use Monte Carlo traces instead");
    // The eigenvalues by LogDeterminant: a symmetric eigenproblem when W is similar to a symmetric
    // matrix (row-standardized symmetric weights), the general one otherwise.
    const LogDeterminant spectrum(w, LogDetMethod::Eigenvalues);
    lambda_.resize(n_);
    lambda_.real() = spectrum.eigen_real();
    lambda_.imag() = spectrum.eigen_imag();
    lambda_re_ = spectrum.eigen_real();
    real_ = spectrum.eigen_imag().isZero(0.0);
    const double lo = lambda_.real().minCoeff(), hi = lambda_.real().maxCoeff();
    interval_ = {lo < 0 ? 1 / lo : -std::numeric_limits<double>::infinity(), hi > 0 ? 1 / hi : std::numeric_limits<double>::infinity()};
    stochastic_ = row_stochastic(w);
    w1_ = w * Eigen::VectorXd::Ones(n_);
  }
  std::pair<double, double> interval() const { return interval_; }

  Point operator()(double rho, const Eigen::VectorXd& beta, const Eigen::VectorXd& theta) const {
    double t0 = 0, t1 = 0;
    if (real_) {  // W similar to a symmetric matrix: real arithmetic
      for (Eigen::Index i = 0; i < n_; ++i) {
        const double inv = 1.0 / (1.0 - rho * lambda_re_(i));
        t0 += inv;
        t1 += lambda_re_(i) * inv;
      }
    } else {
      std::complex<double> c0 = 0, c1 = 0;
      for (Eigen::Index i = 0; i < n_; ++i) {
        c0 += 1.0 / (1.0 - rho * lambda_(i));
        c1 += lambda_(i) / (1.0 - rho * lambda_(i));
      }
      t0 = c0.real();
      t1 = c1.real();
    }
    const double dn = static_cast<double>(n_);
    Point pt;
    pt.direct = (beta * t0 + theta * t1) / dn;
    if (stochastic_) {
      // W 1 = 1: 1'(I - rho W)^{-1} 1 = n / (1 - rho) (LeSage & Pace 2009, eq. 2.48).
      pt.total = (beta + theta) / (1 - rho);
    } else {
      // Otherwise (islands, unstandardized W) solve (I - rho W) x = 1 and (I - rho W) x = W 1.
      Eigen::SparseMatrix<double> a(n_, n_);
      a.setIdentity();
      a -= rho * Eigen::SparseMatrix<double>(w_);
      Eigen::SparseLU<Eigen::SparseMatrix<double>> lu(a);
      if (lu.info() != Eigen::Success) throw NumericError("impacts: I - rho W is singular at rho = " + std::to_string(rho));
      pt.total = (beta * lu.solve(Eigen::VectorXd::Ones(n_)).sum() + theta * lu.solve(w1_).sum()) / dn;
    }
    return pt;
  }

 private:
  const SparseRM& w_;
  Eigen::Index n_;
  Eigen::VectorXcd lambda_;
  Eigen::VectorXd lambda_re_, w1_;
  bool real_ = true, stochastic_ = true;
  std::pair<double, double> interval_;
};

// The impacts from the truncated series in the traces of one W (LeSage & Pace 2009, eq. 4.26):
// S_k = sum_j rho^j W^j (beta_k I + theta_k W), truncated at m terms.
Point series_impacts(const PowerTraces& tr, double rho, const Eigen::VectorXd& beta, const Eigen::VectorXd& theta) {
  const Eigen::Index m = tr.trace.size();
  const double dn = static_cast<double>(tr.n);
  double d0 = 0, d1 = 0, s0 = 0, s1 = 0, g = 1;
  for (Eigen::Index j = 0; j < m; ++j) {
    d0 += g * (j == 0 ? dn : tr.trace(j - 1));
    d1 += g * tr.trace(j);
    s0 += g * tr.sum(j);
    s1 += g * tr.sum(j + 1);
    g *= rho;
  }
  return Point{(beta * d0 + theta * d1) / dn, (beta * s0 + theta * s1) / dn};
}

void check_traces(const PowerTraces& tr) {
  const Eigen::Index m = tr.trace.size();
  if (m < 2 || tr.sum.size() != m + 1) throw SpecError("impacts: traces of W^1..W^m and sums of W^0..W^m needed");
}

// The stacked model's impacts from its blocks': block b (n_b units, `copies` periods) holds the share
// copies_b n_b / N of the N stacked observations, so tr(S_k) / N and 1'S_k 1 / N are the blocks'
// per-unit impacts averaged with these shares (one block: share 1, the block's impacts exactly).
Point stack(const std::vector<double>& share, const std::function<Point(size_t)>& block) {
  Point sum = block(0);
  sum.direct *= share[0];
  sum.total *= share[0];
  for (size_t b = 1; b < share.size(); ++b) {
    const Point p = block(b);
    sum.direct += share[b] * p.direct;
    sum.total += share[b] * p.total;
  }
  return sum;
}

std::vector<double> shares(const std::vector<Eigen::Index>& n, const std::vector<size_t>& copies) {
  double total = 0;
  for (size_t b = 0; b < n.size(); ++b) total += static_cast<double>(copies[b]) * static_cast<double>(n[b]);
  std::vector<double> s(n.size());
  for (size_t b = 0; b < n.size(); ++b) s[b] = static_cast<double>(copies[b]) * static_cast<double>(n[b]) / total;
  return s;
}

}  // namespace

Impacts spatial_impacts(const SparseRM& w, const ImpactsInput& in, const ImpactsOptions& opt) {
  return stacked_spatial_impacts({&w}, {1}, in, opt);
}

namespace {
// Said when some row of W does not sum to 1 (an island, binary or distance weights): the total
// effect 1'S 1/n then differs from the (beta + theta) / (1 - rho) of spatialreg's impacts and
// PySAL's "simple" impacts, which assume row sums of 1.
std::string row_sums_note(const std::vector<const SparseRM*>& weights) {
  for (const SparseRM* w : weights) {
    const Eigen::VectorXd sums = *w * Eigen::VectorXd::Ones(w->cols());
    if (((sums.array() - 1).abs() > 1e-10).any())
      return "W has rows that do not sum to 1 (islands, or weights not row-standardized): the total and indirect effects are the "
             "definition 1'S_k 1/n, which spatialreg's impacts and PySAL's simple impacts, (beta_k + theta_k) / (1 - rho), equal only "
             "when every row sums to 1";
  }
  return "";
}

// The impacts as LeSage and Pace define them, for the stacked W_t (stacked_spatial_impacts).
Impacts stacked_spatial_impacts_as_defined(const std::vector<const SparseRM*>& weights, const std::vector<size_t>& copies,
                                           const ImpactsInput& in, const ImpactsOptions& opt) {
  const EigenThreads single(1);  // the draws run in parallel (replicate); each product is small
  check_input(in, opt);
  if (weights.empty() || weights.size() != copies.size()) throw SpecError("impacts: one period count per weights matrix needed");
  std::vector<Eigen::Index> n;
  size_t periods = 0;
  for (size_t b = 0; b < weights.size(); ++b) {
    if (weights[b]->rows() != weights[b]->cols()) throw SpecError("impacts: W must be square");
    if (copies[b] == 0) throw SpecError("impacts: every weights matrix must be used by at least one period");
    n.push_back(weights[b]->rows());
    periods += copies[b];
  }
  const std::vector<double> share = shares(n, copies);
  const std::string stacked = weights.size() == 1 ? "" : ", W = diag(W_t) over " + std::to_string(periods) + " periods (" +
                                                            std::to_string(weights.size()) + " distinct W_t), n = N the observations";
  if (!opt.exact_traces) {
    // Block b's Monte Carlo vectors are streams 16 b .. 16 b + 15 of the seed (block 0: those of one W).
    std::vector<PowerTraces> tr;
    for (size_t b = 0; b < weights.size(); ++b)
      tr.push_back(monte_carlo_traces(*weights[b], opt.trace_order, opt.seed, static_cast<uint64_t>(b) * kTraceVectors));
    Evaluator eval = [&](double rho, const Eigen::VectorXd& beta, const Eigen::VectorXd& theta) {
      return stack(share, [&](size_t b) { return series_impacts(tr[b], rho, beta, theta); });
    };
    return simulate(eval, in, opt, {-1.0, 1.0}, tr[0].method + stacked);
  }
  std::vector<ExactImpactsOfW> exact;
  exact.reserve(weights.size());
  std::pair<double, double> interval{-std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
  for (const SparseRM* w : weights) {
    exact.emplace_back(*w);
    // rho's admissible values: the intersection of the W_t's
    interval.first = std::max(interval.first, exact.back().interval().first);
    interval.second = std::min(interval.second, exact.back().interval().second);
  }
  Evaluator eval = [&](double rho, const Eigen::VectorXd& beta, const Eigen::VectorXd& theta) {
    return stack(share, [&](size_t b) { return exact[b](rho, beta, theta); });
  };
  return simulate(eval, in, opt, interval, "exact (eigenvalues)" + stacked);
}
}  // namespace

Impacts stacked_spatial_impacts(const std::vector<const SparseRM*>& weights, const std::vector<size_t>& copies,
                                const ImpactsInput& in, const ImpactsOptions& opt) {
  Impacts im = stacked_spatial_impacts_as_defined(weights, copies, in, opt);
  im.note = row_sums_note(weights);
  return im;
}

PowerTraces monte_carlo_traces(const SparseRM& w, int order, unsigned long long seed, uint64_t first_stream) {
  if (order < 2) throw SpecError("impacts: trace_order must be >= 2");
  const Eigen::Index n = w.rows();
  PowerTraces t;
  t.n = n;
  t.trace.resize(order);
  t.sum.resize(order + 1);
  t.method = "Monte Carlo traces (order " + std::to_string(order) + ", " + std::to_string(kTraceVectors) + " vectors)";
  Block x(n, kTraceVectors);
  for (int c = 0; c < kTraceVectors; ++c) {
    Rng rng = draw_stream(seed, first_stream + static_cast<uint64_t>(c));
    for (Eigen::Index i = 0; i < n; ++i) x(i, c) = standard_normal(rng);
  }
  // E[x' A x] = tr(A) for x ~ N(0, I) (Hutchinson 1989; Barry & Pace 1999), the 16 vectors in one
  // row-major block, so each product with W is one pass over its non-zeros.
  const auto mean_dot = [](const Block& a, const Block& b) { return (a.array() * b.array()).colwise().sum().mean(); };
  Block p = x, next(n, kTraceVectors);
  if (const auto s = symmetrizing_scales(w)) {
    // W similar to the symmetric S = diag(s) W diag(s)^-1: tr(W^j) = tr(S^j) and x'S^j x =
    // (S^a x)'(S^b x) for a + b = j, so S^a x up to a = order/2 give every trace (half the
    // products); S^a x = diag(s) W^a diag(s)^-1 x.
    Block prev = x, cur(n, kTraceVectors);
    p = x.array().colwise() / s->array();
    for (int a = 1; 2 * a - 1 <= order; ++a) {
      times_w(w, p, next);
      p.swap(next);
      cur = p.array().colwise() * s->array();
      t.trace(2 * a - 2) = mean_dot(prev, cur);                     // j = 2a - 1
      if (2 * a <= order) t.trace(2 * a - 1) = mean_dot(cur, cur);  // j = 2a
      prev.swap(cur);
    }
  } else {
    for (int j = 1; j <= order; ++j) {
      times_w(w, p, next);
      p.swap(next);
      t.trace(j - 1) = mean_dot(x, p);
    }
  }
  // 1'W^j 1, exactly.
  Eigen::VectorXd ones = Eigen::VectorXd::Ones(n);
  t.sum(0) = static_cast<double>(n);
  for (int j = 1; j <= order; ++j) {
    ones = w * ones;
    t.sum(j) = ones.sum();
  }
  t.trace(0) = w.diagonal().sum();                                // exact: tr(W)
  t.trace(1) = w.cwiseProduct(SparseRM(w.transpose())).sum();     // exact: tr(W^2) = sum_ij w_ij w_ji
  return t;
}

Impacts impacts_from_traces(const PowerTraces& tr, const ImpactsInput& in, const ImpactsOptions& opt) {
  check_input(in, opt);
  check_traces(tr);
  Evaluator eval = [&](double rho, const Eigen::VectorXd& beta, const Eigen::VectorXd& theta) { return series_impacts(tr, rho, beta, theta); };
  const std::string method = tr.method.empty() ? "traces (order " + std::to_string(tr.trace.size()) + ")" : tr.method;
  return simulate(eval, in, opt, {-1.0, 1.0}, method);
}

}  // namespace cbec
