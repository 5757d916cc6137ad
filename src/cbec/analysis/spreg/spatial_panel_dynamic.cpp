// The dynamic spatial panel of spxt's `dynamic` option: the time lag y_{t-1} and the space-time lag
// W y_{t-1} as regressors (Yu, de Jong and Lee 2008, J. Econometrics 146, eq. 1; Elhorst 2014,
// Spatial Econometrics, ch. 4, the dynamic spatial panel with fixed effects), fitted by the
// static fixed-effects ML on the periods after the first (sem, sac; pooled or time effects), or, for
// sar and sdm with unit or two-way effects, by the quasi-ML of Yu, de Jong and Lee (2008) with
// their bias correction (estimate/spatial_models/spatial_dynamic_panel.hpp): without it the
// estimates are biased of order 1/T (Nickell 1981; Yu, de Jong and Lee 2008, theorem 3).
#include <fmt/format.h>

#include "cbec/analysis/spreg/spreg_panel_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/report/regression_json.hpp"
#include "cbec/report/spreg_panel_json.hpp"
#include "cbec/report/table.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_internal.hpp"

namespace cbec {

std::string dynamic_formula(const std::string& formula) {
  const size_t tilde = formula.find('~');
  if (tilde == std::string::npos) throw SpecError("formula: no '~' in \"" + formula + "\"");
  std::string lhs = formula.substr(0, tilde);
  lhs.erase(0, lhs.find_first_not_of(" \t"));
  lhs.erase(lhs.find_last_not_of(" \t") + 1);
  return fmt::format("{} + l({}, 1)", formula, lhs);
}

void add_space_time_lag(SpatialPanelSample& s) {
  SpatialPanelData& d = s.data;
  const long k = d.X.cols();
  const Eigen::VectorXd wlag = panel_spatial_lag(d, d.X.col(k - 1));
  d.X.conservativeResize(Eigen::NoChange, k + 1);
  d.X.col(k) = wlag;
  d.x_names.push_back("W." + d.x_names.back());
}

bool bias_corrected_dynamic(const std::string& model, SpatialPanelEffect effect) {
  return (model == "sar" || model == "sdm") && absorbs_units(effect);
}

DynamicFit fit_dynamic_model(const SpatialPanelSample& s, const std::string& model, SpatialPanelEffect effect, bool correct, int impact_draws,
                             unsigned long long seed, StageTimer* timer) {
  if (s.data.n_periods < 2)
    throw DataError(fmt::format("dynamic: {} period(s) left after the first period of every unit is used as initial condition; the dynamic "
                                "panel with unit effects needs at least 3 periods in the data",
                                s.data.n_periods));
  if (!s.data.balanced())
    throw DataError(fmt::format("dynamic: the panel is unbalanced once y_{{t-1}} is built ({} observations dropped: every unit's first period, "
                                "periods after a gap, missing values); the bias-corrected dynamic model needs every unit in every period "
                                "without gaps: fill the gaps or restrict the sample (subset) to a balanced stretch",
                                s.n_input - static_cast<size_t>(s.data.y.size())));
  SpatialDynamicOptions o;
  o.model = parse_spatial_panel_model(model);
  o.effect = effect;
  o.bias_correction = correct;
  o.impact_draws = impact_draws;
  o.seed = seed;
  o.timer = timer;
  DynamicFit f;
  f.r = spatial_dynamic_panel(s.data, o);
  f.r.fit.reg.dropped = s.dropped;
  f.r.qml.reg.dropped = s.dropped;
  f.json = to_json(f.r.fit);
  f.json["bias_correction"] = correct ? "yu-de-jong-lee" : "none";
  f.json["unit_root_eigenvalues"] = f.r.unit_root_eigenvalues;
  if (correct) f.json["qml"] = to_json(f.r.qml);
  const DynamicImpacts& im = f.r.impacts;
  nlohmann::json ij;
  ij["terms"] = im.terms;
  auto arr = [](const Eigen::VectorXd& v) {
    nlohmann::json a = nlohmann::json::array();
    for (long i = 0; i < v.size(); ++i) a.push_back(json_number(v[i]));
    return a;
  };
  ij["direct_short"] = arr(im.direct_short);
  ij["indirect_short"] = arr(im.indirect_short);
  ij["total_short"] = arr(im.total_short);
  ij["direct_long"] = arr(im.direct_long);
  ij["indirect_long"] = arr(im.indirect_long);
  ij["total_long"] = arr(im.total_long);
  if (im.draws > 0) {
    ij["se_direct_short"] = arr(im.se_direct_short);
    ij["se_indirect_short"] = arr(im.se_indirect_short);
    ij["se_total_short"] = arr(im.se_total_short);
    ij["se_direct_long"] = arr(im.se_direct_long);
    ij["se_indirect_long"] = arr(im.se_indirect_long);
    ij["se_total_long"] = arr(im.se_total_long);
  }
  ij["draws"] = im.draws;
  f.json["impacts"] = ij;
  f.impacts.title = fmt::format("Short- and long-run impacts of the dynamic {} model (Elhorst 2014, section 4.3)", model);
  f.impacts.header = {"", "direct (short)", "indirect (short)", "total (short)", "direct (long)", "indirect (long)", "total (long)"};
  for (size_t p = 0; p < im.terms.size(); ++p) {
    const long i = static_cast<long>(p);
    f.impacts.rows.push_back({im.terms[p], format_fixed(im.direct_short[i]), format_fixed(im.indirect_short[i]), format_fixed(im.total_short[i]),
                              format_fixed(im.direct_long[i]), format_fixed(im.indirect_long[i]), format_fixed(im.total_long[i])});
    if (im.draws == 0) continue;
    auto se = [](double v) { return "(" + format_fixed(v) + ")"; };
    f.impacts.rows.push_back({"", se(im.se_direct_short[i]), se(im.se_indirect_short[i]), se(im.se_total_short[i]), se(im.se_direct_long[i]),
                              se(im.se_indirect_long[i]), se(im.se_total_long[i])});
  }
  if (im.draws > 0)
    f.impacts.notes.push_back(fmt::format("Simulated standard errors in parentheses: {} draws of (rho, coefficients) from their estimated normal distribution "
                                          "(as SDPDmod's impactsSDPDm)", im.draws));
  f.impacts.notes.push_back("Short run: (I - rho W)^-1 (beta I + theta W); long run: ((1 - gamma) I - (rho + eta) W)^-1 (beta I + theta W), gamma and eta the "
                            "coefficients of y_{t-1} and W y_{t-1}; direct: mean diagonal, total: mean row sum (SDPDmod's impactsSDPDm at the estimates).");
  return f;
}

}  // namespace cbec
