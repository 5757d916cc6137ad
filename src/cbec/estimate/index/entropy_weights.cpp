#include "cbec/estimate/index/entropy_weights.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cbec/core/error.hpp"

namespace cbec {

Eigen::VectorXd weights_from_entropy(const Eigen::VectorXd& e) {
  Eigen::VectorXd g = (1.0 - e.array()).matrix();
  const double total = g.sum();
  if (!(total > 0)) throw NumericError("every indicator has entropy 1: no indicator carries information");
  return g / total;
}

namespace {
void check_options(long m, const std::vector<std::string>& names, const EntropyOptions& o) {
  if (static_cast<long>(names.size()) != m) throw SpecError("one name per indicator is needed");
  if (o.standardize != "minmax" && o.standardize != "z")
    throw SpecError(fmt::format("unknown standardization '{}' for the entropy method; use minmax or z", o.standardize));
  if (!(o.shift >= 0)) throw SpecError("the shift must be zero or positive");
  if (!o.groups.empty() && static_cast<long>(o.groups.size()) != m) throw SpecError("give a group for every indicator (or none)");
}
}  // namespace

Eigen::MatrixXd entropy_standardize(const Eigen::MatrixXd& X, const std::vector<std::string>& names, const EntropyOptions& o) {
  const long n = X.rows(), m = X.cols();
  check_options(m, names, o);
  if (n < 2) throw DataError("the entropy weight method needs at least two observations");
  Eigen::MatrixXd S(n, m);
  for (long j = 0; j < m; ++j) {
    for (long i = 0; i < n; ++i)
      if (!std::isfinite(X(i, j)))
        throw DataError(fmt::format("indicator '{}' is missing or not finite in row {}; fill or drop it first (e.g. cbec transform --interpolate)", names[static_cast<size_t>(j)], i + 1));
    const bool neg = static_cast<long>(o.negative.size()) > j && o.negative[static_cast<size_t>(j)];
    Eigen::VectorXd v = X.col(j);
    if (o.standardize == "z") {
      const double mean = v.mean(), sd = std::sqrt((v.array() - mean).square().sum() / static_cast<double>(n - 1));
      v = sd > 0 ? Eigen::VectorXd((v.array() - mean) / sd) : Eigen::VectorXd::Zero(n);
      if (neg) v = -v;
      v = (v.array() - v.minCoeff()).matrix();
    } else {
      const double lo = v.minCoeff(), hi = v.maxCoeff();
      if (!(hi > lo)) v.setZero();
      else if (neg) v = ((hi - v.array()) / (hi - lo)).matrix();
      else v = ((v.array() - lo) / (hi - lo)).matrix();
    }
    S.col(j) = v;
  }
  return S;
}

EntropyResult entropy_of_standardized(const Eigen::MatrixXd& S, const std::vector<std::string>& names, const EntropyOptions& o) {
  const long n = S.rows(), m = S.cols();
  check_options(m, names, o);
  if (n < 2) throw DataError("the entropy weight method needs at least two observations");
  EntropyResult r;
  r.indicators = names;
  r.n = static_cast<size_t>(n);
  r.e.resize(m);
  for (long j = 0; j < m; ++j) {
    Eigen::VectorXd shares = (S.col(j).array() + o.shift).matrix();
    const double total = shares.sum();
    // A constant indicator: entropy exactly 1 (equal shares, or none), whatever the shift (its
    // shifted shares gave 1 + 2e-16 and a weight of -1e-15).
    if (!(total > 0) || S.col(j).maxCoeff() == S.col(j).minCoeff()) {
      r.e[j] = 1.0;
      r.warnings.push_back(fmt::format("indicator '{}' is constant: entropy 1, weight 0", names[static_cast<size_t>(j)]));
      continue;
    }
    double h = 0;
    for (long i = 0; i < n; ++i) {
      const double p = shares[i] / total;
      if (p > 0) h -= p * std::log(p);
    }
    r.e[j] = h / std::log(static_cast<double>(n));
  }
  r.g = (1.0 - r.e.array()).matrix();
  r.w = weights_from_entropy(r.e);
  r.scores = o.score_shifted ? Eigen::VectorXd((S.array() + o.shift).matrix() * r.w) : Eigen::VectorXd(S * r.w);
  r.shift = o.shift;
  r.score_shifted = o.score_shifted;
  for (long j = 0; j < static_cast<long>(o.groups.size()); ++j) {
    const std::string& grp = o.groups[static_cast<size_t>(j)];
    auto it = std::find_if(r.group_weights.begin(), r.group_weights.end(), [&](const auto& p) { return p.first == grp; });
    if (it == r.group_weights.end()) r.group_weights.emplace_back(grp, r.w[j]);
    else it->second += r.w[j];
  }
  return r;
}

EntropyResult entropy_weights(const Eigen::MatrixXd& X, const std::vector<std::string>& names, const EntropyOptions& o) {
  EntropyResult r = entropy_of_standardized(entropy_standardize(X, names, o), names, o);
  r.min = X.colwise().minCoeff().transpose();
  r.max = X.colwise().maxCoeff().transpose();
  return r;
}

}  // namespace cbec
