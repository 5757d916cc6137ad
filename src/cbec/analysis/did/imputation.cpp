// imputation: Borusyak, Jaravel and Spiess's (2024) imputation estimator.
#include "cbec/analysis/did/did_analyses.hpp"
#include "cbec/analysis/did/staggered_options.hpp"
#include "cbec/estimate/did/imputation.hpp"
#include "cbec/report/did_estimates.hpp"
#include "cbec/report/did_json.hpp"
#include "cbec/report/imputation_table.hpp"
#include "cbec/report/known_truth.hpp"

namespace cbec {

Analysis imputation_analysis() {
  Analysis a;
  a.name = "imputation";
  a.command = "did";
  a.summary = "Borusyak-Jaravel-Spiess imputation estimator: ATT, effects by horizon, pre-trend test";
  a.options = staggered_options(kControls | kWeights, {column_option("cluster", "Cluster variable (default: the unit)"),
                                                       count_option("leads", 3, "Leads in the pre-trend regression (0: no test)")});
  a.needs = staggered_needs();
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    ImputationOptions io;
    io.cluster = o.text("cluster");
    io.pretrend_leads = static_cast<int>(o.integer("leads"));
    const StaggeredSpec spec = staggered_spec(o, ctx);
    const ImputationResult r = imputation_did(frame, spec, io);
    std::vector<CoefficientPoint> pts;
    for (const auto& e : r.effects)
      if (e.horizon >= 0) pts.push_back({e.horizon, e.att, e.ci_low, e.ci_high, true_effect(ctx.truth, e.horizon)});
    Outcome out{{imputation_table(r, ctx.truth)}, {}, to_json(r)};
    out.json["estimates"] = nlohmann::json::array({to_json(att_column(r, spec.y))});
    if (!pts.empty()) out.figures.push_back(coefficient_plot("", "Imputation estimates by horizon", "Periods since treatment", pts));
    return out;
  };
  return a;
}

}  // namespace cbec
