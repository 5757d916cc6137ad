#include "cbec/estimate/panel/effects_tests.hpp"

#include <fmt/format.h>

#include <Eigen/QR>
#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

TestResult effects_f_test(const RegressionResult& within, const RegressionResult& pooled, const std::string& effect) {
  if (within.nobs != pooled.nobs) throw SpecError("the F test for effects needs the within and pooled models on the same observations");
  TestResult t;
  const double rss_w = within.fit.at("rss"), rss_p = pooled.fit.at("rss");
  t.df1 = pooled.df_resid - within.df_resid;
  t.df2 = within.df_resid;
  t.distribution = "F";
  if (!(t.df1 > 0) || !(t.df2 > 0)) {  // one unit (or period): no effect to test, no F
    t.stat = t.p_value = std::numeric_limits<double>::quiet_NaN();
  } else {
    t.stat = (rss_p - rss_w) / rss_w / t.df1 * t.df2;
    t.p_value = p_f_upper(t.stat, t.df1, t.df2);
  }
  t.note = fmt::format("F test for {} effects (plm::pFtest{}): H0: no {} effects, the pooled model", effect,
                       effect == "individual" ? "; Stata's F test that all u_i = 0 after xtreg, fe" : "", effect);
  return t;
}

TestResult lm_effects_test(const Frame& frame, const std::string& formula, const PanelOptions& o, const std::string& effect,
                           const std::string& type) {
  if (effect != "individual" && effect != "time" && effect != "twoways")
    throw SpecError(fmt::format("unknown effect '{}'; use individual, time or twoways", effect));
  if (type != "bp" && type != "honda" && type != "kw" && type != "ghm")
    throw SpecError(fmt::format("unknown LM test '{}'; use bp, honda, kw or ghm", type));
  if (type == "ghm" && effect != "twoways") throw SpecError("the GHM test is for two-way effects only");
  const ModelSpec spec = parse_formula(formula);
  if (!spec.fixed_effects.empty() || spec.has_iv()) throw SpecError("the LM tests take a formula without fixed-effect or IV parts");
  DesignOptions dopt;
  dopt.panel_unit = o.unit;
  dopt.panel_time = o.time;
  dopt.groups = {o.unit, o.time};
  dopt.drop_singletons = false;
  const Design d = build_design(frame, spec, dopt);
  const Eigen::VectorXd e = d.y - d.X * d.X.colPivHouseholderQr().solve(d.y);  // pooled OLS residuals
  const double ee = e.squaredNorm(), n = static_cast<double>(e.size());
  auto lm = [&](const Factor& f, double& M) {
    Eigen::VectorXd sums = Eigen::VectorXd::Zero(static_cast<long>(f.n_levels)), counts = sums;
    for (long i = 0; i < e.size(); ++i) {
      sums[f.codes[static_cast<size_t>(i)]] += e[i];
      counts[f.codes[static_cast<size_t>(i)]] += 1;
    }
    M = counts.squaredNorm();
    return n / std::sqrt(2 * (M - n)) * (sums.squaredNorm() / ee - 1);
  };
  double M11 = 0, M22 = 0;
  const double LM1 = lm(d.groups.at(o.unit), M11), LM2 = lm(d.groups.at(o.time), M22);
  TestResult t;
  if (effect != "twoways") {
    const double L = effect == "individual" ? LM1 : LM2;
    if (type == "bp") {
      t.stat = L * L;
      t.df1 = 1;
    } else {
      t.stat = L;
    }
  } else if (type == "bp") {
    t.stat = LM1 * LM1 + LM2 * LM2;
    t.df1 = 2;
  } else if (type == "honda") {
    t.stat = (LM1 + LM2) / std::sqrt(2.0);
  } else if (type == "kw") {
    t.stat = (std::sqrt(M11 - n) * LM1 + std::sqrt(M22 - n) * LM2) / std::sqrt(M11 + M22 - 2 * n);
  } else {
    t.stat = std::pow(std::max(0.0, LM1), 2) + std::pow(std::max(0.0, LM2), 2);
  }
  if (type == "bp") {
    t.distribution = "chi2";
    t.p_value = p_chi2_upper(t.stat, t.df1);
  } else if (type == "ghm") {
    t.distribution = "chibar2";
    t.p_value = 0.5 * p_chi2_upper(t.stat, 1) + 0.25 * p_chi2_upper(t.stat, 2);
  } else {
    t.distribution = "normal";
    t.p_value = p_normal_upper(t.stat);
  }
  const char* name = type == "bp" ? "Breusch-Pagan" : type == "honda" ? "Honda" : type == "kw" ? "King-Wu" : "Gourieroux-Holly-Monfort";
  t.note = fmt::format("{} LM test for {} effects on the pooled OLS residuals (plm::plmtest): H0: no {} effects", name, effect, effect);
  return t;
}

}  // namespace cbec
