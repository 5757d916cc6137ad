// event: the TWFE event study with binned endpoints and a joint pre-trend test.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "cbec/analysis/did/did_analyses.hpp"
#include "cbec/analysis/did/staggered_options.hpp"
#include "cbec/analysis/variance_support.hpp"
#include "cbec/estimate/did/event_study.hpp"
#include "cbec/report/did_json.hpp"
#include "cbec/report/did_tables.hpp"
#include "cbec/report/regression_table.hpp"

namespace cbec {

Analysis event_analysis() {
  Analysis a;
  a.name = "event";
  a.command = "did";
  a.summary = "Event study: effects by period relative to treatment (TWFE), pre-trend F test";
  a.options = staggered_options(kControls | kFixedEffects | kVcov | kWeights,
                                {range_option("window", {-5, 5}, "Event window [min, max]; periods beyond it are binned into the endpoints"),
                                 integer_option("ref", -1, "Reference (omitted) relative period"),
                                 flag_option("no_bin", "Drop the periods outside the window instead of binning them")});
  a.needs = staggered_needs();
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const StaggeredSpec spec = staggered_spec(o, ctx);
    check_vcov("event", "event", spec.vcov_spec(), {true, !spec.weights.empty()});
    EventStudyOptions eo;
    std::tie(eo.min_rel, eo.max_rel) = o.range("window");
    eo.ref = static_cast<int>(o.integer("ref"));
    eo.bin_endpoints = !o.flag("no_bin");
    const EventStudyResult es = event_study(frame, spec, eo);
    Table t = event_periods_table("Event study: effect by period relative to treatment", es.periods, ctx.truth);
    if (es.pretrend.df1 > 0)
      t.notes.push_back(fmt::format("Pre-trend test (all leads = 0): {}.", f_test_text(es.pretrend)));
    t.notes.push_back(fmt::format("TWFE event study, N = {}, standard errors {}{}.", es.model.nobs, es.model.vcov_info.type,
                                  es.model.vcov_info.cluster.empty() ? "" : fmt::format(" by {}", fmt::join(es.model.vcov_info.cluster, "+"))));
    std::set<std::string> seen;
    add_dropped_notes(t.notes, es.model, "", seen);
    // Units first treated after the last period are controls here (never treated in the sample);
    // fixest's i() on their relative periods would estimate leads from them instead.
    const TreatedAfterSample late = treated_after_sample(frame, spec);
    if (!late.units.empty())
      t.notes.push_back(fmt::format("{} unit{} first treated after the last period ({:g}): never treated in the sample, so controls (fixest's i() would estimate leads from them).",
                                    late.units.size(), late.units.size() == 1 ? "" : "s", late.last_period));
    // Without never-treated units (every province treated by the sample's end) the relative-period
    // effects rest on the differences in timing between cohorts and on the binned endpoints alone.
    const std::vector<double> g = first_treatment(frame, spec);
    if (!g.empty() && std::none_of(g.begin(), g.end(), [](double v) { return std::isnan(v); }))
      t.notes.push_back("No unit is never treated in the sample: the effects are identified from the differences in treatment timing "
                        "and the binned endpoints alone; compare with sunab (the last cohort as control) or imputation.");
    return Outcome{{t}, {event_periods_figure("Event study", es.periods, ctx.truth)}, to_json(es)};
  };
  return a;
}

}  // namespace cbec
