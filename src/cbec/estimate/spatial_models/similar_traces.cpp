#include "cbec/estimate/spatial_models/similar_traces.hpp"

#include <Eigen/SparseCholesky>

#include <string>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/symmetric_form.hpp"

namespace cbec {

std::optional<SimilarTraces> similar_traces(const Eigen::SparseMatrix<double, Eigen::RowMajor>& w, double rho, const Eigen::VectorXd& v) {
  const auto s = symmetrizing_scales(w);
  if (!s) return std::nullopt;
  const long n = w.rows();
  const Eigen::SparseMatrix<double> S = symmetrized(w, *s);
  Eigen::SparseMatrix<double> a(n, n);
  a.setIdentity();
  a -= rho * S;
  const Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> ldlt(a);
  if (ldlt.info() != Eigen::Success) throw NumericError("spatial model: I - rho W is singular at rho = " + std::to_string(rho));
  const Eigen::MatrixXd inverse = ldlt.solve(Eigen::MatrixXd::Identity(n, n));
  const Eigen::MatrixXd h = S * inverse;  // H, symmetric
  const Eigen::ArrayXd s2 = s->array().square();
  SimilarTraces t;
  t.g = h.trace();
  t.gg = h.squaredNorm();
  // column j of H: sum_i H_ij^2 / s_i^2, times s_j^2
  t.gtg = ((h.array().square().colwise() / s2).colwise().sum().transpose() * s2).sum();
  // G v = diag(s)^-1 H diag(s) v
  t.gv = ((h * (s->array() * v.array()).matrix()).array() / s->array()).matrix();
  return t;
}

}  // namespace cbec
