#include "cbec/estimate/spatial_models/impacts_of_fit.hpp"

namespace cbec {

std::optional<ImpactsInput> impacts_input(const RegressionResult& fit) {
  const long rho = fit.find("rho");
  if (rho < 0) return std::nullopt;
  ImpactsInput in;
  std::vector<long> beta, theta;
  for (size_t j = 0; j < fit.terms.size(); ++j) {
    const std::string& t = fit.terms[j];
    if (t == "rho" || t == "lambda" || t == "phi" || t == "(Intercept)" || t.rfind("lag.", 0) == 0 || t.rfind("W.", 0) == 0) continue;
    in.names.push_back(t);
    beta.push_back(static_cast<long>(j));
    long lag = fit.find("lag." + t);   // spatial_ml's name of W x (spatialreg's)
    if (lag < 0) lag = fit.find("W." + t);   // spatial_panel's
    if (lag >= 0) theta.push_back(lag);
  }
  if (in.names.empty()) return std::nullopt;
  const bool durbin = !theta.empty();
  if (durbin && theta.size() != beta.size()) return std::nullopt;   // every regressor's lag, or none
  std::vector<long> index = {rho};
  index.insert(index.end(), beta.begin(), beta.end());
  index.insert(index.end(), theta.begin(), theta.end());
  in.rho = fit.coef(rho);
  in.beta.resize(static_cast<Eigen::Index>(beta.size()));
  for (size_t k = 0; k < beta.size(); ++k) in.beta(static_cast<Eigen::Index>(k)) = fit.coef(beta[k]);
  in.theta.resize(static_cast<Eigen::Index>(theta.size()));
  for (size_t k = 0; k < theta.size(); ++k) in.theta(static_cast<Eigen::Index>(k)) = fit.coef(theta[k]);
  const auto m = static_cast<Eigen::Index>(index.size());
  in.vcov.resize(m, m);
  for (Eigen::Index a = 0; a < m; ++a)
    for (Eigen::Index b = 0; b < m; ++b) in.vcov(a, b) = fit.vcov(index[static_cast<size_t>(a)], index[static_cast<size_t>(b)]);
  return in;
}

}  // namespace cbec
