#include "cbec/analysis/ts/ts_analyses.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cbec/frame/panel.hpp"
#include "cbec/stats/representable_scale.hpp"

namespace cbec {

std::vector<OptionSpec> unit_root_options(const std::string& default_deterministic) {
  return {column_option("variable", "The variable tested", true),
          choice_option("deterministic", {"none", "constant", "trend"}, default_deterministic,
                        "Deterministic terms of the test regression: none, a constant, or a constant and a linear trend"),
          text_option("lags", "Lagged differences: aic, bic, tsig (Hall's general-to-specific 5% t rule) or a fixed number", "aic"),
          count_option("max_lags", nullptr, "Largest lag order the selection considers (default: Schwert's floor(12 (T/100)^(1/4)))"),
          choice_option("series", {"both", "levels", "differences"}, "both", "Test the levels, the first differences, or both in one table"),
          flag_option("demean", "Subtract the cross-sectional mean of each period first (Levin-Lin-Chu sec. 5; Stata's demean)"),
          flag_option("mle_variance", "Standard errors from rss/n (plm purtest's dfcor = FALSE) instead of rss/(n - K)"),
          choice_option("p_approx", {"mackinnon1994", "mackinnon1996", "mackinnon1996_asymptotic"}, "mackinnon1994",
                        "p-values of the ADF and PP tau (and of Fisher tests' units): MacKinnon (1994) asymptotic (statsmodels), "
                        "or MacKinnon's (1996) method at the regression's N (as EViews) or asymptotically (as plm's purtest default) "
                        "with cbec's own simulated quantile surfaces")};
}

Deterministic deterministic_option(const Options& o) { return parse_deterministic(o.text("deterministic")); }

PApprox p_approx_option(const Options& o) { return parse_p_approx(o.text("p_approx")); }

LagChoice lag_option(const Options& o) { return parse_lag_choice(o.text("lags"), o.has("max_lags") ? o.integer("max_lags") : -1); }

void SeriesLeftOut::report(Outcome& out) const {
  if (!out.tables.empty())
    for (const auto& n : notes) out.tables.front().notes.push_back(n);
  out.json["dropped"] = dropped;
}

std::vector<std::pair<std::string, UnitSeries>> requested_series(const Frame& frame, const Options& o, const AnalysisContext& ctx,
                                                                 const std::string& variable, SeriesLeftOut& left_out) {
  Panel declared;
  const Panel& panel = ctx.panel ? *ctx.panel : (declared = declare_panel(frame, ctx.unit, ctx.time));
  const UnitSeries levels = unit_series(frame, panel, variable, o.flag("demean"));
  if (!levels.units_without_values.empty())
    left_out.notes.push_back(fmt::format("{}: {} unit{} without a value left out: {}.", variable, levels.units_without_values.size(),
                                         levels.units_without_values.size() == 1 ? "" : "s", fmt::join(levels.units_without_values, ", ")));
  if (levels.missing_at_ends)
    left_out.notes.push_back(fmt::format("{}: {} missing value{} before a unit's first or after its last observed period left out (each "
                                         "unit is tested over its span).",
                                         variable, levels.missing_at_ends, levels.missing_at_ends == 1 ? "" : "s"));
  left_out.dropped[variable] = {{"units_without_values", levels.units_without_values}, {"missing_at_ends", levels.missing_at_ends}};
  for (const auto& y : levels.y) refuse_unrepresentable_scale(variable, y, y.squaredNorm());  // the test regressions square it
  const std::string which = o.text("series");
  std::vector<std::pair<std::string, UnitSeries>> out;
  if (which != "differences") out.emplace_back("levels", levels);
  if (which != "levels") out.emplace_back("differences", differenced(levels));
  return out;
}

Needs ts_needs() {
  Needs n;
  n.panel = PanelNeed::Required;
  n.panel_view = true;
  return n;
}

}  // namespace cbec
