#include "cbec/estimate/panel/panel_models.hpp"

#include <fmt/format.h>

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <cmath>
#include <map>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

PanelModel parse_panel_model(const std::string& n) {
  if (n == "pooled" || n == "pooling" || n == "ols") return PanelModel::Pooling;
  if (n == "fe" || n == "within") return PanelModel::Within;
  if (n == "fe_time") return PanelModel::WithinTime;
  if (n == "twoways" || n == "fe2") return PanelModel::Twoways;
  if (n == "be" || n == "between") return PanelModel::Between;
  if (n == "fd") return PanelModel::FirstDifference;
  if (n == "re" || n == "random") return PanelModel::Random;
  throw SpecError(fmt::format("unknown panel model '{}'; use pooled, fe, fe_time, twoways, be, fd or re", n));
}

std::string panel_model_name(PanelModel m) {
  switch (m) {
    case PanelModel::Pooling: return "pooling";
    case PanelModel::Within: return "within";
    case PanelModel::WithinTime: return "within_time";
    case PanelModel::Twoways: return "twoways";
    case PanelModel::Between: return "between";
    case PanelModel::FirstDifference: return "fd";
    case PanelModel::Random: return "random";
  }
  return "";
}

namespace {

// Correlation squared, the building block of Stata's R-squared trio.
double corr2(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  Eigen::VectorXd ca = a.array() - a.mean(), cb = b.array() - b.mean();
  const double c = ca.dot(cb);
  return c * c / (ca.squaredNorm() * cb.squaredNorm());
}

// Unit means of the columns of M (rows follow the design's unit codes).
Eigen::MatrixXd unit_means(const Eigen::MatrixXd& M, const Factor& unit, Eigen::VectorXd& counts) {
  Eigen::MatrixXd s = Eigen::MatrixXd::Zero(static_cast<long>(unit.n_levels), M.cols());
  counts = Eigen::VectorXd::Zero(static_cast<long>(unit.n_levels));
  for (long i = 0; i < M.rows(); ++i) {
    s.row(unit.codes[static_cast<size_t>(i)]) += M.row(i);
    counts[unit.codes[static_cast<size_t>(i)]] += 1;
  }
  for (long g = 0; g < s.rows(); ++g) s.row(g) /= counts[g];
  return s;
}

// Stata xtreg's within, between and overall R-squared for slopes b (Stata [XT] xtreg, Methods).
void xtreg_r2(RegressionResult& r, const Design& base, const Factor& unit) {
  Eigen::VectorXd b = Eigen::VectorXd::Zero(base.X.cols());
  for (long j = 0; j < base.X.cols(); ++j) {
    long k = r.find(base.x_names[static_cast<size_t>(j)]);
    if (k >= 0 && base.x_names[static_cast<size_t>(j)] != "(Intercept)") b[j] = r.coef[k];
  }
  const Eigen::VectorXd xb = base.X * b;
  Eigen::VectorXd counts;
  Eigen::MatrixXd yx(base.y.size(), 2);
  yx << base.y, xb;
  const Eigen::MatrixXd means = unit_means(yx, unit, counts);
  Eigen::VectorXd yw(base.y.size()), xw(base.y.size());
  for (long i = 0; i < yw.size(); ++i) {
    yw[i] = base.y[i] - means(unit.codes[static_cast<size_t>(i)], 0);
    xw[i] = xb[i] - means(unit.codes[static_cast<size_t>(i)], 1);
  }
  r.fit["r2_within_xt"] = corr2(yw, xw);
  r.fit["r2_between_xt"] = corr2(means.col(0), means.col(1));
  r.fit["r2_overall_xt"] = corr2(base.y, xb);
}

// plm's R-squared of the random-effects model (plm 2.6 r.squared, default type = "cor"): the squared
// correlation of the quasi-demeaned response y_it - theta_i ybar_i with the quasi-demeaned fit
// (x_it - theta_i xbar_i)'b, the intercept column becoming 1 - theta_i. On an unbalanced panel theta_i
// varies by unit, so the transformed regression has no constant column and this differs from
// 1 - RSS/TSS; on a balanced panel they coincide. Adjusted as plm's summary (dfcor = TRUE):
// 1 - (1 - R2) (n - 1) / df_resid.
void random_effects_r2(RegressionResult& r, const Design& quasi_demeaned) {
  const double r2 = corr2(quasi_demeaned.y, quasi_demeaned.X * r.coef);
  const double n = static_cast<double>(quasi_demeaned.nobs());
  r.fit["r2"] = r2;
  r.fit["adj_r2"] = 1 - (1 - r2) * (n - 1) / r.df_resid;
}

// A copy of a design restricted to transformed data (rows re-indexed 0..n-1).
Design transformed(const Design& base, Eigen::VectorXd y, Eigen::MatrixXd X, const std::vector<size_t>& keep) {
  Design d;
  d.spec = base.spec;
  d.spec.fixed_effects.clear();
  d.depvar = base.depvar;
  d.y = std::move(y);
  d.X = std::move(X);
  d.x_names = base.x_names;
  d.dropped = base.dropped;
  d.n_input = base.n_input;
  for (size_t r : keep) d.rows.push_back(base.rows[r]);
  for (const auto& [name, g] : base.groups) {
    Factor f = g;
    f.codes.clear();
    for (size_t r : keep) f.codes.push_back(g.codes[r]);
    d.groups.emplace(name, std::move(f));
  }
  return d;
}

}  // namespace

RegressionResult panel_model(const Frame& frame, const std::string& formula, PanelModel model, const PanelOptions& o) {
  ModelSpec spec = parse_formula(formula);
  if (!spec.fixed_effects.empty() || spec.has_iv())
    throw SpecError("panel models take a formula without fixed-effect or IV parts; choose the model with --model");
  DesignOptions dopt;
  dopt.panel_unit = o.unit;
  dopt.panel_time = o.time;
  dopt.groups = o.vcov.groups();
  for (const auto& g : {o.unit, o.time})
    if (std::find(dopt.groups.begin(), dopt.groups.end(), g) == dopt.groups.end()) dopt.groups.push_back(g);
  FeolsOptions fo;
  fo.vcov = o.vcov;
  RegressionResult r;
  if (model == PanelModel::Pooling || model == PanelModel::Within || model == PanelModel::WithinTime || model == PanelModel::Twoways) {
    ModelSpec s = spec;
    if (model == PanelModel::Within || model == PanelModel::Twoways) s.fixed_effects.push_back({o.unit});
    if (model == PanelModel::WithinTime || model == PanelModel::Twoways) s.fixed_effects.push_back({o.time});
    if (!s.fixed_effects.empty()) s.intercept = false;
    dopt.drop_singletons = false;  // plm and xtreg keep singletons
    Design d = build_design(frame, s, dopt);
    r = feols(d, fo);
    if (model == PanelModel::Within) {
      Design base = build_design(frame, spec, dopt);
      xtreg_r2(r, base, base.groups.at(o.unit));
    }
  } else {
    Design base = build_design(frame, spec, dopt);
    const Factor& unit = base.groups.at(o.unit);
    const long n = base.y.size();
    if (model == PanelModel::Between) {
      if (o.vcov.type != "iid") throw SpecError("the between estimator supports only iid standard errors (as plm)");
      Eigen::MatrixXd yx(n, 1 + base.X.cols());
      yx << base.y, base.X;
      Eigen::VectorXd counts;
      Eigen::MatrixXd m = unit_means(yx, unit, counts);
      Design d;
      d.spec = spec;
      d.depvar = base.depvar;
      d.y = m.col(0);
      d.X = m.rightCols(base.X.cols());
      d.x_names = base.x_names;
      d.dropped = base.dropped;
      d.rows.resize(unit.n_levels);
      r = feols(d, fo);
    } else if (model == PanelModel::FirstDifference) {
      // Differences between consecutive observed periods of a unit (t and t-1 only, as plm).
      std::vector<long> prev(static_cast<size_t>(n), -1);
      std::map<std::pair<int32_t, int64_t>, long> where;
      std::vector<int64_t> tv(static_cast<size_t>(n));
      const auto& tcol = frame.numeric(o.time);
      for (long i = 0; i < n; ++i) {
        tv[static_cast<size_t>(i)] = static_cast<int64_t>(tcol[base.rows[static_cast<size_t>(i)]]);
        where[{unit.codes[static_cast<size_t>(i)], tv[static_cast<size_t>(i)]}] = i;
      }
      std::vector<size_t> keep;
      for (long i = 0; i < n; ++i) {
        auto it = where.find({unit.codes[static_cast<size_t>(i)], tv[static_cast<size_t>(i)] - 1});
        if (it != where.end()) {
          prev[static_cast<size_t>(i)] = it->second;
          keep.push_back(static_cast<size_t>(i));
        }
      }
      Eigen::VectorXd dy(static_cast<long>(keep.size()));
      Eigen::MatrixXd dX(static_cast<long>(keep.size()), base.X.cols());
      for (size_t a = 0; a < keep.size(); ++a) {
        const long i = static_cast<long>(keep[a]), p = prev[keep[a]];
        dy[static_cast<long>(a)] = base.y[i] - base.y[p];
        dX.row(static_cast<long>(a)) = base.X.row(i) - base.X.row(p);
        if (spec.intercept) dX(static_cast<long>(a), 0) = 1.0;  // plm keeps an intercept (a trend in levels)
      }
      Design d = transformed(base, dy, dX, keep);
      d.dropped["first_period"] = static_cast<size_t>(n) - keep.size();
      r = feols(d, fo);
    } else {
      // Random effects, Swamy-Arora components. sigma_e^2 from the within regression; sigma_u^2 from
      // the observation-level between regression: (e_b'e_b - (N - K) s_e^2) / (n - tr[(X'PX)^-1 X'Z Z'X])
      // (Baltagi and Chang 1994; Baltagi 2013, eq. 9.21), reducing to the balanced formula.
      ModelSpec ws = spec;
      ws.fixed_effects.push_back({o.unit});
      ws.intercept = false;
      DesignOptions wopt = dopt;
      wopt.drop_singletons = false;
      RegressionResult within = feols(build_design(frame, ws, wopt), FeolsOptions{});
      const double N = static_cast<double>(unit.n_levels), nn = static_cast<double>(n);
      const double kw = static_cast<double>(within.coef.size());
      const double s2e = within.fit.at("rss") / (nn - N - kw);
      Eigen::MatrixXd yx(n, 1 + base.X.cols());
      yx << base.y, base.X;
      Eigen::VectorXd Ti;
      Eigen::MatrixXd m = unit_means(yx, unit, Ti);
      Eigen::MatrixXd PX(n, base.X.cols());
      Eigen::VectorXd Py(n);
      for (long i = 0; i < n; ++i) {
        Py[i] = m(unit.codes[static_cast<size_t>(i)], 0);
        PX.row(i) = m.row(unit.codes[static_cast<size_t>(i)]).tail(base.X.cols());
      }
      const Eigen::MatrixXd XPX = PX.transpose() * PX;
      Eigen::LDLT<Eigen::MatrixXd> ldlt(XPX);
      const Eigen::VectorXd bb = ldlt.solve(PX.transpose() * Py);
      const double quad = (Py - PX * bb).squaredNorm();
      // X'Z Z'X = sum_i T_i^2 xbar_i xbar_i'
      Eigen::MatrixXd XZZX = Eigen::MatrixXd::Zero(base.X.cols(), base.X.cols());
      for (long g = 0; g < m.rows(); ++g) {
        Eigen::VectorXd xg = m.row(g).tail(base.X.cols()).transpose();
        XZZX += Ti[g] * Ti[g] * xg * xg.transpose();
      }
      const double K = static_cast<double>(base.X.cols());
      const double s2u = std::max(0.0, (quad - (N - K) * s2e) / (nn - ldlt.solve(XZZX).trace()));
      Eigen::VectorXd theta(m.rows());
      for (long g = 0; g < m.rows(); ++g) theta[g] = 1 - std::sqrt(s2e / (Ti[g] * s2u + s2e));
      Eigen::VectorXd ys(n);
      Eigen::MatrixXd Xs(n, base.X.cols());
      for (long i = 0; i < n; ++i) {
        const int32_t g = unit.codes[static_cast<size_t>(i)];
        ys[i] = base.y[i] - theta[g] * m(g, 0);
        Xs.row(i) = base.X.row(i) - theta[g] * m.row(g).tail(base.X.cols());
      }
      std::vector<size_t> all(static_cast<size_t>(n));
      for (size_t i = 0; i < all.size(); ++i) all[i] = i;
      Design d = transformed(base, ys, Xs, all);
      r = feols(d, fo);
      random_effects_r2(r, d);
      r.fit["sigma2_e"] = s2e;
      r.fit["sigma2_u"] = s2u;
      r.fit["rho"] = s2u / (s2u + s2e);
      r.fit["theta_mean"] = theta.mean();
      r.fit["theta_min"] = theta.minCoeff();
      r.fit["theta_max"] = theta.maxCoeff();
      xtreg_r2(r, base, unit);
    }
  }
  r.estimator = panel_model_name(model);
  r.formula = formula;
  return r;
}

TestResult hausman(const RegressionResult& fe, const RegressionResult& re) {
  std::vector<long> a, b;
  for (size_t j = 0; j < fe.terms.size(); ++j) {
    long k = re.find(fe.terms[j]);
    if (k >= 0 && fe.terms[j] != "(Intercept)") {
      a.push_back(static_cast<long>(j));
      b.push_back(k);
    }
  }
  if (a.empty()) throw SpecError("the Hausman test needs coefficients common to both models");
  const long q = static_cast<long>(a.size());
  Eigen::VectorXd d(q);
  Eigen::MatrixXd V(q, q);
  for (long i = 0; i < q; ++i) {
    d[i] = fe.coef[a[static_cast<size_t>(i)]] - re.coef[b[static_cast<size_t>(i)]];
    for (long j = 0; j < q; ++j)
      V(i, j) = fe.vcov(a[static_cast<size_t>(i)], a[static_cast<size_t>(j)]) - re.vcov(b[static_cast<size_t>(i)], b[static_cast<size_t>(j)]);
  }
  TestResult t;
  t.stat = d.dot(V.ldlt().solve(d));
  t.df1 = static_cast<double>(q);
  t.distribution = "chi2";
  t.p_value = p_chi2_upper(t.stat, t.df1);
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(V);
  t.note = es.eigenvalues().minCoeff() <= 0
               ? "V_FE - V_RE is not positive definite: the statistic may be unreliable (as plm::phtest, no generalized inverse)"
               : "H0: the random-effects estimator is consistent (Hausman 1978)";
  return t;
}

}  // namespace cbec
