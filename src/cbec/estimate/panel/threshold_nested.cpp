#include "cbec/estimate/panel/threshold_nested.hpp"

namespace cbec::detail {

NestedProfile::NestedProfile(const SsrProfile& linear, const ThresholdGridSums& sums, const GridPairSums& pairs)
    : linear_(linear), sums_(sums), pairs_(pairs) {}

SsrProfile::Fit NestedProfile::operator()(const CrossSums& x, const std::vector<size_t>& fixed) const {
  const Eigen::Index p = linear_.design().cols(), m = sums_.DtD.front().rows();
  const Eigen::Index P = p + m * static_cast<Eigen::Index>(fixed.size());
  const size_t G = sums_.DtD.size();
  const auto Gm = static_cast<Eigen::Index>(G) * m;
  // B_F'D(g) for every grid point side by side, B_F'B_F and B_F'x.
  Eigen::MatrixXd BD(P, Gm), gram(P, P);
  Eigen::VectorXd Bx(P);
  BD.topRows(p) = linear_.cross_design();
  gram.topLeftCorner(p, p) = linear_.design_gram();
  Bx.head(p) = x.Btx;
  const Eigen::Map<const Eigen::VectorXd> Dtx(x.Dtx.data(), Gm);
  for (size_t a = 0; a < fixed.size(); ++a) {
    const Eigen::Index at = p + m * static_cast<Eigen::Index>(a), fa = static_cast<Eigen::Index>(fixed[a]) * m;
    pairs_.with(fixed[a], BD.middleRows(at, m));
    Bx.segment(at, m) = Dtx.segment(fa, m);
  }
  for (size_t a = 0; a < fixed.size(); ++a)   // [B'D(g_a); D(g_f)'D(g_a) for each f]
    gram.middleCols(p + m * static_cast<Eigen::Index>(a), m) = BD.middleCols(static_cast<Eigen::Index>(fixed[a]) * m, m);
  gram.bottomLeftCorner(P - p, p) = gram.topRightCorner(p, P - p).transpose();
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(gram);
  const Eigen::VectorXd b = ldlt.solve(Bx);
  SsrProfile::Fit fit;
  fit.linear = x.xx - b.dot(Bx);
  fit.sse.resize(G);
  // D'e and (B_F'B_F)^-1 B_F'D at every grid point, each in one product over the grid.
  const Eigen::VectorXd v = Dtx - BD.transpose() * b;
  const Eigen::MatrixXd W = ldlt.solve(BD);
  Eigen::MatrixXd schur(m, m);   // D'D - D'B_F (B_F'B_F)^-1 B_F'D
  Eigen::VectorXd w(m);
  Eigen::LDLT<Eigen::MatrixXd> factor(m);
  for (size_t g = 0; g < G; ++g) {
    const Eigen::Index at = static_cast<Eigen::Index>(g) * m;
    schur = sums_.DtD[g];
    schur.noalias() -= BD.middleCols(at, m).transpose() * W.middleCols(at, m);
    factor.compute(schur);
    if (rank_deficient(factor, sums_.scale[g])) {   // columns of D(g) spanned already: least squares without them
      fit.sse[g] = fit.linear - v.segment(at, m).dot(pseudo_inverse(schur, sums_.scale[g]) * v.segment(at, m));
      continue;
    }
    w = factor.solve(v.segment(at, m));
    fit.sse[g] = fit.linear - v.segment(at, m).dot(w);
  }
  return fit;
}

}  // namespace cbec::detail
