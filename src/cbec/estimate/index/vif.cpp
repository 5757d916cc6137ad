#include "cbec/estimate/index/vif.hpp"

#include <fmt/format.h>

#include <Eigen/QR>
#include <algorithm>
#include <limits>

#include "cbec/core/error.hpp"

namespace cbec {

Eigen::VectorXd vif(const Eigen::MatrixXd& X, const std::vector<std::string>& names) {
  const long n = X.rows(), k = X.cols();
  if (k < 2) throw SpecError("VIF needs at least two variables");
  if (n <= k) throw DataError(fmt::format("VIF needs more observations ({}) than variables ({})", n, k));
  Eigen::VectorXd out(k);
  for (long j = 0; j < k; ++j) {
    Eigen::MatrixXd A(n, k);
    A.col(0).setOnes();
    for (long c = 0, a = 1; c < k; ++c)
      if (c != j) A.col(a++) = X.col(c);
    const Eigen::VectorXd y = X.col(j);
    const Eigen::VectorXd resid = y - A * A.colPivHouseholderQr().solve(y);
    const double tss = (y.array() - y.mean()).square().sum();
    if (!(tss > 0))
      throw DataError(fmt::format("'{}' is constant in the sample: its VIF is undefined (car::vif stops, Stata's regress omits it); leave it out",
                                  names[static_cast<size_t>(j)]));
    const double r2 = 1 - resid.squaredNorm() / tss;
    out[j] = r2 < 1 ? 1 / (1 - r2) : std::numeric_limits<double>::infinity();
  }
  return out;
}

std::vector<VifStep> vif_screen(const Eigen::MatrixXd& X, const std::vector<std::string>& names, double threshold, bool at_once) {
  std::vector<long> keep(static_cast<size_t>(X.cols()));
  for (size_t j = 0; j < keep.size(); ++j) keep[j] = static_cast<long>(j);
  std::vector<VifStep> steps;
  while (true) {
    Eigen::MatrixXd S(X.rows(), static_cast<long>(keep.size()));
    VifStep step;
    for (size_t a = 0; a < keep.size(); ++a) {
      S.col(static_cast<long>(a)) = X.col(keep[a]);
      step.names.push_back(names[static_cast<size_t>(keep[a])]);
    }
    step.vif = vif(S, step.names);
    if (at_once && steps.empty()) {
      // Every variable above the threshold, largest VIF first, while more than two remain.
      std::vector<long> order(keep.size());
      for (size_t a = 0; a < order.size(); ++a) order[a] = static_cast<long>(a);
      std::stable_sort(order.begin(), order.end(), [&](long a, long b) { return step.vif[a] > step.vif[b]; });
      std::vector<long> left = keep;
      for (long a : order)
        if (step.vif[a] > threshold && left.size() > 2) {
          step.dropped.push_back(step.names[static_cast<size_t>(a)]);
          left.erase(std::find(left.begin(), left.end(), keep[static_cast<size_t>(a)]));
        }
      if (!step.dropped.empty()) {
        keep = left;
        steps.push_back(step);
        continue;
      }
    }
    long worst = 0;
    const double max = step.vif.maxCoeff(&worst);
    if (!at_once && max > threshold && keep.size() > 2) {
      step.dropped = {step.names[static_cast<size_t>(worst)]};
      keep.erase(keep.begin() + worst);
      steps.push_back(step);
      continue;
    }
    steps.push_back(step);
    return steps;
  }
}

}  // namespace cbec
