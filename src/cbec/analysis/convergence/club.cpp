// club: Phillips and Sul's (2007, 2009) log t test and convergence clubs, with merging, as the R
// package ConvergenceClubs computes them (estimate/convergence/club_convergence.hpp).
#include <fmt/format.h>

#include "cbec/analysis/convergence/convergence_analyses.hpp"
#include "cbec/estimate/convergence/club_convergence.hpp"
#include "cbec/report/convergence_json.hpp"
#include "cbec/report/convergence_tables.hpp"

namespace cbec {

Analysis club_analysis() {
  Analysis a;
  a.name = "club";
  a.command = "converge";
  a.summary = "Phillips-Sul log t test and convergence clubs (merged)";
  a.options = {column_option("variable", "Variable (e.g. GDP per capita)", true),
               flag_option("levels", "Clubs of the levels instead of the logs"),
               number_option("hp_lambda", 400, "Hodrick-Prescott lambda (400 for annual data; 0 = no filtering)", 0),
               number_option("r", 0.3, "Fraction of periods discarded in the log t regression", 0, 1),
               number_option("cstar", 0, "Sieve critical value c*"),
               choice_option("merge", {"none", "ps", "vlt"}, "ps", "Merging of clubs: none, ps (Phillips-Sul 2009) or vlt (von Lyncker-Thoennessen 2017)"),
               number_option("order_fraction", 0, "Order units by the mean of this last fraction of periods (0: the last period)", 0, 1),
               choice_option("core_rule", {"convergenceclubs", "paper"}, "convergenceclubs",
                             "Core group: the size with the largest |t| (R ConvergenceClubs) or the largest t (Phillips and Sul 2007)")};
  a.needs = convergence_needs();
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    ClubOptions c;
    c.logs = !o.flag("levels");
    c.hp_lambda = o.number("hp_lambda");
    c.r = o.number("r");
    c.cstar = o.number("cstar");
    c.merge = o.text("merge");
    c.order_fraction = o.number("order_fraction");
    c.core_rule = o.text("core_rule");
    const ClubResult r = club_convergence(frame, o.text("variable"), ctx.unit, ctx.time, c);
    Outcome out{club_tables(r), {}, to_json(r)};
    // The log t regression's HAC t-statistic is asymptotic in T; with a handful of periods it is
    // driven by the kernel's few autocovariances (T = 4: 3 points gave t = -15.7, everything divergent).
    if (r.full.nobs < 10 && !out.tables.empty())
      out.tables.front().notes.push_back(fmt::format("Warning: the log t regressions have {} periods (of {}, the first share r = {:g} discarded); their "
                                                     "HAC t-statistics are asymptotic in T and unreliable with so few: read the clubs with care.",
                                                     r.full.nobs, r.periods, c.r));
    return out;
  };
  return a;
}

}  // namespace cbec
