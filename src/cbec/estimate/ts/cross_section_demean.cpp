#include "cbec/estimate/ts/cross_section_demean.hpp"

#include <algorithm>

namespace cbec {

CointegrationData cross_section_demeaned(const CointegrationData& d) {
  const int64_t t0 = *std::min_element(d.first_time.begin(), d.first_time.end());
  const int64_t t1 = *std::max_element(d.last_time.begin(), d.last_time.end());
  const long periods = static_cast<long>(t1 - t0 + 1), k = static_cast<long>(d.x.size());
  Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(periods, k + 1);
  Eigen::VectorXd count = Eigen::VectorXd::Zero(periods);
  for (size_t i = 0; i < d.n_units(); ++i) {
    const long o = static_cast<long>(d.first_time[i] - t0), T = d.yi[i].size();
    sum.block(o, 0, T, 1) += d.yi[i];
    sum.block(o, 1, T, k) += d.xi[i];
    count.segment(o, T).array() += 1;
  }
  const Eigen::MatrixXd mean = sum.array().colwise() / count.array().max(1);
  CointegrationData out = d;
  for (size_t i = 0; i < d.n_units(); ++i) {
    const long o = static_cast<long>(d.first_time[i] - t0), T = d.yi[i].size();
    out.yi[i] -= mean.block(o, 0, T, 1);
    out.xi[i] -= mean.block(o, 1, T, k);
  }
  return out;
}

}  // namespace cbec
