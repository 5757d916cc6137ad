#include "cbec/estimate/panel/gmm.hpp"

#include <fmt/format.h>

#include <Eigen/Eigenvalues>
#include <Eigen/LU>
#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/stats/distributions.hpp"
#include "cbec/stats/representable_scale.hpp"

namespace cbec {

namespace {

// Inverse of a symmetric weight matrix; when its smallest eigenvalue is below 1e-9, the
// Moore-Penrose inverse (eigenvalues below sqrt(eps) times the largest count as zero, as MASS::ginv),
// as pgmm does.
Eigen::MatrixXd weight_inverse(const Eigen::MatrixXd& A, const std::string& which, std::vector<std::string>& warnings) {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(A);
  const Eigen::VectorXd& ev = es.eigenvalues();
  if (ev.size() > 0 && ev.minCoeff() >= 1e-9) return A.ldlt().solve(Eigen::MatrixXd::Identity(A.rows(), A.cols()));
  warnings.push_back(fmt::format("the {} weight matrix is singular (more instruments than the data identify); its generalized inverse is used", which));
  const double tol = std::sqrt(std::numeric_limits<double>::epsilon()) * ev.cwiseAbs().maxCoeff();
  Eigen::VectorXd inv = Eigen::VectorXd::Zero(ev.size());
  for (long k = 0; k < ev.size(); ++k)
    if (std::fabs(ev[k]) > tol) inv[k] = 1 / ev[k];
  return es.eigenvectors() * inv.asDiagonal() * es.eigenvectors().transpose();
}

// (X'Z W Z'X)^-1 and the GMM estimate (X'Z W Z'X)^-1 X'Z W Z'y (Hansen 1982; Arellano and Bond 1991, eq. 5).
Eigen::VectorXd gmm_step(const Eigen::MatrixXd& ZX, const Eigen::VectorXd& Zy, const Eigen::MatrixXd& W, Eigen::MatrixXd& B) {
  const Eigen::MatrixXd XZW = ZX.transpose() * W;
  Eigen::FullPivLU<Eigen::MatrixXd> lu(XZW * ZX);
  if (!lu.isInvertible())
    throw NumericError("the GMM regressors are collinear given the instruments (X'Z W Z'X is singular): drop a regressor or add instruments");
  B = lu.inverse();
  return B * (XZW * Zy);
}

std::vector<Eigen::VectorXd> residuals(const GmmSystem& s, const Eigen::VectorXd& b) {
  std::vector<Eigen::VectorXd> e;
  e.reserve(s.units.size());
  for (const auto& u : s.units) e.push_back(u.y - u.X * b);
  return e;
}

// The outcome and each regressor over every unit's rows, refused by name when their squares
// overflow or vanish in double precision (stats/representable_scale.hpp): the moment matrices would
// otherwise fail as "collinear given the instruments".
void refuse_unrepresentable(const GmmSystem& s, const std::string& depvar) {
  const long K = s.units.empty() ? 0 : s.units.front().X.cols();
  for (long j = -1; j < K; ++j) {
    std::vector<double> values;
    for (const GmmUnit& u : s.units) {
      if (u.y.size() == 0) continue;   // a unit without a usable row
      const double* from = j < 0 ? u.y.data() : u.X.col(j).data();   // X is column-major: a column is contiguous
      values.insert(values.end(), from, from + u.y.size());
    }
    const Eigen::Map<const Eigen::VectorXd> v(values.data(), static_cast<long>(values.size()));
    refuse_unrepresentable_scale(j < 0 ? depvar : s.terms[static_cast<size_t>(j)], v, v.squaredNorm());
  }
}

}  // namespace

GmmFit gmm_fit(const GmmSystem& s, int steps) {
  if (steps != 1 && steps != 2) throw SpecError(fmt::format("GMM steps are 1 or 2, not {}", steps));
  GmmFit f;
  f.steps = steps;
  const long p = s.units.front().Z.cols(), K = s.units.front().X.cols();
  if (p < K) throw SpecError(fmt::format("the model has {} coefficients but only {} instruments", K, p));
  f.ZX = Eigen::MatrixXd::Zero(p, K);
  Eigen::VectorXd Zy = Eigen::VectorXd::Zero(p);
  Eigen::MatrixXd ZHZ = Eigen::MatrixXd::Zero(p, p);
  for (const auto& u : s.units) {
    f.ZX += u.Z.transpose() * u.X;
    Zy += u.Z.transpose() * u.y;
    ZHZ += u.Z.transpose() * s.H * u.Z;
  }
  // One step: W1 = N (sum_i Z_i' H Z_i)^-1 (Arellano and Bond 1991, eq. 5 with H; pgmm's scale N).
  f.W1 = weight_inverse(ZHZ, "one-step", f.warnings) * static_cast<double>(s.units.size());
  f.coef_onestep = gmm_step(f.ZX, Zy, f.W1, f.B1);
  f.resid_onestep = residuals(s, f.coef_onestep);
  // Two step: W2 = (sum_i Z_i' e1_i e1_i' Z_i)^-1 (Arellano and Bond 1991, eq. 6).
  f.S = Eigen::MatrixXd::Zero(p, p);
  for (size_t i = 0; i < s.units.size(); ++i) {
    const Eigen::VectorXd ze = s.units[i].Z.transpose() * f.resid_onestep[i];
    f.S.noalias() += ze * ze.transpose();
  }
  f.W2 = weight_inverse(f.S, "two-step", f.warnings);
  if (steps == 1) {
    f.coef = f.coef_onestep;
    f.resid = f.resid_onestep;
  } else {
    f.coef = gmm_step(f.ZX, Zy, f.W2, f.B2);
    f.resid = residuals(s, f.coef);
  }
  return f;
}

GmmResult gmm(const Frame& frame, const GmmSpec& spec) {
  const GmmFormula formula = parse_gmm_formula(spec.formula);
  const GmmSystem s = gmm_system(frame, formula, spec.unit, spec.time, spec.layout);
  refuse_unrepresentable(s, formula.depvar);
  const GmmFit f = gmm_fit(s, spec.steps);
  GmmResult r;
  r.spec = spec;
  r.time_terms = s.time_terms;
  r.n_units = s.units.size();
  r.n_instruments = static_cast<size_t>(s.units.front().Z.cols());
  r.nobs_diff = s.nobs_diff;
  r.nobs_level = s.nobs_level;
  r.periods = s.periods;
  if (spec.steps == 2) r.coef_onestep = f.coef_onestep;

  RegressionResult& m = r.model;
  const bool system = spec.layout.model == GmmModel::System;
  m.estimator = system ? "gmm_system" : "gmm_difference";
  m.formula = spec.formula;
  m.depvar = formula.depvar;
  m.terms = s.terms;
  m.coef = f.coef;
  m.vcov = spec.robust ? gmm_robust_vcov(s, f) : f.classic_vcov();
  m.vcov_info.type = !spec.robust ? "classic" : spec.steps == 2 ? "Windmeijer" : "robust";
  m.vcov_info.cluster = {spec.unit};
  m.vcov_info.n_clusters = {r.n_units};
  m.vcov_info.df = std::numeric_limits<double>::infinity();
  m.vcov_info.small_sample = "none (pgmm)";
  m.nobs = s.nobs_diff + s.nobs_level;
  m.df_resid = std::numeric_limits<double>::infinity();
  m.dropped = s.dropped;
  m.warnings = f.warnings;

  m.tests["hansen"] = gmm_hansen(s, f);
  for (int order : {1, 2})
    if (s.diff_rows > static_cast<size_t>(order)) m.tests[fmt::format("ar{}", order)] = gmm_ar_test(s, f, order, m.vcov);
  // Wald chi2 of the regressors, and of the time dummies (not the intercept), as pgmm's summary.
  auto wald = [&](long from, long to) {
    const Eigen::VectorXd b = m.coef.segment(from, to - from);
    TestResult t;
    t.stat = b.dot(m.vcov.block(from, from, to - from, to - from).fullPivLu().solve(b));
    t.df1 = static_cast<double>(to - from);
    t.distribution = "chi2";
    t.p_value = p_chi2_upper(t.stat, t.df1);
    return t;
  };
  const long nx = static_cast<long>(s.n_regressors), K = static_cast<long>(s.terms.size());
  m.tests["wald_coef"] = wald(0, nx);
  const long first_dummy = nx + (system ? 1 : 0);
  if (K > first_dummy) m.tests["wald_time"] = wald(first_dummy, K);
  return r;
}

}  // namespace cbec
