#include "cbec/estimate/ols/vcov.hpp"

#include <fmt/format.h>

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/core/strings.hpp"
#include "cbec/estimate/ols/fixed_effects.hpp"

namespace cbec {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Weighted residuals w_i e_i: the scores are s_i = w_i e_i z_i.
Eigen::VectorXd weighted_resid(const VcovInput& in) {
  return in.weights.size() ? Eigen::VectorXd(in.weights.cwiseProduct(in.resid)) : in.resid;
}

// Sum of scores within each level of a grouping (one pass per column, no n x k score matrix).
Eigen::MatrixXd group_sums(const VcovInput& in, const std::vector<int32_t>& codes, size_t n_levels) {
  Eigen::VectorXd weighted;  // no copy of the residuals when unweighted
  if (in.weights.size()) weighted = weighted_resid(in);
  const double* we = in.weights.size() ? weighted.data() : in.resid.data();
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(static_cast<long>(n_levels), in.Z.cols());
  for (long j = 0; j < in.Z.cols(); ++j) {
    double* col = out.col(j).data();
    const double* z = in.Z.col(j).data();
    for (long i = 0; i < in.Z.rows(); ++i) col[codes[static_cast<size_t>(i)]] += we[i] * z[i];
  }
  return out;
}

const Factor& group(const VcovInput& in, const std::string& name) {
  auto it = in.design.groups.find(name);
  if (it == in.design.groups.end()) throw SpecError(fmt::format("internal: grouping '{}' not carried by the design", name));
  return it->second;
}

// Intersection of several groupings.
Factor intersect(const std::vector<const Factor*>& fs) {
  Factor out;
  const size_t n = fs[0]->codes.size();
  std::vector<int64_t> key(n, 0);
  for (const Factor* f : fs)
    for (size_t i = 0; i < n; ++i) key[i] = key[i] * static_cast<int64_t>(f->n_levels) + f->codes[i];
  std::vector<int64_t> sorted = key;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  out.codes.resize(n);
  for (size_t i = 0; i < n; ++i) out.codes[i] = static_cast<int32_t>(std::lower_bound(sorted.begin(), sorted.end(), key[i]) - sorted.begin());
  out.n_levels = sorted.size();
  return out;
}

// Parameters absorbed by fixed effects that are not nested in any of the cluster variables.
size_t absorbed_not_nested(const VcovInput& in, const std::vector<const Factor*>& clusters) {
  std::vector<Factor> kept;
  for (const auto& fe : in.design.fixed_effects) {
    bool nested = std::any_of(clusters.begin(), clusters.end(), [&](const Factor* c) { return nested_in(fe, *c); });
    if (!nested) kept.push_back(fe);
  }
  if (kept.size() == in.design.fixed_effects.size()) return in.absorbed;
  // Every fixed effect nested: one parameter remains for the intercept (fixest, reghdfe).
  if (kept.empty()) return 1;
  return absorbed_parameters(kept);
}

// (I - H_gg)^(-1/2) for a symmetric positive semi-definite I - H_gg (pseudo-inverse for zero
// eigenvalues, as clubSandwich).
Eigen::MatrixXd inv_sqrt(const Eigen::MatrixXd& m) {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(m);
  Eigen::VectorXd ev = es.eigenvalues();
  const double tol = 1e-12 * std::max(1.0, ev.cwiseAbs().maxCoeff());
  for (long k = 0; k < ev.size(); ++k) ev[k] = ev[k] > tol ? 1.0 / std::sqrt(ev[k]) : 0.0;
  return es.eigenvectors() * ev.asDiagonal() * es.eigenvectors().transpose();
}

VcovOutput cr2(const VcovSpec& spec, const VcovInput& in) {
  if (spec.cluster.size() != 1) throw SpecError("CR2 takes exactly one cluster variable, e.g. cr2:firm");
  if (in.weights.size()) throw SpecError("CR2 with observation weights is not supported; use CR1 (cluster:var) with weights");
  const Factor& g = group(in, spec.cluster[0]);
  const long k = in.Z.cols();
  const Eigen::MatrixXd& M = in.bread;
  // Rows of each cluster.
  std::vector<std::vector<long>> members(g.n_levels);
  for (size_t i = 0; i < g.codes.size(); ++i) members[g.codes[i]].push_back(static_cast<long>(i));
  Eigen::MatrixXd meat = Eigen::MatrixXd::Zero(k, k);
  std::vector<Eigen::MatrixXd> AZ(g.n_levels);   // A_g Z_g, kept for the degrees of freedom
  for (size_t c = 0; c < g.n_levels; ++c) {
    const auto& rows = members[c];
    Eigen::MatrixXd Zg(static_cast<long>(rows.size()), k);
    Eigen::VectorXd eg(static_cast<long>(rows.size()));
    for (size_t r = 0; r < rows.size(); ++r) {
      Zg.row(static_cast<long>(r)) = in.Z.row(rows[r]);
      eg[static_cast<long>(r)] = in.resid[rows[r]];
    }
    Eigen::MatrixXd IH = Eigen::MatrixXd::Identity(Zg.rows(), Zg.rows()) - Zg * M * Zg.transpose();
    Eigen::MatrixXd A = inv_sqrt(IH);
    Eigen::VectorXd sg = Zg.transpose() * (A * eg);
    meat += sg * sg.transpose();
    AZ[c] = A * Zg;
  }
  VcovOutput out;
  out.V = M * meat * M;
  out.info.type = "CR2";
  out.info.cluster = spec.cluster;
  out.info.n_clusters = {g.n_levels};
  out.info.small_sample = "Bell-McCaffrey (I - H_gg)^(-1/2) adjustment; Satterthwaite df per coefficient";
  // Satterthwaite df for each coefficient (Bell and McCaffrey 2002; Pustejovsky and Tipton 2018):
  // with v_g = A_g Z_g M c, S_gh = [g==h] v_g'v_g - (Z_g'v_g)' M (Z_h'v_h); df = tr(S)^2 / ||S||_F^2.
  out.info.df_coef.resize(k);
  const long G = static_cast<long>(g.n_levels);
  for (long j = 0; j < k; ++j) {
    Eigen::VectorXd mc = M.col(j);
    Eigen::MatrixXd W(k, G);
    Eigen::VectorXd vv(G);
    for (long c = 0; c < G; ++c) {
      Eigen::VectorXd v = AZ[static_cast<size_t>(c)] * mc;
      vv[c] = v.squaredNorm();
      Eigen::MatrixXd Zg(static_cast<long>(members[static_cast<size_t>(c)].size()), k);
      for (size_t r = 0; r < members[static_cast<size_t>(c)].size(); ++r) Zg.row(static_cast<long>(r)) = in.Z.row(members[static_cast<size_t>(c)][r]);
      W.col(c) = Zg.transpose() * v;
    }
    Eigen::MatrixXd S = -(W.transpose() * M * W);
    S.diagonal() += vv;
    const double tr = S.trace();
    out.info.df_coef[j] = tr * tr / S.squaredNorm();
  }
  out.info.df = static_cast<double>(G - 1);
  return out;
}

}  // namespace

VcovSpec VcovSpec::parse(const std::string& text, const std::string& panel_time) {
  VcovSpec s;
  const auto colon = text.find(':');
  const std::string head = lower(text.substr(0, colon));
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

VcovOutput compute_vcov(const VcovSpec& spec, const VcovInput& in) {
  const double n = static_cast<double>(in.Z.rows());
  const double K = static_cast<double>(in.n_regressors + in.absorbed);
  const Eigen::MatrixXd& M = in.bread;
  VcovOutput out;
  out.info.type = spec.type;
  out.info.df = n - K;
  if (n - K <= 0) throw NumericError(fmt::format("no residual degrees of freedom: {} observations for {} parameters", n, K));
  if (spec.type == "iid") {
    Eigen::VectorXd we = in.weights.size() ? Eigen::VectorXd(in.weights.cwiseProduct(in.resid)) : in.resid;
    const double s2 = in.resid.dot(we) / (n - K);
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
    out.V = M * (in.Z.transpose() * we.cwiseAbs2().asDiagonal() * in.Z) * M;
    if (spec.type == "HC1") {
      out.V *= n / (n - K);
      out.info.small_sample = "n/(n-K)";
    }
    return out;
  }
  if (spec.type == "CR2") return cr2(spec, in);
  if (spec.type == "CR1") {
    std::vector<const Factor*> cl;
    for (const auto& c : spec.cluster) cl.push_back(&group(in, c));
    const double Kc = static_cast<double>(in.n_regressors + absorbed_not_nested(in, cl));
    size_t g_min = std::numeric_limits<size_t>::max();
    for (const Factor* f : cl) g_min = std::min(g_min, f->n_levels);
    Eigen::MatrixXd meat = Eigen::MatrixXd::Zero(in.Z.cols(), in.Z.cols());
    // Inclusion-exclusion over non-empty subsets of the cluster variables (CGM 2011, eq. 2.13).
    const size_t m = cl.size();
    for (size_t mask = 1; mask < (size_t{1} << m); ++mask) {
      std::vector<const Factor*> sub;
      for (size_t b = 0; b < m; ++b)
        if (mask & (size_t{1} << b)) sub.push_back(cl[b]);
      Factor intersection;  // one variable: its own codes, not a copy
      if (sub.size() > 1) intersection = intersect(sub);
      const Factor& inter = sub.size() == 1 ? *sub[0] : intersection;
      const double G = static_cast<double>(spec.multiway_df == "each" ? inter.n_levels : g_min);
      const double sign = (sub.size() % 2 == 1) ? 1.0 : -1.0;
      Eigen::MatrixXd sums = group_sums(in, inter.codes, inter.n_levels);
      meat += sign * G / (G - 1) * (sums.transpose() * sums);
    }
    out.V = M * meat * M * ((n - 1) / (n - Kc));
    out.info.cluster = spec.cluster;
    for (const Factor* f : cl) out.info.n_clusters.push_back(f->n_levels);
    out.info.df = static_cast<double>(g_min) - 1;
    out.info.small_sample = fmt::format("G/(G-1) * (n-1)/(n-K), K = {}{}", Kc, m > 1 ? fmt::format(", G = min over cluster variables ({})", spec.multiway_df) : "");
    if (g_min < 30)
      out.warnings.push_back(fmt::format("only {} clusters: cluster-robust inference is unreliable with fewer than 30; consider CR2 (cr2:{}) or a wild cluster bootstrap", g_min, spec.cluster[0]));
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(out.V, Eigen::EigenvaluesOnly);
    if (m > 1 && es.eigenvalues().minCoeff() < 0)
      out.warnings.push_back("the multi-way cluster variance matrix is not positive semi-definite");
    return out;
  }
  if (spec.type == "DK") {
    const Factor& t = group(in, spec.time);
    Eigen::MatrixXd h = group_sums(in, t.codes, t.n_levels);  // rows in time order
    const long T = h.rows();
    const int L = spec.lag >= 0 ? spec.lag : static_cast<int>(std::floor(std::pow(static_cast<double>(T), 0.25)));
    Eigen::MatrixXd meat = h.transpose() * h;
    for (int l = 1; l <= L && l < T; ++l) {
      Eigen::MatrixXd G = h.bottomRows(T - l).transpose() * h.topRows(T - l);
      meat += (1.0 - l / (L + 1.0)) * (G + G.transpose());
    }
    out.V = M * meat * M;
    out.info.lag = L;
    out.info.small_sample = "none (Bartlett kernel)";
    return out;
  }
  throw SpecError(fmt::format("unknown vcov type '{}'", spec.type));
}

}  // namespace cbec
