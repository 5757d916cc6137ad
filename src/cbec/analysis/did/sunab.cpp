// sunab: Sun and Abraham's (2021) interaction-weighted event study.
#include <fmt/format.h>

#include "cbec/analysis/did/did_analyses.hpp"
#include "cbec/analysis/did/staggered_options.hpp"
#include "cbec/analysis/variance_support.hpp"
#include "cbec/estimate/did/sun_abraham.hpp"
#include "cbec/report/did_estimates.hpp"
#include "cbec/report/did_json.hpp"
#include "cbec/report/did_tables.hpp"
#include "cbec/report/regression_table.hpp"

namespace cbec {

Analysis sunab_analysis() {
  Analysis a;
  a.name = "sunab";
  a.command = "did";
  a.summary = "Sun-Abraham interaction-weighted event study and ATT";
  a.options = staggered_options(kControls | kFixedEffects | kVcov | kWeights,
                                {integer_option("ref", -1, "Reference (omitted) relative period"),
                                 choice_option("control", {"last_cohort", "fixest"}, "last_cohort",
                                               "Without never-treated units: the last-treated cohort as control (Sun-Abraham 2021) or every "
                                               "cohort interacted as fixest::sunab")});
  a.needs = staggered_needs();
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const StaggeredSpec spec = staggered_spec(o, ctx);
    check_vcov("sunab", "sunab", spec.vcov_spec(), {true, !spec.weights.empty()});
    SunAbrahamOptions so;
    so.ref = static_cast<int>(o.integer("ref"));
    so.control = o.text("control");
    const SunAbrahamResult sa = sun_abraham(frame, spec, so);
    Table t = event_periods_table("Sun-Abraham interaction-weighted event study", sa.periods, ctx.truth);
    t.notes.push_back(fmt::format("Controls: {}. ATT (periods >= 0) = {} (SE {}).", sa.control_cohort, format_fixed(sa.att), format_fixed(sa.att_se)));
    if (sa.control_units == 1)
      t.notes.push_back(fmt::format("Warning: the control cohort ({}) is a single unit: every effect is measured against that one unit; "
                                    "compare with cs (not-yet-treated controls) or imputation", sa.control_cohort));
    std::set<std::string> seen;
    add_dropped_notes(t.notes, sa.model, "", seen);
    if (!sa.always_treated.empty())
      t.notes.push_back(fmt::format("Cohorts treated before the sample's first period left out (no pre-period to identify their effects): {}.",
                                    fmt::join(sa.always_treated, ", ")));
    if (!sa.untreated_in_sample.empty())
      t.notes.push_back(fmt::format("Cohorts observed only before their treatment used as controls, as never-treated units (fixest likewise): {}.",
                                    fmt::join(sa.untreated_in_sample, ", ")));
    add_truth_note(t, ctx.truth);
    nlohmann::json j = to_json(sa);
    j["estimates"] = nlohmann::json::array({to_json(att_column(sa, spec.y))});
    return Outcome{{t}, {event_periods_figure("Sun-Abraham event study", sa.periods, ctx.truth)}, j};
  };
  return a;
}

}  // namespace cbec
