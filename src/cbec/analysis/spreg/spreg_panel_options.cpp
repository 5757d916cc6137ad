#include <fmt/format.h>

#include <string_view>

#include "cbec/analysis/spreg/spreg_panel_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_gm.hpp"

namespace cbec {

std::vector<OptionSpec> spatial_panel_options(bool model_list) {
  const std::string models = "sar (spatial lag, rho), sem (spatial error, lambda), sdm (sar with W x), sac (lag and error, rho and lambda; balanced panels as splm, unbalanced ones by the likelihood with the effect dummies filtered by each period's I - lambda W_t)";
  OptionSpec model = list_option("model", "Spatial model(s): " + models);
  model.choices = {"sar", "sem", "sdm", "sac"};
  model.default_value = nlohmann::json::array({"sar"});
  if (!model_list) model = choice_option("model", {"sar", "sem", "sdm", "sac"}, "sar", "Spatial model: " + models);
  return {model,
          choice_option("effect", {"pooled", "individual", "time", "twoways"}, "individual",
                        "Effects: pooled (intercept), or unit, period or two-way fixed effects removed by the within transformation"),
          flag_option("lee_yu", "Lee and Yu (2010) bias correction of the fixed-effects estimates (balanced panels; unit or period effects as splm's LeeYu = TRUE, two-way as Lee-Yu section 4 and Elhorst's code)"),
          choice_option("lags", {"within", "splm"}, "within",
                        "within: Q(W y), the within transformation of the spatial lag (the dummy-variable likelihood); "
                        "splm: W applied to the demeaned variables, as splm 1.6 (equal with unit effects on a balanced panel); "
                        "sac: splm with time or two-way effects on a balanced panel, within on an unbalanced one"),
          choice_option("log_det", {"auto", "eigen", "sparse", "chebyshev", "mc"}, "auto",
                        "ln|I - rho W|: auto (eigenvalues up to 2000 units, sparse LU above), eigen, sparse, chebyshev, mc")};
}

SpatialPanelOptions spatial_panel_options_of(const Options& o, const std::string& model) {
  SpatialPanelOptions p;
  p.model = parse_spatial_panel_model(model);
  p.effect = parse_spatial_panel_effect(o.text("effect"));
  p.lee_yu = o.flag("lee_yu");
  p.lags = o.text("lags") == "splm" ? PanelLags::Splm : PanelLags::Within;
  p.log_det = parse_log_det_method(o.text("log_det"));
  return p;
}

SpatialPanelResult fit_spatial_panel(const SpatialPanelSample& s, const SpatialPanelOptions& o, bool gm) {
  try {
    SpatialPanelResult r = gm ? spatial_panel_gm(s.data, o) : spatial_panel(s.data, o);
    r.reg.dropped = s.dropped;
    return r;
  } catch (const SpecError& e) {
    // A balanced panel's dropped rows are what unbalanced it: say so where the estimator asks for balance.
    size_t dropped = 0;
    for (const auto& [why, n] : s.dropped) dropped += n;
    if (dropped == 0 || s.data.balanced() || std::string_view(e.what()).find("balanced panel") == std::string_view::npos) throw;
    std::vector<std::string> parts;
    for (const auto& [why, n] : s.dropped)
      if (n > 0) parts.push_back(fmt::format("{} {}", n, why));
    throw SpecError(fmt::format("{}; the data's {} dropped row{} ({}) unbalanced it: fill or drop those units' values, or use another estimator",
                                e.what(), dropped, dropped == 1 ? "" : "s", fmt::join(parts, ", ")));
  }
}

nlohmann::json sample_json(const SpatialPanelSample& s) {
  nlohmann::json per = nlohmann::json::array();
  for (size_t t = 0; t < s.periods.size(); ++t) per.push_back({{"period", s.periods[t]}, {"n", s.data.period_rows[t].size()}});
  return {{"periods", per}, {"balanced", s.data.balanced()}, {"absent_units", s.absent_units}, {"dropped", s.dropped},
          {"n_input", s.n_input}, {"distinct_weights", s.data.weights.size()}};
}

void add_spatial_panel_notes(Table& t, const SpatialPanelSample& s, const SpatialPanelResult& r, const std::string& label) {
  const std::string who = label.empty() ? r.model : label;
  const std::string random = r.effect != "random" ? ""
                             : fmt::format(", phi = sigma_mu^2/sigma2 = {:.6g}, sigma_mu^2 = {:.6g}{}", r.phi, r.sigma2_mu,
                                           r.errors == "kkp" ? " (Kapoor-Kelejian-Prucha errors)" : r.errors == "baltagi" ? " (Baltagi-Song-Koh errors)" : "");
  const std::string error = r.model == "sac" ? fmt::format(", lambda = {:.4f}", r.spatial_error) : "";
  // GM (spatial_panel_gm.hpp): sigma_v^2, sigma_1^2 and theta, the moments; no log-likelihood.
  const std::string fit = r.estimator != "gm" ? fmt::format("sigma2 = {:.6g}{}, log-likelihood = {:.3f}", r.sigma2, random, r.loglik)
                          : fmt::format("GM{}, sigma_v^2 = {:.6g}{}", r.moments.empty() ? "" : " with the " + r.moments + " moments", r.sigma2,
                                        r.effect == "random" ? fmt::format(", sigma_1^2 = {:.6g}, theta = {:.6g}", r.sigma2_1, r.theta) : "");
  t.notes.push_back(fmt::format("{}: {} = {:.4f}{}, {}; {} effects{}; {} units, {} periods, {} observations{}.", who,
                                r.model == "sem" ? "lambda" : "rho", r.spatial, error, fit, r.effect, r.lee_yu ? " with the Lee-Yu correction" : "",
                                r.n_units, r.n_periods, r.reg.nobs,
                                r.balanced ? " (balanced)" : fmt::format(" (unbalanced: each period's weights on its {} distinct unit sets)", s.data.weights.size())));
  size_t dropped = 0;
  for (const auto& [why, n] : s.dropped) dropped += n;
  if (dropped > 0) {
    std::vector<std::string> parts;
    for (const auto& [why, n] : s.dropped)
      if (n > 0) parts.push_back(fmt::format("{} {}", n, why));
    t.notes.push_back(fmt::format("{}: {} of {} rows dropped ({}).", who, dropped, s.n_input, fmt::join(parts, ", ")));
  }
  if (!s.absent_units.empty()) t.notes.push_back(fmt::format("{}: {} units of the weights have no observation and are left out.", who, s.absent_units.size()));
  if (r.model == "sac" && r.estimator == "ml" && r.effect != "random" && !r.balanced)
    t.notes.push_back(fmt::format("{}: on the unbalanced panel the likelihood with the effect dummies filtered by each period's I - lambda W_t; "
                                  "standard errors from the observed information (numerical Hessian, the effects concentrated out).", who));
  for (const auto& w : r.reg.warnings) t.notes.push_back(fmt::format("{}: {}", who, w));
}

}  // namespace cbec
