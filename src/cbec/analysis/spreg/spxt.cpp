// spxt: spatial panel models by maximum likelihood (SAR, SEM, SDM; pooled, unit, time or two-way
// fixed effects; Lee-Yu correction), several models side by side, on the weights of --w.
#include <fmt/format.h>

#include "cbec/analysis/spreg/spreg_panel_analyses.hpp"
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
    return out;
  };
  return a;
}

}  // namespace cbec
