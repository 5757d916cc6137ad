#include "cbec/estimate/did/event_study.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/estimate/wald.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

namespace {
std::string rel_name(int r) { return fmt::format("rel::{}", r); }
}  // namespace

RegressionResult twfe_did(const Frame& frame, const StaggeredSpec& spec) {
  Frame f = with_did(frame, spec);
  FeolsOptions o;
  o.vcov = spec.vcov_spec();
  DesignOptions d;
  d.weights = spec.weights;
  RegressionResult r = feols(f, spec.formula({"did"}), o, d);
  r.estimator = "twfe";
  return r;
}

EventStudyResult event_study(const Frame& frame, const StaggeredSpec& spec, const EventStudyOptions& o) {
  if (o.min_rel >= o.max_rel)
    throw SpecError(fmt::format("event window [{}, {}]: the first period must come before the last, e.g. [-5, 5]", o.min_rel, o.max_rel));
  if (o.min_rel > o.ref || o.max_rel < o.ref)
    throw SpecError(fmt::format("event window [{}, {}] must contain the reference period {}", o.min_rel, o.max_rel, o.ref));
  const auto g = first_treatment(frame, spec);
  const auto& t = frame.numeric(spec.time);
  // A window may reach past the relative periods the data has (those periods are reported empty),
  // but not by more than their span: a window of a billion periods would make a billion columns.
  double lowest = INFINITY, highest = -INFINITY;
  for (size_t i = 0; i < frame.nrows(); ++i)
    if (!std::isnan(g[i]) && !std::isnan(t[i])) {
      lowest = std::min(lowest, t[i] - g[i]);
      highest = std::max(highest, t[i] - g[i]);
    }
  if (lowest <= highest) {
    const double span = highest - lowest + 1;
    if (o.min_rel < lowest - span || o.max_rel > highest + span)
      throw SpecError(fmt::format("event window [{}, {}] reaches far beyond the periods relative to treatment in the data ({:g} to {:g}): "
                                  "give a window within about [{:g}, {:g}]", o.min_rel, o.max_rel, lowest, highest, lowest - span, highest + span));
  }
  // Each row's period relative to treatment, binned at the window's ends; without binning the
  // treated units' rows outside the window leave the sample, counted as outside_window.
  std::map<int, size_t> counts;
  std::vector<size_t> inside;
  std::vector<int> rel;
  std::vector<bool> treated;
  for (size_t i = 0; i < frame.nrows(); ++i) {
    int r = 0;
    const bool is_treated = !std::isnan(g[i]) && !std::isnan(t[i]);
    if (is_treated) {
      r = static_cast<int>(t[i] - g[i]);
      if ((r < o.min_rel || r > o.max_rel) && !o.bin_endpoints) continue;
      r = std::clamp(r, o.min_rel, o.max_rel);
      ++counts[r];
    }
    inside.push_back(i);
    rel.push_back(r);
    treated.push_back(is_treated);
  }
  if (std::none_of(counts.begin(), counts.end(), [](const auto& c) { return c.second > 0; }))
    throw DataError(fmt::format("event: no treated observation (every unit never treated, treated after the last period of '{}', or observed only outside the window); "
                                "an event study needs units whose first treatment ('{}') falls within the data", spec.time, spec.first_treat));
  refuse_empty_reference(counts, o.ref, "event");
  Frame f = inside.size() == frame.nrows() ? frame : frame.take(inside);
  std::vector<std::string> terms;
  std::vector<int> empty;   // periods of the window without a treated observation: no dummy (not "collinear")
  for (int r = o.min_rel; r <= o.max_rel; ++r) {
    if (r == o.ref) continue;
    if (counts[r] == 0) {
      empty.push_back(r);
      continue;
    }
    std::vector<double> col(inside.size(), 0.0);
    for (size_t i = 0; i < col.size(); ++i) col[i] = (treated[i] && rel[i] == r) ? 1.0 : 0.0;
    f.set(Column::numeric(rel_name(r), std::move(col)));
    terms.push_back(rel_name(r));
  }
  FeolsOptions fo;
  fo.vcov = spec.vcov_spec();
  DesignOptions d;
  d.weights = spec.weights;
  EventStudyResult out;
  out.model = feols(f, spec.formula(terms), fo, d);
  out.model.estimator = "event_study";
  if (inside.size() < frame.nrows()) out.model.dropped["outside_window"] = frame.nrows() - inside.size();
  if (!empty.empty())
    out.model.warnings.push_back(fmt::format("no treated observation at relative period{} {} of the window: not estimated (the window is wider "
                                             "than the data's periods relative to treatment)",
                                             empty.size() == 1 ? "" : "s", fmt::join(empty, ", ")));
  const Eigen::VectorXd se = out.model.se(), p = out.model.p_value();
  std::vector<long> leads;
  for (int r = o.min_rel; r <= o.max_rel; ++r) {
    EventPeriod ep;
    ep.rel = r;
    ep.n_treated_obs = counts[r];
    ep.binned = o.bin_endpoints && (r == o.min_rel || r == o.max_rel);
    if (r == o.ref) {
      ep.reference = true;
      out.periods.push_back(ep);
      continue;
    }
    long j = out.model.find(rel_name(r));
    if (j < 0) {  // collinear or no observations
      ep.estimate = ep.se = ep.ci_low = ep.ci_high = ep.p_value = std::numeric_limits<double>::quiet_NaN();
      out.periods.push_back(ep);
      continue;
    }
    const double q = q_t(0.5 + o.level / 2, out.model.df_for(static_cast<size_t>(j)));
    ep.estimate = out.model.coef[j];
    ep.se = se[j];
    ep.ci_low = ep.estimate - q * ep.se;
    ep.ci_high = ep.estimate + q * ep.se;
    ep.p_value = p[j];
    if (r < 0) leads.push_back(j);  // every pre-treatment period but the reference
    out.periods.push_back(ep);
  }
  if (!leads.empty()) {
    out.pretrend = wald_f(out.model.coef, out.model.vcov, leads, out.model.vcov_info.df,
                          "joint Wald test that all pre-treatment (lead) coefficients are zero");
    out.model.tests["pretrend"] = out.pretrend;
  }
  return out;
}

}  // namespace cbec
