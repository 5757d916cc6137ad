// spxt: spatial panel models by maximum likelihood (SAR, SEM, SDM, SAC; pooled, unit, time or two-way
// fixed effects; Lee-Yu correction; random effects as splm; the spatial Hausman test) or by
// generalized moments (estimator gm: splm's spgm and sphtest), several models side by side, on the
// weights of --w.
#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <utility>

#include "cbec/analysis/spreg/spreg_panel_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/impacts_of_fit.hpp"
#include "cbec/estimate/spatial_models/panel_impacts.hpp"
#include "cbec/estimate/spatial_models/spatial_hausman.hpp"
#include "cbec/estimate/spatial_models/spatial_panel_gm.hpp"
#include "cbec/report/impacts_report.hpp"
#include "cbec/report/regression_table.hpp"
#include "cbec/report/spreg_panel_json.hpp"

namespace cbec {

namespace {

// Where the fixed-effects ML standard errors come from: the information matrix, or for the models
// fitted with the filtered effect dummies (SEM with binary or island W and time effects, unbalanced
// SEM and SAC) the observed information, which their variance note names.
std::string ml_variance_source(const std::vector<std::string>& models, const std::vector<RegressionResult>& regs) {
  std::vector<std::string> observed;
  for (size_t m = 0; m < regs.size(); ++m)
    if (regs[m].vcov_info.small_sample.find("observed information") != std::string::npos) observed.push_back(models[m]);
  if (observed.empty()) return "Standard errors from the information matrix";
  if (observed.size() == regs.size()) return "Standard errors from the observed information (numerical Hessian of the log-likelihood, the effects concentrated out)";
  return fmt::format("Standard errors from the information matrix; {}: from the observed information (numerical Hessian)", fmt::join(observed, ", "));
}

}  // namespace

Analysis spxt_analysis() {
  Analysis a;
  a.name = "spxt";
  a.command = a.name;
  a.summary = "Spatial panel models by ML: SAR, SEM, SDM, SAC; pooled, unit, time or two-way fixed effects (Lee-Yu correction; unbalanced panels); random effects; "
              "or by GM (splm's spgm); spatial Hausman test";
  a.options = {formula_option("Formula without fixed effects, e.g. \"y ~ x1 + x2\"")};
  for (auto& o : spatial_panel_options(true)) {
    if (o.key == "effect") {
      o.choices.push_back("random");
      o.help += "; random: random unit effects by ML as splm's spml(model = \"random\") (sar, sem, sdm, sac; balanced or unbalanced panels, each period's W restricted to its units)";
    }
    a.options.push_back(o);
  }
  a.options.push_back(choice_option("re_errors", {"baltagi", "kkp"}, "baltagi",
                                    "The random-effects sem's and sac's errors by ML: baltagi (Baltagi, Song and Koh 2003: the spatial process in the idiosyncratic errors; "
                                    "splm spatial.error = \"b\") or kkp (Kapoor, Kelejian and Prucha 2007: in both error components; GM's are always kkp)"));
  a.options.push_back(choice_option("estimator", {"ml", "gm"}, "ml",
                                    "ml: maximum likelihood (splm's spml); gm: generalized moments and spatial IV as splm's spgm (Kapoor, Kelejian and Prucha 2007; "
                                    "Mutl and Pfaffermayr 2011): sem (lag = FALSE), sac (lag = TRUE), sar (lag = TRUE, spatial.error = FALSE); effect individual "
                                    "(splm's within) or random; balanced panels"));
  a.options.push_back(choice_option("moments", {"initial", "weights", "fullweights"}, "initial",
                                    "estimator gm, random effects, sem and sac: the KKP moments of the spatial error, as splm's spgm(moments =): initial (the "
                                    "unweighted within moments), weights (both blocks, simplified weights) or fullweights (both blocks, KKP's full weights); sar has no spatial error and no moments (EC2SLS)"));
  a.options.push_back(flag_option("durbin",
                                  "estimator gm: W x of every regressor but the intercept as further regressors (\"W.x\"), as splm's spgm(Durbin = TRUE): "
                                  "sar becomes the SDM, sem the SDEM, sac the SAC with W x; by ML the SDM is model sdm"));
  a.options.push_back(list_option("durbin_terms",
                                  "sdm by ML, or estimator gm with durbin: the regressors whose spatial lag W x enters (spatialreg's Durbin = ~ x1 + x2, splm's "
                                  "spgm(Durbin = ~ x1 + x2); default every regressor but the intercept); impacts take theta = 0 for the others"));
  a.options.push_back(flag_option("dynamic",
                                  "Dynamic spatial panel: y_{t-1} and W y_{t-1} added as regressors, every unit's first period the initial condition (dropped); "
                                  "sar and sdm with effect individual or twoways: quasi-ML of Yu, de Jong and Lee (2008) with their bias correction (see "
                                  "dynamic_correction; balanced panels without gaps) and short- and long-run impacts; sem, sac, pooled, time: the static ML "
                                  "with the lags as regressors, without bias correction (biased of order 1/T)"));
  a.options.push_back(choice_option("dynamic_correction", {"yu-de-jong-lee", "none"}, "yu-de-jong-lee",
                                    "With dynamic (sar, sdm; individual or twoways effects): the analytic bias correction of Yu, de Jong and Lee (2008) "
                                    "(two-way: Lee and Yu 2010's transformation for the time effects), as SDPDmod's LYtrans = TRUE (default); none: the "
                                    "quasi-ML estimates"));
  a.options.push_back(flag_option("hausman", "Spatial Hausman test of the random effects against the unit fixed effects of the same model (splm's sphtest; with effect "
                                             "random; by ML, or with estimator gm on the GM fits, the fixed effects with the initial moments)"));
  a.options.push_back(count_option("impact_draws", 1000, "Draws for the simulated standard errors of the impacts of SAR, SDM and SAC, by ML or GM, static or dynamic (0: none); "
                                                       "the static impacts are those of the stacked panel, each period with its own W_t (balanced or unbalanced)"));
  a.needs.resampling = true;
  a.needs.panel = PanelNeed::Required;
  a.needs.spatial = true;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    StageLap lap(ctx.timer);
    const SpatialSetup& s = ctx.spatial(frame);
    lap.lap(Stage::Weights);
    const bool random = o.text("effect") == "random";
    if (o.flag("hausman") && !random) throw SpecError("hausman: the spatial Hausman test needs effect random (it compares it with unit fixed effects)");
    const bool dynamic = o.flag("dynamic");
    const bool gm = o.text("estimator") == "gm";
    if (!dynamic && o.text("dynamic_correction") != "yu-de-jong-lee") throw SpecError("dynamic_correction: applies with dynamic");
    if (gm && dynamic) throw SpecError("dynamic: the dynamic spatial panel is estimated by ML, not with estimator gm");
    if (!gm && o.text("moments") != "initial") throw SpecError("moments: the GM moments apply with estimator gm");
    if (!gm && o.flag("durbin")) throw SpecError("durbin: the W x terms of sar, sem and sac are for estimator gm; by ML use model sdm");
    const std::vector<std::string> durbin_terms = o.list("durbin_terms");
    const std::vector<std::string> models = o.list("model");
    if (!durbin_terms.empty()) {
      if (dynamic) throw SpecError("durbin_terms: the dynamic sdm lags every regressor; drop durbin_terms or dynamic");
      if (!gm && std::find(models.begin(), models.end(), "sdm") == models.end())
        throw SpecError("durbin_terms: by ML they choose the W x terms of model sdm; none of the models is sdm (--model)");
    }
    if (dynamic && random) throw SpecError("dynamic: the dynamic spatial panel takes fixed effects or pooled, not effect random (y_{t-1} is correlated with the random effect)");
    const bool intercept = random || o.text("effect") == "pooled";
    SpatialPanelSample sample;
    try {
      sample = spatial_panel_sample(frame, dynamic ? dynamic_formula(o.text("formula")) : o.text("formula"), intercept, ctx.time, s, ctx.data);
    } catch (const DataError& e) {
      if (!dynamic) throw;
      throw DataError(std::string(e.what()) + "; dynamic: every unit's first period is the initial condition of y_{t-1}, so the dynamic panel needs at least 3 periods");
    }
    if (dynamic) add_space_time_lag(sample);
    // The unit fixed-effects fit the Hausman test compares with: the data without the intercept.
    SpatialPanelSample within_sample;
    if (o.flag("hausman")) {
      within_sample = sample;
      SpatialPanelData& d = within_sample.data;
      d.X = d.X.rightCols(d.X.cols() - 1).eval();
      d.x_names.erase(d.x_names.begin());
    }
    lap.lap(Stage::Design);  // the sample: formula, lags, the weights of each period
    std::vector<RegressionResult> regs;
    Outcome out;
    out.json = {{"formula", o.text("formula")}, {"effect", o.text("effect")}, {"estimator", o.text("estimator")}, {"dynamic", dynamic}, {"transform", s.transform}, {"sample", sample_json(sample)},
                {"models", nlohmann::json::array()}};
    Table notes;
    Table hausman;
    hausman.title = fmt::format("Spatial Hausman test: random against unit fixed effects (splm's sphtest, {})", gm ? "GM" : "ML");
    hausman.header = {"model", "chi2", "df", "p-value"};
    std::vector<Table> dynamic_impacts;
    std::vector<bool> no_static_impacts;
    std::vector<std::pair<double, double>> intervals;   // each model's admissible spatial parameters
    for (const auto& m : models) {
      const SpatialPanelEffect effect = parse_spatial_panel_effect(o.text("effect"));
      no_static_impacts.push_back(dynamic);
      intervals.emplace_back(-std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity());
      if (dynamic && bias_corrected_dynamic(m, effect)) {
        DynamicFit f = fit_dynamic_model(sample, m, effect, o.text("dynamic_correction") != "none", static_cast<int>(o.integer("impact_draws")), ctx.resampling.seed,
                                         ctx.timer);
        lap.skip();  // claimed: design, solve and impacts
        regs.push_back(f.r.fit.reg);
        out.json["models"].push_back(f.json);
        add_spatial_panel_notes(notes, sample, f.r.fit);
        dynamic_impacts.push_back(f.impacts);
        continue;
      }
      if (dynamic && m == "sdm") throw SpecError("dynamic: the dynamic sdm takes effect individual or twoways");
      SpatialPanelOptions po = spatial_panel_options_of(o, m);
      po.re_errors = o.text("re_errors") == "kkp" ? SpatialReErrors::Kkp : SpatialReErrors::Baltagi;
      po.moments = parse_gm_moments(o.text("moments"));
      po.durbin = o.flag("durbin");
      if (gm || m == "sdm") po.durbin_terms = durbin_terms;
      const SpatialPanelResult r = fit_spatial_panel(sample, po, gm);
      intervals.back() = r.interval;
      lap.lap(Stage::Solve);
      regs.push_back(r.reg);
      out.json["models"].push_back(to_json(r));
      add_spatial_panel_notes(notes, sample, r);
      if (!o.flag("hausman")) continue;
      po.effect = SpatialPanelEffect::Individual;
      po.moments = GmMoments::Initial;   // splm's within GM has the initial moments only
      const TestResult h = spatial_hausman(fit_spatial_panel(within_sample, po, gm).reg, r.reg, gm);
      lap.lap(Stage::Solve);
      hausman.rows.push_back({m, format_fixed(h.stat), fmt::format("{}", h.df1), format_fixed(h.p_value)});
      for (const auto& w : h.warnings) hausman.notes.push_back(fmt::format("{}: {}", m, w));
      out.json["models"].back()["hausman"] = {{"stat", h.stat}, {"df", h.df1}, {"p_value", h.p_value}, {"distribution", "chi2"}, {"warnings", h.warnings}};
    }
    RegressionTableOptions to;
    to.model_names = models;
    to.title = fmt::format("Spatial panel models of {} ({} effects)", sample.data.depvar, o.text("effect"));
    Table t = regression_table(regs, to);
    t.notes.insert(t.notes.end(), notes.notes.begin(), notes.notes.end());
    if (gm)
      t.notes.push_back(std::string("GM (splm's spgm): rho: spatial lag; lambda: spatial error (splm names them the other way round), from the Kapoor-Kelejian-Prucha moments, "
                        "without a standard error (as splm). Standard errors: sigma_v^2 (Z*'Z*)^-1 of the transformed (IV) regression; sem within: lm's s^2 "
                        "(X*'X*)^-1, s^2 = e'e/(nT - k); sar: s^2 (Zp'Zp)^-1, s^2 = e'e/(nT - k - 1); z tests.") +
                        (o.flag("durbin") ? " W.x: the regressors' spatial lags (Durbin terms, splm's lag_x)." : ""));
    else if (!dynamic || std::any_of(to.model_names.begin(), to.model_names.end(),
                                     [&](const std::string& m) { return !bias_corrected_dynamic(m, parse_spatial_panel_effect(o.text("effect"))); }))
      t.notes.push_back(random ? "rho: spatial lag; lambda: spatial error (splm names them the other way round). Standard errors: the slopes' sigma2 (X' Sigma^-1 X)^-1, "
                                 "the spatial parameters' and phi's the numerical Hessian of the concentrated log-likelihood; z tests."
                               : fmt::format("rho: spatial lag; lambda: spatial error (splm names them the other way round). {}; z tests.", ml_variance_source(models, regs)));
    out.tables.push_back(t);
    // LeSage-Pace impacts of the lag models (Elhorst 2014, section 2.3) over the stacked panel's
    // block-diagonal W = diag(W_t): one W on a balanced panel, each period's own on an unbalanced one.
    ImpactsOptions io;
    io.draws = static_cast<int>(o.integer("impact_draws"));
    io.seed = ctx.resampling.seed;
    io.exact_traces = sample.data.n_units <= 3000;
    lap.skip();  // the tables so far: other
    for (size_t m = 0; m < regs.size(); ++m) {
      if (no_static_impacts[m]) continue;
      const auto in = impacts_input(regs[m]);
      if (!in || !(in->rho > intervals[m].first && in->rho < intervals[m].second)) continue;   // none at an explosive rho (its warning says so)
      const Impacts im = spatial_panel_impacts(sample.data, *in, io);
      lap.lap(Stage::Impacts);
      out.tables.push_back(impacts_table(im, fmt::format("Impacts of the {} model", models[m])));
      out.json["models"][m]["impacts"] = to_json(im);
    }
    out.tables.insert(out.tables.end(), dynamic_impacts.begin(), dynamic_impacts.end());
    if (dynamic)
      t.notes.push_back(
          o.text("dynamic_correction") == "none"
              ? "Dynamic: y_{t-1} and W y_{t-1} are regressors, every unit's first period is the initial condition (dropped); quasi-ML without bias correction: biased of order 1/T."
              : "Dynamic: y_{t-1} and W y_{t-1} are regressors, every unit's first period is the initial condition (dropped). sar and sdm with unit or two-way effects: "
                "the quasi-ML estimates corrected for their bias of order 1/T (Yu, de Jong and Lee 2008; two-way: Lee and Yu 2010), as SDPDmod 0.0.6; standard errors "
                "the sandwich (Sigma^-1 + Sigma^-1 Omega Sigma^-1)/N at the corrected estimates, as SDPDmod; the log-likelihood is the quasi-ML's. sem, sac, pooled or time effects: static ML with the "
                "lags as regressors, not corrected.");
    out.tables.front().notes = t.notes;
    if (o.flag("hausman")) {
      hausman.notes.insert(hausman.notes.begin(), gm ? "H0: the unit effects are uncorrelated with the regressors; over the slopes both models share and, "
                                                       "for sar and sac, rho (as splm's sphtest on spgm fits). The fixed-effects model is the same model by GM with unit effects."
                                                     : "H0: the unit effects are uncorrelated with the regressors; over the slopes both models share. "
                                                       "The fixed-effects model has unit effects, the same spatial model and, for sem, the same W.");
      out.tables.push_back(hausman);
    }
    return out;
  };
  return a;
}

}  // namespace cbec
