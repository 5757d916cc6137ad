// A simulated panel with a known cointegrating vector, for the cointegration simulation tests:
//   x_it = x_i,t-1 + e_it,  y_it = a_i + x_it' b + u_it,  u_it = r u_i,t-1 + v_it + 0.5 e_it,
// e, v independent N(0, 1) (the 0.5 e_it makes x endogenous; r < 1 cointegrated, r = 1 not), a_i = i.
#pragma once
#include <random>
#include <string>

#include "cbec/estimate/ts/cointegration_data.hpp"

namespace cbec::test {

inline CointegrationData simulate(size_t N, long T, const Eigen::VectorXd& b, double r, std::mt19937_64& rng) {
  std::normal_distribution<double> z(0, 1);
  CointegrationData d;
  d.y = "y";
  for (long j = 0; j < b.size(); ++j) d.x.push_back("x" + std::to_string(j + 1));
  const long k = b.size();
  for (size_t i = 0; i < N; ++i) {
    Eigen::MatrixXd X(T, k);
    Eigen::VectorXd y(T);
    Eigen::VectorXd x = Eigen::VectorXd::Zero(k);
    double u = 0;
    const double a = static_cast<double>(i);
    for (long t = 0; t < T; ++t) {
      Eigen::VectorXd e(k);
      for (long j = 0; j < k; ++j) e[j] = z(rng);
      x += e;
      u = r * u + z(rng) + 0.5 * e.sum();
      X.row(t) = x.transpose();
      y[t] = a + x.dot(b) + u;
    }
    d.units.push_back(std::to_string(i + 1));
    d.yi.push_back(y);
    d.xi.push_back(X);
    d.first_time.push_back(1);
    d.last_time.push_back(T);
  }
  return d;
}

// The same panel without unit intercepts (a_i = 0) and flagged for the no-deterministics case.
inline CointegrationData simulate_without_intercepts(size_t N, long T, const Eigen::VectorXd& b, double r, std::mt19937_64& rng) {
  CointegrationData d = simulate(N, T, b, r, rng);
  for (size_t i = 0; i < N; ++i) d.yi[i].array() -= static_cast<double>(i);
  d.intercept = false;
  return d;
}

}  // namespace cbec::test
