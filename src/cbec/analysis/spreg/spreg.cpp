// spreg: cross-section spatial regression by maximum likelihood (SAR, SEM, SDM, SDEM, SAC) and
// SLX by least squares, on the data's units and weights, one period of the time column (`year`,
// default the last) when there is one. Estimators: estimate/spatial_models/spatial_ml.hpp.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "cbec/analysis/spatial/spatial_analyses.hpp"
#include "cbec/analysis/spreg/spreg_analyses.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial_models/gm_error.hpp"
#include "cbec/estimate/spatial_models/gm_sac.hpp"
#include "cbec/estimate/spatial_models/impacts_of_fit.hpp"
#include "cbec/estimate/spatial_models/spatial_ml.hpp"
#include "cbec/estimate/spatial_models/stsls.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/report/impacts_report.hpp"
#include "cbec/report/regression_table.hpp"
#include "cbec/report/spreg_json.hpp"
#include "cbec/stats/representable_scale.hpp"

namespace cbec {

namespace {

std::string model_label(const std::string& m) {
  static const std::map<std::string, std::string> labels = {{"sar", "SAR"}, {"sem", "SEM"}, {"sdm", "SDM"},
                                                            {"sdem", "SDEM"}, {"sac", "SAC"}, {"slx", "SLX"},
                                                            {"stsls", "S2SLS"}, {"gm_error", "GM SEM"}, {"gm_sac", "GM SAC"}};
  return labels.at(m);
}

// The models with spatially lagged regressors W x, which durbin_terms may restrict.
bool is_durbin(const std::string& m) { return m == "sdm" || m == "sdem" || m == "slx"; }

}  // namespace

Analysis spreg_analysis() {
  Analysis a;
  a.name = "spreg";
  a.command = "spreg";
  a.summary = "Cross-section spatial regression: SAR, SEM, SDM, SDEM, SAC by ML; SLX by OLS; SAR by spatial 2SLS; SEM by GM; SAC by generalized spatial 2SLS (spatialreg's conventions)";
  OptionSpec model = list_option("model", "One or more models: sar, sem, sdm, sdem, sac, slx, stsls, gm_error, gm_sac");
  model.choices = {"sar", "sem", "sdm", "sdem", "sac", "slx", "stsls", "gm_error", "gm_sac"};
  model.default_value = nlohmann::json::array({"sar"});
  a.options = {formula_option("Formula, e.g. \"y ~ x1 + x2\" (no fixed effects or instruments)"), model,
               choice_option("log_det", {"auto", "eigen", "sparse", "chebyshev", "mc"}, "auto",
                             "ln|I - rho W|: eigenvalues (auto up to 2000 units), sparse Cholesky/LU (auto above), "
                             "Chebyshev or Monte-Carlo approximation"),
               choice_option("vcov", {"iid", "hc0", "hc1"}, "iid", "Variance of stsls and gm_sac (spatialreg's robust = TRUE: hc0, hc1); the ML models use the information matrix"),
               list_option("durbin_terms", "sdm, sdem, slx: the regressors whose spatial lag W x enters (spatialreg's Durbin = ~ x1 + x2; default every regressor but the intercept)"),
               year_option(),
               count_option("impact_draws", 1000, "Draws for the simulated standard errors of the impacts of SAR, SDM, SAC, S2SLS and GM SAC (0: none)")};
  a.needs.panel = PanelNeed::Optional;
  a.needs.spatial = true;
  a.needs.resampling = true;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    StageLap lap(ctx.timer);
    const SpatialSetup& s = ctx.spatial(frame);
    check_units(frame, s, ctx.data);
    lap.lap(Stage::Weights);
    std::string period;
    const Frame sub = frame.take(rows_of_year(frame, ctx.time, o, period));
    const ModelSpec spec = parse_formula(o.text("formula"));
    if (!spec.fixed_effects.empty() || spec.has_iv())
      throw SpecError("spreg: the formula takes neither fixed effects (|) nor instruments; use spxt for panels");
    const Design d = build_design(sub, spec);
    refuse_unrepresentable_scale(d);
    const Column& key = sub.get(s.key);
    std::vector<std::string> ids;
    std::set<std::string> seen;
    for (size_t r : d.rows) {
      const std::string id = key.text(r);
      if (!seen.insert(id).second)
        throw DataError(fmt::format("{}: unit '{}' has more than one row{}", ctx.data, id,
                                    period == "all" ? "; give the time column (--time, or [data] time) and the year"
                                                    : " in period " + period + ": keep one row per unit and period (a duplicate row, or a subset that leaves two)"));
      ids.push_back(id);
    }
    SpregSample sample;
    sample.period = period;
    sample.transform = s.transform;
    sample.n = ids.size();
    for (size_t r = 0; r < sub.nrows(); ++r)
      if (!key.is_missing(r) && !seen.count(key.text(r))) sample.dropped.push_back(key.text(r));
    lap.lap(Stage::Design);
    const SpatialWeights w = weights_on(s, ids);
    lap.lap(Stage::Weights);
    SpatialMlData data{d.y, d.X, d.x_names, d.depvar};
    SpatialMlOptions mo;
    mo.log_det = parse_log_det_method(o.text("log_det"));
    mo.timer = ctx.timer;
    mo.durbin_terms = o.list("durbin_terms");
    SpatialMlOptions without_durbin = mo;   // the same options for the models without W x terms
    without_durbin.durbin_terms.clear();
    const std::string vcov = o.text("vcov");
    const auto models = o.list("model");
    if (vcov != "iid")
      for (const auto& m : models)
        if (m != "stsls" && m != "gm_sac")
          throw SpecError(fmt::format("spreg: vcov {} is for the models stsls and gm_sac only; '{}' has its own variance", vcov, m));
    if (!mo.durbin_terms.empty() && std::none_of(models.begin(), models.end(), is_durbin))
      throw SpecError("spreg: durbin_terms choose the W x terms of sdm, sdem and slx; none of these models is asked for (--model)");
    std::vector<RegressionResult> results;
    RegressionTableOptions to;
    for (const auto& m : models) {
      RegressionResult r = m == "stsls"      ? stsls(data, w.W, vcov)
                           : m == "gm_error" ? gm_error(data, w.W)
                           : m == "gm_sac"   ? gm_sac(data, w.W, vcov)
                                             : spatial_ml(data, w.W, parse_spatial_model(m), is_durbin(m) ? mo : without_durbin);
      if (m == "stsls" || m == "gm_error" || m == "gm_sac") lap.lap(Stage::Solve);
      else lap.skip();  // spatial_ml claimed its solve and vcov
      r.formula = spec.formula;
      r.dropped = d.dropped;
      results.push_back(std::move(r));
      to.model_names.push_back(model_label(m));
    }
    to.title = fmt::format("Spatial regression of {}{} ({} units)", d.depvar, period == "all" ? "" : ", " + period, ids.size());
    Table t = regression_table(results, to);
    t.notes.push_back("ML with sigma^2 = SSE/n; standard errors from the asymptotic information matrix (ase) with eigenvalues or "
                      "n <= 1500, else from the observed information; z tests. SLX: OLS. LR and Wald test the spatial parameters = 0 "
                      "(spatialreg's conventions). S2SLS: instruments X, WX, W^2X (Kelejian-Prucha 1998), with W1 and W^2 1 when a row of W with neighbours does not sum to 1 (JSON info.instruments). "
                      "GM SEM: Kelejian-Prucha (1999) moments, feasible GLS (spatialreg's GMerrorsar). GM SAC: generalized spatial 2SLS "
                      "(Kelejian-Prucha 1998, spatialreg's gstsls), no standard error for lambda.");
    for (const auto& r : results)
      if (r.tests.count("lr"))
        t.notes.push_back(fmt::format("{}: log L = {:.4f}, AIC = {:.4f} (OLS {:.4f}); LR = {:.4f} (p = {:.4g}); Wald = {:.4f} (p = {:.4g}); "
                                      "ln|I - rho W| by {}.",
                                      model_label(r.estimator), r.fit.at("loglik"), r.fit.at("aic"), r.fit.at("aic_ols"), r.tests.at("lr").stat,
                                      r.tests.at("lr").p_value, r.tests.at("wald").stat, r.tests.at("wald").p_value, r.info.at("log_determinant")));
    t.notes.push_back(fmt::format("Weights: {}, {}.", s.w.construction, transform_label(s.transform)));
    for (const auto& n : s.notes) t.notes.push_back(n);
    if (!sample.dropped.empty())
      t.notes.push_back(fmt::format("{} unit{} without a complete row left out of the weights: {}.", sample.dropped.size(),
                                    sample.dropped.size() == 1 ? "" : "s", fmt::join(sample.dropped, ", ")));
    // Units of the weights with no row at all (in the data, or in this period): W is subset to the rest.
    std::vector<std::string> without_row;
    const std::set<std::string> incomplete(sample.dropped.begin(), sample.dropped.end());
    for (const auto& id : s.w.ids)
      if (!seen.count(id) && !incomplete.count(id)) without_row.push_back(id);
    if (!without_row.empty())
      t.notes.push_back(fmt::format("{} unit{} of the weights without a row in the data{} left out (W subset to the units analysed): {}.",
                                    without_row.size(), without_row.size() == 1 ? "" : "s", period == "all" ? "" : " for " + period,
                                    fmt::join(without_row, ", ")));
    // LeSage-Pace impacts of the lag models: exact traces (eigenvalues) up to 3,000 units, Monte
    // Carlo traces above (spatialreg's trW(type = "MC")).
    std::vector<Table> tables = {t};
    nlohmann::json j = spreg_json(results, sample);
    ImpactsOptions io;
    io.draws = static_cast<int>(o.integer("impact_draws"));
    io.seed = ctx.resampling.seed;
    io.exact_traces = ids.size() <= 3000;
    lap.skip();  // the tables and JSON so far: other
    for (size_t m = 0; m < results.size(); ++m)
      if (auto in = impacts_input(results[m])) {
        const Impacts im = spatial_impacts(w.W, *in, io);
        lap.lap(Stage::Impacts);
        tables.push_back(impacts_table(im, fmt::format("Impacts of the {} model", model_label(models[m]))));
        j["models"][m]["impacts"] = to_json(im);
      }
    return Outcome{tables, {}, j};
  };
  return a;
}

}  // namespace cbec
