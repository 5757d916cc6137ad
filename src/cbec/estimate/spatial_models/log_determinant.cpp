// ln|I - rho W| by eigenvalues, sparse factorization, Chebyshev or Monte-Carlo approximation
// (see log_determinant.hpp for the methods and their references).
#include "cbec/estimate/spatial_models/log_determinant.hpp"

#include <Eigen/Eigenvalues>
#include <Eigen/OrderingMethods>
#include <Eigen/SparseLU>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>
#include <vector>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/simultaneous_ldlt.hpp"
#include "cbec/estimate/spatial_models/symmetric_form.hpp"
#include "cbec/stats/replicate.hpp"

namespace cbec {

namespace {

using RowSparse = Eigen::SparseMatrix<double, Eigen::RowMajor>;
using ColSparse = Eigen::SparseMatrix<double>;

constexpr long kEigenMaxN = 2000;   // Auto: eigenvalues up to this n, sparse factorization above
constexpr int kChebyshevOrder = 5;  // spatialreg's cheb_setup q
constexpr int kMcOrder = 30;        // spatialreg's mcdet_setup m
constexpr int kMcVectors = 16;      // spatialreg's mcdet_setup p

}  // namespace

struct LogDeterminant::State {
  long n = 0;
  // Eigenvalues
  Eigen::VectorXd re, im;
  // SparseLU: the pattern-analysed factorizations of I - rho S (symmetric) or I - rho W
  ColSparse a;  // S or W
  bool symmetric = false;
  mutable Eigen::SparseLU<ColSparse> lu;
  // Symmetric: the upper triangle of P S P' (P the fill-reducing AMD ordering of I - rho S, found
  // once; the diagonal stored) and, in the same pattern, I - rho P S P' for each rho, factorized
  // in that order, several rho in one pass (simultaneous_ldlt.hpp): no matrix built and no
  // permutation per factorization.
  Eigen::VectorXd permuted_s, permuted_identity;  // the pattern's values of P S P' and of I
  std::optional<SimultaneousLdlt> ldlt;
  mutable std::vector<double> shifted_values;     // I - rho P S P' at the rho of one call, side by side
  // Chebyshev: tr(T_j(W)), j = 0..q; MonteCarlo: tr(W^k), k = 1..m
  std::vector<double> traces;
  // Without eigenvalues: W's spectral radius when W is non-negative (1 when row-standardized).
  double spectral_radius = 1;

  ColSparse shifted(double rho) const {
    ColSparse id(n, n);
    id.setIdentity();
    return id - rho * a;
  }

  void prepare_permuted_ldlt() {
    const ColSparse pattern = shifted(0.5);
    Eigen::PermutationMatrix<Eigen::Dynamic, Eigen::Dynamic, int> inverse;
    Eigen::AMDOrdering<int>()(ColSparse(pattern.selfadjointView<Eigen::Lower>()), inverse);
    ColSparse id(n, n);
    id.setIdentity();
    const ColSparse s_with_diagonal = a + 0.0 * id;  // S's values in I - rho S's pattern
    ColSparse permuted(n, n);
    permuted.selfadjointView<Eigen::Upper>() = s_with_diagonal.selfadjointView<Eigen::Lower>().twistedBy(inverse.inverse());
    permuted.makeCompressed();
    permuted_s = Eigen::Map<const Eigen::VectorXd>(permuted.valuePtr(), permuted.nonZeros());
    permuted_identity = Eigen::VectorXd::Zero(permuted.nonZeros());
    for (long j = 0; j < n; ++j)
      for (int k = permuted.outerIndexPtr()[j]; k < permuted.outerIndexPtr()[j + 1]; ++k)
        if (permuted.innerIndexPtr()[k] == j) permuted_identity[k] = 1;
    ldlt.emplace(permuted);
  }

  // ln|I - rho S| at each rho from the LDL' of I - rho P S P' (the sum of the logs of |D|).
  std::vector<double> symmetric_log_dets(const std::vector<double>& rhos) const {
    const long m = static_cast<long>(rhos.size());
    shifted_values.resize(static_cast<size_t>(permuted_s.size() * m));  // kept between calls: no fresh pages per call
    Eigen::Map<SimultaneousLdlt::Values> values(shifted_values.data(), permuted_s.size(), m);
    for (long j = 0; j < m; ++j) values.col(j) = permuted_identity - rhos[static_cast<size_t>(j)] * permuted_s;
    return ldlt->log_abs_dets(values);
  }
};

LogDetMethod parse_log_det_method(const std::string& name) {
  if (name == "auto") return LogDetMethod::Auto;
  if (name == "eigen") return LogDetMethod::Eigenvalues;
  if (name == "sparse") return LogDetMethod::SparseLU;
  if (name == "chebyshev") return LogDetMethod::Chebyshev;
  if (name == "mc") return LogDetMethod::MonteCarlo;
  throw SpecError("log-determinant method '" + name + "' is not one of auto, eigen, sparse, chebyshev, mc");
}

std::string log_det_method_name(LogDetMethod m) {
  switch (m) {
    case LogDetMethod::Auto: return "auto";
    case LogDetMethod::Eigenvalues: return "eigen";
    case LogDetMethod::SparseLU: return "sparse";
    case LogDetMethod::Chebyshev: return "chebyshev";
    case LogDetMethod::MonteCarlo: return "mc";
  }
  return "auto";
}

namespace {
// The spectral radius r of a non-negative W (its Perron root; 0 when W has a negative weight):
// power iteration on W + I, whose Perron root r + 1 dominates every other eigenvalue in modulus
// even when W's spectrum is symmetric (a bipartite lattice), bounded above by the Collatz-Wielandt
// ratio max_i ((W + I) x)_i / x_i (Horn and Johnson 2013, Theorem 8.1.26), which is returned.
double perron_root(const RowSparse& w) {
  if ((w.coeffs() < 0).any()) return 0;
  const long n = w.rows();
  Eigen::VectorXd x = Eigen::VectorXd::Ones(n);
  double upper = std::numeric_limits<double>::infinity();
  for (int iteration = 0; iteration < 1000; ++iteration) {
    const Eigen::VectorXd next = w * x + x;
    const Eigen::ArrayXd ratios = next.array() / x.array();
    const double lower = ratios.minCoeff();
    upper = std::min(upper, ratios.maxCoeff());
    if (upper - lower <= 1e-10 * upper) break;
    x = next / next.maxCoeff();
  }
  return upper - 1;
}
}  // namespace

LogDeterminant::LogDeterminant(const RowSparse& w, LogDetMethod method, unsigned seed)
    : method_(method), state_(std::make_shared<State>()) {
  if (w.rows() != w.cols() || w.rows() == 0) throw SpecError("log-determinant: W must be a non-empty square matrix");
  State& st = *state_;
  st.n = w.rows();
  if (method_ == LogDetMethod::Auto) method_ = st.n <= kEigenMaxN ? LogDetMethod::Eigenvalues : LogDetMethod::SparseLU;
  if (method_ != LogDetMethod::Eigenvalues) st.spectral_radius = perron_root(w);
  const double n = static_cast<double>(st.n);
  switch (method_) {
    case LogDetMethod::Eigenvalues: {
      if (const auto s = symmetrizing_scales(w)) {
        const Eigen::MatrixXd dense = Eigen::MatrixXd(symmetrized(w, *s));
        st.re = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(dense, Eigen::EigenvaluesOnly).eigenvalues();
        st.im = Eigen::VectorXd::Zero(st.n);
      } else {
        const Eigen::MatrixXd dense = Eigen::MatrixXd(ColSparse(w));
        const Eigen::VectorXcd ev = Eigen::EigenSolver<Eigen::MatrixXd>(dense, false).eigenvalues();
        st.re = ev.real();
        st.im = ev.imag();
      }
      break;
    }
    case LogDetMethod::SparseLU: {
      const auto s = symmetrizing_scales(w);
      st.symmetric = s.has_value();
      st.a = s ? symmetrized(w, *s) : ColSparse(w);
      if (st.symmetric)
        st.prepare_permuted_ldlt();
      else
        st.lu.analyzePattern(st.shifted(0.5));
      break;
    }
    case LogDetMethod::Chebyshev: {
      // The approximation interpolates ln(1 - rho x) on real x in [-1, 1], where its error is bounded
      // (Pace & LeSage 2004, section 3): W's eigenvalues must be real, W symmetric or similar to
      // symmetric (spatialreg's do_ldet refuses other weights the same way).
      if (!symmetrizing_scales(w))
        throw SpecError(
            "log-determinant method 'chebyshev' needs symmetric weights or row-standardized symmetric ones (real eigenvalues; "
            "spatialreg refuses the others too): these are not (one-way links, e.g. k nearest neighbours): use eigen, sparse or mc");
      // T_0 = I, T_1 = W, T_k = 2 W T_{k-1} - T_{k-2} (Pace & LeSage 2004, eq. 11).
      const ColSparse wc(w);
      ColSparse prev(st.n, st.n), cur = wc;
      prev.setIdentity();
      st.traces = {n, wc.diagonal().sum()};
      for (int k = 2; k <= kChebyshevOrder; ++k) {
        ColSparse next = 2.0 * ColSparse(wc * cur) - prev;
        st.traces.push_back(next.diagonal().sum());
        prev = std::move(cur);
        cur = std::move(next);
      }
      break;
    }
    case LogDetMethod::MonteCarlo: {
      // tr(W) and tr(W^2) = sum_ij W_ij W_ji exactly; tr(W^k) = E[n x'W^k x / x'x] for k >= 3.
      const ColSparse wc(w);
      st.traces.assign(kMcOrder, 0.0);
      st.traces[0] = wc.diagonal().sum();
      st.traces[1] = wc.cwiseProduct(ColSparse(wc.transpose())).sum();
      Rng rng(seed, 0);
      for (int v = 0; v < kMcVectors; ++v) {
        Eigen::VectorXd x(st.n);
        for (long i = 0; i < st.n; ++i) x[i] = (rng() & 1u) ? 1.0 : -1.0;
        Eigen::VectorXd p = x;
        for (int k = 1; k <= kMcOrder; ++k) {
          p = wc * p;
          if (k >= 3) st.traces[static_cast<size_t>(k - 1)] += n * x.dot(p) / x.squaredNorm() / kMcVectors;
        }
      }
      break;
    }
    case LogDetMethod::Auto: break;
  }
}

namespace {
// tr f(W) by the degree-q Chebyshev interpolant of f on [-1, 1] (Pace & LeSage 2004, eq. 10, 12):
// c_j = 2/(q+1) sum_k f(x_k) T_{j-1}(x_k), x_k = cos(pi (k - 1/2)/(q+1)), and
// tr f(W) ~ sum_j c_j tr(T_{j-1}(W)) - n c_1 / 2; f = ln(1 - rho x) gives ln|I - rho W|, its
// derivative in rho -x / (1 - rho x) the log-determinant's.
template <class F>
double chebyshev_trace(const LogDeterminant::State& st, F f) {
  const int q = kChebyshevOrder;
  double s = 0;
  for (int j = 1; j <= q + 1; ++j) {
    double c = 0;
    for (int k = 1; k <= q + 1; ++k) {
      const double t = std::numbers::pi * (k - 0.5) / (q + 1);
      c += f(std::cos(t)) * std::cos((j - 1) * t);
    }
    c *= 2.0 / (q + 1);
    s += c * st.traces[static_cast<size_t>(j - 1)];
    if (j == 1) s -= 0.5 * static_cast<double>(st.n) * c;
  }
  return s;
}
}  // namespace

double LogDeterminant::operator()(double rho) const {
  const State& st = *state_;
  switch (method_) {
    case LogDetMethod::Eigenvalues: {
      double s = 0;
      for (long i = 0; i < st.n; ++i) {
        const double a = 1 - rho * st.re[i], b = rho * st.im[i];
        s += 0.5 * std::log(a * a + b * b);
      }
      return s;
    }
    case LogDetMethod::SparseLU: {
      if (st.symmetric) return st.symmetric_log_dets({rho})[0];
      st.lu.factorize(st.shifted(rho));
      if (st.lu.info() != Eigen::Success) throw NumericError("log-determinant: the sparse LU factorization of I - rho W failed");
      return st.lu.logAbsDeterminant();
    }
    case LogDetMethod::Chebyshev: return chebyshev_trace(st, [rho](double x) { return std::log(1 - rho * x); });
    case LogDetMethod::MonteCarlo: {
      double s = 0, p = 1;
      for (int k = 1; k <= kMcOrder; ++k) {
        p *= rho;
        s -= p * st.traces[static_cast<size_t>(k - 1)] / k;
      }
      return s;
    }
    case LogDetMethod::Auto: break;
  }
  return 0;
}

std::vector<double> LogDeterminant::operator()(const std::vector<double>& rhos) const {
  if (method_ == LogDetMethod::SparseLU && state_->symmetric) return state_->symmetric_log_dets(rhos);
  std::vector<double> out;
  for (const double rho : rhos) out.push_back((*this)(rho));
  return out;
}

double LogDeterminant::derivative(double rho) const {
  const State& st = *state_;
  switch (method_) {
    case LogDetMethod::Eigenvalues: {
      // d/drho ln|1 - rho lambda| = -Re(lambda / (1 - rho lambda)).
      double s = 0;
      for (long i = 0; i < st.n; ++i) {
        const double a = 1 - rho * st.re[i], b = rho * st.im[i];
        s -= (st.re[i] - rho * (st.re[i] * st.re[i] + st.im[i] * st.im[i])) / (a * a + b * b);
      }
      return s;
    }
    case LogDetMethod::Chebyshev: return chebyshev_trace(st, [rho](double x) { return -x / (1 - rho * x); });
    case LogDetMethod::MonteCarlo: {
      double s = 0, p = 1;
      for (int k = 1; k <= kMcOrder; ++k) {
        s -= p * st.traces[static_cast<size_t>(k - 1)];
        p *= rho;
      }
      return s;
    }
    case LogDetMethod::SparseLU: {
      // Five-point central difference of the exact factorization (error O(h^4)).
      const double h = 1e-4;
      return (8 * ((*this)(rho + h) - (*this)(rho - h)) - ((*this)(rho + 2 * h) - (*this)(rho - 2 * h))) / (12 * h);
    }
    case LogDetMethod::Auto: break;
  }
  return 0;
}

std::pair<double, double> LogDeterminant::rho_interval() const {
  // Without eigenvalues: (-1, 1) for a row-standardized W (spatialreg's default interval); for a
  // non-negative W of spectral radius r > 1 (binary or distance weights) (-1/r, 1/r), where
  // I - rho W is non-singular (beyond 1/r the likelihood is not defined; the negative side is
  // narrower than (1/lambda_min, 0) when |lambda_min| < r).
  if (method_ != LogDetMethod::Eigenvalues) {
    const double r = state_->spectral_radius;
    return r > 1 + 1e-12 ? std::pair<double, double>{-1 / r, 1 / r} : std::pair<double, double>{-1.0, 1.0};
  }
  const double lo = state_->re.minCoeff(), hi = state_->re.maxCoeff();
  return {lo < 0 ? 1 / lo : -1.0, hi > 0 ? 1 / hi : 1.0};
}

const Eigen::VectorXd& LogDeterminant::eigen_real() const { return state_->re; }
const Eigen::VectorXd& LogDeterminant::eigen_imag() const { return state_->im; }

}  // namespace cbec
