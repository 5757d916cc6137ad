#include "cbec/estimate/spatial_models/impacts_of_fit.hpp"

#include <algorithm>

namespace cbec {

std::optional<ImpactsInput> impacts_input(const RegressionResult& fit) {
  const long rho = fit.find("rho");
  if (rho < 0) return std::nullopt;
  ImpactsInput in;
  std::vector<long> beta, theta;   // theta: -1 for a regressor without its lag (a Durbin subset)
  for (size_t j = 0; j < fit.terms.size(); ++j) {
    const std::string& t = fit.terms[j];
    if (t == "rho" || t == "lambda" || t == "phi" || t == "(Intercept)" || t.rfind("lag.", 0) == 0 || t.rfind("W.", 0) == 0) continue;
    in.names.push_back(t);
    beta.push_back(static_cast<long>(j));
    long lag = fit.find("lag." + t);   // spatial_ml's name of W x (spatialreg's)
    if (lag < 0) lag = fit.find("W." + t);   // spatial_panel's
    theta.push_back(lag);
  }
  if (in.names.empty()) return std::nullopt;
  // A Durbin model: theta_k = 0 with no variance for a regressor whose lag is not in the model
  // (spatialreg's Durbin = ~ x1: S_k = (I - rho W)^-1 beta_k I for the others).
  const bool durbin = std::any_of(theta.begin(), theta.end(), [](long l) { return l >= 0; });
  std::vector<long> index = {rho};
  index.insert(index.end(), beta.begin(), beta.end());
  if (durbin) index.insert(index.end(), theta.begin(), theta.end());
  in.rho = fit.coef(rho);
  in.beta.resize(static_cast<Eigen::Index>(beta.size()));
  for (size_t k = 0; k < beta.size(); ++k) in.beta(static_cast<Eigen::Index>(k)) = fit.coef(beta[k]);
  in.theta = Eigen::VectorXd::Zero(durbin ? static_cast<Eigen::Index>(theta.size()) : 0);
  for (size_t k = 0; durbin && k < theta.size(); ++k)
    if (theta[k] >= 0) in.theta(static_cast<Eigen::Index>(k)) = fit.coef(theta[k]);
  const auto m = static_cast<Eigen::Index>(index.size());
  in.vcov = Eigen::MatrixXd::Zero(m, m);
  for (Eigen::Index a = 0; a < m; ++a)
    for (Eigen::Index b = 0; b < m; ++b)
      if (index[static_cast<size_t>(a)] >= 0 && index[static_cast<size_t>(b)] >= 0)
        in.vcov(a, b) = fit.vcov(index[static_cast<size_t>(a)], index[static_cast<size_t>(b)]);
  return in;
}

}  // namespace cbec
