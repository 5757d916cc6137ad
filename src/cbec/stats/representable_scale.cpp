#include "cbec/stats/representable_scale.hpp"

#include <fmt/format.h>

#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/formula/design.hpp"

namespace cbec {

void refuse_unrepresentable_scale(const std::string& name, const Eigen::Ref<const Eigen::VectorXd>& v, double ss, bool scan_small) {
  const bool overflow = !std::isfinite(ss);
  if (!overflow && !(scan_small && ss < 1e-280)) return;  // the usual case: no pass over v
  const double largest = v.size() ? v.cwiseAbs().maxCoeff() : 0.0;
  if (!overflow && !(largest > 0)) return;  // zeros, not vanishing squares
  throw DataError(fmt::format("'{}' has values of about {:.0e}, too {} for their squares in double precision ({}): rescale it (e.g. {}) "
                              "and run again", name, largest, overflow ? "large" : "small",
                              overflow ? "they overflow, so every estimate would be NaN" : "they vanish, so standard errors would be 0",
                              overflow ? "divide by 1e6, or take logs" : "multiply by 1e6"));
}

void refuse_unrepresentable_scale(const Design& d) {
  refuse_unrepresentable_scale(d.depvar, d.y, d.y.squaredNorm());
  for (long j = 0; j < d.X.cols(); ++j) refuse_unrepresentable_scale(d.x_names[static_cast<size_t>(j)], d.X.col(j), d.X.col(j).squaredNorm());
}

}  // namespace cbec
