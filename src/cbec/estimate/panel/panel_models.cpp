#include "cbec/estimate/panel/panel_models.hpp"

#include <fmt/format.h>

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/estimate/ols/fixed_effect_levels.hpp"
#include "cbec/estimate/wald.hpp"
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

// Stata xtreg's within, between and overall R-squared for slopes b (Stata [XT] xtreg, Methods);
// offset (per observation, or empty) is added to the fit x'b: the year effects of a two-way model,
// as Stata's xtreg y x i.year, fe counts the year dummies in xb.
void xtreg_r2(RegressionResult& r, const Design& base, const Factor& unit, const Eigen::VectorXd& offset = {}) {
  Eigen::VectorXd b = Eigen::VectorXd::Zero(base.X.cols());
  for (long j = 0; j < base.X.cols(); ++j) {
    long k = r.find(base.x_names[static_cast<size_t>(j)]);
    if (k >= 0 && base.x_names[static_cast<size_t>(j)] != "(Intercept)") b[j] = r.coef[k];
  }
  Eigen::VectorXd xb = base.X * b;
  if (offset.size()) xb += offset;
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
  // Clusters and periods counted in the transformed sample: a period or unit left without a first
  // difference is not a cluster of the fd regression (as sandwich and Stata on the differences).
  for (const auto& [name, g] : base.groups) d.groups.emplace(name, restrict_factor(Factor(g), keep));
  return d;
}

DesignOptions panel_design_options(const PanelOptions& o) {
  DesignOptions dopt;
  dopt.panel_unit = o.unit;
  dopt.panel_time = o.time;
  dopt.groups = o.vcov.groups();
  for (const auto& g : {o.unit, o.time})
    if (std::find(dopt.groups.begin(), dopt.groups.end(), g) == dopt.groups.end()) dopt.groups.push_back(g);
  return dopt;
}

// Random effects, Swamy-Arora components. sigma_e^2 from the within regression; sigma_u^2 from
// the observation-level between regression: (e_b'e_b - (N - K) s_e^2) / (n - tr[(X'PX)^-1 X'Z Z'X])
// (Baltagi and Chang 1994; Baltagi 2013, eq. 9.21), reducing to the balanced formula. Returns the
// quasi-demeaned y and X (y_it - theta_i ybar_i; the intercept column becomes 1 - theta_i).
struct RandomEffectsTransform {
  Eigen::VectorXd ys, theta;
  Eigen::MatrixXd Xs;
  Eigen::MatrixXd unit_means;  // columns y, X
  double s2e = 0, s2u = 0;
};

RandomEffectsTransform random_effects_transform(const Frame& frame, const ModelSpec& spec, const DesignOptions& dopt, const Design& base,
                                                const Factor& unit, const std::string& unit_name) {
  const long n = base.y.size();
  ModelSpec ws = spec;
  ws.fixed_effects.push_back({unit_name});
  ws.intercept = false;
  DesignOptions wopt = dopt;
  wopt.drop_singletons = false;
  RegressionResult within = feols(build_design(frame, ws, wopt), FeolsOptions{});
  const double N = static_cast<double>(unit.n_levels), nn = static_cast<double>(n);
  const double kw = static_cast<double>(within.coef.size());
  RandomEffectsTransform t;
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
  t.ys = std::move(ys);
  t.Xs = std::move(Xs);
  t.theta = std::move(theta);
  t.unit_means = std::move(m);
  t.s2e = s2e;
  t.s2u = s2u;
  return t;
}

// The design without the regressors named (PanelOptions::omit_terms).
void drop_columns(Design& d, const std::vector<std::string>& names) {
  std::vector<long> keep;
  std::vector<std::string> kept_names;
  for (size_t j = 0; j < d.x_names.size(); ++j)
    if (std::find(names.begin(), names.end(), d.x_names[j]) == names.end()) {
      keep.push_back(static_cast<long>(j));
      kept_names.push_back(d.x_names[j]);
    }
  Eigen::MatrixXd X(d.X.rows(), static_cast<long>(keep.size()));
  for (size_t j = 0; j < keep.size(); ++j) X.col(static_cast<long>(j)) = d.X.col(keep[j]);
  d.X = std::move(X);
  d.x_names = std::move(kept_names);
}

}  // namespace

RegressionResult panel_model(const Frame& frame, const std::string& formula, PanelModel model, const PanelOptions& o) {
  ModelSpec spec = parse_formula(formula);
  if (!spec.fixed_effects.empty() || spec.has_iv())
    throw SpecError("panel models take a formula without fixed-effect or IV parts; choose the model with --model");
  DesignOptions dopt = panel_design_options(o);
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
    if (model == PanelModel::Pooling && !o.omit_terms.empty()) drop_columns(d, o.omit_terms);
    r = feols(d, fo);
    if (r.fit.contains("r2_within"))   // plm's summary of a within model (r.squared(dfcor = TRUE)): (n - 1) / df_resid
      r.fit["adj_r2_within"] = 1 - (1 - r.fit["r2_within"]) * (static_cast<double>(r.nobs) - 1) / r.df_resid;
    if (model == PanelModel::Within) {
      Design base = build_design(frame, spec, dopt);
      xtreg_r2(r, base, base.groups.at(o.unit));
    } else if (model == PanelModel::Twoways) {
      Design base = build_design(frame, spec, dopt);
      if (base.rows != d.rows) throw NumericError("the two-way model's sample differs from its pooled design");
      const FixedEffectLevels year = fixed_effect_levels(d, r).back();
      const Factor& time = d.fixed_effects.back();
      Eigen::VectorXd offset(static_cast<long>(time.codes.size()));
      for (size_t i = 0; i < time.codes.size(); ++i) offset[static_cast<long>(i)] = year.estimate[time.codes[i]];
      xtreg_r2(r, base, base.groups.at(o.unit), offset);
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
      // Differences between consecutive periods of a unit (t and t-1 only, as Stata's D.; plm differences
      // consecutive rows across a gap).
      std::vector<long> prev(static_cast<size_t>(n), -1);
      std::map<std::pair<int32_t, int64_t>, long> where;
      std::vector<int64_t> tv(static_cast<size_t>(n));
      const auto& tcol = frame.numeric(o.time);
      for (long i = 0; i < n; ++i) {
        tv[static_cast<size_t>(i)] = static_cast<int64_t>(tcol[base.rows[static_cast<size_t>(i)]]);
        where[{unit.codes[static_cast<size_t>(i)], tv[static_cast<size_t>(i)]}] = i;
      }
      // A row without the unit's previous period is its first period in the sample, or follows a
      // gap (differences are of consecutive periods, as Stata's D.; plm's fd differences rows).
      std::map<int32_t, int64_t> first_of_unit;
      for (long i = 0; i < n; ++i) {
        const auto [at, fresh] = first_of_unit.emplace(unit.codes[static_cast<size_t>(i)], tv[static_cast<size_t>(i)]);
        if (!fresh) at->second = std::min(at->second, tv[static_cast<size_t>(i)]);
      }
      std::vector<size_t> keep;
      size_t after_gap = 0;
      for (long i = 0; i < n; ++i) {
        auto it = where.find({unit.codes[static_cast<size_t>(i)], tv[static_cast<size_t>(i)] - 1});
        if (it != where.end()) {
          prev[static_cast<size_t>(i)] = it->second;
          keep.push_back(static_cast<size_t>(i));
        } else if (tv[static_cast<size_t>(i)] != first_of_unit.at(unit.codes[static_cast<size_t>(i)])) {
          ++after_gap;
        }
      }
      if (keep.empty())
        throw DataError(fmt::format("no first difference in '{}': no row has its unit's previous period ('{}' - 1): differences are of "
                                    "consecutive periods (Stata's D.); with periods a step apart (e.g. every 5 years), recode '{}' to "
                                    "consecutive numbers first",
                                    spec.formula, o.time, o.time));
      Eigen::VectorXd dy(static_cast<long>(keep.size()));
      Eigen::MatrixXd dX(static_cast<long>(keep.size()), base.X.cols());
      for (size_t a = 0; a < keep.size(); ++a) {
        const long i = static_cast<long>(keep[a]), p = prev[keep[a]];
        dy[static_cast<long>(a)] = base.y[i] - base.y[p];
        dX.row(static_cast<long>(a)) = base.X.row(i) - base.X.row(p);
        if (spec.intercept) dX(static_cast<long>(a), 0) = 1.0;  // plm keeps an intercept (a trend in levels)
      }
      Design d = transformed(base, dy, dX, keep);
      if (static_cast<size_t>(n) - keep.size() > after_gap) d.dropped["first_period"] = static_cast<size_t>(n) - keep.size() - after_gap;
      if (after_gap) d.dropped["after_gap"] = after_gap;
      r = feols(d, fo);
    } else {
      const RandomEffectsTransform re = random_effects_transform(frame, spec, dopt, base, unit, o.unit);
      const double s2e = re.s2e, s2u = re.s2u;
      const Eigen::VectorXd& theta = re.theta;
      std::vector<size_t> all(static_cast<size_t>(n));
      for (size_t i = 0; i < all.size(); ++i) all[i] = i;
      Design d = transformed(base, re.ys, re.Xs, all);
      // CR2 targets the fitted random-effects covariance (as clubSandwich on plm), not the
      // identity on the quasi-demeaned data: fit with iid, then replace the variance.
      const bool re_cr2 = o.vcov.type == "CR2";
      FeolsOptions fre = fo;
      if (re_cr2) fre.vcov = VcovSpec{};
      r = feols(d, fre);
      std::vector<long> slopes;
      for (size_t j = 0; j < r.terms.size(); ++j)
        if (r.terms[j] != "(Intercept)") slopes.push_back(static_cast<long>(j));
      if (re_cr2) {
        std::vector<long> cols;
        for (const auto& t : r.terms)
          cols.push_back(std::find(base.x_names.begin(), base.x_names.end(), t) - base.x_names.begin());
        Eigen::MatrixXd Xk(n, static_cast<long>(cols.size())), Xsk(n, static_cast<long>(cols.size()));
        for (size_t a = 0; a < cols.size(); ++a) {
          Xk.col(static_cast<long>(a)) = base.X.col(cols[a]);
          Xsk.col(static_cast<long>(a)) = re.Xs.col(cols[a]);
        }
        const Eigen::VectorXd e = base.y - Xk * r.coef;
        const Eigen::MatrixXd XtX = Xsk.transpose() * Xsk;
        const Eigen::MatrixXd bread = XtX.ldlt().solve(Eigen::MatrixXd::Identity(XtX.rows(), XtX.cols()));
        if (!(s2e > 0)) throw NumericError("CR2 after random effects: the idiosyncratic variance is zero");
        VcovOutput v = cr2_random_effects(o.vcov, Xk, e, bread, d, unit, s2u / s2e);
        r.vcov = v.V;
        r.vcov_info = v.info;
        for (auto& wmsg : v.warnings) r.warnings.push_back(wmsg);
        if (!slopes.empty()) {
          TestResult f = wald_f(r.coef, r.vcov, slopes, r.vcov_info.df, "joint Wald test that all slopes are zero, with the chosen variance estimator");
          r.tests["wald_slopes"] = f;
        }
      } else {
        // Inference by the normal and a Wald chi2 for the slopes, as plm's summary and Stata's
        // xtreg, re (the GLS estimator's distribution is asymptotic); CR2 keeps its small-sample t.
        r.vcov_info.df = std::numeric_limits<double>::infinity();
        r.tests.erase("wald_slopes");
        if (!slopes.empty()) {
          TestResult w = wald_chi2(r.coef, r.vcov, slopes, "joint Wald test (chi2) that all slopes are zero, with the chosen variance estimator");
          r.tests["wald_slopes"] = w;
        }
      }
      // The fit of the quasi-demeaned regression is not the random-effects likelihood: none is reported.
      for (const char* key : {"loglik", "aic", "bic"}) r.fit.erase(key);
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

Design within_design(const Frame& frame, const std::string& formula, PanelModel model, const PanelOptions& o) {
  if (model != PanelModel::Within && model != PanelModel::WithinTime && model != PanelModel::Twoways)
    throw SpecError("a within design is for the fe, fe_time and twoways models");
  ModelSpec spec = parse_formula(formula);
  if (!spec.fixed_effects.empty() || spec.has_iv())
    throw SpecError("panel models take a formula without fixed-effect or IV parts; choose the model with --model");
  if (model != PanelModel::WithinTime) spec.fixed_effects.push_back({o.unit});
  if (model != PanelModel::Within) spec.fixed_effects.push_back({o.time});
  spec.intercept = false;
  DesignOptions dopt = panel_design_options(o);
  dopt.drop_singletons = false;
  return build_design(frame, spec, dopt);
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
  t.distribution = "chi2";
  // Eigenvalues of V_FE - V_RE; |lambda| <= sqrt(eps) max|lambda| counts as zero (MASS::ginv's rule).
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(V);
  const Eigen::VectorXd& ev = es.eigenvalues();
  const double tol = std::sqrt(std::numeric_limits<double>::epsilon()) * ev.cwiseAbs().maxCoeff();
  long npos = 0, nneg = 0;
  for (long i = 0; i < q; ++i) {
    if (ev[i] > tol) ++npos;
    else if (ev[i] < -tol) ++nneg;
  }
  if (npos == q) {
    t.stat = d.dot(V.ldlt().solve(d));
    t.df1 = static_cast<double>(q);
    t.p_value = p_chi2_upper(t.stat, t.df1);
    t.note = "H0: the random-effects estimator is consistent (Hausman 1978)";
    t.values["rank"] = static_cast<double>(q);
    t.flags["generalized_inverse"] = false;
    return t;
  }
  // Not positive definite. The statistic is d' V_+^+ d, V_+ the positive semi-definite part of V
  // (its eigen-decomposition with the negative eigenvalues set to zero): for a singular positive
  // semi-definite V this is Stata's generalized-inverse statistic d'V^+d with df = rank(V); with
  // negative eigenvalues, the directions in which the fixed-effects estimator is not the less
  // efficient one are left out instead of entering with a negative weight (which is how Stata's
  // d'V^+d and plm's d'V^-1d become negative; plm reports the absolute value).
  const Eigen::VectorXd u = es.eigenvectors().transpose() * d;
  double stat_pos = 0, stat_mp = 0;
  for (long i = 0; i < q; ++i) {
    if (std::fabs(ev[i]) <= tol) continue;
    const double c = u[i] * u[i] / ev[i];
    stat_mp += c;
    if (ev[i] > 0) stat_pos += c;
  }
  t.stat = stat_pos;
  t.df1 = static_cast<double>(npos);
  t.p_value = npos > 0 ? p_chi2_upper(t.stat, t.df1) : std::numeric_limits<double>::quiet_NaN();
  t.values["rank"] = static_cast<double>(npos);
  t.values["rank_difference"] = static_cast<double>(npos + nneg);
  t.values["negative_eigenvalues"] = static_cast<double>(nneg);
  t.values["stat_generalized_inverse"] = stat_mp;  // Stata's d'(V_FE - V_RE)^+ d, df rank_difference
  t.flags["generalized_inverse"] = true;
  const std::string what =
      nneg > 0 ? fmt::format("V_FE - V_RE is not positive semi-definite ({} of {} eigenvalues negative{})", nneg, q,
                             npos + nneg < q ? fmt::format(", {} zero", q - npos - nneg) : "")
               : fmt::format("V_FE - V_RE is singular (rank {} of {})", npos, q);
  if (npos == 0) {
    t.warnings.push_back(what + ": it has no positive direction, so the Hausman test cannot be computed; use the regression-based "
                                "(robust) Hausman test");
  } else {
    t.warnings.push_back(what + fmt::format(": the statistic uses its generalized inverse on the {} direction{} where it is positive, "
                                            "with {} degree{} of freedom",
                                            npos, npos > 1 ? "s" : "", npos, npos > 1 ? "s" : ""));
    if (nneg > 0)
      t.warnings.push_back(fmt::format("Stata's hausman would report d'(V_FE - V_RE)^+ d = {:.4g} with {} df, and plm::phtest |d'(V_FE - V_RE)^-1 d|; "
                                       "with a variance difference that is not positive semi-definite neither is a chi-squared statistic. "
                                       "The regression-based (robust) Hausman test avoids the problem",
                                       stat_mp, npos + nneg));
  }
  t.note = "H0: the random-effects estimator is consistent (Hausman 1978); " + t.warnings.front();
  return t;
}

TestResult hausman_robust(const Frame& frame, const std::string& formula, const PanelOptions& o) {
  ModelSpec spec = parse_formula(formula);
  if (!spec.fixed_effects.empty() || spec.has_iv()) throw SpecError("the Hausman test takes a formula without fixed-effect or IV parts");
  const DesignOptions dopt = panel_design_options(o);
  Design base = build_design(frame, spec, dopt);
  const Factor& unit = base.groups.at(o.unit);
  const long n = base.y.size();
  const RandomEffectsTransform re = random_effects_transform(frame, spec, dopt, base, unit, o.unit);
  // Auxiliary regression (plm::phtest(method = "aux")): the quasi-demeaned y on an intercept, the
  // quasi-demeaned regressors and the within-demeaned time-varying regressors.
  std::vector<long> xcols, wcols;
  for (long j = 0; j < base.X.cols(); ++j)
    if (base.x_names[static_cast<size_t>(j)] != "(Intercept)") xcols.push_back(j);
  Eigen::MatrixXd Xw(n, static_cast<long>(xcols.size()));
  for (size_t a = 0; a < xcols.size(); ++a) {
    const long j = xcols[a];
    for (long i = 0; i < n; ++i) Xw(i, static_cast<long>(a)) = base.X(i, j) - re.unit_means(unit.codes[static_cast<size_t>(i)], 1 + j);
  }
  for (size_t a = 0; a < xcols.size(); ++a) {
    const double raw = base.X.col(xcols[a]).squaredNorm(), within = Xw.col(static_cast<long>(a)).squaredNorm();
    if (within > 1e-10 * raw) wcols.push_back(static_cast<long>(a));  // time-invariant regressors have no within part
  }
  if (wcols.empty()) throw SpecError("the Hausman test needs regressors that vary within units");
  const long kx = static_cast<long>(xcols.size()), kw = static_cast<long>(wcols.size());
  Eigen::MatrixXd Xa(n, 1 + kx + kw);
  Xa.col(0).setOnes();
  std::vector<std::string> names{"(Intercept)"};
  for (long a = 0; a < kx; ++a) {
    Xa.col(1 + a) = re.Xs.col(xcols[static_cast<size_t>(a)]);
    names.push_back(base.x_names[static_cast<size_t>(xcols[static_cast<size_t>(a)])]);
  }
  for (long a = 0; a < kw; ++a) {
    Xa.col(1 + kx + a) = Xw.col(wcols[static_cast<size_t>(a)]);
    names.push_back("within(" + base.x_names[static_cast<size_t>(xcols[static_cast<size_t>(wcols[static_cast<size_t>(a)])])] + ")");
  }
  std::vector<size_t> all(static_cast<size_t>(n));
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  Design d = transformed(base, re.ys, Xa, all);
  d.x_names = names;
  d.spec.intercept = true;
  FeolsOptions fo;
  fo.vcov = o.vcov;
  RegressionResult aux = feols(d, fo);
  std::vector<long> idx;
  for (long a = 0; a < kw; ++a) {
    const long k = aux.find(names[static_cast<size_t>(1 + kx + a)]);
    if (k < 0) throw NumericError("the within-demeaned regressors of the Hausman auxiliary regression are collinear");
    idx.push_back(k);
  }
  Eigen::VectorXd b(kw);
  Eigen::MatrixXd V(kw, kw);
  for (long i = 0; i < kw; ++i) {
    b[i] = aux.coef[idx[static_cast<size_t>(i)]];
    for (long j = 0; j < kw; ++j) V(i, j) = aux.vcov(idx[static_cast<size_t>(i)], idx[static_cast<size_t>(j)]);
  }
  TestResult t;
  t.stat = b.dot(V.ldlt().solve(b));
  t.df1 = static_cast<double>(kw);
  t.distribution = "chi2";
  t.p_value = p_chi2_upper(t.stat, t.df1);
  t.values["rank"] = static_cast<double>(kw);
  t.note = fmt::format("regression-based Hausman test (Wooldridge 2010, 10.7.3; plm::phtest(method = \"aux\")), variance {}: "
                       "H0: the random-effects estimator is consistent",
                       o.vcov.describe());
  for (const auto& w : aux.warnings) t.warnings.push_back(w);
  return t;
}

}  // namespace cbec
