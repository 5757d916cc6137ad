// cbec did: policy evaluation of a staggered rollout. Methods: twfe (multi-period DID), event
// (event study), sunab (Sun-Abraham), bacon (Goodman-Bacon decomposition), placebo
// (randomization inference), wild (wild cluster bootstrap of the DID), cs (Callaway-Sant'Anna),
// imputation (Borusyak-Jaravel-Spiess), didm (de Chaisemartin-D'Haultfoeuille DID_M).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/core/strings.hpp"
#include "cbec/estimate/did/bacon.hpp"
#include "cbec/estimate/did/callaway_santanna.hpp"
#include "cbec/estimate/did/did_multiplegt.hpp"
#include "cbec/estimate/did/event_study.hpp"
#include "cbec/estimate/did/imputation.hpp"
#include "cbec/estimate/did/mediation.hpp"
#include "cbec/estimate/did/sun_abraham.hpp"
#include "cbec/estimate/did/twfe_weights.hpp"
#include "cbec/estimate/did/placebo.hpp"
#include "cbec/estimate/did/wild_bootstrap.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/report/callaway_santanna_tables.hpp"
#include "cbec/report/did_multiplegt_table.hpp"
#include "cbec/report/imputation_table.hpp"
#include "cbec/report/regression_table.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cbec::cli {

namespace {

Table event_table(const EventStudyResult& es) {
  Table t;
  t.title = "Event study: effect by period relative to treatment";
  t.header = {"Relative period", "Estimate", "Std. error", "CI low", "CI high", "p-value", "Treated obs."};
  for (const auto& p : es.periods) {
    std::string label = fmt::format("{}{}", p.rel, p.binned ? (p.rel < 0 ? " (and earlier)" : " (and later)") : "");
    if (p.reference) t.rows.push_back({label + " (reference)", "0", "", "", "", "", std::to_string(p.n_treated_obs)});
    else t.rows.push_back({label, format_fixed(p.estimate), format_fixed(p.se), format_fixed(p.ci_low), format_fixed(p.ci_high), format_fixed(p.p_value), std::to_string(p.n_treated_obs)});
  }
  if (es.pretrend.df1 > 0)
    t.notes.push_back(fmt::format("Pre-trend test (all leads = 0): F({:g}, {:g}) = {:.3f}, p = {:.4f}", es.pretrend.df1,
                                  es.pretrend.df2, es.pretrend.stat, es.pretrend.p_value));
  t.notes.push_back(fmt::format("N = {}; standard errors {}.", es.model.nobs, es.model.vcov_info.type));
  return t;
}

Table placebo_table(const PlaceboResult& p) {
  Table t;
  t.title = "Placebo test: random reassignment of treatment";
  t.header = {"Statistic", "Value"};
  t.rows = {{"Real DID estimate", format_fixed(p.estimate)},
            {"Placebo draws", std::to_string(p.draws.size())},
            {"Mean of placebo estimates", format_fixed(p.mean)},
            {"SD of placebo estimates", format_fixed(p.sd)},
            {"p-value, two-sided (|placebo| >= |real|)", format_fixed(p.p_two_sided)},
            {"p-value, left (placebo <= real)", format_fixed(p.p_left)},
            {"p-value, right (placebo >= real)", format_fixed(p.p_right)},
            {"Reassignment", p.mode},
            {"Seed", std::to_string(p.seed)}};
  return t;
}

Table wild_table(const WildBootstrapResult& r) {
  Table t;
  t.title = "Wild cluster bootstrap (null imposed)";
  t.header = {"Statistic", "Value"};
  t.rows = {{"Coefficient", r.term},
            {"Estimate", format_fixed(r.estimate)},
            {"t (CR1)", format_fixed(r.t_stat)},
            {fmt::format("Bootstrap p-value (H0: = {:g})", r.null_value), format_fixed(r.p_value)},
            {"95% CI (test inversion)", fmt::format("[{}, {}]", format_fixed(r.ci_low), format_fixed(r.ci_high))},
            {"Clusters", fmt::format("{} ({})", r.n_clusters, r.cluster)},
            {"Draws", fmt::format("{}{}", r.draws, r.enumerated ? " (all sign vectors enumerated)" : "")},
            {"Weights", r.weight_type}};
  return t;
}

Table bacon_table(const BaconResult& b) {
  Table t;
  t.title = "Goodman-Bacon decomposition of the TWFE DID estimate";
  t.header = {"Comparison", "Weight", "Weighted average 2x2 estimate"};
  for (const auto& [type, wt] : b.by_type) t.rows.push_back({type, format_fixed(wt.first), format_fixed(wt.second)});
  t.rows.push_back({"TWFE estimate (sum of weight x estimate)", "1", format_fixed(b.twfe)});
  t.rules_before.push_back(t.rows.size() - 1);
  for (const auto& w : b.warnings) t.notes.push_back("Warning: " + w);
  return t;
}

}  // namespace

void add_did(CLI::App& app) {
  struct Opts {
    std::string data, method = "twfe", controls, fe, window = "-5,5", weights, boot_weights = "webb", mediator;
    StaggeredSpec spec;
    int ref = -1, threads = 0;
    bool no_bin = false;
    size_t draws = 0;
    uint64_t seed = 12345;
    std::string mode = "units";
    CallawaySantAnnaOptions cs;
    DidMultiplegtOptions didm;
    bool no_bootstrap = false, pointwise = false;
    OutputOptions out;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("did", "Staggered difference-in-differences: twfe, event, sunab, cs, imputation, didm, bacon, placebo, wild, mediation");
  cmd->add_option("data", o->data, "Data file (.csv, .dta)")->required();
  cmd->add_option("--method", o->method, "twfe | event | sunab | cs | imputation | didm | bacon | placebo | wild | mediation");
  cmd->add_option("--y", o->spec.y, "Outcome")->required();
  cmd->add_option("--unit", o->spec.unit, "Unit identifier")->required();
  cmd->add_option("--time", o->spec.time, "Time period (whole numbers)")->required();
  cmd->add_option("--first-treat", o->spec.first_treat, "First treatment period (0 or missing: never treated); required but with didm --treatment");
  cmd->add_option("--treatment", o->didm.treatment, "didm: a 0/1 treatment column that may switch on and off (instead of --first-treat)");
  cmd->add_option("--placebo", o->didm.placebo, "didm: number of placebo lags (default 0)");
  cmd->add_option("--dynamic", o->didm.dynamic, "didm: dynamic effects l = 1..L (default 0)");
  cmd->add_option("--controls", o->controls, "Control terms joined by +, e.g. \"x1 + log(x2)\"");
  cmd->add_option("--fe", o->fe, "Further fixed effects joined by +, e.g. \"province^year\"");
  cmd->add_option("--vcov", o->spec.vcov, "Variance (default: cluster by unit)");
  cmd->add_option("--weights", o->spec.weights, "Observation weights");
  cmd->add_option("--window", o->window, "Event window min,max (default -5,5)");
  cmd->add_option("--ref", o->ref, "Reference period of the event study (default -1)");
  cmd->add_flag("--no-bin", o->no_bin, "Drop periods outside the window instead of binning them");
  cmd->add_option("--draws", o->draws, "Placebo draws (default 500) / bootstrap draws (wild 9999, cs 1000, didm 500)");
  cmd->add_option("--mode", o->mode, "Placebo reassignment: units | timing | both");
  cmd->add_option("--seed", o->seed, "Random seed");
  cmd->add_option("--boot-weights", o->boot_weights, "Wild bootstrap weights: webb | rademacher");
  cmd->add_option("--threads", o->threads, "Threads for replications (default: all)");
  cmd->add_option("--mediator", o->mediator, "Mediator variable (method mediation)");
  cmd->add_option("--control-group", o->cs.control_group, "cs: never | notyet (default never)");
  cmd->add_option("--estimator", o->cs.method, "cs: dr | ipw | reg (default dr)");
  cmd->add_option("--base-period", o->cs.base_period, "cs: varying | universal (default varying)");
  cmd->add_option("--anticipation", o->cs.anticipation, "cs: periods of anticipation (default 0)");
  cmd->add_option("--cluster", o->cs.cluster, "cs, imputation: cluster variable (default: the unit)");
  cmd->add_flag("--no-bootstrap", o->no_bootstrap, "cs: analytical standard errors instead of the multiplier bootstrap");
  cmd->add_flag("--pointwise", o->pointwise, "cs: pointwise instead of uniform confidence bands");
  add_output_options(*cmd, o->out);
  cmd->callback([o] {
    Frame frame = read_table(o->data);
    o->spec.controls = split_trimmed(o->controls, '+');
    o->spec.extra_fe = split_trimmed(o->fe, '+');
    const auto& spec = o->spec;
    if (spec.first_treat.empty() && !(o->method == "didm" && !o->didm.treatment.empty()))
      throw SpecError("--first-treat is required (method didm also takes a 0/1 --treatment column instead)");
    if (o->method == "cs") {
      CallawaySantAnnaOptions co = o->cs;
      co.bootstrap = !o->no_bootstrap;
      co.uniform_bands = !o->pointwise;
      co.draws = o->draws ? o->draws : 1000;
      co.seed = o->seed;
      co.threads = o->threads;
      CallawaySantAnnaResult r = callaway_santanna(frame, spec, co);
      emit({cs_summary_table(r), cs_dynamic_table(r, nullptr), cs_group_time_table(r)}, to_json(r), o->out);
    } else if (o->method == "didm") {
      DidMultiplegtOptions dm = o->didm;
      dm.draws = o->draws ? o->draws : 500;
      dm.seed = o->seed;
      dm.threads = o->threads;
      DidMultiplegtResult r = did_multiplegt(frame, spec, dm);
      emit({did_multiplegt_table(r)}, to_json(r), o->out);
    } else if (o->method == "imputation") {
      ImputationOptions io;
      io.cluster = o->cs.cluster;
      ImputationResult r = imputation_did(frame, spec, io);
      emit({imputation_table(r, nullptr)}, to_json(r), o->out);
    } else if (o->method == "twfe") {
      RegressionResult r = twfe_did(frame, spec);
      const TwfeWeightsResult tw = twfe_weights(frame, spec);
      Table t = regression_table({r});
      t.notes.push_back("Diagnostic (de Chaisemartin and D'Haultfoeuille 2020): " + tw.verdict);
      nlohmann::json j = to_json(r);
      j["twfe_weights"] = to_json(tw);
      emit({t}, j, o->out);
    } else if (o->method == "event") {
      EventStudyOptions eo;
      eo.ref = o->ref;
      eo.bin_endpoints = !o->no_bin;
      if (std::sscanf(o->window.c_str(), "%d,%d", &eo.min_rel, &eo.max_rel) != 2)
        throw SpecError(fmt::format("--window '{}' must be two whole numbers min,max such as -5,5", o->window));
      EventStudyResult es = event_study(frame, spec, eo);
      emit({event_table(es)}, to_json(es), o->out);
    } else if (o->method == "placebo") {
      PlaceboOptions po;
      po.draws = o->draws ? o->draws : 500;
      po.seed = o->seed;
      po.mode = o->mode;
      po.threads = o->threads;
      PlaceboResult p = placebo_did(frame, spec, po);
      emit({placebo_table(p)}, to_json(p), o->out);
    } else if (o->method == "mediation") {
      if (o->mediator.empty()) throw SpecError("--method mediation needs --mediator");
      Frame f = with_did(frame, spec);
      MediationSpec ms;
      ms.y = spec.y;
      ms.treatment = "did";
      ms.mediator = o->mediator;
      ms.unit = spec.unit;
      ms.controls = spec.controls;
      ms.fixed_effects = {spec.unit, spec.time};
      ms.fixed_effects.insert(ms.fixed_effects.end(), spec.extra_fe.begin(), spec.extra_fe.end());
      ms.draws = o->draws ? o->draws : 500;
      ms.seed = o->seed;
      ms.threads = o->threads;
      MediationResult m = mediation(f, ms);
      Table t = regression_table({m.total, m.mediator, m.direct}, RegressionTableOptions{"Mediation: three-step test", {"(1) Y", "(2) M", "(3) Y"}});
      t.notes.push_back(fmt::format("Indirect effect a*b = {} (Sobel z = {:.3f}, p = {}); bootstrap {}% CI [{}, {}] from {} cluster draws; share mediated {}.",
                                    format_fixed(m.indirect), m.sobel_z, format_fixed(m.sobel_p), 95, format_fixed(m.boot_low), format_fixed(m.boot_high), m.draws, format_fixed(m.proportion)));
      emit({t}, to_json(m), o->out);
    } else if (o->method == "bacon") {
      BaconResult b = bacon_decomposition(frame, spec);
      emit({bacon_table(b)}, to_json(b), o->out);
    } else if (o->method == "sunab") {
      SunAbrahamResult sa = sun_abraham(frame, spec, o->ref);
      EventStudyResult es;
      es.model = sa.model;
      es.periods = sa.periods;
      Table t = event_table(es);
      t.title = "Sun-Abraham interaction-weighted event study";
      t.notes.push_back(fmt::format("Controls: {}. ATT (periods >= 0) = {} (SE {}).", sa.control_cohort, format_fixed(sa.att), format_fixed(sa.att_se)));
      emit({t}, to_json(sa), o->out);
    } else if (o->method == "wild") {
      Frame f = with_did(frame, spec);
      DesignOptions d;
      d.weights = spec.weights;
      d.groups = {spec.unit};
      Design des = build_design(f, parse_formula(spec.formula({"did"})), d);
      WildBootstrapOptions wo;
      wo.draws = o->draws ? o->draws : 9999;
      wo.seed = o->seed;
      wo.weight_type = o->boot_weights;
      wo.threads = o->threads;
      WildBootstrapResult w = wild_cluster_bootstrap(des, "did", spec.unit, wo);
      emit({wild_table(w)}, to_json(w), o->out);
    } else {
      throw SpecError(fmt::format("--method '{}' is unknown; use twfe, event, sunab, cs, imputation, didm, bacon, placebo, wild or mediation", o->method));
    }
  });
}

}  // namespace cbec::cli
