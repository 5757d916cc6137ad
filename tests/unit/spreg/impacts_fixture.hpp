// Reading impacts fixtures (tests/reference/spreg/*impacts*.R): JSON arrays as Eigen vectors and
// square matrices, and the relative comparison of a vector of impacts with the fixture's.
#pragma once
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <string>

namespace cbec::testing {

inline Eigen::VectorXd json_vector(const nlohmann::json& j) {
  Eigen::VectorXd v(static_cast<Eigen::Index>(j.size()));
  for (size_t i = 0; i < j.size(); ++i) v(static_cast<Eigen::Index>(i)) = j[i].get<double>();
  return v;
}

// A JSON array of rows.
inline Eigen::MatrixXd json_square_matrix(const nlohmann::json& rows) {
  const auto n = static_cast<Eigen::Index>(rows.size());
  Eigen::MatrixXd m(n, n);
  for (size_t i = 0; i < rows.size(); ++i)
    for (size_t j = 0; j < rows.size(); ++j) m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = rows[i][j].get<double>();
  return m;
}

// got[k] within tol * max(1e-12, |want[k]|) of want[k].
inline void expect_impacts_rel(const Eigen::VectorXd& got, const nlohmann::json& want, double tol, const std::string& what) {
  ASSERT_EQ(got.size(), static_cast<Eigen::Index>(want.size())) << what;
  for (Eigen::Index k = 0; k < got.size(); ++k) {
    const double w = want[static_cast<size_t>(k)].get<double>();
    EXPECT_NEAR(got(k), w, tol * std::max(1e-12, std::fabs(w))) << what << " [" << k << "]";
  }
}

}  // namespace cbec::testing
