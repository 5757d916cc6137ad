// spbeta: spatial beta convergence (Rey and Montouri 1999; Elhorst, Piras and Arbia 2010): annual
// growth ln y_it - ln y_i,t-1 on the lagged log level (+ controls: conditional convergence) in a
// spatial panel model (SAR by default, the seed paper's choice) with time, unit or two-way fixed
// effects, for all units and within each subgroup on the weights restricted to its units. Speed
// -ln(1 + beta) (one period per observation, Barro and Sala-i-Martin 1992) from the model's beta,
// its delta-method standard error se(beta) / (1 + beta), and the half-life ln 2 / speed (none when
// the speed is not positive: no convergence).
#include <fmt/format.h>

#include <cmath>
#include <map>

#include "cbec/analysis/spreg/spreg_panel_analyses.hpp"
#include "cbec/estimate/convergence/convergence.hpp"
#include "cbec/report/regression_json.hpp"
#include "cbec/report/regression_table.hpp"
#include "cbec/report/spreg_panel_json.hpp"

namespace cbec {

Analysis spbeta_analysis() {
  Analysis a;
  a.name = "spbeta";
  a.command = a.name;
  a.summary = "Spatial beta convergence: growth on the lagged log level in a spatial panel model, speed and half-life, by subgroup with its own weights";
  a.options = {column_option("variable", "Variable (e.g. exports per capita): growth of its log on its lagged log", true),
               columns_option("controls", "Controls (conditional beta convergence)"),
               column_option("group", "Run separately within the levels of this variable, each on the weights among its units")};
  for (auto& o : spatial_panel_options(false)) a.options.push_back(o);
  for (auto& o : a.options)
    if (o.key == "effect") o.default_value = "time";
  a.needs.panel = PanelNeed::Required;
  a.needs.spatial = true;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const SpatialSetup& s = ctx.spatial(frame);
    const std::string v = o.text("variable");
    const std::string level = fmt::format("l(log({}), 1)", v);
    std::string formula = fmt::format("d(log({0})) ~ {1}", v, level);
    for (const auto& c : o.list("controls")) formula += " + " + c;
    const bool pooled = o.text("effect") == "pooled";
    const SpatialPanelOptions po = spatial_panel_options_of(o, o.text("model"));
    // The groups: all rows, or each level of the group column.
    std::vector<std::pair<std::string, std::vector<size_t>>> groups;
    if (o.has("group")) {
      const Column& g = frame.get(o.text("group"));
      std::map<std::string, std::vector<size_t>> by;
      for (size_t r = 0; r < frame.nrows(); ++r)
        if (!g.is_missing(r)) by[g.text(r)].push_back(r);
      groups.assign(by.begin(), by.end());
    } else {
      groups.push_back({"all", {}});
    }
    Outcome out;
    out.json = {{"variable", v}, {"formula", formula}, {"model", o.text("model")}, {"effect", o.text("effect")}, {"transform", s.transform},
                {"results", nlohmann::json::array()}};
    std::vector<RegressionResult> regs;
    std::vector<std::string> names;
    // The rows papers print under the coefficients: sigma^2, log-likelihood, speed and half-life.
    std::vector<std::string> sigma2_row = {"sigma^2"}, loglik_row = {"Log-likelihood"}, speed_row = {"Speed -ln(1 + beta)"},
                             half_life_row = {"Half-life (periods)"};
    Table notes;
    for (const auto& [label, rows] : groups) {
      const SpatialPanelSample sample = spatial_panel_sample(frame, formula, pooled, ctx.time, s, ctx.data, rows);
      const SpatialPanelResult r = fit_spatial_panel(sample, po);
      const long j = r.reg.find(level);
      const double beta = r.reg.coef[j], se = std::sqrt(r.reg.vcov(j, j));
      // No convergence (beta >= 0, or 1 + beta <= 0): no speed or half-life, nor their SEs.
      const SpeedMeasures m = speed_measures(beta, se, 1);
      const double speed = m.speed, half_life = m.half_life;
      nlohmann::json res = {{"group", label},
                            {"beta", json_number(beta)},
                            {"se_beta", json_number(se)},
                            {"speed", json_number(speed)},
                            {"se_speed", json_number(m.speed_se)},
                            {"half_life", json_number(half_life)},
                            {"se_half_life", json_number(m.half_life_se)},
                            {"model", to_json(r)},
                            {"sample", sample_json(sample)}};
      out.json["results"].push_back(res);
      regs.push_back(r.reg);
      names.push_back(label);
      sigma2_row.push_back(fmt::format("{:.6f}", r.sigma2));
      loglik_row.push_back(fmt::format("{:.3f}", r.loglik));
      speed_row.push_back(std::isnan(speed) ? "" : fmt::format("{:.4f}", speed));
      half_life_row.push_back(std::isnan(half_life) ? "" : fmt::format("{:.1f}", half_life));
      add_spatial_panel_notes(notes, sample, r, label);
      if (std::isnan(speed))  // say why rather than print nan
        notes.notes.push_back(fmt::format("{}: beta = {:.4f} (se {:.4f}): {}, so no speed -ln(1 + beta) or half-life.", label, beta, se,
                                          beta >= 0 ? "not negative, no convergence" : "1 + beta <= 0 (the estimate overshoots: oscillation, not convergence)"));
      else if (std::isnan(half_life))
        notes.notes.push_back(fmt::format("{}: beta = {:.4f} (se {:.4f}), speed -ln(1 + beta) = {:.4f} per period, not positive: no half-life.", label,
                                          beta, se, speed));
      else
        notes.notes.push_back(fmt::format("{}: beta = {:.4f} (se {:.4f}), speed -ln(1 + beta) = {:.4f} per period, half-life ln 2 / speed = {:.1f} periods.",
                                          label, beta, se, speed, half_life));
    }
    RegressionTableOptions to;
    to.model_names = names;
    to.title = fmt::format("Spatial beta convergence of {} ({} model, {} effects)", v, o.text("model"), o.text("effect"));
    to.stats = {"n"};
    Table t = regression_table(regs, to);
    t.rules_before.push_back(t.rows.size());
    for (auto* row : {&sigma2_row, &loglik_row, &speed_row, &half_life_row}) t.rows.push_back(std::move(*row));
    t.notes.insert(t.notes.end(), notes.notes.begin(), notes.notes.end());
    t.notes.push_back("Dependent variable: growth ln y_t - ln y_t-1; beta: coefficient of the lagged log level. Subgroups use the weights among their own units, transformed again.");
    out.tables.push_back(t);
    return out;
  };
  return a;
}

}  // namespace cbec
