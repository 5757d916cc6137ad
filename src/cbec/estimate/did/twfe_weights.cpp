#include "cbec/estimate/did/twfe_weights.hpp"

#include <Eigen/Cholesky>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/demean.hpp"
#include "cbec/formula/design.hpp"

namespace cbec {

TwfeWeightsResult twfe_weights(const Frame& frame, const StaggeredSpec& spec) {
  TwfeWeightsResult out;
  const Frame f = with_did(frame, spec);
  DesignOptions dopt;
  dopt.weights = spec.weights;
  dopt.drop_singletons = false;
  dopt.groups = {spec.unit};
  // The regression the table shows: its controls and any further fixed effects too, on its sample.
  const Design d = build_design(f, parse_formula(spec.formula({"did"})), dopt);
  const auto did_at = std::find(d.x_names.begin(), d.x_names.end(), "did");
  if (did_at == d.x_names.end()) throw DataError("the treatment dummy was dropped from the TWFE regression: the weights are not defined");
  const Eigen::Index j_did = did_at - d.x_names.begin();
  const Eigen::VectorXd D = d.X.col(j_did);
  const Eigen::Index n = D.size();
  const Eigen::VectorXd w = d.weighted() ? d.weights : Eigen::VectorXd::Ones(n);
  // eps: residual of D on the unit and period effects (Theorem 1) and, with controls or further
  // effects, on those as well (TwoWayFEWeights' feTR with controls: D regressed on all of them);
  // the controls enter by Frisch-Waugh-Lovell, D and the controls demeaned, then D's residual.
  Eigen::MatrixXd X = d.X;
  Demeaner(d.fixed_effects, d.weights).demean(X);
  Eigen::VectorXd eps = X.col(j_did);
  if (X.cols() > 1) {
    Eigen::MatrixXd C(n, X.cols() - 1);
    for (Eigen::Index c = 0, k = 0; c < X.cols(); ++c)
      if (c != j_did) C.col(k++) = X.col(c);
    const Eigen::MatrixXd CtW = C.transpose() * w.asDiagonal();
    eps -= C * (CtW * C).ldlt().solve(CtW * eps);
  }
  const double treated_w = w.dot(D);
  if (treated_w <= 0) throw DataError("no treated observation: the TWFE weights are not defined");
  // The TWFE coefficient by Frisch-Waugh-Lovell from the same residuals: eps'W y / eps'W D.
  out.beta = eps.dot(w.cwiseProduct(d.y)) / eps.dot(w.cwiseProduct(D));
  // W_gt = eps_gt / E[eps D | D = 1], so that the weights of treated cells sum to one.
  const double denom = w.dot(eps.cwiseProduct(D)) / treated_w;
  // Treated cells: natural weight P_gt / P(D = 1), weight = natural x W.
  struct Cell { double nat, W, weight, unit, time; };
  std::vector<Cell> cells;
  const auto& t = f.numeric(spec.time);
  const Factor& units = d.groups.at(spec.unit);
  for (Eigen::Index i = 0; i < n; ++i) {
    if (D[i] != 1) continue;
    Cell c{w[i] / treated_w, eps[i] / denom, 0, static_cast<double>(units.codes[static_cast<size_t>(i)]), t[d.rows[static_cast<size_t>(i)]]};
    c.weight = c.nat * c.W;
    if (std::abs(c.weight) < 1e-10) c.weight = 0;
    if (c.weight > 0) ++out.n_positive, out.sum_positive += c.weight;
    if (c.weight < 0) ++out.n_negative, out.sum_negative += c.weight;
    cells.push_back(c);
  }
  // Corollary 1 (i): |beta| / sd(W), the SD with the package's M / (M - 1) correction.
  double mean_W = 0, nat_sum = 0;
  for (const auto& c : cells) mean_W += c.nat * c.W, nat_sum += c.nat;
  mean_W /= nat_sum;
  double ss = 0;
  for (const auto& c : cells) ss += c.nat * (c.W - mean_W) * (c.W - mean_W);
  const double M = static_cast<double>(cells.size());
  out.sd_for_zero_att = std::abs(out.beta) / (std::sqrt(ss) * std::sqrt(M / (M - 1)));
  // Corollary 1 (ii): cumulated from the smallest W upwards, read from the largest down.
  out.sd_for_opposite_sign = std::numeric_limits<double>::quiet_NaN();
  if (out.sum_negative < 0) {
    std::vector<Cell> s;
    for (const auto& c : cells)
      if (c.weight != 0) s.push_back(c);
    std::sort(s.begin(), s.end(), [](const Cell& a, const Cell& b) {
      return a.W != b.W ? a.W < b.W : a.unit != b.unit ? a.unit > b.unit : a.time > b.time;
    });
    const size_t N = s.size();
    std::vector<double> P(N), S(N), T(N);
    double p = 0, sw = 0, tw = 0;
    for (size_t k = 0; k < N; ++k) {
      P[k] = p += s[k].nat;
      S[k] = sw += s[k].weight;
      T[k] = tw += s[k].nat * s[k].W * s[k].W;
    }
    // Descending order of W is the reverse (ties broken the other way, as the package does).
    std::vector<double> measure(N);
    std::vector<int> indicator(N);
    for (size_t j = 0; j < N; ++j) {
      const size_t k = N - 1 - j;
      measure[j] = std::abs(out.beta) / std::sqrt(T[k] + S[k] * S[k] / (1 - P[k]));
      indicator[j] = s[k].W < -S[k] / (1 - P[k]) ? 1 : 0;
    }
    indicator[0] = 0;
    std::vector<int> lagged(N);
    for (size_t j = 0; j < N; ++j) lagged[j] = std::max(indicator[j], j ? indicator[j - 1] : -1);
    const size_t total = static_cast<size_t>(std::accumulate(lagged.begin(), lagged.end(), 0));
    if (total >= 1 && total <= N) out.sd_for_opposite_sign = measure[N - total];
  }
  out.verdict = out.n_negative == 0
                    ? "All treated cells get positive weights: heterogeneous effects cannot reverse the sign of the TWFE estimate through negative weighting."
                    : fmt::format("{} of {} treated cells get negative weights (sum {:.4f}): with heterogeneous or dynamic effects the TWFE estimate can be biased, "
                                  "even of the wrong sign. Compare it with the heterogeneity-robust estimators (Callaway-Sant'Anna, Sun-Abraham, imputation).",
                                  out.n_negative, cells.size(), out.sum_negative);
  return out;
}

}  // namespace cbec
