#include "cbec/estimate/panel/threshold_nested.hpp"

namespace cbec::detail {

NestedProfile::NestedProfile(const SsrProfile& linear, const ThresholdGridSums& sums, const GridPairSums& pairs)
    : linear_(linear), sums_(sums), pairs_(pairs) {}

SsrProfile::Fit NestedProfile::operator()(const CrossSums& x, const std::vector<size_t>& fixed) const {
  const Eigen::Index p = linear_.design().cols(), m = sums_.DtD.front().rows();
  const Eigen::Index P = p + m * static_cast<Eigen::Index>(fixed.size());
  const size_t G = sums_.DtD.size();
  auto Dtx = [&](size_t g) { return Eigen::Map<const Eigen::VectorXd>(x.Dtx.data() + g * static_cast<size_t>(m), m); };
  // B_F'B_F and B_F'x.
  Eigen::MatrixXd gram(P, P);
  Eigen::VectorXd Bx(P);
  gram.topLeftCorner(p, p) = linear_.design_gram();
  Bx.head(p) = x.Btx;
  for (size_t a = 0; a < fixed.size(); ++a) {
    const Eigen::Index at = p + m * static_cast<Eigen::Index>(a);
    gram.block(0, at, p, m) = linear_.cross_design(fixed[a]);
    gram.block(at, 0, m, p) = linear_.cross_design(fixed[a]).transpose();
    for (size_t c = 0; c < fixed.size(); ++c) gram.block(at, p + m * static_cast<Eigen::Index>(c), m, m) = pairs_(fixed[a], fixed[c]);
    Bx.segment(at, m) = Dtx(fixed[a]);
  }
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(gram);
  const Eigen::VectorXd b = ldlt.solve(Bx);
  SsrProfile::Fit fit;
  fit.linear = x.xx - b.dot(Bx);
  fit.sse.resize(G);
  Eigen::MatrixXd BD(P, m), W(P, m), schur(m, m);   // B_F'D, (B_F'B_F)^-1 B_F'D, the Schur complement
  Eigen::VectorXd v(m);                              // D'e
  Eigen::LDLT<Eigen::MatrixXd> factor(m);
  for (size_t g = 0; g < G; ++g) {
    BD.topRows(p) = linear_.cross_design(g);
    for (size_t a = 0; a < fixed.size(); ++a) BD.middleRows(p + m * static_cast<Eigen::Index>(a), m) = pairs_(fixed[a], g);
    v = Dtx(g);
    v.noalias() -= BD.transpose() * b;
    W = ldlt.solve(BD);
    schur = sums_.DtD[g];
    schur.noalias() -= BD.transpose() * W;
    factor.compute(schur);
    // D(g) in the span of B_F (or empty): S_1 = e'e (threshold_profile.cpp's test).
    fit.sse[g] = factor.vectorD().minCoeff() <= 1e-12 * sums_.scale[g] ? fit.linear : fit.linear - v.dot(factor.solve(v));
  }
  return fit;
}

}  // namespace cbec::detail
