#include "cbec/estimate/ols/weak_identification.hpp"

#include <fmt/format.h>

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <Eigen/SVD>
#include <limits>

#include "cbec/stats/distributions.hpp"

namespace cbec {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

bool has_stacked_form(const VcovSpec& v) {
  return v.type == "iid" || v.type == "HC0" || v.type == "HC1" || v.type == "CR1" || v.type == "DK";
}

// Joint variance of vec(Pi) (columns stacked) for X = Z Pi + V, all columns partialled.
// iid: Sigma (x) (Z'Z)^-1 with Sigma = V'V / (n - L), L = every first-stage parameter (cbec's iid s^2).
// Robust: the K equations as one stacked regression with scores v_ik z_i; its sandwich (bread
// I_K (x) (Z'Z)^-1) carries the small-sample factor of the chosen estimator (HC1: n/(n-L); CR1:
// G/(G-1) (n-1)/(n-L'), L' without fixed effects nested in the cluster; DK: the same with the periods as
// clusters), so the rk statistic below equals ivreg2's (ranktest's HC0/CR0 statistic times its factors (N-L)/N, resp.
// (N-L)/(N-1) (G-1)/G).
// Returns the variance and its t/F denominator degrees of freedom (n - L, or G - 1 when clustered, T - 1 for DK).
VcovOutput vec_pi_vcov(const PartialledFirstStage& fs, const Eigen::MatrixXd& X, const Eigen::MatrixXd& M,
                       const VcovSpec& spec) {
  const Eigen::MatrixXd& Z = fs.instruments;
  const long n = Z.rows(), L2 = Z.cols(), K = X.cols();
  const Eigen::MatrixXd V = X - Z * (M * (Z.transpose() * X));
  if (spec.type == "iid") {
    const double dof = static_cast<double>(n) - static_cast<double>(fs.n_params + fs.absorbed);
    const Eigen::MatrixXd sigma = V.transpose() * V / dof;
    VcovOutput out;
    out.V.resize(K * L2, K * L2);
    for (long a = 0; a < K; ++a)
      for (long b = 0; b < K; ++b) out.V.block(a * L2, b * L2, L2, L2) = sigma(a, b) * M;
    out.info.df = dof;
    return out;
  }
  Eigen::MatrixXd scores(n, K * L2);
  Eigen::MatrixXd bread = Eigen::MatrixXd::Zero(K * L2, K * L2);
  for (long k = 0; k < K; ++k) {
    scores.middleCols(k * L2, L2) = V.col(k).asDiagonal() * Z;
    bread.block(k * L2, k * L2, L2, L2) = M;
  }
  const Eigen::VectorXd ones = Eigen::VectorXd::Ones(n), no_weights;
  return compute_vcov(spec, {scores, ones, no_weights, bread, fs.design, fs.n_params, fs.absorbed});
}

// Kleibergen and Paap (2006, J. Econometrics 133, section 2) rk Wald statistic for H0: rank(Pi) = K - 1.
// Theta = F Pi G^-1 with F'F = Z'Z, G'G = X'X (the normalization of Stata's ranktest); SVD Theta = U S V'.
// KP's lambda = A_perp' Theta B_perp' with A_perp = U_2 T_A, B_perp = t_B v_K' (U_2: the last L2 - K + 1
// columns of U, v_K: the last column of V, T_A and t_B invertible), and the statistic
// lambda' Omega^-1 lambda is unchanged by invertible transformations of lambda, so it is computed with
// lambda = U_2' Theta v_K and Omega = R Var(vec Pi) R', R = (G^-1 v_K)' (x) (U_2' F),
// since vec(Theta) = (G^-T (x) F) vec(Pi).
double rk_wald(const Eigen::MatrixXd& X, const Eigen::MatrixXd& Z, const Eigen::MatrixXd& Pi, const Eigen::MatrixXd& var_pi) {
  const long K = X.cols(), L2 = Z.cols();
  const Eigen::MatrixXd F = Eigen::LLT<Eigen::MatrixXd>(Z.transpose() * Z).matrixU();
  const Eigen::MatrixXd G = Eigen::LLT<Eigen::MatrixXd>(X.transpose() * X).matrixU();
  const Eigen::MatrixXd Ginv = G.triangularView<Eigen::Upper>().solve(Eigen::MatrixXd::Identity(K, K));
  const Eigen::MatrixXd theta = F * Pi * Ginv;
  Eigen::JacobiSVD<Eigen::MatrixXd> svd(theta, Eigen::ComputeFullU | Eigen::ComputeFullV);
  const Eigen::MatrixXd U2 = svd.matrixU().rightCols(L2 - K + 1);
  const Eigen::VectorXd vK = svd.matrixV().col(K - 1);
  const Eigen::VectorXd lambda = U2.transpose() * theta * vK;
  const Eigen::VectorXd g = Ginv * vK;
  const Eigen::MatrixXd UF = U2.transpose() * F;
  Eigen::MatrixXd R(UF.rows(), K * L2);
  for (long k = 0; k < K; ++k) R.middleCols(k * L2, L2) = g[k] * UF;
  const Eigen::MatrixXd omega = R * var_pi * R.transpose();
  return lambda.dot(omega.ldlt().solve(lambda));
}

TestResult f_without_p(double stat, double df1, double df2, const std::string& note) {
  TestResult t;
  t.stat = stat;
  t.df1 = df1;
  t.df2 = df2;
  t.p_value = kNaN;
  t.distribution = "F";
  t.note = note;
  return t;
}

}  // namespace

void apply_sqrt_weights(Eigen::MatrixXd& m, const Eigen::VectorXd& weights) {
  if (weights.size()) m = weights.cwiseSqrt().asDiagonal() * m;
}

void weak_identification_tests(const PartialledFirstStage& fs, const VcovSpec& vcov,
                               const std::vector<std::string>& endog_names, RegressionResult& r) {
  const Eigen::MatrixXd& X = fs.endog;
  const Eigen::MatrixXd& Z = fs.instruments;
  const long K = X.cols(), L2 = Z.cols();
  const double n = static_cast<double>(X.rows()), L = static_cast<double>(fs.n_params + fs.absorbed);
  const Eigen::MatrixXd M = (Z.transpose() * Z).llt().solve(Eigen::MatrixXd::Identity(L2, L2));
  const Eigen::MatrixXd Pi = M * (Z.transpose() * X);
  // Cragg and Donald (1993); Stock and Yogo (2005, eq. 3.5): the smallest eigenvalue of
  // Sigma^-1/2 Pi'Z'Z Pi Sigma^-1/2 / L2, Sigma = V'V/(n - L) (ivreg2's "Cragg-Donald Wald F").
  {
    const Eigen::MatrixXd V = X - Z * Pi;
    const Eigen::MatrixXd sigma = V.transpose() * V / (n - L);
    Eigen::GeneralizedSelfAdjointEigenSolver<Eigen::MatrixXd> ges(Pi.transpose() * (Z.transpose() * Z) * Pi, sigma);
    r.tests["cragg_donald_f"] = f_without_p(ges.eigenvalues().minCoeff() / static_cast<double>(L2), static_cast<double>(L2), n - L,
        "Cragg-Donald Wald F (iid errors); compare with Stock-Yogo critical values");
  }
  if (!has_stacked_form(vcov)) {
    r.warnings.push_back(fmt::format("the Kleibergen-Paap and Sanderson-Windmeijer statistics are computed for iid, HC0, HC1, "
                                     "cluster (CR1) and Driscoll-Kraay variances; not reported with {}", vcov.type));
    return;
  }
  // ivreg2's rk Wald F: rk / L2 with the variance's small-sample factor (see vec_pi_vcov). With iid
  // errors it equals the Cragg-Donald F (Kleibergen and Paap 2006, section 3).
  if (K >= 2) {
    const VcovOutput v = vec_pi_vcov(fs, X, M, vcov);
    r.tests["kleibergen_paap_f"] = f_without_p(rk_wald(X, Z, Pi, v.V) / static_cast<double>(L2), static_cast<double>(L2), v.info.df, fmt::format("Kleibergen-Paap rk Wald F ({}); compare with Stock-Yogo critical values", vcov.describe()));
  }
  // Sanderson and Windmeijer (2016, J. Econometrics 190, eq. 13 and section 4): for x_j, the residual
  // e_j = x_j - X_{-j} d_j of the 2SLS regression of x_j on the other endogenous variables (instruments Z),
  // then F_SW = Wald(gamma = 0 in e_j = Z gamma + u) / (L2 - K + 1), as ivreg2.
  for (long j = 0; j < K; ++j) {
    Eigen::MatrixXd others(X.rows(), K - 1);
    for (long a = 0, c = 0; a < K; ++a)
      if (a != j) others.col(c++) = X.col(a);
    Eigen::MatrixXd e = X.col(j);
    if (K > 1) {
      const Eigen::MatrixXd fitted = Z * (M * (Z.transpose() * others));
      const Eigen::VectorXd d = (fitted.transpose() * others).ldlt().solve(fitted.transpose() * X.col(j));
      e -= others * d;
    }
    const Eigen::VectorXd gamma = M * (Z.transpose() * e);
    const VcovOutput v = vec_pi_vcov(fs, e, M, vcov);
    const double df1 = static_cast<double>(L2 - K + 1);
    TestResult t = f_without_p(gamma.dot(v.V.ldlt().solve(gamma)) / df1, df1, v.info.df, "Sanderson-Windmeijer conditional first-stage F");
    t.p_value = p_f_upper(t.stat, df1, v.info.df);
    r.tests["sanderson_windmeijer_f:" + endog_names[static_cast<size_t>(j)]] = t;
  }
}

}  // namespace cbec
