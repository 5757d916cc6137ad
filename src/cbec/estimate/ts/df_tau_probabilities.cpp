#include "cbec/estimate/ts/df_tau_probabilities.hpp"

#include "cbec/stats/distributions.hpp"

namespace cbec {

const std::array<double, df_tau_n_probabilities>& df_tau_probabilities() {
  static const std::array<double, df_tau_n_probabilities> p = [] {
    std::array<double, df_tau_n_probabilities> out{};
    size_t k = 0;
    for (double v : {1.0, 2.0, 5.0}) out[k++] = v / 10000;
    for (int i = 1; i <= 10; ++i) out[k++] = i / 1000.0;     // .001 .. .010
    for (int i = 3; i <= 197; ++i) out[k++] = i / 200.0;     // .015 .. .985
    for (int i = 990; i <= 999; ++i) out[k++] = i / 1000.0;  // .990 .. .999
    for (double v : {9995.0, 9998.0, 9999.0}) out[k++] = v / 10000;
    return out;
  }();
  return p;
}

const std::array<double, df_tau_n_probabilities>& df_tau_probits() {
  static const std::array<double, df_tau_n_probabilities> z = [] {
    std::array<double, df_tau_n_probabilities> out{};
    for (size_t j = 0; j < out.size(); ++j) out[j] = q_normal(df_tau_probabilities()[j]);
    return out;
  }();
  return z;
}

}  // namespace cbec
