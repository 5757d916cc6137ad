// sigma: sigma convergence, the cross-sectional SD and CV of a variable (or of its log) by year
// with linear trend tests (Sala-i-Martin 1996), by subgroup.
#include <nlohmann/json.hpp>

#include "cbec/analysis/convergence/convergence_analyses.hpp"
#include "cbec/report/convergence_json.hpp"
#include "cbec/report/convergence_tables.hpp"

namespace cbec {

Analysis sigma_analysis() {
  Analysis a;
  a.name = "sigma";
  a.command = "converge";
  a.summary = "Sigma convergence: cross-sectional SD and CV by year, with trend tests";
  a.options = convergence_options(false);
  a.options.push_back(flag_option("levels", "Dispersion of the levels instead of the logs"));
  a.needs = convergence_needs();
  a.run = [](Frame& frame, const Options& o, const AnalysisContext& ctx) {
    const ConvergenceSpec spec = convergence_spec(o, ctx, "iid");
    const std::vector<SigmaResult> results = sigma_convergence(frame, spec);
    Outcome out;
    out.json = {{"method", "sigma"}, {"results", nlohmann::json::array()}};
    for (const auto& r : results) {
      out.tables.push_back(sigma_table(r));
      out.json["results"].push_back(to_json(r));
    }
    out.figures.push_back(sigma_figure(results, spec.variable));
    return out;
  };
  return a;
}

}  // namespace cbec
