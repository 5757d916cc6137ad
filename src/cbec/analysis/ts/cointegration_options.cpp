#include "cbec/analysis/ts/ts_coint_analyses.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cbec/stats/representable_scale.hpp"

namespace cbec {

std::vector<OptionSpec> cointegration_options(bool trend) {
  std::vector<OptionSpec> o = {column_option("variable", "Dependent variable y of the cointegrating regression", true),
                               columns_option("regressors", "I(1) regressors x", true),
                               flag_option("logs", "Natural logs of the variable and regressors")};
  if (trend) o.push_back(flag_option("trend", "A linear trend per unit besides its intercept"));
  o.push_back(choice_option("kernel", {"bartlett", "parzen", "qs"}, "bartlett", "Long-run variance kernel: Bartlett, Parzen or Quadratic Spectral"));
  o.push_back(text_option("bandwidth", "Kernel bandwidth: nw (Newey-West 1994), andrews (Andrews 1991 AR(1)) or a number", "nw"));
  return o;
}

CointegrationData cointegration_input(const Frame& frame, const Options& o, const AnalysisContext& ctx) {
  CointegrationData d = cointegration_data(frame, ctx.unit, ctx.time, o.text("variable"), o.list("regressors"), o.flag("trend"), o.flag("logs"));
  // The regressions square y and x: values beyond double precision's squares refused by name.
  for (size_t i = 0; i < d.n_units(); ++i) {
    refuse_unrepresentable_scale(d.y, d.yi[i], d.yi[i].squaredNorm());
    for (long j = 0; j < d.xi[i].cols(); ++j) refuse_unrepresentable_scale(d.x[static_cast<size_t>(j)], d.xi[i].col(j), d.xi[i].col(j).squaredNorm());
  }
  return d;
}

Outcome with_left_out(Outcome out, const CointegrationData& d, bool short_units) {
  std::vector<std::string> notes, few;
  if (d.incomplete_at_ends)
    notes.push_back(fmt::format("{} row{} before a unit's first or after its last complete period left out.", d.incomplete_at_ends,
                                d.incomplete_at_ends == 1 ? "" : "s"));
  if (!d.units_without_values.empty())
    notes.push_back(fmt::format("{} unit{} without a complete period left out: {}.", d.units_without_values.size(),
                                d.units_without_values.size() == 1 ? "" : "s", fmt::join(d.units_without_values, ", ")));
  for (size_t i = 0; short_units && i < d.n_units(); ++i)
    if (d.yi[i].size() < 10) few.push_back(fmt::format("{} ({})", d.units[i], d.yi[i].size()));
  if (!few.empty())
    notes.push_back(fmt::format("Warning: unit{} with fewer than 10 periods: {}; their kernel long-run variances rest on a few "
                                "autocovariances and FMOLS is asymptotic in T: read their estimates with care.",
                                few.size() == 1 ? "" : "s", fmt::join(few, ", ")));
  out.json["dropped"] = {{"incomplete_at_ends", d.incomplete_at_ends}, {"units_without_values", d.units_without_values}};
  if (!out.tables.empty())
    for (auto& n : notes) out.tables.front().notes.push_back(std::move(n));
  return out;
}

LongRunSpec long_run_option(const Options& o) { return parse_long_run_spec(o.text("kernel"), o.text("bandwidth")); }

Needs cointegration_needs() {
  Needs n;
  n.panel = PanelNeed::Required;
  return n;
}

}  // namespace cbec
