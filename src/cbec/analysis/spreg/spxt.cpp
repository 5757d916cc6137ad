// spxt: spatial panel models by maximum likelihood (SAR, SEM, SDM; pooled, unit, time or two-way
// fixed effects; Lee-Yu correction), several models side by side, on the weights of --w.
#include <fmt/format.h>

#include "cbec/analysis/spreg/spreg_panel_analyses.hpp"
#include "cbec/estimate/spatial_models/impacts_of_fit.hpp"
#include "cbec/report/impacts_report.hpp"
#include "cbec/report/regression_table.hpp"
#include "cbec/report/spreg_panel_json.hpp"

namespace cbec {

Analysis spxt_analysis() {
  Analysis a;
  a.name = "spxt";
  a.command = a.name;
  a.summary = "Spatial panel models by ML: SAR, SEM, SDM; pooled, unit, time or two-way fixed effects (Lee-Yu correction); unbalanced panels";
  a.options = {formula_option("Formula without fixed effects, e.g. \"y ~ x1 + x2\"")};
  for (auto& o : spatial_panel_options(true)) a.options.push_back(o);
  a.options.push_back(count_option("impact_draws", 1000, "Draws for the simulated standard errors of the impacts of SAR and SDM (0: none)"));
  a.needs.resampling = true;
  a.needs.panel = PanelNeed::Required;
  a.needs.spatial = true;
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const SpatialSetup& s = ctx.spatial(frame);
    const bool pooled = o.text("effect") == "pooled";
    const SpatialPanelSample sample = spatial_panel_sample(frame, o.text("formula"), pooled, ctx.time, s, ctx.data);
    std::vector<RegressionResult> regs;
    Outcome out;
    out.json = {{"formula", o.text("formula")}, {"effect", o.text("effect")}, {"transform", s.transform}, {"sample", sample_json(sample)},
                {"models", nlohmann::json::array()}};
    Table notes;
    for (const auto& m : o.list("model")) {
      const SpatialPanelResult r = fit_spatial_panel(sample, spatial_panel_options_of(o, m));
      regs.push_back(r.reg);
      out.json["models"].push_back(to_json(r));
      add_spatial_panel_notes(notes, sample, r);
    }
    RegressionTableOptions to;
    to.model_names = o.list("model");
    to.title = fmt::format("Spatial panel models of {} ({} effects)", sample.data.depvar, o.text("effect"));
    Table t = regression_table(regs, to);
    t.notes.insert(t.notes.end(), notes.notes.begin(), notes.notes.end());
    t.notes.push_back("rho: spatial lag; lambda: spatial error (splm names them the other way round). Standard errors from the information matrix; z tests.");
    out.tables.push_back(t);
    // LeSage-Pace impacts of the lag models with the period's W (Elhorst 2014, section 2.3), on a
    // balanced panel whose periods share one W.
    ImpactsOptions io;
    io.draws = static_cast<int>(o.integer("impact_draws"));
    io.seed = ctx.resampling.seed;
    io.exact_traces = sample.data.n_units <= 3000;
    for (size_t m = 0; m < regs.size(); ++m) {
      const auto in = impacts_input(regs[m]);
      if (!in) continue;
      if (sample.data.weights.size() != 1) {
        t.notes.push_back(fmt::format("{}: no impacts, the periods have different weights (unbalanced panel).", o.list("model")[m]));
        continue;
      }
      const Impacts im = spatial_impacts(sample.data.weights[0], *in, io);
      out.tables.push_back(impacts_table(im, fmt::format("Impacts of the {} model", o.list("model")[m])));
      out.json["models"][m]["impacts"] = to_json(im);
    }
    out.tables.front().notes = t.notes;
    return out;
  };
  return a;
}

}  // namespace cbec
