// cs: Callaway and Sant'Anna's (2021) group-time ATTs and their aggregations.
#include "cbec/analysis/did/did_analyses.hpp"
#include "cbec/analysis/did/staggered_options.hpp"
#include "cbec/estimate/did/callaway_santanna.hpp"
#include "cbec/report/callaway_santanna_tables.hpp"
#include "cbec/report/did_estimates.hpp"
#include "cbec/report/did_json.hpp"
#include "cbec/report/did_tables.hpp"
#include "cbec/report/known_truth.hpp"

namespace cbec {

Analysis cs_analysis() {
  Analysis a;
  a.name = "cs";
  a.command = "did";
  a.summary = "Callaway-Sant'Anna group-time ATTs (dr, ipw, reg), dynamic/group/calendar aggregations, multiplier bootstrap";
  a.options = staggered_options(kControls | kWeights,
                                {choice_option("control_group", {"never", "notyet"}, "never", "Comparison units: never treated or not yet treated"),
                                 choice_option("estimator", {"dr", "ipw", "reg"}, "dr", "Doubly robust, inverse probability weighting or outcome regression"),
                                 choice_option("base_period", {"varying", "universal"}, "varying", "Base period of the pre-treatment effects"),
                                 count_option("anticipation", 0, "Periods of anticipation"),
                                 column_option("cluster", "Bootstrap clustering beyond the unit (a time-invariant variable)"),
                                 count_option("draws", 1000, "Multiplier bootstrap draws", 1),
                                 flag_option("no_bootstrap", "Analytical standard errors instead of the multiplier bootstrap"),
                                 flag_option("pointwise", "Pointwise instead of uniform confidence bands"),
                                 integer_option("min_e", nullptr, "Dynamic aggregation: the earliest event time (did's aggte min_e; default: all)"),
                                 integer_option("max_e", nullptr, "Dynamic aggregation: the latest event time (did's aggte max_e; default: all)"),
                                 integer_option("balance_e", nullptr, "Dynamic aggregation: only cohorts observed for event times 0..balance_e (did's aggte balance_e)")});
  a.needs = staggered_needs(true);
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    CallawaySantAnnaOptions co;
    co.control_group = o.text("control_group");
    co.method = o.text("estimator");
    co.base_period = o.text("base_period");
    co.anticipation = static_cast<int>(o.integer("anticipation"));
    co.cluster = o.text("cluster");
    co.draws = static_cast<size_t>(o.integer("draws"));
    co.bootstrap = !o.flag("no_bootstrap");
    co.uniform_bands = !o.flag("pointwise");
    if (o.has("min_e")) co.min_e = static_cast<int>(o.integer("min_e"));
    if (o.has("max_e")) co.max_e = static_cast<int>(o.integer("max_e"));
    if (o.has("balance_e")) co.balance_e = static_cast<int>(o.integer("balance_e"));
    co.seed = ctx.resampling.seed;
    co.threads = ctx.resampling.threads;
    const StaggeredSpec spec = staggered_spec(o, ctx);
    const CallawaySantAnnaResult r = callaway_santanna(frame, spec, co);
    Table dyn = cs_dynamic_table(r, ctx.truth);
    add_truth_note(dyn, ctx.truth);
    std::vector<CoefficientPoint> pts;
    for (const auto& e : r.dynamic.effects) pts.push_back({e.key, e.att, e.ci_low, e.ci_high, true_effect(ctx.truth, e.key)});
    nlohmann::json j = to_json(r);
    j["estimates"] = nlohmann::json::array({to_json(att_column(r, spec.y))});
    return Outcome{{cs_summary_table(r), dyn, cs_group_time_table(r)}, {coefficient_plot("", "Callaway-Sant'Anna dynamic effects", "Periods relative to treatment", pts)}, j};
  };
  return a;
}

}  // namespace cbec
