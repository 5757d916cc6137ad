#include "cbec/estimate/ols/vcov.hpp"

#include <fmt/format.h>

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <Eigen/QR>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/core/strings.hpp"
#include "cbec/estimate/ols/fixed_effects.hpp"
#include "cbec/estimate/ols/row_partition.hpp"
#include "cbec/stats/reduce_exchange.hpp"

namespace cbec {

namespace {

// Weighted residuals w_i e_i: the scores are s_i = w_i e_i z_i.
Eigen::VectorXd weighted_resid(const VcovInput& in) {
  return in.weights.size() ? Eigen::VectorXd(in.weights.cwiseProduct(in.resid)) : in.resid;
}

// Sum of scores within each level of a grouping (one pass per column, no n x k score matrix). The
// columns are shared by the threads, each column's sums made (zeroed, then added in row order) by
// one of them: the same numbers for any thread count.
Eigen::MatrixXd group_sums(const VcovInput& in, const std::vector<int32_t>& codes, size_t n_levels) {
  Eigen::VectorXd weighted;  // no copy of the residuals when unweighted
  if (in.weights.size()) weighted = weighted_resid(in);
  const double* we = in.weights.size() ? weighted.data() : in.resid.data();
  const long rows = in.Z.rows(), cols = in.Z.cols();
  Eigen::MatrixXd out(static_cast<long>(n_levels), cols);
#pragma omp parallel for schedule(dynamic, 1) if (rows * cols > (1L << 20))
  for (long j = 0; j < cols; ++j) {
    double* col = out.col(j).data();
    std::fill(col, col + n_levels, 0.0);
    const double* z = in.Z.col(j).data();
    for (long i = 0; i < rows; ++i) col[codes[static_cast<size_t>(i)]] += we[i] * z[i];
  }
  return out;
}

// Each row's cell of several groupings as one integer (the groupings' codes in mixed radix).
std::vector<int64_t> cell_keys(const std::vector<const Factor*>& fs) {
  std::vector<int64_t> key(fs[0]->codes.size(), 0);
  for (const Factor* f : fs)
    for (size_t i = 0; i < key.size(); ++i) key[i] = key[i] * static_cast<int64_t>(f->n_levels) + f->codes[i];
  return key;
}

std::vector<int64_t> sorted_unique(std::vector<int64_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// The rows' cells coded by their rank among `cells` (sorted, holding every row's key).
Factor coded(const std::vector<int64_t>& key, const std::vector<int64_t>& cells) {
  Factor out;
  out.codes.resize(key.size());
  for (size_t i = 0; i < key.size(); ++i) out.codes[i] = static_cast<int32_t>(std::lower_bound(cells.begin(), cells.end(), key[i]) - cells.begin());
  out.n_levels = cells.size();
  return out;
}

// Intersection of several groupings.
Factor intersect(const std::vector<const Factor*>& fs) {
  const std::vector<int64_t> key = cell_keys(fs);
  return coded(key, sorted_unique(key));
}

// With split rows: the intersection of groupings none of which lies within one process, coded as
// over all rows (the processes' cells gathered and merged), so that its score sums can be added.
Factor intersect_over_processes(const std::vector<const Factor*>& fs, ReduceExchange& ex) {
  const std::vector<int64_t> key = cell_keys(fs);
  const std::vector<int64_t> mine = sorted_unique(key);
  std::vector<size_t> lengths;
  const std::string all = ex.all_gather(std::string_view(reinterpret_cast<const char*>(mine.data()), mine.size() * sizeof(int64_t)), lengths);
  std::vector<int64_t> cells(all.size() / sizeof(int64_t));
  if (!cells.empty()) std::memcpy(cells.data(), all.data(), cells.size() * sizeof(int64_t));
  return coded(key, sorted_unique(std::move(cells)));
}

}  // namespace

size_t absorbed_not_nested(const Design& design, size_t absorbed, const std::vector<const Factor*>& clusters) {
  std::vector<Factor> kept;
  for (const auto& fe : design.fixed_effects) {
    bool nested = std::any_of(clusters.begin(), clusters.end(), [&](const Factor* c) { return nested_in(fe, *c); });
    if (!nested) kept.push_back(fe);
  }
  if (kept.size() == design.fixed_effects.size()) return absorbed;
  // Every fixed effect nested: one parameter remains for the intercept (fixest, reghdfe).
  if (kept.empty()) return 1;
  return absorbed_parameters(kept);
}

namespace {

// (I - H_gg)^(-1/2) for a symmetric positive semi-definite I - H_gg (pseudo-inverse for zero
// eigenvalues, as clubSandwich).
Eigen::MatrixXd inv_sqrt(const Eigen::MatrixXd& m) {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(m);
  Eigen::VectorXd ev = es.eigenvalues();
  const double tol = 1e-12 * std::max(1.0, ev.cwiseAbs().maxCoeff());
  for (long k = 0; k < ev.size(); ++k) ev[k] = ev[k] > tol ? 1.0 / std::sqrt(ev[k]) : 0.0;
  return es.eigenvectors() * ev.asDiagonal() * es.eigenvectors().transpose();
}

// A multi-way cluster variance (CGM 2011, eq. 2.13) need not be positive semi-definite. One with a
// negative variance on its diagonal is replaced as fixest 0.12 does (its vcov_fix, mat_posdef_fix):
// V = U max(Lambda, 1e-10) U', the fix of Cameron, Gelbach and Miller (2011, section 2.3) with
// fixest's floor. One whose variances are all positive is kept as it is (fixest); reghdfe would set
// its negative eigenvalues to zero. Either case is said in a warning.
void fix_multiway_variance(VcovOutput& out) {
  constexpr double kFloor = 1e-10;
  if ((out.V.diagonal().array() < 0).any()) {
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(out.V);
    const Eigen::VectorXd floored = es.eigenvalues().cwiseMax(kFloor);
    out.V = es.eigenvectors() * floored.asDiagonal() * es.eigenvectors().transpose();
    out.warnings.push_back(
        "the multi-way cluster variance matrix had a negative variance on its diagonal; it was made positive semi-definite "
        "by raising its eigenvalues below 1e-10 to 1e-10 (Cameron, Gelbach and Miller 2011; as fixest)");
    return;
  }
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(out.V, Eigen::EigenvaluesOnly);
  if (es.eigenvalues().size() > 0 && es.eigenvalues().minCoeff() < 0)
    out.warnings.push_back(
        "the multi-way cluster variance matrix is not positive semi-definite (its variances are positive, so it is used as "
        "it is, as fixest does; reghdfe would set its negative eigenvalues to zero)");
}

// Rows of each level of a grouping.
std::vector<std::vector<long>> members_of(const Factor& g) {
  std::vector<std::vector<long>> members(g.n_levels);
  for (size_t i = 0; i < g.codes.size(); ++i) members[static_cast<size_t>(g.codes[i])].push_back(static_cast<long>(i));
  return members;
}

Eigen::MatrixXd rows_of(const Eigen::Ref<const Eigen::MatrixXd>& A, const std::vector<long>& rows) {
  Eigen::MatrixXd out(static_cast<long>(rows.size()), A.cols());
  for (size_t r = 0; r < rows.size(); ++r) out.row(static_cast<long>(r)) = A.row(rows[r]);
  return out;
}

// F with F'F = S for a symmetric positive semi-definite S (rows for the non-zero eigenvalues only):
// q'Sq = ||F q||^2, and S+ = G'G for G the same factor of the pseudo-inverse.
void psd_factors(const Eigen::MatrixXd& S, Eigen::MatrixXd* factor, Eigen::MatrixXd* pinv_factor) {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(S);
  const Eigen::VectorXd& ev = es.eigenvalues();
  const double tol = 1e-10 * std::max(1e-300, ev.cwiseAbs().maxCoeff());
  std::vector<long> keep;
  for (long k = 0; k < ev.size(); ++k)
    if (ev[k] > tol) keep.push_back(k);
  const long r = static_cast<long>(keep.size());
  if (factor) factor->resize(r, S.rows());
  if (pinv_factor) pinv_factor->resize(r, S.rows());
  for (long a = 0; a < r; ++a) {
    const long k = keep[static_cast<size_t>(a)];
    if (factor) factor->row(a) = std::sqrt(ev[k]) * es.eigenvectors().col(k).transpose();
    if (pinv_factor) pinv_factor->row(a) = es.eigenvectors().col(k).transpose() / std::sqrt(ev[k]);
  }
}

// The non-nested fixed effects inside one cluster: F_g has one 1 per row and fixed effect, so
// F~_g = (I - P_N,g) F_g is kept implicit (P_N,g: the within-cluster projection on the nested
// fixed effects), except with several nested fixed effects where F~_g is formed.
struct ClusterFe {
  std::vector<long> levels;             // global columns present in the cluster
  std::vector<std::vector<long>> col;   // per non-nested fixed effect, per row: local column
  std::vector<long> group;              // one nested fixed effect: local level of each row
  long n_groups = 0;
  Eigen::MatrixXd dense;                // F~_g, several nested fixed effects only

  // (I - P_N,g) X, one nested fixed effect (group means subtracted) or none.
  Eigen::MatrixXd project(Eigen::MatrixXd X) const {
    if (group.empty()) return X;
    Eigen::MatrixXd means = Eigen::MatrixXd::Zero(n_groups, X.cols());
    Eigen::VectorXd count = Eigen::VectorXd::Zero(n_groups);
    for (long r = 0; r < X.rows(); ++r) {
      means.row(group[static_cast<size_t>(r)]) += X.row(r);
      count[group[static_cast<size_t>(r)]] += 1;
    }
    for (long a = 0; a < n_groups; ++a) means.row(a) /= count[a];
    for (long r = 0; r < X.rows(); ++r) X.row(r) -= means.row(group[static_cast<size_t>(r)]);
    return X;
  }
  // F~_g' Y (L_g x Y.cols()).
  Eigen::MatrixXd Ft_times(const Eigen::MatrixXd& Y) const {
    if (dense.size()) return dense.transpose() * Y;
    const Eigen::MatrixXd PY = project(Y);
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(static_cast<long>(levels.size()), Y.cols());
    for (const auto& c : col)
      for (long r = 0; r < PY.rows(); ++r) out.row(c[static_cast<size_t>(r)]) += PY.row(r);
    return out;
  }
  // F~_g C F~_g' for C over the global columns.
  Eigen::MatrixXd leverage(const Eigen::MatrixXd& C) const {
    const long ng = static_cast<long>(col.empty() ? 0 : col[0].size());
    const long m = static_cast<long>(levels.size());
    Eigen::MatrixXd Cg(m, m);
    for (long a = 0; a < m; ++a)
      for (long b = 0; b < m; ++b) Cg(a, b) = C(levels[static_cast<size_t>(a)], levels[static_cast<size_t>(b)]);
    if (dense.size()) return dense * Cg * dense.transpose();
    // F_g C F_g' by gathering (one 1 per row and fixed effect), then (I - P) . (I - P).
    Eigen::MatrixXd H = Eigen::MatrixXd::Zero(ng, ng);
    for (const auto& cq : col)
      for (const auto& cr : col)
        for (long b = 0; b < ng; ++b)
          for (long a = 0; a < ng; ++a) H(a, b) += Cg(cq[static_cast<size_t>(a)], cr[static_cast<size_t>(b)]);
    if (group.empty()) return H;
    H = project(H);
    return project(H.transpose()).transpose();
  }
};

// Leverage of the absorbed fixed effects inside the cluster blocks, for CR2.
//
// The hat matrix of the full design [Z, D] (D: fixed-effect dummies) is H = P_D + Z~ M Z~', Z~ the
// demeaned regressors. Split D into the fixed effects nested in the cluster (N) and the others (F):
// P_D = P_N + P_F~ with F~ = F demeaned by N. P_N is block diagonal by cluster, and the residuals,
// Z~ and F~ are orthogonal to it inside every cluster, so with the pseudo-inverse square root it does
// not change A_g Z~_g or A_g e_g: it is left out, as clubSandwich does for plm within models
// (Pustejovsky and Tipton 2018, JBES 36(4), Theorem 2, which holds in the form revised in the
// authors' 2022 corrigendum: unweighted least squares with an identity working model, cbec's case).
// The non-nested part enters H_gg as F~_g C F~_g', C = (F~'F~)^+ (an L x L matrix, L the levels of
// the non-nested fixed effects), and H_gh = Z~_g M Z~_h' + F~_g C F~_h' in the Satterthwaite degrees
// of freedom. Nothing n x n is formed: per cluster n_g x n_g blocks, and C once.
struct AbsorbedLeverage {
  std::vector<const Factor*> nested, other;
  std::vector<long> offset;   // first column of each non-nested fixed effect
  long L = 0;
  Eigen::MatrixXd C;          // (F~'F~)^+
  Eigen::MatrixXd C_half;     // rank x L with C_half' C_half = C
  bool active() const { return L > 0; }

  // The cluster's non-nested fixed effects; `local` (size L, all -1) is scratch space.
  ClusterFe block(const std::vector<long>& rows, std::vector<long>& local) const {
    ClusterFe fe;
    const long ng = static_cast<long>(rows.size());
    fe.col.assign(other.size(), std::vector<long>(rows.size()));
    for (size_t q = 0; q < other.size(); ++q)
      for (size_t r = 0; r < rows.size(); ++r) {
        const long c = offset[q] + other[q]->codes[static_cast<size_t>(rows[r])];
        if (local[static_cast<size_t>(c)] < 0) {
          local[static_cast<size_t>(c)] = static_cast<long>(fe.levels.size());
          fe.levels.push_back(c);
        }
        fe.col[q][r] = local[static_cast<size_t>(c)];
      }
    for (long c : fe.levels) local[static_cast<size_t>(c)] = -1;
    if (nested.size() == 1) {
      const auto& codes = nested[0]->codes;
      std::vector<int32_t> keys;
      fe.group.resize(rows.size());
      for (size_t r = 0; r < rows.size(); ++r) {
        const int32_t code = codes[static_cast<size_t>(rows[r])];
        auto it = std::find(keys.begin(), keys.end(), code);
        fe.group[r] = it - keys.begin();
        if (it == keys.end()) keys.push_back(code);
      }
      fe.n_groups = static_cast<long>(keys.size());
    } else if (nested.size() > 1) {
      // Several nested fixed effects: F~_g = residuals of F_g on their dummies within the cluster.
      Eigen::MatrixXd Fg = Eigen::MatrixXd::Zero(ng, static_cast<long>(fe.levels.size()));
      for (const auto& cq : fe.col)
        for (long r = 0; r < ng; ++r) Fg(r, cq[static_cast<size_t>(r)]) = 1.0;
      std::vector<std::pair<size_t, int32_t>> keys;
      std::vector<std::vector<long>> which(nested.size(), std::vector<long>(rows.size()));
      for (size_t q = 0; q < nested.size(); ++q)
        for (size_t r = 0; r < rows.size(); ++r) {
          const std::pair<size_t, int32_t> key{q, nested[q]->codes[static_cast<size_t>(rows[r])]};
          auto it = std::find(keys.begin(), keys.end(), key);
          which[q][r] = it - keys.begin();
          if (it == keys.end()) keys.push_back(key);
        }
      Eigen::MatrixXd Dg = Eigen::MatrixXd::Zero(ng, static_cast<long>(keys.size()));
      for (size_t q = 0; q < nested.size(); ++q)
        for (long r = 0; r < ng; ++r) Dg(r, which[q][static_cast<size_t>(r)]) = 1.0;
      Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> cod(Dg);
      fe.dense = Fg - Dg * cod.solve(Fg);
    }
    return fe;
  }
};

constexpr long kMaxNonNestedLevels = 2000;

AbsorbedLeverage absorbed_leverage(const VcovInput& in, const Factor& g, const std::vector<std::vector<long>>& members) {
  AbsorbedLeverage lev;
  for (const auto& fe : in.design.fixed_effects) (nested_in(fe, g) ? lev.nested : lev.other).push_back(&fe);
  for (const Factor* f : lev.other) {
    lev.offset.push_back(lev.L);
    lev.L += static_cast<long>(f->n_levels);
  }
  if (!lev.active()) return lev;
  if (lev.L > kMaxNonNestedLevels)
    throw SpecError(fmt::format("CR2: the fixed effects not nested in the cluster variable '{}' have {} levels; their leverage is computed for at most {}. "
                                "Cluster by a variable the fixed effects are nested in, or use CR1 (cluster:{})",
                                g.name.empty() ? "cluster" : g.name, lev.L, kMaxNonNestedLevels, g.name));
  Eigen::MatrixXd FtF = Eigen::MatrixXd::Zero(lev.L, lev.L);
  std::vector<long> local(static_cast<size_t>(lev.L), -1);
  for (const auto& rows : members) {
    if (rows.empty()) continue;
    const ClusterFe fe = lev.block(rows, local);
    Eigen::MatrixXd Fg = Eigen::MatrixXd::Zero(static_cast<long>(rows.size()), static_cast<long>(fe.levels.size()));
    for (const auto& cq : fe.col)
      for (size_t r = 0; r < rows.size(); ++r) Fg(static_cast<long>(r), cq[r]) = 1.0;
    const Eigen::MatrixXd P = fe.Ft_times(Fg);   // F~_g'F~_g = F_g'(I - P_N,g)F_g
    const auto& lv = fe.levels;
    for (size_t a = 0; a < lv.size(); ++a)
      for (size_t b = 0; b < lv.size(); ++b) FtF(lv[a], lv[b]) += P(static_cast<long>(a), static_cast<long>(b));
  }
  psd_factors(FtF, nullptr, &lev.C_half);
  lev.C = lev.C_half.transpose() * lev.C_half;
  return lev;
}

// Satterthwaite degrees of freedom of coefficient j (Bell and McCaffrey 2002, section 3;
// Pustejovsky and Tipton 2018, eq. 11): the CR2 variance of c'b is sum_g (p_g'e_g)^2 with
// p_g = A_g W_g X_g M c; under the working model the p_g'e_g have covariance
// S_gh = [g == h] p_g' Phi_g p_g - r_g'r_h, r_g = F q_g, q_g the cluster's columns of the full
// design times p_g, F'F the matching block of the full bread. df = tr(S)^2 / ||S||_F^2, computed as
// ||S||_F^2 = sum_g d_g^2 - 2 sum_g d_g ||r_g||^2 + ||R R'||_F^2 without forming the G x G matrix S.
double satterthwaite(const Eigen::VectorXd& d, const Eigen::MatrixXd& R) {
  const Eigen::VectorXd rr = R.colwise().squaredNorm().transpose();
  const double tr = d.sum() - rr.sum();
  const double gram = R.rows() <= R.cols() ? (R * R.transpose()).squaredNorm() : (R.transpose() * R).squaredNorm();
  const double fro = d.squaredNorm() - 2 * d.dot(rr) + gram;
  return tr * tr / fro;
}

// CR2 (Bell and McCaffrey 2002, Survey Methodology 28(2); Pustejovsky and Tipton 2018, section 2,
// A_g = D_g' B_g^{+1/2} D_g with working model Phi = I):
// A_g = (I - H_gg)^(-1/2), H_gg the cluster block of the hat matrix of the full design including the
// absorbed fixed-effect dummies (see AbsorbedLeverage). Matches clubSandwich::vcovCR(type = "CR2")
// on lm with factor dummies and estimatr::lm_robust(fixed_effects =, se_type = "CR2").
VcovOutput cr2(const VcovSpec& spec, const VcovInput& in) {
  if (spec.cluster.size() != 1) throw SpecError("CR2 takes exactly one cluster variable, e.g. cr2:firm");
  if (in.weights.size()) throw SpecError("CR2 with observation weights is not supported; use CR1 (cluster:var) with weights");
  const Factor& g = in.design.grouping(spec.cluster[0]);
  const long k = in.Z.cols();
  const Eigen::MatrixXd& M = in.bread;
  const auto members = members_of(g);
  const AbsorbedLeverage lev = absorbed_leverage(in, g, members);
  const long G = static_cast<long>(g.n_levels);
  Eigen::MatrixXd meat = Eigen::MatrixXd::Zero(k, k);
  // Per cluster, for the degrees of freedom: p_g for every coefficient (P_g = A_g Z_g M, n_g x k),
  // Z_g'P_g and F~_g'P_g with the global columns of F~_g.
  std::vector<Eigen::MatrixXd> P(static_cast<size_t>(G)), ZP(static_cast<size_t>(G)), FP(static_cast<size_t>(G));
  std::vector<std::vector<long>> levels(static_cast<size_t>(G));
  std::vector<long> local(static_cast<size_t>(lev.L), -1);
  for (long c = 0; c < G; ++c) {
    const auto& rows = members[static_cast<size_t>(c)];
    if (rows.empty()) continue;
    const Eigen::MatrixXd Zg = rows_of(in.Z, rows);
    Eigen::VectorXd eg(static_cast<long>(rows.size()));
    for (size_t r = 0; r < rows.size(); ++r) eg[static_cast<long>(r)] = in.resid[rows[r]];
    Eigen::MatrixXd IH = Eigen::MatrixXd::Identity(Zg.rows(), Zg.rows()) - Zg * M * Zg.transpose();
    ClusterFe fe;
    if (lev.active()) {
      fe = lev.block(rows, local);
      IH -= fe.leverage(lev.C);
      levels[static_cast<size_t>(c)] = fe.levels;
    }
    const Eigen::MatrixXd A = inv_sqrt(IH);
    const Eigen::VectorXd sg = Zg.transpose() * (A * eg);
    meat += sg * sg.transpose();
    P[static_cast<size_t>(c)] = A * Zg * M;
    ZP[static_cast<size_t>(c)] = Zg.transpose() * P[static_cast<size_t>(c)];
    if (lev.active()) FP[static_cast<size_t>(c)] = fe.Ft_times(P[static_cast<size_t>(c)]);
  }
  VcovOutput out;
  out.V = M * meat * M;
  out.info.type = "CR2";
  out.info.cluster = spec.cluster;
  out.info.n_clusters = {g.n_levels};
  out.info.small_sample = lev.active() ? "Bell-McCaffrey (I - H_gg)^(-1/2) adjustment, H_gg with the leverage of the absorbed fixed effects; Satterthwaite df per coefficient"
                                       : "Bell-McCaffrey (I - H_gg)^(-1/2) adjustment; Satterthwaite df per coefficient";
  Eigen::MatrixXd Mhalf;
  psd_factors(M, &Mhalf, nullptr);
  const long rc = lev.active() ? lev.C_half.rows() : 0;
  out.info.df_coef.resize(k);
  for (long j = 0; j < k; ++j) {
    Eigen::VectorXd d = Eigen::VectorXd::Zero(G);
    Eigen::MatrixXd R = Eigen::MatrixXd::Zero(Mhalf.rows() + rc, G);
    for (long c = 0; c < G; ++c) {
      if (members[static_cast<size_t>(c)].empty()) continue;
      d[c] = P[static_cast<size_t>(c)].col(j).squaredNorm();
      R.col(c).head(Mhalf.rows()) = Mhalf * ZP[static_cast<size_t>(c)].col(j);
      if (rc) {
        const auto& lv = levels[static_cast<size_t>(c)];
        for (size_t a = 0; a < lv.size(); ++a) R.col(c).tail(rc) += lev.C_half.col(lv[a]) * FP[static_cast<size_t>(c)](static_cast<long>(a), j);
      }
    }
    out.info.df_coef[j] = satterthwaite(d, R);
  }
  out.info.df = static_cast<double>(G - 1);
  return out;
}

}  // namespace

VcovSpec VcovSpec::parse(const std::string& text, const std::string& panel_time) {
  VcovSpec s;
  const auto colon = text.find(':');
  const std::string head = lower_ascii(text.substr(0, colon));
  const std::string tail = colon == std::string::npos ? "" : text.substr(colon + 1);
  if (head == "iid" || head == "standard") s.type = "iid";
  else if (head == "hc0" || head == "hc1" || head == "hc2" || head == "hc3") s.type = "HC" + head.substr(2);
  else if (head == "robust" || head == "hetero") s.type = "HC1";
  else if (head == "cluster" || head == "cr1" || head == "cr2") {
    s.type = head == "cr2" ? "CR2" : "CR1";
    s.cluster = split_trimmed(tail, '+');
    if (s.cluster.empty()) throw SpecError(fmt::format("vcov '{}' needs cluster variables, e.g. cluster:firm or cluster:firm+year", text));
  } else if (head == "dk" || head == "driscoll-kraay") {
    s.type = "DK";
    s.time = panel_time;
    if (!tail.empty()) {
      try {
        s.lag = std::stoi(tail);
      } catch (...) {
        throw SpecError(fmt::format("vcov '{}': the Driscoll-Kraay lag must be a whole number, e.g. dk:2", text));
      }
    }
    if (s.time.empty()) throw SpecError("Driscoll-Kraay standard errors need a panel: declare it with --panel unit,time");
  } else {
    throw SpecError(fmt::format("unknown vcov '{}'; use iid, hc0..hc3, cluster:var[+var2], cr2:var or dk[:lag]", text));
  }
  return s;
}

std::string VcovSpec::describe() const {
  if (type == "CR1" || type == "CR2") return fmt::format("{} clustered by {}", type, fmt::join(cluster, " and "));
  if (type == "DK") return fmt::format("Driscoll-Kraay (time: {})", time);
  return type;
}

std::vector<std::string> VcovSpec::groups() const {
  std::vector<std::string> g = cluster;
  if (!time.empty()) g.push_back(time);
  return g;
}

VcovOutput cr2_random_effects(const VcovSpec& spec, const Eigen::MatrixXd& X, const Eigen::VectorXd& resid,
                              const Eigen::MatrixXd& bread, const Design& design, const Factor& unit, double ratio) {
  if (spec.type != "CR2" || spec.cluster.size() != 1) throw SpecError("CR2 takes exactly one cluster variable, e.g. cr2:firm");
  const Factor& g = design.grouping(spec.cluster[0]);
  if (!nested_in(unit, g))
    throw SpecError(fmt::format("CR2 after random effects needs the panel unit nested in the cluster variable '{}' (the working covariance is block diagonal by unit)", spec.cluster[0]));
  const long k = X.cols();
  const Eigen::MatrixXd& M = bread;
  const auto members = members_of(g);
  const long G = static_cast<long>(g.n_levels);
  Eigen::MatrixXd meat = Eigen::MatrixXd::Zero(k, k);
  std::vector<Eigen::MatrixXd> P(static_cast<size_t>(G)), XP(static_cast<size_t>(G));
  std::vector<Eigen::MatrixXd> PhiP(static_cast<size_t>(G));
  for (long c = 0; c < G; ++c) {
    const auto& rows = members[static_cast<size_t>(c)];
    if (rows.empty()) continue;
    const long ng = static_cast<long>(rows.size());
    const Eigen::MatrixXd Xg = rows_of(X, rows);
    Eigen::VectorXd eg(ng);
    Eigen::MatrixXd Phi = Eigen::MatrixXd::Identity(ng, ng);
    for (long a = 0; a < ng; ++a) {
      eg[a] = resid[rows[static_cast<size_t>(a)]];
      for (long b = 0; b < ng; ++b)
        if (unit.codes[static_cast<size_t>(rows[static_cast<size_t>(a)])] == unit.codes[static_cast<size_t>(rows[static_cast<size_t>(b)])]) Phi(a, b) += ratio;
    }
    Eigen::LLT<Eigen::MatrixXd> llt(Phi);
    const Eigen::MatrixXd D = llt.matrixU();                       // Phi = D'D
    const Eigen::MatrixXd B = D * (Phi - Xg * M * Xg.transpose()) * D.transpose();
    const Eigen::MatrixXd A = D.transpose() * inv_sqrt(B) * D;
    const Eigen::MatrixXd WX = llt.solve(Xg);                      // Phi_g^-1 X_g
    const Eigen::VectorXd sg = WX.transpose() * (A * eg);
    meat += sg * sg.transpose();
    P[static_cast<size_t>(c)] = A * WX * M;                        // p_g for every coefficient
    XP[static_cast<size_t>(c)] = Xg.transpose() * P[static_cast<size_t>(c)];
    PhiP[static_cast<size_t>(c)] = Phi * P[static_cast<size_t>(c)];
  }
  VcovOutput out;
  out.V = M * meat * M;
  out.info.type = "CR2";
  out.info.cluster = spec.cluster;
  out.info.n_clusters = {g.n_levels};
  out.info.small_sample = "Bell-McCaffrey adjustment with the random-effects working covariance as target (Pustejovsky-Tipton); Satterthwaite df per coefficient";
  Eigen::MatrixXd Mhalf;
  psd_factors(M, &Mhalf, nullptr);
  out.info.df_coef.resize(k);
  for (long j = 0; j < k; ++j) {
    Eigen::VectorXd d = Eigen::VectorXd::Zero(G);
    Eigen::MatrixXd R = Eigen::MatrixXd::Zero(Mhalf.rows(), G);
    for (long c = 0; c < G; ++c) {
      if (members[static_cast<size_t>(c)].empty()) continue;
      d[c] = P[static_cast<size_t>(c)].col(j).dot(PhiP[static_cast<size_t>(c)].col(j));
      R.col(c) = Mhalf * XP[static_cast<size_t>(c)].col(j);
    }
    out.info.df_coef[j] = satterthwaite(d, R);
  }
  out.info.df = static_cast<double>(G - 1);
  return out;
}

VcovOutput compute_vcov(const VcovSpec& spec, const VcovInput& in) { return compute_vcov(spec, in, nullptr); }

namespace {

// Coefficients whose clustered variance is zero up to rounding (its SE below 1e-8 of the iid one):
// the clusters' score sums cancel, as with two clusters and period effects (each period's two
// demeaned rows mirror each other), and a t statistic from it is meaningless (fixest and Stata print
// it without a word). Said, not changed.
std::string cancelled_cluster_scores(const VcovInput& in, const Eigen::MatrixXd& V, const RowPartition* part) {
  if (part) return "";
  const double s2 = in.resid.dot(weighted_resid(in)) / static_cast<double>(in.Z.rows());
  size_t cancelled = 0;
  for (Eigen::Index j = 0; j < V.rows(); ++j) cancelled += s2 > 0 && V(j, j) <= 1e-16 * s2 * in.bread(j, j);
  if (!cancelled) return "";
  return fmt::format("the clustered standard error{} of {} of the {} coefficients {} zero up to rounding (below 1e-8 of the iid one): the "
                     "clusters' score sums cancel (e.g. two clusters with period effects), so {} t statistic{} and p-value{} mean nothing",
                     cancelled == 1 ? "" : "s", cancelled, V.rows(), cancelled == 1 ? "is" : "are", cancelled == 1 ? "its" : "their",
                     cancelled == 1 ? "" : "s", cancelled == 1 ? "" : "s");
}

}  // namespace

VcovOutput compute_vcov(const VcovSpec& spec, const VcovInput& in, const RowPartition* part) {
  const double n = static_cast<double>(part ? part->n_total : static_cast<size_t>(in.Z.rows()));
  const double K = static_cast<double>(in.n_regressors + in.absorbed);
  const Eigen::MatrixXd& M = in.bread;
  VcovOutput out;
  out.info.type = spec.type;
  out.info.df = n - K;
  if (n - K <= 0) throw NumericError(fmt::format("no residual degrees of freedom: {} observations for {} parameters", n, K));
  if (spec.type == "iid") {
    double ssr = in.resid.dot(weighted_resid(in));
    if (part) ssr = part->sum(ssr);
    const double s2 = ssr / (n - K);
    out.V = s2 * M;
    out.info.small_sample = "s^2 = e'We/(n-K)";
    return out;
  }
  if (spec.type.rfind("HC", 0) == 0) {
    Eigen::VectorXd we = weighted_resid(in);
    if (spec.type == "HC2" || spec.type == "HC3") {
      if (!in.design.fixed_effects.empty())
        throw SpecError(fmt::format("{} with absorbed fixed effects is not supported (the leverage of the fixed effects is not computed); use HC1, or CR2 clustered by the fixed-effect variable", spec.type));
      // Leverage h_i = w_i z_i' M z_i.
      Eigen::VectorXd h = ((in.Z * M).cwiseProduct(in.Z)).rowwise().sum();
      if (in.weights.size()) h = h.cwiseProduct(in.weights);
      const double power = spec.type == "HC2" ? 0.5 : 1.0;
      for (long i = 0; i < we.size(); ++i) {
        if (h[i] >= 1 - 1e-10) throw NumericError(fmt::format("{}: observation {} has leverage 1; use HC1", spec.type, i + 1));
        we[i] /= std::pow(1 - h[i], power);
      }
    }
    if (part) {
      Eigen::MatrixXd meat = in.Z.transpose() * we.cwiseAbs2().asDiagonal() * in.Z;
      part->sum(meat);
      out.V = M * meat * M;
    } else {
      out.V = M * (in.Z.transpose() * we.cwiseAbs2().asDiagonal() * in.Z) * M;
    }
    if (spec.type == "HC1") {
      out.V *= n / (n - K);
      out.info.small_sample = "n/(n-K)";
    }
    return out;
  }
  if (spec.type == "CR2") {
    if (part) throw std::logic_error("CR2 with rows split across processes");
    return cr2(spec, in);
  }
  if (spec.type == "CR1") {
    std::vector<const Factor*> cl;
    for (const auto& c : spec.cluster) cl.push_back(&in.design.grouping(c));
    const double Kc = static_cast<double>(in.n_regressors + (part ? part->absorbed_cluster : absorbed_not_nested(in.design, in.absorbed, cl)));
    const size_t fewest = static_cast<size_t>(
        std::min_element(cl.begin(), cl.end(), [](const Factor* a, const Factor* b) { return a->n_levels < b->n_levels; }) - cl.begin());
    const size_t g_min = cl[fewest]->n_levels;
    Eigen::MatrixXd meat = Eigen::MatrixXd::Zero(in.Z.cols(), in.Z.cols());
    // Inclusion-exclusion over non-empty subsets of the cluster variables (CGM 2011, eq. 2.13).
    const size_t m = cl.size();
    for (size_t mask = 1; mask < (size_t{1} << m); ++mask) {
      std::vector<const Factor*> sub;
      bool within_processes = false;  // split rows: some variable of the subset has each level on one process
      for (size_t b = 0; b < m; ++b)
        if (mask & (size_t{1} << b)) {
          sub.push_back(cl[b]);
          within_processes = within_processes || (part && part->whole_groups.count(spec.cluster[b]) > 0);
        }
      Factor intersection;  // one variable: its own codes, not a copy
      const double sign = (sub.size() % 2 == 1) ? 1.0 : -1.0;
      if (!part) {
        if (sub.size() > 1) intersection = intersect(sub);
        const Factor& inter = sub.size() == 1 ? *sub[0] : intersection;
        const double G = static_cast<double>(spec.multiway_df == "each" ? inter.n_levels : g_min);
        Eigen::MatrixXd sums = group_sums(in, inter.codes, inter.n_levels);
        meat += sign * G / (G - 1) * (sums.transpose() * sums);
        continue;
      }
      // Rows split across processes.
      Eigen::MatrixXd term;  // sum over the cells of s_g s_g'
      size_t cells = 0;
      if (within_processes) {
        // Every cell lies within one process: its scores are complete here (cells coded locally).
        intersection = intersect(sub);
        const Eigen::MatrixXd sums = group_sums(in, intersection.codes, intersection.n_levels);
        term = sums.transpose() * sums;
        part->sum(term);
        cells = static_cast<size_t>(part->sum(static_cast<double>(intersection.n_levels)));
      } else {
        // Cells spread over processes: their score sums are added over the processes first.
        if (sub.size() > 1) intersection = intersect_over_processes(sub, *part->exchange);
        const Factor& inter = sub.size() == 1 ? *sub[0] : intersection;
        Eigen::MatrixXd sums = group_sums(in, inter.codes, inter.n_levels);
        part->sum(sums);
        term = sums.transpose() * sums;
        cells = inter.n_levels;
      }
      const double G = static_cast<double>(spec.multiway_df == "each" ? cells : g_min);
      meat += sign * G / (G - 1) * term;
    }
    out.V = M * meat * M * ((n - 1) / (n - Kc));
    out.info.cluster = spec.cluster;
    for (const Factor* f : cl) out.info.n_clusters.push_back(f->n_levels);
    out.info.df = static_cast<double>(g_min) - 1;
    out.info.small_sample = fmt::format("G/(G-1) * (n-1)/(n-K), K = {}{}", Kc, m > 1 ? fmt::format(", G = min over cluster variables ({})", spec.multiway_df) : "");
    if (g_min < 2) {
      // G / (G - 1) has no value with one cluster (Stata reports no standard errors either)
      out.V.setConstant(std::numeric_limits<double>::quiet_NaN());
      out.warnings.push_back(fmt::format("one cluster of '{}' only: a cluster-robust variance needs at least 2; no standard errors", spec.cluster[fewest]));
      return out;
    }
    if (const std::string w = cancelled_cluster_scores(in, out.V, part); !w.empty()) out.warnings.push_back(w);
    if (g_min < 30 && m == 1)
      out.warnings.push_back(fmt::format("only {} clusters: cluster-robust inference is unreliable with fewer than 30; consider CR2 (cr2:{}) or a wild cluster bootstrap", g_min, spec.cluster[0]));
    if (g_min < 30 && m > 1)
      out.warnings.push_back(fmt::format("only {} clusters of '{}' (the fewest of the cluster variables): cluster-robust inference is unreliable with fewer than 30", g_min, spec.cluster[fewest]));
    if (m > 1) fix_multiway_variance(out);
    return out;
  }
  if (spec.type == "DK") {
    const Factor& t = in.design.grouping(spec.time);
    Eigen::MatrixXd h = group_sums(in, t.codes, t.n_levels);  // rows in time order
    if (part) part->sum(h);
    const long T = h.rows();
    if (T < 2) throw NumericError(fmt::format("Driscoll-Kraay standard errors need at least 2 periods of '{}'; the sample has {}", spec.time, T));
    const int L = spec.lag >= 0 ? spec.lag : static_cast<int>(std::floor(std::pow(static_cast<double>(T), 0.25)));
    Eigen::MatrixXd meat = h.transpose() * h;
    for (int l = 1; l <= L && l < T; ++l) {
      Eigen::MatrixXd G = h.bottomRows(T - l).transpose() * h.topRows(T - l);
      meat += (1.0 - l / (L + 1.0)) * (G + G.transpose());
    }
    // fixest's DK small-sample factor and t df: the periods as clusters, T/(T-1) (n-1)/(n-K') with K'
    // without the fixed effects nested in the time variable, df T - 1 (Stata's xtscc: the same
    // factor with K' = slopes + constant for its fe model, df T - 1; Hoechle 2007, Stata J. 7(3)).
    const std::vector<const Factor*> periods{&t};
    const double Kt = static_cast<double>(in.n_regressors + (part ? part->absorbed_cluster : absorbed_not_nested(in.design, in.absorbed, periods)));
    const double Td = static_cast<double>(T);
    out.V = M * meat * M * (Td / (Td - 1) * (n - 1) / (n - Kt));
    out.info.lag = L;
    out.info.df = Td - 1;
    out.info.small_sample = fmt::format("T/(T-1) * (n-1)/(n-K), K = {} (Bartlett kernel)", Kt);
    return out;
  }
  throw SpecError(fmt::format("unknown vcov type '{}'", spec.type));
}

}  // namespace cbec
